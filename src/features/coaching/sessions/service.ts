import type { Kysely } from 'kysely';
import type { CoachingSessionTable, Database } from '../../../db/schema.ts';
import { reviewActionItems } from '../../../domain/coaching/action-items.ts';
import { mayInEngagement, sponsorMaySee, type EngagementPermission } from '../../../domain/coaching/engagement-permissions.ts';
import type { EngagementActor } from '../../../domain/coaching/engagement-lifecycle.ts';
import {
  availableSessionActions, cancellationStatus, checkStart, SCHEDULING_STATES, sessionEnd, sessionMove,
  type SessionAction, type SessionFacts, type SessionStatus,
} from '../../../domain/coaching/session-rules.ts';
import { isTimeZone } from '../../../domain/time-zones.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { conflict, forbidden, invalidField } from '../../../platform/http/problem.ts';
import { engagementActionItems, presentActionItems, type ActionItemView } from '../action-items/service.ts';
import { loadEngagement, type EngagementInView, type Viewer } from '../engagement-access.ts';
import { loadSession, type SessionInView } from './access.ts';
import { listSharedNotes, type SharedNoteView } from './notes.ts';

interface PersonRef { personId: string; name: string }

export interface SessionView {
  id: string;
  engagementId: string;
  coach: PersonRef;
  client: PersonRef;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  timeZone: string;
  location: string;
  status: SessionStatus;
  focus: string | null;
  focusSetAt: string | null;
  cancellation: { by: PersonRef | null; at: string; reason: string; late: boolean } | null;
  rating: { rating: number; comment: string; ratedAt: string } | null;
  createdAt: string;
  availableActions: SessionAction[];
}

/** Which part of an engagement may take each session move. */
const ACTION_PERMISSION: Record<SessionAction, EngagementPermission> = {
  reschedule: 'scheduleSession',
  cancel: 'scheduleSession',
  record_attendance: 'recordAttendance',
  set_focus: 'setFocus',
  rate: 'rateSession',
};

const factsOf = (row: Pick<CoachingSessionTable, 'status' | 'starts_at' | 'duration_minutes'>): SessionFacts =>
  ({ status: row.status, startsAt: new Date(row.starts_at), durationMinutes: row.duration_minutes });

async function namesOf(db: Kysely<Database>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The presenter for the engagement's coach and client: every field is named here, so a new
 * column never leaves the server by accident. Private notes are not a field of a session at all.
 */
async function presentSessions(db: Kysely<Database>, engagement: EngagementInView, rows: CoachingSessionTable[], now = new Date()): Promise<SessionView[]> {
  const { coach_person_id: coachId, client_person_id: clientId } = engagement.row;
  const names = await namesOf(db, [coachId, clientId, ...rows.map((row) => row.cancelled_by_person_id)]);
  const ref = (id: string): PersonRef => ({ personId: id, name: names.get(id) ?? '' });
  return rows.map((row) => {
    const facts = factsOf(row);
    return {
      id: row.id, engagementId: row.engagement_id, coach: ref(coachId), client: ref(clientId),
      startsAt: row.starts_at, endsAt: sessionEnd(facts).toISOString(), durationMinutes: row.duration_minutes, timeZone: row.time_zone,
      location: row.location, status: row.status, focus: row.focus, focusSetAt: row.focus_set_at,
      cancellation: row.cancelled_at ? {
        by: row.cancelled_by_person_id ? ref(row.cancelled_by_person_id) : null, at: row.cancelled_at, reason: row.cancel_reason ?? '',
        late: row.status === 'late_cancelled',
      } : null,
      rating: row.rating !== null ? { rating: row.rating, comment: row.rating_comment ?? '', ratedAt: row.rated_at ?? '' } : null,
      createdAt: row.created_at,
      availableActions: availableSessionActions(facts, now).filter((action) => mayInEngagement(engagement.actors, ACTION_PERMISSION[action])),
    };
  });
}

function assertSchedulable(engagement: EngagementInView): void {
  if (!SCHEDULING_STATES.includes(engagement.state)) {
    throw conflict(`Sessions are booked once every party has accepted the agreement and until the engagement ends; this one is ${engagement.state.replace('_', ' ')}.`);
  }
}

function assertMove(session: SessionInView, action: SessionAction, now: Date): void {
  const verdict = sessionMove(factsOf(session.row), action, now);
  if (!verdict.ok) throw conflict(verdict.reason);
}

function checkedStart(startsAt: string, now: Date): string {
  const instant = new Date(startsAt);
  if (Number.isNaN(instant.getTime())) throw invalidField('startsAt', 'must be an ISO 8601 instant, e.g. 2026-05-04T09:00:00Z');
  const verdict = checkStart(instant, now);
  if (!verdict.ok) throw invalidField('startsAt', verdict.reason);
  return instant.toISOString();
}

function checkedTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw invalidField('timeZone', 'must be an IANA time zone, e.g. Europe/Lisbon');
  return timeZone;
}

