import type { Kysely } from 'kysely';
import { supportsRowLocks } from '../../../db/locking.ts';
import type { Database } from '../../../db/schema.ts';
import { cadenceMarks, healthFromMarks } from '../../../domain/mentoring/cadence.ts';
import { KIND_CONCLUSION_NOTICE } from '../../../domain/mentoring/continuation-review.ts';
import { nextCheckInDue, relationshipHealth, type RelationshipHealth } from '../../../domain/mentoring/health.ts';
import { DECLINE_REASONS, type DeclineReason } from '../../../domain/mentoring/programs.ts';
import {
  OPEN_REQUEST_STATES, relationshipEventsFor, relationshipTransition, STATES_USING_MENTOR_CAPACITY,
  type RelationshipActor, type RelationshipEvent, type RelationshipState,
} from '../../../domain/mentoring/relationship-lifecycle.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { isoAfter, newId, nowIso } from '../../../platform/ids.ts';
import { conflict, forbidden, invalidField, notFound } from '../../../platform/http/problem.ts';
import { endMentoringEngagement } from '../../coaching/engagements/mentoring-link.ts';
import { membershipStatus } from '../../members/service.ts';
import { tell } from '../notices.ts';
import { recountPairs } from '../pair-counts.ts';
import { programRow } from '../programs/service.ts';
import { loadRelationship, relationshipActors, type MentoringViewer, type RelationshipInView } from '../relationship-access.ts';
import { param, reusedStatement } from '../reused-statements.ts';

const REQUEST_LIFETIME_MS = 14 * 86_400_000;
/** Open requests one person may have waiting at once. */
export const OPEN_REQUESTS_LIMIT = 3;
const ORGANIC_CADENCE_DAYS = 28;
const ORGANIC_REVIEW_WEEKS = 12;

/** Records a lifecycle move, guarded by the state it was read in, so racing moves cannot both apply. */
async function move(
  db: Kysely<Database>, relationship: Pick<RelationshipInView, 'row' | 'state'>, event: RelationshipEvent, actors: readonly RelationshipActor[], actorPersonId: string | null,
  extra: { end_reason?: string; decline_reason?: string } = {},
): Promise<RelationshipState> {
  const result = relationshipTransition(relationship.state, event, actors);
  if (!result.ok) throw conflict(result.reason);
  const now = nowIso();
  const ending = ['concluded', 'declined', 'withdrawn', 'expired'].includes(result.to);
  const updated = await db.updateTable('mentoring_relationships').set({
    state: result.to, updated_at: now,
    ...(result.to === 'active' && !relationship.row.started_at ? { started_at: now, ...startingMarks(relationship.row.cadence_days, now) } : {}),
    ...(ending ? { ended_at: now, ended_by_person_id: actorPersonId, end_reason: extra.end_reason ?? event } : {}),
    ...(extra.decline_reason ? { decline_reason: extra.decline_reason } : {}),
  }).where('id', '=', relationship.row.id).where('state', '=', relationship.state).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict('The relationship changed meanwhile; reload and try again.');
  await db.insertInto('relationship_transitions').values({
    id: newId(), org_id: relationship.row.org_id, relationship_id: relationship.row.id, event, from_state: relationship.state, to_state: result.to, actor_person_id: actorPersonId, created_at: now,
  }).execute();
  await recountPairs(db, relationship.row);
  return result.to;
}

/** A relationship's health clock starts with it: the cadence marks from its first day (check-ins move them on). */
function startingMarks(cadenceDays: number, startedAt: string) {
  const marks = cadenceMarks({ cadenceDays, lastCheckInOn: null, startedOn: startedAt.slice(0, 10) });
  return { check_in_due_on: marks.checkInDueOn, stalled_after_on: marks.stalledAfterOn };
}

