import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { healthConditions, healthFromMarks } from '../../../domain/mentoring/cadence.ts';
import type { RelationshipHealth } from '../../../domain/mentoring/health.ts';
import { daysWaiting, mentorLoad, waitingSince, type LoadStatus } from '../../../domain/mentoring/program-health.ts';
import { STATES_USING_MENTOR_CAPACITY } from '../../../domain/mentoring/relationship-lifecycle.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { invalidField, notFound } from '../../../platform/http/problem.ts';
import { programRow } from '../programs/service.ts';
import { assignPair, concludeRelationship } from '../relationships/service.ts';
import type { MentoringViewer } from '../relationship-access.ts';

/*
 * The program admin's view: enrollment, who waits unmatched and for how long, pairs by health,
 * and mentor load against capacity. Health and counts only: this module reads no check-in notes,
 * reflections, review answers or self-identification, and presents no field that could carry them.
 * Health comes off the cadence marks each relationship carries (migration 0005), so counting and
 * paging pairs by health are index range reads, however many check-ins the program holds.
 */

export type PairGroup = RelationshipHealth | 'paused';
export const PAIR_GROUPS: readonly PairGroup[] = ['on_track', 'slipping', 'stalled', 'paused'];

export interface PairRow {
  relationshipId: string;
  origin: string;
  mentor: { personId: string; name: string };
  mentee: { personId: string; name: string };
  startedAt: string | null;
  lastCheckInOn: string | null;
  nextCheckInDue: string | null;
  health: PairGroup;
  checkIns: number;
}

const utcToday = (now: Date) => now.toISOString().slice(0, 10);

function pairsIn(db: Kysely<Database>, programId: string, group: PairGroup, today: string) {
  let query = db.selectFrom('mentoring_relationships as r').where('r.program_id', '=', programId).where('r.state', '=', group === 'paused' ? 'paused' : 'active');
  if (group !== 'paused') {
    for (const condition of healthConditions(group, today)) query = query.where(`r.${condition.column}`, condition.op, condition.value);
  }
  return query;
}

async function countIn(db: Kysely<Database>, programId: string, group: PairGroup, today: string): Promise<number> {
  const { n } = await pairsIn(db, programId, group, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** One page of a health group, the longest without contact first. */
export async function pairPage(db: Kysely<Database>, programId: string, group: PairGroup, today: string, offset: number, limit: number): Promise<PairRow[]> {
  const order = group === 'stalled' ? 'r.stalled_after_on' : 'r.check_in_due_on';
  const rows = await pairsIn(db, programId, group, today)
    .innerJoin('people as mentor', 'mentor.id', 'r.mentor_person_id').innerJoin('people as mentee', 'mentee.id', 'r.mentee_person_id')
    .select(['r.id', 'r.origin', 'r.mentor_person_id', 'mentor.name as mentor_name', 'r.mentee_person_id', 'mentee.name as mentee_name', 'r.started_at',
      'r.last_check_in_on', 'r.check_in_due_on', 'r.stalled_after_on'])
    .orderBy(order).orderBy('r.id').limit(limit).offset(offset).execute();
  const ids = rows.map((row) => row.id);
  const counts = ids.length
    ? new Map((await db.selectFrom('check_ins').select(['relationship_id', (eb) => eb.fn.countAll<number>().as('n')]).where('relationship_id', 'in', ids).groupBy('relationship_id').execute())
      .map((row) => [row.relationship_id, Number(row.n)]))
    : new Map<string, number>();
  return rows.map((row) => ({
    relationshipId: row.id, origin: row.origin, mentor: { personId: row.mentor_person_id, name: row.mentor_name }, mentee: { personId: row.mentee_person_id, name: row.mentee_name },
    startedAt: row.started_at, lastCheckInOn: row.last_check_in_on, nextCheckInDue: row.check_in_due_on,
    health: group === 'paused' || !row.check_in_due_on || !row.stalled_after_on ? group : healthFromMarks({ checkInDueOn: row.check_in_due_on, stalledAfterOn: row.stalled_after_on }, today),
    checkIns: counts.get(row.id) ?? 0,
  }));
}

export async function programPairs(db: Kysely<Database>, orgId: string, programId: string, group: PairGroup, page: number, pageSize: number, now = new Date()) {
  await programRow(db, orgId, programId);
  const today = utcToday(now);
  return { health: group, today, items: await pairPage(db, programId, group, today, (page - 1) * pageSize, pageSize), page, pageSize, total: await countIn(db, programId, group, today) };
}

interface UnmatchedMentee {
  personId: string;
  name: string;
  title: string;
  department: string;
  waitingSince: string;
  daysWaiting: number;
  /** A request of theirs is with a mentor now. */
  requestOpen: boolean;
}

/** Approved mentees with no running relationship in the program. */
function unmatchedQuery(db: Kysely<Database>, programId: string) {
  return db.selectFrom('enrollments as e').where('e.program_id', '=', programId).where('e.side', '=', 'mentee').where('e.status', '=', 'approved')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('mentoring_relationships as r').select(sql`1`.as('one'))
      .whereRef('r.program_id', '=', 'e.program_id').whereRef('r.mentee_person_id', '=', 'e.person_id').where('r.state', 'in', [...STATES_USING_MENTOR_CAPACITY]))));
}

