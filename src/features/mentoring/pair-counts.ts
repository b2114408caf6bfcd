import type { Kysely } from 'kysely';
import { supportsRowLocks } from '../../db/locking.ts';
import type { Database, MentoringRelationshipTable } from '../../db/schema.ts';
import { STATES_USING_MENTOR_CAPACITY } from '../../domain/mentoring/relationship-lifecycle.ts';

/**
 * Keeps the program's enrollment counts true (migration 0011): called after every change to one of
 * its enrollments (enrolling, a decision, a withdrawal) and to its mentees' running pairs. Recounted
 * from the enrollments, never incremented, so they cannot drift (callers write in a transaction).
 */
export async function recountEnrollment(db: Kysely<Database>, programId: string): Promise<void> {
  // Two writers counting at once would each miss the other's change: the program's row lock orders
  // them, and each count below is a new statement that sees what the one before it committed.
  if (supportsRowLocks(db)) await db.selectFrom('mentoring_programs').select('id').where('id', '=', programId).forUpdate().execute();
  const groups = await db.selectFrom('enrollments').select(['side', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId).where('status', 'in', ['approved', 'pending']).groupBy(['side', 'status']).execute();
  const count = (side: 'mentor' | 'mentee', status: 'approved' | 'pending') => Number(groups.find((g) => g.side === side && g.status === status)?.n ?? 0);
  const { n: unmatched } = await db.selectFrom('enrollments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId).where('side', '=', 'mentee').where('status', '=', 'approved').where('running_pairs', '=', 0).executeTakeFirstOrThrow();
  await db.updateTable('mentoring_programs').set({
    mentors_approved: count('mentor', 'approved'), mentors_pending: count('mentor', 'pending'),
    mentees_approved: count('mentee', 'approved'), mentees_pending: count('mentee', 'pending'), mentees_unmatched: Number(unmatched),
  }).where('id', '=', programId).execute();
}

/**
 * Keeps each program enrollment's `running_pairs` and `waiting_since` true (migration 0007), and the program's unmatched count with them: called
 * after every change to a program relationship (its creation and each lifecycle move). The values
 * are recounted from the relationships, never incremented, so they cannot drift.
 */
export async function recountPairs(db: Kysely<Database>, relationship: Pick<MentoringRelationshipTable, 'program_id' | 'mentor_person_id' | 'mentee_person_id'>): Promise<void> {
  const programId = relationship.program_id;
  if (!programId) return;
  for (const side of ['mentor', 'mentee'] as const) {
    const personId = side === 'mentor' ? relationship.mentor_person_id : relationship.mentee_person_id;
    const rows = await db.selectFrom('mentoring_relationships').select(['state', 'ended_at']).where('program_id', '=', programId)
      .where(side === 'mentor' ? 'mentor_person_id' : 'mentee_person_id', '=', personId).where('state', 'in', [...STATES_USING_MENTOR_CAPACITY, 'concluded']).execute();
    const running = rows.filter((row) => row.state !== 'concluded').length;
    const lastEnded = rows.filter((row) => row.state === 'concluded').map((row) => row.ended_at ?? '').sort().at(-1) || null;
    await db.updateTable('enrollments').set({ running_pairs: running, waiting_since: side === 'mentee' && running === 0 ? lastEnded : null })
      .where('program_id', '=', programId).where('person_id', '=', personId).where('side', '=', side).execute();
  }
  await recountEnrollment(db, programId);
}
