import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { healthConditions, healthFromMarks } from '../../../domain/mentoring/cadence.ts';
import type { RelationshipHealth } from '../../../domain/mentoring/health.ts';
import { daysWaiting, mentorLoad, waitingSince, type LoadStatus } from '../../../domain/mentoring/program-health.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { invalidField, notFound } from '../../../platform/http/problem.ts';
import { programRow } from '../programs/service.ts';
import { param, reusedStatement } from '../reused-statements.ts';
import { assignPair, concludeRelationship } from '../relationships/service.ts';
import type { MentoringViewer } from '../relationship-access.ts';

/*
 * The program admin's view: enrollment, who waits unmatched and for how long, pairs by health,
 * and mentor load against capacity. Health and counts only: this module reads no check-in notes,
 * reflections, review answers or self-identification, and presents no field that could carry them.
 *
 * Built for large programs. Health comes off the cadence marks each relationship carries
 * (migration 0005), the unmatched and mentor load off the counts each enrollment carries
 * (migration 0007), so every figure is an index range and every list is read in index order,
 * however many relationships and check-ins the program holds. The dashboard is six statements,
 * each prepared once (reused-statements.ts).
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

/**
 * A page of a health group, the longest without contact first (slipping: the nearest to stalling
 * first). Each order is the one of the index its range condition reads, so a page is read, not sorted.
 */
function pageQuery(db: Kysely<Database>, programId: string, group: PairGroup, today: string, offset: number, limit: number) {
  const base = pairsIn(db, programId, group, today);
  const ordered = group === 'stalled' || group === 'slipping'
    ? base.orderBy('r.stalled_after_on').orderBy('r.id')
    : base.orderBy('r.check_in_due_on').orderBy('r.stalled_after_on').orderBy('r.id');
  return ordered
    .innerJoin('people as mentor', 'mentor.id', 'r.mentor_person_id').innerJoin('people as mentee', 'mentee.id', 'r.mentee_person_id')
    .select((eb) => [
      'r.id', 'r.origin', 'r.mentor_person_id', 'mentor.name as mentor_name', 'r.mentee_person_id', 'mentee.name as mentee_name', 'r.started_at',
      'r.last_check_in_on', 'r.check_in_due_on', 'r.stalled_after_on', sql.lit(group).as('grp'),
      eb.selectFrom('check_ins as c').select((c) => c.fn.countAll<number>().as('n')).whereRef('c.relationship_id', '=', 'r.id').as('check_ins'),
    ])
    .limit(limit).offset(offset);
}

type PageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

function presentPair(row: PageRow, today: string): PairRow {
  const group = row.grp as PairGroup;
  return {
    relationshipId: row.id, origin: row.origin, mentor: { personId: row.mentor_person_id, name: row.mentor_name }, mentee: { personId: row.mentee_person_id, name: row.mentee_name },
    startedAt: row.started_at, lastCheckInOn: row.last_check_in_on, nextCheckInDue: row.check_in_due_on,
    health: group === 'paused' || !row.check_in_due_on || !row.stalled_after_on ? group : healthFromMarks({ checkInDueOn: row.check_in_due_on, stalledAfterOn: row.stalled_after_on }, today),
    checkIns: Number(row.check_ins ?? 0),
  };
}

export async function programPairs(db: Kysely<Database>, orgId: string, programId: string, group: PairGroup, page: number, pageSize: number, now = new Date()) {
  await programRow(db, orgId, programId);
  const today = utcToday(now);
  const rows = await pageQuery(db, programId, group, today, (page - 1) * pageSize, pageSize).execute();
  const { n } = await pairsIn(db, programId, group, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { health: group, today, items: rows.map((row) => presentPair(row, today)), page, pageSize, total: Number(n) };
}

/** The health groups' counts in one statement, each an index range of its own (enrollment counts are kept on the program). */
const countsStatement = reusedStatement((db) => {
  const inGroup = (group: PairGroup) => pairsIn(db, param('program'), group, param('today')).select((eb) => eb.fn.countAll<number>().as('n'));
  return db.selectNoFrom([inGroup('on_track').as('on_track'), inGroup('slipping').as('slipping'), inGroup('stalled').as('stalled'), inGroup('paused').as('paused')]);
});

async function dashboardCounts(db: Kysely<Database>, program: Awaited<ReturnType<typeof programRow>>, today: string) {
  const [row] = await countsStatement(db, { program: program.id, today });
  const n = (value: unknown) => Number(value ?? 0);
  return {
    enrollment: { mentor: { pending: program.mentors_pending, approved: program.mentors_approved }, mentee: { pending: program.mentees_pending, approved: program.mentees_approved } },
    pairs: { on_track: n(row!.on_track), slipping: n(row!.slipping), stalled: n(row!.stalled), paused: n(row!.paused) } satisfies Record<PairGroup, number>,
    unmatched: program.mentees_unmatched,
  };
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

const WAITING_SHOWN = 25;
const LOADS_SHOWN = 25;
const GROUP_SHOWN = 10;

/**
 * Approved mentees with no running pair, the longest waiting first. The wait runs from the end of
 * their last pairing (waiting_since) or, never paired, from their approval: two reads in one
 * statement, each in the order of the waiting index (migration 0011: the approval, then the person,
 * break ties), merged here in that same order.
 */
const longestWaitingStatement = reusedStatement((db) => {
  const waiting = (pairedBefore: boolean) => {
    const base = db.selectFrom('enrollments as e').select(['e.program_id', 'e.person_id', 'e.waiting_since', 'e.decided_at'])
      .where('e.program_id', '=', param('program')).where('e.side', '=', 'mentee').where('e.status', '=', 'approved').where('e.running_pairs', '=', 0);
    const ordered = pairedBefore ? base.where('e.waiting_since', 'is not', null).orderBy('e.waiting_since') : base.where('e.waiting_since', 'is', null);
    // The first 25 off the index, then their names: PostgreSQL does not read 'is null' as an equality that keeps the index's
    // order, so with the joins inside it sorted every never-paired mentee after joining each to the organization's memberships.
    const first = ordered.orderBy('e.decided_at').orderBy('e.person_id').limit(WAITING_SHOWN).as('w');
    return db.selectFrom(first)
      .innerJoin('people as p', 'p.id', 'w.person_id')
      .innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'w.person_id').on('m.org_id', '=', param('org')))
      .select((eb) => [
        'w.person_id', 'w.waiting_since', 'w.decided_at', 'p.name', 'm.title', 'm.department',
        eb.exists(eb.selectFrom('mentoring_relationships as asked').select(sql.lit(1).as('one'))
          .whereRef('asked.program_id', '=', 'w.program_id').whereRef('asked.mentee_person_id', '=', 'w.person_id').where('asked.state', '=', 'requested')).as('request_open'),
      ]);
  };
  return db.selectFrom(waiting(true).as('paired')).selectAll().unionAll(db.selectFrom(waiting(false).as('never')).selectAll());
});