/** Requests left unanswered past their expiry become `expired`; run before reading or answering them. */
export async function expireStaleRequests(db: Kysely<Database>, orgId: string): Promise<void> {
  const stale = await db.selectFrom('mentoring_relationships').selectAll().where('org_id', '=', orgId).where('state', '=', 'requested')
    .where('request_expires_at', '<=', nowIso()).limit(500).execute();
  for (const row of stale) await move(db, { row, state: 'requested' }, 'expire', ['system'], null).catch(() => undefined);
}

interface MentorPlaces { capacity: number; paused: boolean; active: number }

/** The mentor's places: in a program from their enrollment, outside programs from their listing. */
async function mentorPlaces(db: Kysely<Database>, orgId: string, mentorId: string, programId: string | null, lock: boolean): Promise<MentorPlaces | null> {
  let capacity: number;
  let paused: boolean;
  if (programId) {
    let query = db.selectFrom('enrollments').select(['capacity', 'paused']).where('program_id', '=', programId).where('person_id', '=', mentorId)
      .where('side', '=', 'mentor').where('status', '=', 'approved');
    if (lock && supportsRowLocks(db)) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return null;
    capacity = row.capacity ?? 0;
    paused = row.paused === 1;
  } else {
    let query = db.selectFrom('mentor_listings').select(['capacity', 'paused']).where('org_id', '=', orgId).where('person_id', '=', mentorId);
    if (lock && supportsRowLocks(db)) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return null;
    capacity = row.capacity;
    paused = row.paused === 1;
  }
  let count = db.selectFrom('mentoring_relationships').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId)
    .where('mentor_person_id', '=', mentorId).where('state', 'in', [...STATES_USING_MENTOR_CAPACITY]);
  count = programId ? count.where('program_id', '=', programId) : count.where('program_id', 'is', null);
  const { n } = await count.executeTakeFirstOrThrow();
  return { capacity, paused, active: Number(n) };
}

export interface RequestInput { mentorPersonId: string; message: string; programId?: string | null }

/**
 * A member asks a mentor. The rules the peers learned the hard way: no self-requests, no second
 * open request to the same mentor, a limit on open requests, and a mentor who has room.
 */
