import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { mentorLoad, type LoadStatus } from '../../../domain/mentoring/program-health.ts';
import { STATES_USING_MENTOR_CAPACITY } from '../../../domain/mentoring/relationship-lifecycle.ts';
import { closingReflectionsWrittenBy } from '../check-ins/reflections.ts';
import { runningRelationshipsOnSide, type RelationshipSummary } from '../relationships/service.ts';
import type { MentoringViewer } from '../relationship-access.ts';
import { param, reusedStatement } from '../reused-statements.ts';
import { pendingReviewsFor, type PendingReview } from '../reviews/service.ts';

/*
 * The mentor's and the mentee's homes: their running relationships with health and the next
 * check-in, requests waiting on them (or theirs waiting on a mentor), reviews waiting for their
 * answer, and what is left to close. Each reads the person's own side only.
 */

/** Concluded relationships stay on the home this long, inviting closing words. */
const CLOSING_DAYS = 30;

interface OpenRequest {
  relationshipId: string;
  programId: string | null;
  programName: string | null;
  /** The mentee who asked (mentor home), or the mentor asked (mentee home). */
  with: { personId: string; name: string; title: string };
  message: string;
  requestedAt: string;
  expiresAt: string | null;
}

interface ToClose {
  relationshipId: string;
  with: { personId: string; name: string };
  endedAt: string;
  closingReflectionWritten: boolean;
  appreciationWritten: boolean;
}

const requestsStatement = (side: 'mentor' | 'mentee') => reusedStatement((db) => {
  const other = side === 'mentor' ? 'r.mentee_person_id' : 'r.mentor_person_id';
  return db.selectFrom('mentoring_relationships as r')
    .innerJoin('people as p', 'p.id', other)
    .innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', other).onRef('m.org_id', '=', 'r.org_id'))
    .leftJoin('mentoring_programs as g', 'g.id', 'r.program_id')
    .select(['r.id', 'r.program_id', 'g.name as program_name', 'p.id as other_id', 'p.name as other_name', 'm.title', 'r.request_message', 'r.created_at', 'r.request_expires_at'])
    // Read through the person's own index (org, person, state); expiry is checked in code, so the planner is not drawn to the
    // organization-wide open-request index. A mentee's requests are those they made (requests are made by mentees).
    .where('r.org_id', '=', param('org')).where(side === 'mentor' ? 'r.mentor_person_id' : 'r.mentee_person_id', '=', param('person'))
    .where('r.state', '=', 'requested')
    .orderBy('r.created_at').limit(100);
});
const requests = { mentor: requestsStatement('mentor'), mentee: requestsStatement('mentee') };

/** Unanswered requests that have not yet expired: to the mentor, or by the mentee. */
async function openRequests(db: Kysely<Database>, orgId: string, personId: string, side: 'mentor' | 'mentee', now: Date): Promise<OpenRequest[]> {
  const rows = await requests[side](db, { org: orgId, person: personId });
  const nowIso = now.toISOString();
  return rows.filter((row) => (row.request_expires_at ?? '') > nowIso).map((row) => ({
    relationshipId: row.id, programId: row.program_id, programName: row.program_name, with: { personId: row.other_id, name: row.other_name, title: row.title },
    message: row.request_message ?? '', requestedAt: row.created_at, expiresAt: row.request_expires_at,
  }));
}

const concludedStatement = (side: 'mentor' | 'mentee') => reusedStatement((db) => db.selectFrom('mentoring_relationships as r')
  .innerJoin('people as p', 'p.id', side === 'mentor' ? 'r.mentee_person_id' : 'r.mentor_person_id')
  .select(['r.id', 'r.ended_at', 'p.id as other_id', 'p.name as other_name'])
  .where('r.org_id', '=', param('org')).where(side === 'mentor' ? 'r.mentor_person_id' : 'r.mentee_person_id', '=', param('person')).where('r.state', '=', 'concluded')
  .where('r.ended_at', '>=', param('since'))
  .orderBy('r.ended_at', 'desc').limit(50));
const concluded = { mentor: concludedStatement('mentor'), mentee: concludedStatement('mentee') };

async function toClose(db: Kysely<Database>, orgId: string, personId: string, side: 'mentor' | 'mentee', now: Date): Promise<ToClose[]> {
  const rows = await concluded[side](db, { org: orgId, person: personId, since: new Date(now.getTime() - CLOSING_DAYS * 86_400_000).toISOString() });
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const reflected = await closingReflectionsWrittenBy(db, orgId, personId, ids);
  const appreciated = new Set((await db.selectFrom('appreciations').select('relationship_id').where('author_person_id', '=', personId).where('relationship_id', 'in', ids).execute()).map((r) => r.relationship_id));
  return rows.filter((row) => !reflected.has(row.id) || !appreciated.has(row.id)).map((row) => ({
    relationshipId: row.id, with: { personId: row.other_id, name: row.other_name }, endedAt: row.ended_at!, closingReflectionWritten: reflected.has(row.id), appreciationWritten: appreciated.has(row.id),
  }));
}

const unreadStatement = reusedStatement((db) => db.selectFrom('notices').select((eb) => eb.fn.countAll<number>().as('n'))
  .where('org_id', '=', param('org')).where('person_id', '=', param('person')).where('read_at', 'is', null));