/** Moves a session guarded by the status it was read in, so two racing moves cannot both apply. */
async function updateSession(db: Kysely<Database>, session: SessionInView, values: Partial<CoachingSessionTable>): Promise<void> {
  const result = await db.updateTable('coaching_sessions').set(values).where('id', '=', session.row.id).where('status', '=', session.row.status).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('The session changed meanwhile; reload and try again.');
}

export interface NewSession {
  startsAt: string;
  durationMinutes: number;
  timeZone?: string;
  location?: string;
}

/** The coach or the client books a session; its time zone defaults to the scheduler's own. */
export async function scheduleSession(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, input: NewSession): Promise<string> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'scheduleSession', { forUpdate: true });
  assertSchedulable(engagement);
  const now = new Date();
  const startsAt = checkedStart(input.startsAt, now);
  const timeZone = input.timeZone !== undefined
    ? checkedTimeZone(input.timeZone)
    : (await db.selectFrom('people').select('time_zone').where('id', '=', viewer.personId).executeTakeFirstOrThrow()).time_zone;
  const id = newId();
  await db.insertInto('coaching_sessions').values({
    id, org_id: orgId, engagement_id: engagementId, starts_at: startsAt, duration_minutes: input.durationMinutes, time_zone: timeZone,
    location: input.location?.trim() ?? '', status: 'scheduled', focus: null, focus_set_at: null, cancelled_by_person_id: null, cancelled_at: null,
    cancel_reason: null, rating: null, rating_comment: null, rated_at: null, created_at: now.toISOString(),
  }).execute();
  return id;
}

export async function rescheduleSession(
  db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer, input: Partial<NewSession> & { startsAt: string },
): Promise<void> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'scheduleSession', { forUpdate: true });
  assertSchedulable(session.engagement);
  const now = new Date();
  assertMove(session, 'reschedule', now);
  await updateSession(db, session, {
    starts_at: checkedStart(input.startsAt, now),
    ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
    ...(input.timeZone !== undefined ? { time_zone: checkedTimeZone(input.timeZone) } : {}),
    ...(input.location !== undefined ? { location: input.location.trim() } : {}),
  });
}

/** Cancelled by the coach or the client; less than 24 hours before the start it is recorded as a late cancellation. */
export async function cancelSession(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer, reason: string): Promise<SessionStatus> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'scheduleSession', { forUpdate: true });
  const now = new Date();
  assertMove(session, 'cancel', now);
  const status = cancellationStatus(factsOf(session.row), now);
  await updateSession(db, session, { status, cancelled_by_person_id: viewer.personId, cancelled_at: now.toISOString(), cancel_reason: reason.trim() });
  return status;
}

/** The coach records, once the session has started, whether it was held or the client did not come. */
export async function recordAttendance(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer, status: 'held' | 'no_show'): Promise<void> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'recordAttendance', { forUpdate: true });
  assertMove(session, 'record_attendance', new Date());
  await updateSession(db, session, { status });
}

/** The client chooses what the session is about, before it and until it ends. */
export async function setFocus(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer, focus: string): Promise<void> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'setFocus', { forUpdate: true });
  const now = new Date();
  assertMove(session, 'set_focus', now);
  await updateSession(db, session, { focus: focus.trim(), focus_set_at: now.toISOString() });
}

/** The client rates a held session, 1–5 with a comment; rating again replaces the rating. */
export async function rateSession(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer, input: { rating: number; comment?: string }): Promise<void> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'rateSession', { forUpdate: true });
  assertMove(session, 'rate', new Date());
  await updateSession(db, session, { rating: input.rating, rating_comment: input.comment?.trim() ?? '', rated_at: nowIso() });
}