async function longestWaiting(db: Kysely<Database>, orgId: string, programId: string, now: Date): Promise<UnmatchedMentee[]> {
  const rows = await longestWaitingStatement(db, { program: programId, org: orgId });
  return rows.map((row) => {
    const since = waitingSince(row.decided_at ?? now.toISOString(), row.waiting_since);
    return {
      personId: row.person_id, name: row.name, title: row.title, department: row.department, waitingSince: since, daysWaiting: daysWaiting(since, now),
      requestOpen: Boolean(Number(row.request_open)), decidedAt: row.decided_at ?? '',
    };
  }).sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.decidedAt.localeCompare(b.decidedAt) || a.personId.localeCompare(b.personId)).slice(0, WAITING_SHOWN)
    .map(({ decidedAt: _, ...mentee }) => mentee);
}

interface MentorLoadRow { personId: string; name: string; capacity: number; active: number; paused: boolean; openPlaces: number; status: LoadStatus }

const LOAD_ORDER: Record<LoadStatus, number> = { over: 0, full: 1, room: 2, paused: 3 };

/**
 * Load against capacity over the program's approved mentors. The totals come from one grouped read
 * of the index (how many mentors have each load, capacity and pause), each group judged by the
 * domain's mentorLoad; then the most loaded mentors, read in index order.
 */
const mentors = (db: Kysely<Database>) => db.selectFrom('enrollments as e').where('e.program_id', '=', param('program')).where('e.side', '=', 'mentor').where('e.status', '=', 'approved');
const loadGroupsStatement = reusedStatement((db) => mentors(db).select(['e.running_pairs', 'e.capacity', 'e.paused', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['e.running_pairs', 'e.capacity', 'e.paused']));
const mostLoadedStatement = reusedStatement((db) => mentors(db).innerJoin('people as p', 'p.id', 'e.person_id')
  .select(['e.person_id', 'p.name', 'e.capacity', 'e.paused', 'e.running_pairs']).orderBy('e.running_pairs', 'desc').limit(LOADS_SHOWN));

async function mentorLoads(db: Kysely<Database>, programId: string) {
  const groups = await loadGroupsStatement(db, { program: programId });
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
  const top = await mostLoadedStatement(db, { program: programId });
  const items: MentorLoadRow[] = top.map((m) => {
    const capacity = m.capacity ?? 0;
    return { personId: m.person_id, name: m.name, capacity, active: m.running_pairs, paused: m.paused === 1, ...mentorLoad({ capacity, active: m.running_pairs, paused: m.paused === 1 }) };
  }).sort((a, b) => LOAD_ORDER[a.status] - LOAD_ORDER[b.status] || b.active - a.active || a.name.localeCompare(b.name));
  return { ...totals, items };
}

/** The first page of every health group in one statement. */
const firstPagesStatement = reusedStatement((db) => {
  const [first, ...rest] = PAIR_GROUPS.map((group) => db.selectFrom(pageQuery(db, param('program'), group, param('today'), 0, GROUP_SHOWN).as(group)).selectAll());
  return rest.reduce((query, next) => query.unionAll(next), first!);
});

/** The program's dashboard: what the admin needs to run it, and nothing said inside a relationship. */
export async function programDashboard(db: Kysely<Database>, orgId: string, programId: string, now = new Date()) {
  const program = await programRow(db, orgId, programId);
  const today = utcToday(now);
  const counts = await dashboardCounts(db, program, today);
  const pages = await firstPagesStatement(db, { program: programId, today });
  const pairs = Object.fromEntries(PAIR_GROUPS.map((group) => [group, {
    count: counts.pairs[group], items: pages.filter((row) => row.grp === group).map((row) => presentPair(row, today)),
  }])) as Record<PairGroup, { count: number; items: PairRow[] }>;
  return {
    program: {
      id: program.id, name: program.name, status: program.status, enrollmentWindow: program.enrollment_window, cohortStartsOn: program.cohort_starts_on,
      cohortEndsOn: program.cohort_ends_on, cadenceDays: program.cadence_days, reviewEveryWeeks: program.review_every_weeks, pairingMode: program.pairing_mode,
    },
    today,
    enrollment: counts.enrollment,
    unmatched: { count: counts.unmatched, items: counts.unmatched ? await longestWaiting(db, orgId, programId, now) : [] },
    pairs,
    mentorLoad: await mentorLoads(db, programId),
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