export async function requestMentor(db: Kysely<Database>, mailer: Mailer | null, orgId: string, viewer: MentoringViewer, input: RequestInput): Promise<string> {
  if (input.mentorPersonId === viewer.personId) throw invalidField('mentorPersonId', 'must be someone other than yourself');
  if ((await membershipStatus(db, orgId, input.mentorPersonId)) !== 'active') throw invalidField('mentorPersonId', 'must be an active member of this organization');
  await expireStaleRequests(db, orgId);
  let cadence = ORGANIC_CADENCE_DAYS;
  let reviewWeeks = ORGANIC_REVIEW_WEEKS;
  if (input.programId) {
    const program = await programRow(db, orgId, input.programId);
    if (program.pairing_mode === 'admin_assigns') throw conflict('In this program the admin pairs people; requests are not used.');
    const mine = await db.selectFrom('enrollments').select('id').where('program_id', '=', input.programId).where('person_id', '=', viewer.personId)
      .where('side', '=', 'mentee').where('status', '=', 'approved').executeTakeFirst();
    if (!mine) throw forbidden('Enroll as a mentee in this program (and be approved) before asking its mentors.');
    cadence = program.cadence_days;
    reviewWeeks = program.review_every_weeks;
  }
  const places = await mentorPlaces(db, orgId, input.mentorPersonId, input.programId ?? null, false);
  if (!places) throw invalidField('mentorPersonId', input.programId ? 'is not an approved mentor in this program' : 'has not offered to mentor');
  if (places.paused || places.active >= places.capacity) throw conflict('This mentor has no room for a new mentee right now.');
  const existing = await db.selectFrom('mentoring_relationships').select('state').where('org_id', '=', orgId)
    .where('mentor_person_id', '=', input.mentorPersonId).where('mentee_person_id', '=', viewer.personId)
    .where('state', 'in', [...OPEN_REQUEST_STATES, ...STATES_USING_MENTOR_CAPACITY]).executeTakeFirst();
  if (existing) throw conflict(existing.state === 'requested' ? 'You already have an open request to this mentor.' : 'You are already in a mentoring relationship with this mentor.');
  const { n } = await db.selectFrom('mentoring_relationships').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId)
    .where('requested_by_person_id', '=', viewer.personId).where('state', '=', 'requested').executeTakeFirstOrThrow();
  if (Number(n) >= OPEN_REQUESTS_LIMIT) throw conflict(`You have ${OPEN_REQUESTS_LIMIT} open requests; wait for an answer or withdraw one first.`);

  const id = newId();
  const now = nowIso();
  await db.insertInto('mentoring_relationships').values({
    id, org_id: orgId, program_id: input.programId ?? null, mentor_person_id: input.mentorPersonId, mentee_person_id: viewer.personId,
    origin: input.programId ? 'program' : 'organic', state: 'requested', request_message: input.message.trim(), requested_by_person_id: viewer.personId,
    request_expires_at: isoAfter(REQUEST_LIFETIME_MS), decline_reason: null, cadence_days: cadence, review_every_weeks: reviewWeeks,
    started_at: null, ended_at: null, ended_by_person_id: null, end_reason: null, engagement_id: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('relationship_transitions').values({ id: newId(), org_id: orgId, relationship_id: id, event: 'request', from_state: 'requested', to_state: 'requested', actor_person_id: viewer.personId, created_at: now }).execute();
  const requester = await db.selectFrom('people').select('name').where('id', '=', viewer.personId).executeTakeFirstOrThrow();
  await tell(db, mailer, { orgId, personId: input.mentorPersonId, kind: 'mentoring.request', title: `${requester.name} would like you as a mentor`, body: 'Read their note and accept or decline the request in Cairn; it stays open for 14 days.', link: `/mentoring/relationships/${id}` });
  return id;
}

/** The mentor accepts: their room is checked again inside the transaction, so two accepts cannot overfill it. */
export async function acceptRequest(db: Kysely<Database>, mailer: Mailer | null, orgId: string, relationshipId: string, viewer: MentoringViewer): Promise<void> {
  await expireStaleRequests(db, orgId);
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { forUpdate: true });
  if (relationship.state === 'requested' && relationship.actors.includes('mentor')) {
    const places = await mentorPlaces(db, orgId, relationship.row.mentor_person_id, relationship.row.program_id, true);
    if (!places || places.paused || places.active >= places.capacity) throw conflict('You have no free place for another mentee; raise your capacity or conclude a relationship first.');
  }
  await move(db, relationship, 'accept', relationship.actors, viewer.personId);
  await scheduleFirstReview(db, relationship.row.id, relationship.row.org_id, relationship.row.review_every_weeks);
  const mentor = await db.selectFrom('people').select('name').where('id', '=', relationship.row.mentor_person_id).executeTakeFirstOrThrow();
  await tell(db, mailer, { orgId, personId: relationship.row.mentee_person_id, kind: 'mentoring.accepted', title: `${mentor.name} accepted your mentoring request`, body: 'Your mentoring relationship has begun. Agree how often you will meet, and log your first check-in after you talk.', link: `/mentoring/relationships/${relationshipId}` });
}

async function scheduleFirstReview(db: Kysely<Database>, relationshipId: string, orgId: string, everyWeeks: number): Promise<void> {
  const due = new Date(Date.now() + everyWeeks * 7 * 86_400_000).toISOString().slice(0, 10);
  await db.insertInto('continuation_reviews').values({ id: newId(), org_id: orgId, relationship_id: relationshipId, due_on: due, outcome: null, resolved_at: null, created_at: nowIso() }).execute();
}

