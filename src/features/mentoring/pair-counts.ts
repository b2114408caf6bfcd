import type { Kysely } from 'kysely';
import type { Database, MentoringRelationshipTable } from '../../db/schema.ts';
import { STATES_USING_MENTOR_CAPACITY } from '../../domain/mentoring/relationship-lifecycle.ts';

/**
 * Keeps each program enrollment's `running_pairs` and `waiting_since` true (migration 0007): called
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
}