async function unreadNotices(db: Kysely<Database>, orgId: string, personId: string): Promise<number> {
  const [row] = await unreadStatement(db, { org: orgId, person: personId });
  return Number(row?.n ?? 0);
}

export interface MentorLoadLine {
  /** null: organic mentoring, through the mentor's listing. */
  programId: string | null;
  programName: string | null;
  capacity: number;
  active: number;
  paused: boolean;
  openPlaces: number;
  status: LoadStatus;
}

/** The mentor's places in each program they mentor in (counts kept on the enrollment), and in organic mentoring. */
const programLoadStatement = reusedStatement((db) => db.selectFrom('enrollments as e').innerJoin('mentoring_programs as g', 'g.id', 'e.program_id')
  .select(['e.program_id', 'g.name', 'e.capacity', 'e.paused', 'e.running_pairs'])
  .where('e.org_id', '=', param('org')).where('e.person_id', '=', param('person')).where('e.side', '=', 'mentor').where('e.status', '=', 'approved').where('g.status', '=', 'active')
  .orderBy('g.name'));
const listingLoadStatement = reusedStatement((db) => db.selectFrom('mentor_listings as l').select((eb) => [
  'l.capacity', 'l.paused',
  eb.selectFrom('mentoring_relationships as r').select((r) => r.fn.countAll<number>().as('n')).whereRef('r.org_id', '=', 'l.org_id').whereRef('r.mentor_person_id', '=', 'l.person_id')
    .where('r.program_id', 'is', null).where('r.state', 'in', [...STATES_USING_MENTOR_CAPACITY]).as('active'),
]).where('l.org_id', '=', param('org')).where('l.person_id', '=', param('person')));

async function mentorLoads(db: Kysely<Database>, orgId: string, personId: string): Promise<MentorLoadLine[]> {
  const enrollments = await programLoadStatement(db, { org: orgId, person: personId });
  const [listing] = await listingLoadStatement(db, { org: orgId, person: personId });
  const line = (programId: string | null, programName: string | null, capacity: number, active: number, paused: boolean): MentorLoadLine =>
    ({ programId, programName, capacity, active, paused, ...mentorLoad({ capacity, active, paused }) });
  return [
    ...enrollments.map((e) => line(e.program_id, e.name, e.capacity ?? 0, e.running_pairs, e.paused === 1)),
    ...(listing ? [line(null, null, listing.capacity, Number(listing.active ?? 0), listing.paused === 1)] : []),
  ];
}

export interface MentorHome {
  today: string;
  relationships: RelationshipSummary[];
  requests: OpenRequest[];
  pendingReviews: PendingReview[];
  load: MentorLoadLine[];
  toClose: ToClose[];
  unreadNotices: number;
}

export async function mentorHome(db: Kysely<Database>, orgId: string, viewer: MentoringViewer, now = new Date()): Promise<MentorHome> {
  const today = now.toISOString().slice(0, 10);
  return {
    today,
    relationships: await runningRelationshipsOnSide(db, orgId, viewer, 'mentor', today),
    requests: await openRequests(db, orgId, viewer.personId, 'mentor', now),
    pendingReviews: await pendingReviewsFor(db, orgId, viewer.personId, 'mentor', now),
    load: await mentorLoads(db, orgId, viewer.personId),
    toClose: await toClose(db, orgId, viewer.personId, 'mentor', now),
    unreadNotices: await unreadNotices(db, orgId, viewer.personId),
  };
}

export interface MenteeHome {
  today: string;
  relationships: RelationshipSummary[];
  requests: OpenRequest[];
  pendingReviews: PendingReview[];
  programs: { programId: string; name: string; side: 'mentor' | 'mentee'; status: string; enrollmentWindow: string; cohortEndsOn: string | null }[];
  toClose: ToClose[];
  unreadNotices: number;
}

export async function menteeHome(db: Kysely<Database>, orgId: string, viewer: MentoringViewer, now = new Date()): Promise<MenteeHome> {
  const today = now.toISOString().slice(0, 10);
  const programs = await db.selectFrom('enrollments as e').innerJoin('mentoring_programs as g', 'g.id', 'e.program_id')
    .select(['e.program_id', 'g.name', 'e.side', 'e.status', 'g.enrollment_window', 'g.cohort_ends_on'])
    .where('e.org_id', '=', orgId).where('e.person_id', '=', viewer.personId).where('e.status', 'in', ['pending', 'approved']).where('g.status', '=', 'active')
    .orderBy('g.name').orderBy('e.side').execute();
  return {
    today,
    relationships: await runningRelationshipsOnSide(db, orgId, viewer, 'mentee', today),
    requests: await openRequests(db, orgId, viewer.personId, 'mentee', now),
    pendingReviews: await pendingReviewsFor(db, orgId, viewer.personId, 'mentee', now),
    programs: programs.map((p) => ({ programId: p.program_id, name: p.name, side: p.side, status: p.status, enrollmentWindow: p.enrollment_window, cohortEndsOn: p.cohort_ends_on })),
    toClose: await toClose(db, orgId, viewer.personId, 'mentee', now),
    unreadNotices: await unreadNotices(db, orgId, viewer.personId),
  };
}