export async function declineRequest(db: Kysely<Database>, mailer: Mailer | null, orgId: string, relationshipId: string, viewer: MentoringViewer, reason: DeclineReason): Promise<void> {
  await expireStaleRequests(db, orgId);
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { forUpdate: true });
  await move(db, relationship, 'decline', relationship.actors, viewer.personId, { decline_reason: reason });
  await tell(db, mailer, { orgId, personId: relationship.row.mentee_person_id, kind: 'mentoring.declined', title: 'About your mentoring request', body: `${DECLINE_REASONS[reason]}\n\nThere are other mentors who would be glad to hear from you.`, link: '/mentoring/mentors' });
}

export async function withdrawRequest(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer): Promise<void> {
  await expireStaleRequests(db, orgId);
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { forUpdate: true });
  await move(db, relationship, 'withdraw', relationship.actors, viewer.personId);
}

export async function pauseOrResume(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer, event: 'pause' | 'resume'): Promise<void> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { forUpdate: true });
  await move(db, relationship, event, relationship.actors, viewer.personId);
}

/** Ends a relationship gracefully; the other side is told kindly, without blame, whoever ended it. */
export async function concludeRelationship(
  db: Kysely<Database>, mailer: Mailer | null, orgId: string, relationshipId: string, viewer: MentoringViewer | null, reason: 'review' | 'mentor' | 'mentee' | 'admin',
): Promise<void> {
  const relationship = viewer
    ? await loadRelationship(db, orgId, relationshipId, viewer, { forUpdate: true })
    : await loadRelationshipAsSystem(db, orgId, relationshipId);
  await move(db, relationship, 'conclude', viewer ? relationship.actors : ['system'], viewer?.personId ?? null, { end_reason: reason });
  // Borrowed coaching tools close with the relationship.
  if (relationship.row.engagement_id) await endMentoringEngagement(db, orgId, relationship.row.engagement_id);
  for (const personId of [relationship.row.mentor_person_id, relationship.row.mentee_person_id]) {
    if (viewer && personId === viewer.personId) continue;
    await tell(db, mailer, { orgId, personId, kind: 'mentoring.concluded', ...KIND_CONCLUSION_NOTICE, link: `/mentoring/relationships/${relationshipId}` });
  }
}

async function loadRelationshipAsSystem(db: Kysely<Database>, orgId: string, relationshipId: string): Promise<RelationshipInView> {
  const row = await db.selectFrom('mentoring_relationships').selectAll().where('org_id', '=', orgId).where('id', '=', relationshipId).executeTakeFirst();
  if (!row) throw notFound('Mentoring relationship');
  return { row, state: row.state as RelationshipState, actors: ['system'], isParty: false };
}

