import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { healthConditions, healthFromMarks } from '../../../domain/mentoring/cadence.ts';
import type { RelationshipHealth } from '../../../domain/mentoring/health.ts';
import { daysWaiting, mentorLoad, waitingSince, type LoadStatus } from '../../../domain/mentoring/program-health.ts';
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

/**
 * One page of a health group, the longest without contact first (slipping: the nearest to stalling
 * first). Each order follows the index its range condition reads, so a page is read, not sorted.
 */
export async function pairPage(db: Kysely<Database>, programId: string, group: PairGroup, today: string, offset: number, limit: number): Promise<PairRow[]> {
  const byStall = group === 'stalled' || group === 'slipping';
  let query = pairsIn(db, programId, group, today);
  query = byStall ? query.orderBy('r.stalled_after_on').orderBy('r.id') : query.orderBy('r.check_in_due_on').orderBy('r.stalled_after_on').orderBy('r.id');
  const rows = await query
    .innerJoin('people as mentor', 'mentor.id', 'r.mentor_person_id').innerJoin('people as mentee', 'mentee.id', 'r.mentee_person_id')
    .select(['r.id', 'r.origin', 'r.mentor_person_id', 'mentor.name as mentor_name', 'r.mentee_person_id', 'mentee.name as mentee_name', 'r.started_at',
      'r.last_check_in_on', 'r.check_in_due_on', 'r.stalled_after_on'])
    .limit(limit).offset(offset).execute();
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

/**
 * Approved mentees with no running pair in the program, the longest waiting first. The wait runs
 * from the end of their last pairing (waiting_since) or, never paired, from their approval: two
 * index-ordered reads, merged.
 */
async function unmatchedMentees(db: Kysely<Database>, orgId: string, programId: string, now: Date, limit: number): Promise<{ count: number; items: UnmatchedMentee[] }> {
  const waiting = () => db.selectFrom('enrollments').where('program_id', '=', programId).where('side', '=', 'mentee').where('status', '=', 'approved').where('running_pairs', '=', 0);
  const { n } = await waiting().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const paired = await waiting().select(['person_id', 'waiting_since', 'decided_at']).where('waiting_since', 'is not', null).orderBy('waiting_since').orderBy('person_id').limit(limit).execute();
  const never = await waiting().select(['person_id', 'waiting_since', 'decided_at']).where('waiting_since', 'is', null).orderBy('decided_at').orderBy('person_id').limit(limit).execute();
  const chosen = [...paired, ...never].map((row) => ({ personId: row.person_id, since: waitingSince(row.decided_at ?? now.toISOString(), row.waiting_since) }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.personId.localeCompare(b.personId)).slice(0, limit);
  if (chosen.length === 0) return { count: Number(n), items: [] };
  const ids = chosen.map((c) => c.personId);
  const people = new Map((await db.selectFrom('people as p').innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'p.id').on('m.org_id', '=', orgId))
    .select(['p.id', 'p.name', 'm.title', 'm.department']).where('p.id', 'in', ids).execute()).map((row) => [row.id, row]));
  const asking = new Set((await db.selectFrom('mentoring_relationships').select('mentee_person_id').where('program_id', '=', programId).where('state', '=', 'requested')
    .where('mentee_person_id', 'in', ids).execute()).map((row) => row.mentee_person_id));
  return {
    count: Number(n),
    items: chosen.map(({ personId, since }) => {
      const person = people.get(personId);
      return {
        personId, name: person?.name ?? '', title: person?.title ?? '', department: person?.department ?? '',
        waitingSince: since, daysWaiting: daysWaiting(since, now), requestOpen: asking.has(personId),
      };
    }),
  };
}

interface MentorLoadRow { personId: string; name: string; capacity: number; active: number; paused: boolean; openPlaces: number; status: LoadStatus }

const LOAD_ORDER: Record<LoadStatus, number> = { over: 0, full: 1, room: 2, paused: 3 };

/**
 * Load against capacity over the program's approved mentors. The totals come from one grouped read
 * of the index (how many mentors have each load, capacity and pause), each group judged by the
 * domain's mentorLoad; then the most loaded mentors, by name.
 */
async function mentorLoads(db: Kysely<Database>, programId: string, limit: number) {
  const mentors = () => db.selectFrom('enrollments').where('program_id', '=', programId).where('side', '=', 'mentor').where('status', '=', 'approved');
  const groups = await mentors().select(['running_pairs', 'capacity', 'paused', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['running_pairs', 'capacity', 'paused']).execute();
  const totals = { mentors: 0, capacity: 0, placesUsed: 0, openPlaces: 0, byStatus: { over: 0, full: 0, room: 0, paused: 0 } as Record<LoadStatus, number> };
  for (const group of groups) {
    const n = Number(group.n);
    const capacity = group.capacity ?? 0;
    const load = mentorLoad({ capacity, active: group.running_pairs, paused: group.paused === 1 });
    totals.mentors += n;
    totals.capacity += n * capacity;
    totals.placesUsed += n * group.running_pairs;
    totals.openPlaces += n * load.openPlaces;
    totals.byStatus[load.status] += n;
  }
  const top = await mentors().select(['person_id', 'capacity', 'paused', 'running_pairs']).orderBy('running_pairs', 'desc').limit(limit).execute();
  const names = top.length ? new Map((await db.selectFrom('people').select(['id', 'name']).where('id', 'in', top.map((m) => m.person_id)).execute()).map((p) => [p.id, p.name])) : new Map<string, string>();
  const items: MentorLoadRow[] = top.map((m) => {
    const capacity = m.capacity ?? 0;
    return { personId: m.person_id, name: names.get(m.person_id) ?? '', capacity, active: m.running_pairs, paused: m.paused === 1, ...mentorLoad({ capacity, active: m.running_pairs, paused: m.paused === 1 }) };
  }).sort((a, b) => LOAD_ORDER[a.status] - LOAD_ORDER[b.status] || b.active - a.active || a.name.localeCompare(b.name));
  return { ...totals, items };
}

/** The program's dashboard: what the admin needs to run it, and nothing said inside a relationship. */
export async function programDashboard(db: Kysely<Database>, orgId: string, programId: string, now = new Date(), groupSize = 10) {
  const program = await programRow(db, orgId, programId);
  const today = utcToday(now);
  // Four index range counts (cheaper than one grouped scan over every enrollment, withdrawn ones included).
  const enrollment = { mentor: { pending: 0, approved: 0 }, mentee: { pending: 0, approved: 0 } };
  for (const side of ['mentor', 'mentee'] as const) {
    for (const status of ['pending', 'approved'] as const) {
      const { n } = await db.selectFrom('enrollments').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('program_id', '=', programId).where('side', '=', side).where('status', '=', status).executeTakeFirstOrThrow();
      enrollment[side][status] = Number(n);
    }
  }
  const health = {} as Record<PairGroup, { count: number; items: PairRow[] }>;
  for (const group of PAIR_GROUPS) {
    const count = await countIn(db, programId, group, today);
    health[group] = { count, items: count ? await pairPage(db, programId, group, today, 0, groupSize) : [] };
  }
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