export type SessionWindow = 'upcoming' | 'past';

async function sessionRows(db: Kysely<Database>, orgId: string, engagementId: string): Promise<CoachingSessionTable[]> {
  return db.selectFrom('coaching_sessions').selectAll().where('org_id', '=', orgId).where('engagement_id', '=', engagementId)
    .orderBy('starts_at').orderBy('id').limit(1000).execute();
}

/** Upcoming sessions (not yet ended) soonest first; past ones latest first. */
function inWindow<T extends { starts_at: string; duration_minutes: number }>(rows: T[], when: SessionWindow | undefined, now: Date): T[] {
  if (!when) return rows;
  const ended = (row: T) => sessionEnd({ startsAt: new Date(row.starts_at), durationMinutes: row.duration_minutes }).getTime() <= now.getTime();
  return when === 'upcoming' ? rows.filter((row) => !ended(row)) : rows.filter(ended).reverse();
}

export async function listSessions(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, when?: SessionWindow): Promise<SessionView[]> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'viewContent');
  const now = new Date();
  return presentSessions(db, engagement, inWindow(await sessionRows(db, orgId, engagementId), when, now), now);
}

export async function getSession(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer): Promise<SessionView> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'viewContent');
  return (await presentSessions(db, session.engagement, [session.row]))[0]!;
}

export interface SessionDetail extends SessionView {
  previousSessionId: string | null;
  /** The shared record: notes, and the coach's observations and questions. Never the coach's private notes. */
  notes: SharedNoteView[];
  /** Open action items of the engagement, and those done or dropped since the previous session. */
  actionItemReview: ActionItemView[];
  /** The action items that came out of this session. */
  actionItemsFromSession: ActionItemView[];
}

export async function sessionDetail(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer): Promise<SessionDetail> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'viewContent');
  const [view] = await presentSessions(db, session.engagement, [session.row]);
  // The previous meeting: held, or still scheduled; cancelled sessions and no-shows did not take place.
  const previous = await db.selectFrom('coaching_sessions').select(['id', 'starts_at'])
    .where('org_id', '=', orgId).where('engagement_id', '=', session.row.engagement_id).where('starts_at', '<', session.row.starts_at)
    .where('status', 'in', ['scheduled', 'held']).orderBy('starts_at', 'desc').limit(1).executeTakeFirst();
  const items = await engagementActionItems(db, orgId, session.row.engagement_id);
  const review = reviewActionItems(
    items.map((row) => ({ row, sessionId: row.session_id, status: row.status, completedAt: row.completed_at })),
    { id: session.row.id, previousStartsAt: previous?.starts_at ?? null },
  );
  return {
    ...view!,
    previousSessionId: previous?.id ?? null,
    notes: await listSharedNotes(db, orgId, session),
    actionItemReview: await presentActionItems(db, review.map((item) => item.row)),
    actionItemsFromSession: await presentActionItems(db, items.filter((row) => row.session_id === session.row.id)),
  };
}

export interface AttendanceEntry {
  sessionId: string;
  startsAt: string;
  durationMinutes: number;
  status: SessionStatus;
}

/**
 * Attendance: dates and status only, never focus, notes or ratings. The coach and the client see
 * it; the sponsor only when the accepted agreement shares attendance; the admin never.
 */
export async function attendance(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer): Promise<AttendanceEntry[]> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'viewOverview');
  const parties: EngagementActor[] = engagement.actors;
  const allowed = mayInEngagement(parties, 'viewContent') || (parties.includes('sponsor') && sponsorMaySee(engagement.acceptedVisibility, 'attendance'));
  if (!allowed) {
    throw forbidden(parties.includes('sponsor')
      ? 'The agreement you accepted does not share session attendance with the sponsor.'
      : 'Session attendance is seen by the coach, the client, and the sponsor when the agreement shares it.');
  }
  const rows = await db.selectFrom('coaching_sessions').select(['id', 'starts_at', 'duration_minutes', 'status'])
    .where('org_id', '=', orgId).where('engagement_id', '=', engagementId).orderBy('starts_at').orderBy('id').limit(1000).execute();
  return rows.map((row) => ({ sessionId: row.id, startsAt: row.starts_at, durationMinutes: row.duration_minutes, status: row.status }));
}