async function unmatchedMentees(db: Kysely<Database>, orgId: string, programId: string, now: Date, limit: number): Promise<{ count: number; items: UnmatchedMentee[] }> {
  const { n } = await unmatchedQuery(db, programId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await unmatchedQuery(db, programId)
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'e.person_id').on('m.org_id', '=', orgId))
    .select((eb) => [
      'e.person_id', 'p.name', 'm.title', 'm.department', 'e.created_at', 'e.decided_at',
      eb.selectFrom('mentoring_relationships as ended').select((x) => x.fn.max('ended.ended_at').as('last'))
        .whereRef('ended.program_id', '=', 'e.program_id').whereRef('ended.mentee_person_id', '=', 'e.person_id').where('ended.state', '=', 'concluded').as('last_ended_at'),
      eb.exists(eb.selectFrom('mentoring_relationships as asked').select(sql`1`.as('one'))
        .whereRef('asked.program_id', '=', 'e.program_id').whereRef('asked.mentee_person_id', '=', 'e.person_id').where('asked.state', '=', 'requested')).as('request_open'),
    ])
    .orderBy(sql`coalesce(e.decided_at, e.created_at)`).orderBy('e.id').limit(limit).execute();
  const items = rows.map((row) => {
    const since = waitingSince(row.decided_at ?? row.created_at, (row.last_ended_at as string | null) ?? null);
    return {
      personId: row.person_id, name: row.name, title: row.title, department: row.department, waitingSince: since, daysWaiting: daysWaiting(since, now),
      requestOpen: Boolean(Number(row.request_open)),
    };
  }).sort((a, b) => b.daysWaiting - a.daysWaiting || a.name.localeCompare(b.name));
  return { count: Number(n), items };
}

interface MentorLoadRow { personId: string; name: string; capacity: number; active: number; paused: boolean; openPlaces: number; status: LoadStatus }

const LOAD_ORDER: Record<LoadStatus, number> = { over: 0, full: 1, room: 2, paused: 3 };