/** The admin pairs two people (manual pairing; the matching engine proposes pairs later). Both are told. */
export async function assignPair(db: Kysely<Database>, mailer: Mailer | null, orgId: string, programId: string, viewer: MentoringViewer, input: { mentorPersonId: string; menteePersonId: string }, origin: 'assigned' | 'matched' = 'assigned'): Promise<string> {
  const program = await programRow(db, orgId, programId);
  if (input.mentorPersonId === input.menteePersonId) throw invalidField('menteePersonId', 'must be someone other than the mentor');
  const mentee = await db.selectFrom('enrollments').select('id').where('program_id', '=', programId).where('person_id', '=', input.menteePersonId).where('side', '=', 'mentee').where('status', '=', 'approved').executeTakeFirst();
  if (!mentee) throw invalidField('menteePersonId', 'is not an approved mentee in this program');
  const places = await mentorPlaces(db, orgId, input.mentorPersonId, programId, true);
  if (!places) throw invalidField('mentorPersonId', 'is not an approved mentor in this program');
  if (places.paused) throw conflict('This mentor has paused taking new mentees.');
  if (places.active >= places.capacity) throw conflict(`This mentor is at capacity (${places.active} of ${places.capacity}).`);
  const existing = await db.selectFrom('mentoring_relationships').select('id').where('program_id', '=', programId).where('mentor_person_id', '=', input.mentorPersonId)
    .where('mentee_person_id', '=', input.menteePersonId).where('state', 'in', [...STATES_USING_MENTOR_CAPACITY, 'requested']).executeTakeFirst();
  if (existing) throw conflict('These two are already paired (or a request between them is open).');
  const id = newId();
  const now = nowIso();
  await db.insertInto('mentoring_relationships').values({
    id, org_id: orgId, program_id: programId, mentor_person_id: input.mentorPersonId, mentee_person_id: input.menteePersonId, origin, state: 'active',
    request_message: null, requested_by_person_id: null, request_expires_at: null, decline_reason: null, cadence_days: program.cadence_days,
    review_every_weeks: program.review_every_weeks, started_at: now, ended_at: null, ended_by_person_id: null, end_reason: null, engagement_id: null, created_at: now, updated_at: now,
    ...startingMarks(program.cadence_days, now),
  }).execute();
  await db.insertInto('relationship_transitions').values({ id: newId(), org_id: orgId, relationship_id: id, event: origin === 'matched' ? 'match' : 'assign', from_state: 'active', to_state: 'active', actor_person_id: viewer.personId, created_at: now }).execute();
  await scheduleFirstReview(db, id, orgId, program.review_every_weeks);
  await recountPairs(db, { program_id: programId, mentor_person_id: input.mentorPersonId, mentee_person_id: input.menteePersonId });
  const names = new Map((await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [input.mentorPersonId, input.menteePersonId]).execute()).map((p) => [p.id, p.name]));
  await tell(db, mailer, { orgId, personId: input.mentorPersonId, kind: 'mentoring.paired', title: `You are now mentoring ${names.get(input.menteePersonId)} in ${program.name}`, body: 'Reach out to agree your first conversation and how often you will meet.', link: `/mentoring/relationships/${id}` });
  await tell(db, mailer, { orgId, personId: input.menteePersonId, kind: 'mentoring.paired', title: `${names.get(input.mentorPersonId)} is your mentor in ${program.name}`, body: 'Your mentor will reach out; you are welcome to write first.', link: `/mentoring/relationships/${id}` });
  return id;
}

export interface RelationshipSummary {
  id: string;
  programId: string | null;
  programName: string | null;
  origin: string;
  state: RelationshipState;
  mentor: { personId: string; name: string };
  mentee: { personId: string; name: string };
  requestMessage: string | null;
  requestExpiresAt: string | null;
  declineReason: string | null;
  startedAt: string | null;
  endedAt: string | null;
  cadenceDays: number;
  lastCheckInOn: string | null;
  checkIns: number;
  health: RelationshipHealth | null;
  nextCheckInDue: string | null;
  nextReviewDue: string | null;
  yourParts: RelationshipActor[];
  availableEvents: RelationshipEvent[];
}

/** Relationships with their health, computed from the check-in cadence. */
export async function summarizeRelationships(db: Kysely<Database>, ids: string[], viewer: MentoringViewer, today = new Date().toISOString().slice(0, 10)): Promise<RelationshipSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('mentoring_relationships as r')
    .innerJoin('people as mentor', 'mentor.id', 'r.mentor_person_id').innerJoin('people as mentee', 'mentee.id', 'r.mentee_person_id')
    .leftJoin('mentoring_programs as p', 'p.id', 'r.program_id')
    .select(['r.id', 'r.program_id', 'p.name as program_name', 'r.origin', 'r.state', 'r.mentor_person_id', 'mentor.name as mentor_name', 'r.mentee_person_id', 'mentee.name as mentee_name',
      'r.request_message', 'r.request_expires_at', 'r.decline_reason', 'r.started_at', 'r.ended_at', 'r.cadence_days', 'r.requested_by_person_id'])
    .where('r.id', 'in', ids).orderBy('r.created_at', 'desc').execute();
  const checkIns = await db.selectFrom('check_ins').select(['relationship_id', (eb) => eb.fn.max('met_on').as('last'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('relationship_id', 'in', ids).groupBy('relationship_id').execute();
  const reviews = await db.selectFrom('continuation_reviews').select(['relationship_id', (eb) => eb.fn.min('due_on').as('due')])
    .where('relationship_id', 'in', ids).where('outcome', 'is', null).groupBy('relationship_id').execute();
  return rows.map((row) => {
    const seen = checkIns.find((c) => c.relationship_id === row.id);
    const state = row.state as RelationshipState;
    const last = (seen?.last as string | null | undefined) ?? null;
    const contact = last ?? row.started_at?.slice(0, 10) ?? null;
    const live = state === 'active';
    const actors: RelationshipActor[] = [];
    if (row.mentor_person_id === viewer.personId) actors.push('mentor');
    if (row.mentee_person_id === viewer.personId) actors.push('mentee');
    if (row.requested_by_person_id === viewer.personId) actors.push('requester');
    if (viewer.orgRoles.includes('admin')) actors.push('admin');
    const isParty = actors.includes('mentor') || actors.includes('mentee');
    return {
      id: row.id, programId: row.program_id, programName: row.program_name, origin: row.origin, state,
      mentor: { personId: row.mentor_person_id, name: row.mentor_name }, mentee: { personId: row.mentee_person_id, name: row.mentee_name },
      requestMessage: isParty ? row.request_message : null, requestExpiresAt: row.request_expires_at, declineReason: isParty ? row.decline_reason : null,
      startedAt: row.started_at, endedAt: row.ended_at, cadenceDays: row.cadence_days, lastCheckInOn: last, checkIns: Number(seen?.n ?? 0),
      health: live && contact ? relationshipHealth({ cadenceDays: row.cadence_days, lastContactOn: contact, today }) : null,
      nextCheckInDue: live && contact ? nextCheckInDue({ cadenceDays: row.cadence_days, lastContactOn: contact }) : null,
      nextReviewDue: live ? ((reviews.find((r) => r.relationship_id === row.id)?.due as string | undefined) ?? null) : null,
      yourParts: actors, availableEvents: relationshipEventsFor(state, actors),
    };
  });
}

/**
 * A person's relationships on one side, newest first, in one statement: health and the next
 * check-in off the cadence marks each relationship carries (kept by every check-in, so they agree
 * with summarizeRelationships: a test holds the homes to the relationship page), the check-in count
 * and the open review alongside. 'running' is the homes' filter; a state is the list's.
 */
const sideStatement = (side: 'mentor' | 'mentee', filter: 'running' | 'any' | 'state') => reusedStatement((db) => {
  let query = db.selectFrom('mentoring_relationships as r')
    .innerJoin('people as mentor', 'mentor.id', 'r.mentor_person_id').innerJoin('people as mentee', 'mentee.id', 'r.mentee_person_id')
    .leftJoin('mentoring_programs as p', 'p.id', 'r.program_id')
    .select((eb) => [
      'r.id', 'r.program_id', 'p.name as program_name', 'r.origin', 'r.state', 'r.mentor_person_id', 'mentor.name as mentor_name', 'r.mentee_person_id', 'mentee.name as mentee_name',
      'r.request_message', 'r.request_expires_at', 'r.decline_reason', 'r.started_at', 'r.ended_at', 'r.cadence_days', 'r.requested_by_person_id', 'r.created_at',
      'r.last_check_in_on', 'r.check_in_due_on', 'r.stalled_after_on',
      eb.selectFrom('check_ins as c').select((c) => c.fn.countAll<number>().as('n')).whereRef('c.relationship_id', '=', 'r.id').as('check_ins'),
      eb.selectFrom('continuation_reviews as v').select((v) => v.fn.min('v.due_on').as('due')).whereRef('v.relationship_id', '=', 'r.id').where('v.outcome', 'is', null).as('review_due'),
    ])
    .where('r.org_id', '=', param('org')).where(side === 'mentor' ? 'r.mentor_person_id' : 'r.mentee_person_id', '=', param('person'));
  if (filter === 'running') query = query.where('r.state', 'in', [...STATES_USING_MENTOR_CAPACITY]);
  if (filter === 'state') query = query.where('r.state', '=', param('state'));
  return query.orderBy('r.created_at', 'desc').limit(RELATIONSHIPS_LISTED);
});
const RELATIONSHIPS_LISTED = 200;
const sideStatements = {
  mentor: { running: sideStatement('mentor', 'running'), any: sideStatement('mentor', 'any'), state: sideStatement('mentor', 'state') },
  mentee: { running: sideStatement('mentee', 'running'), any: sideStatement('mentee', 'any'), state: sideStatement('mentee', 'state') },
};
type SideRow = Awaited<ReturnType<typeof sideStatements.mentor.any>>[number];

function presentSideRow(row: SideRow, viewer: MentoringViewer, today: string): RelationshipSummary {
  const state = row.state as RelationshipState;
  const actors = relationshipActors(row, viewer);
  const live = state === 'active';
  const marks = row.check_in_due_on && row.stalled_after_on ? { checkInDueOn: row.check_in_due_on, stalledAfterOn: row.stalled_after_on } : null;
  return {
    id: row.id, programId: row.program_id, programName: row.program_name, origin: row.origin, state,
    mentor: { personId: row.mentor_person_id, name: row.mentor_name }, mentee: { personId: row.mentee_person_id, name: row.mentee_name },
    requestMessage: row.request_message, requestExpiresAt: row.request_expires_at, declineReason: row.decline_reason,
    startedAt: row.started_at, endedAt: row.ended_at, cadenceDays: row.cadence_days, lastCheckInOn: row.last_check_in_on, checkIns: Number(row.check_ins ?? 0),
    health: live && marks ? healthFromMarks(marks, today) : null,
    nextCheckInDue: live && marks ? marks.checkInDueOn : null,
    nextReviewDue: live ? ((row.review_due as string | null) ?? null) : null,
    yourParts: actors, availableEvents: relationshipEventsFor(state, actors),
  };
}

/** The viewer's running relationships on one side (the homes). */
export async function runningRelationshipsOnSide(db: Kysely<Database>, orgId: string, viewer: MentoringViewer, side: 'mentor' | 'mentee', today: string): Promise<RelationshipSummary[]> {
  const rows = await sideStatements[side].running(db, { org: orgId, person: viewer.personId });
  return rows.map((row) => presentSideRow(row, viewer, today));
}

export async function myRelationships(db: Kysely<Database>, orgId: string, viewer: MentoringViewer, filters: { as?: 'mentor' | 'mentee'; state?: RelationshipState }) {
  await expireStaleRequests(db, orgId);
  const today = new Date().toISOString().slice(0, 10);
  const rows: SideRow[] = [];
  for (const side of filters.as ? [filters.as] : (['mentor', 'mentee'] as const)) {
    const statement = filters.state ? sideStatements[side].state : sideStatements[side].any;
    rows.push(...await statement(db, { org: orgId, person: viewer.personId, state: filters.state }));
  }
  // Each side's are newest first; both sides together are merged the same way.
  if (!filters.as) rows.sort((a, b) => b.created_at.localeCompare(a.created_at));
  return rows.slice(0, RELATIONSHIPS_LISTED).map((row) => presentSideRow(row, viewer, today));
}

export async function relationshipDetail(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer) {
  await expireStaleRequests(db, orgId);
  await loadRelationship(db, orgId, relationshipId, viewer);
  const [summary] = await summarizeRelationships(db, [relationshipId], viewer);
  return summary!;
}