async function mentorLoads(db: Kysely<Database>, programId: string, limit: number) {
  const mentors = await db.selectFrom('enrollments as e').innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.person_id', 'p.name', 'e.capacity', 'e.paused'])
    .where('e.program_id', '=', programId).where('e.side', '=', 'mentor').where('e.status', '=', 'approved').execute();
  const active = new Map((await db.selectFrom('mentoring_relationships').select(['mentor_person_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId).where('state', 'in', [...STATES_USING_MENTOR_CAPACITY]).groupBy('mentor_person_id').execute())
    .map((row) => [row.mentor_person_id, Number(row.n)]));
  const rows: MentorLoadRow[] = mentors.map((m) => {
    const capacity = m.capacity ?? 0;
    const count = active.get(m.person_id) ?? 0;
    return { personId: m.person_id, name: m.name, capacity, active: count, paused: m.paused === 1, ...mentorLoad({ capacity, active: count, paused: m.paused === 1 }) };
  });
  const byStatus = { over: 0, full: 0, room: 0, paused: 0 } satisfies Record<LoadStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  rows.sort((a, b) => LOAD_ORDER[a.status] - LOAD_ORDER[b.status] || b.active - a.active || a.name.localeCompare(b.name));
  return {
    mentors: rows.length, capacity: rows.reduce((sum, row) => sum + row.capacity, 0), placesUsed: rows.reduce((sum, row) => sum + row.active, 0),
    openPlaces: rows.reduce((sum, row) => sum + row.openPlaces, 0), byStatus, items: rows.slice(0, limit),
  };
}

/** The program's dashboard: what the admin needs to run it, and nothing said inside a relationship. */
export async function programDashboard(db: Kysely<Database>, orgId: string, programId: string, now = new Date(), groupSize = 10) {
  const program = await programRow(db, orgId, programId);
  const today = utcToday(now);
  const enrollment = { mentor: { pending: 0, approved: 0 }, mentee: { pending: 0, approved: 0 } };
  const counts = await db.selectFrom('enrollments').select(['side', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId).where('status', 'in', ['pending', 'approved']).groupBy(['side', 'status']).execute();
  for (const row of counts) enrollment[row.side][row.status as 'pending' | 'approved'] = Number(row.n);
  const health = {} as Record<PairGroup, { count: number; items: PairRow[] }>;
  for (const group of PAIR_GROUPS) health[group] = { count: await countIn(db, programId, group, today), items: await pairPage(db, programId, group, today, 0, groupSize) };
  return {
    program: {
      id: program.id, name: program.name, status: program.status, enrollmentWindow: program.enrollment_window, cohortStartsOn: program.cohort_starts_on,
      cohortEndsOn: program.cohort_ends_on, cadenceDays: program.cadence_days, reviewEveryWeeks: program.review_every_weeks, pairingMode: program.pairing_mode,
    },
    today,
    enrollment,
    unmatched: await unmatchedMentees(db, orgId, programId, now, 25),
    pairs: health,
    mentorLoad: await mentorLoads(db, programId, 25),
  };
}

async function pairOfProgram(db: Kysely<Database>, orgId: string, programId: string, relationshipId: string) {
  await programRow(db, orgId, programId);
  const row = await db.selectFrom('mentoring_relationships').select(['id', 'mentor_person_id', 'mentee_person_id']).where('org_id', '=', orgId)
    .where('program_id', '=', programId).where('id', '=', relationshipId).executeTakeFirst();
  if (!row) throw notFound('Pair');
  return row;
}

/** The admin ends a pair: no fault, both told the same kind words. */
export async function concludePair(db: Kysely<Database>, mailer: Mailer | null, orgId: string, programId: string, relationshipId: string, viewer: MentoringViewer): Promise<void> {
  await pairOfProgram(db, orgId, programId, relationshipId);
  await concludeRelationship(db, mailer, orgId, relationshipId, viewer, 'admin');
}

/** The admin re-pairs a mentee: the pair concludes and the mentee is paired with another mentor, or neither happens. */
export async function rePair(db: Kysely<Database>, mailer: Mailer | null, orgId: string, programId: string, relationshipId: string, viewer: MentoringViewer, mentorPersonId: string): Promise<string> {
  const pair = await pairOfProgram(db, orgId, programId, relationshipId);
  if (pair.mentor_person_id === mentorPersonId) throw invalidField('mentorPersonId', 'must be a different mentor from the current one');
  await concludeRelationship(db, mailer, orgId, relationshipId, viewer, 'admin');
  return assignPair(db, mailer, orgId, programId, viewer, { mentorPersonId, menteePersonId: pair.mentee_person_id });
}
