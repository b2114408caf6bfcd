import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { sponsorMaySee } from '../../../domain/coaching/engagement-permissions.ts';
import { OPEN_STATES } from '../../../domain/coaching/engagement-lifecycle.ts';
import { goalMet, goalProgress } from '../../../domain/coaching/goals.ts';
import { addDays, localDate, localDayBounds } from '../../../domain/time-zones.ts';
import { answerCache } from '../../../platform/cache/answer-cache.ts';
import type { KeptJson } from '../../../platform/cache/kept-json.ts';
import { param, preparedStatement } from '../../../platform/db/prepared.ts';
import { acceptedVisibility } from '../engagement-access.ts';
import { myEngagements, type EngagementSummary } from '../engagements/service.ts';

/*
 * The three coaching homes. Each reads only what its person may see: the client's own work, the
 * coach's practice, and for a sponsor what each accepted agreement shares.
 */
/*
 * Kept in memory until a write to what they read (platform/cache/answer-cache.ts); at most a minute,
 * as "today", "overdue" and "next session" move with the clock.
 */
const HOME_TABLES = [
  'people', 'engagements', 'agreements', 'agreement_acceptances', 'goals', 'coaching_sessions', 'action_items',
] as const;
export const keptClientHomes = answerCache<KeptJson>({ reads: HOME_TABLES, maxAgeMs: 60_000, maxEntries: 5_000 });
export const keptCoachHomes = answerCache<KeptJson>({ reads: HOME_TABLES, maxAgeMs: 60_000, maxEntries: 2_000 });

const NEAR_END_DAYS = 14;
const UPCOMING_DAYS = 7;

const timeZoneStatement = preparedStatement<{ time_zone: string }, { personId: string }>((db) => db.selectFrom('people').select('time_zone').where('id', '=', param('personId')));

async function timeZoneOf(db: Kysely<Database>, personId: string): Promise<string> {
  const [row] = await timeZoneStatement(db, { personId });
  if (!row) throw new Error(`no person ${personId}`);
  return row.time_zone;
}

function sessionsOf(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('coaching_sessions as s')
    .innerJoin('engagements as e', 'e.id', 's.engagement_id')
    .innerJoin('people as coach', 'coach.id', 'e.coach_person_id')
    .innerJoin('people as client', 'client.id', 'e.client_person_id')
    .select(['s.id', 's.engagement_id', 's.starts_at', 's.duration_minutes', 's.time_zone', 's.location', 's.status', 's.focus', 'coach.name as coach_name', 'client.name as client_name', 'e.title'])
    // The session's organization scopes the engagement too (a session lives in its engagement's
    // organization). Filtering e.org_id as well led SQLite to read every engagement of the
    // organization instead of the few engagements' sessions.
    .where('s.org_id', '=', orgId);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionsOf>['execute']>>[number];

const presentSession = (row: SessionRow) => ({
  id: row.id, engagementId: row.engagement_id, engagementTitle: row.title, startsAt: row.starts_at, durationMinutes: row.duration_minutes,
  timeZone: row.time_zone, location: row.location, status: row.status, focus: row.focus, coachName: row.coach_name, clientName: row.client_name,
});

function openActionItems(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('action_items as a')
    .innerJoin('engagements as e', 'e.id', 'a.engagement_id')
    .innerJoin('people as owner', 'owner.id', 'a.owner_person_id')
    .select(['a.id', 'a.engagement_id', 'a.title', 'a.due_date', 'a.owner_person_id', 'owner.name as owner_name', 'e.title as engagement_title'])
    .where('a.org_id', '=', orgId)
    .where('a.status', '=', 'open');
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof openActionItems>['execute']>>[number];
const presentAction = (row: ActionRow) => ({
  id: row.id, engagementId: row.engagement_id, engagementTitle: row.engagement_title, title: row.title, dueDate: row.due_date,
  owner: { personId: row.owner_person_id, name: row.owner_name },
});

async function goalsOf(db: Kysely<Database>, engagementIds: string[]) {
  if (engagementIds.length === 0) return [];
  const rows = await db.selectFrom('goals').select(['id', 'engagement_id', 'statement', 'unit', 'baseline_value', 'target_value', 'current_value', 'due_date'])
    .where('engagement_id', 'in', engagementIds).orderBy('engagement_id').orderBy('position').execute();
  return rows.map((row) => {
    const measure = { baseline: row.baseline_value, target: row.target_value, current: row.current_value };
    return {
      id: row.id, engagementId: row.engagement_id, statement: row.statement, unit: row.unit, baseline: row.baseline_value, target: row.target_value,
      current: row.current_value, dueDate: row.due_date, met: goalMet(measure), progress: goalProgress(measure),
    };
  });
}

// Independent reads are sent together (Promise.all): on PostgreSQL each is a round trip.
export async function clientHome(db: Kysely<Database>, orgId: string, personId: string, now = new Date()) {
  const [timeZone, engagements] = await Promise.all([timeZoneOf(db, personId), myEngagements(db, orgId, personId, 'client')]);
  const open = engagements.filter((e) => e.state === 'agreed' || e.state === 'active');
  const ids = open.map((e) => e.id);
  const [next, actions, goals] = await Promise.all([
    ids.length
      ? sessionsOf(db, orgId).where('s.engagement_id', 'in', ids).where('s.status', '=', 'scheduled').where('s.starts_at', '>=', new Date(now.getTime() - 60 * 60000).toISOString())
        .orderBy('s.starts_at').limit(1).executeTakeFirst()
      : undefined,
    ids.length
      ? openActionItems(db, orgId).where('a.engagement_id', 'in', ids).where('a.owner_person_id', '=', personId).orderBy('a.due_date').limit(50).execute()
      : [],
    goalsOf(db, ids),
  ]);
  return {
    timeZone,
    engagements,
    nextSession: next ? { ...presentSession(next), needsFocus: !next.focus } : null,
    goals,
    openActionItems: actions.map(presentAction),
  };
}

export async function coachHome(db: Kysely<Database>, orgId: string, personId: string, now = new Date()) {
  // Only open engagements: a busy coach's years of finished ones would be summarized for nothing.
  const [timeZone, open] = await Promise.all([timeZoneOf(db, personId), myEngagements(db, orgId, personId, 'coach', OPEN_STATES)]);
  const today = localDate(now, timeZone);
  const { start: dayStart, end: dayEnd } = localDayBounds(today, timeZone);
  const horizon = localDayBounds(addDays(today, UPCOMING_DAYS), timeZone).end;
  const ids = open.map((e) => e.id);
  const [sessions, overdue] = ids.length
    ? await Promise.all([
      sessionsOf(db, orgId).where('s.engagement_id', 'in', ids).where('s.status', '=', 'scheduled')
        .where('s.starts_at', '>=', dayStart.toISOString()).where('s.starts_at', '<', horizon.toISOString()).orderBy('s.starts_at').limit(100).execute(),
      openActionItems(db, orgId).where('a.engagement_id', 'in', ids).where('a.due_date', '<', today).orderBy('a.due_date').limit(50).execute(),
    ])
    : [[], []];
  const soon = addDays(today, NEAR_END_DAYS);
  const needsAttention = (e: EngagementSummary) => e.state === 'active' && (e.closureProposed || (e.plannedEndDate !== '' && e.plannedEndDate <= soon));
  return {
    timeZone,
    today,
    todaysSessions: sessions.filter((s) => s.starts_at < dayEnd.toISOString()).map(presentSession),
    upcomingSessions: sessions.filter((s) => s.starts_at >= dayEnd.toISOString()).map(presentSession),
    clients: open.map((e) => ({ engagementId: e.id, title: e.title, state: e.state, client: e.client, attainment: e.attainment, plannedEndDate: e.plannedEndDate })),
    overdueActionItems: overdue.map(presentAction),
    attention: open.filter(needsAttention).map((e) => ({
      engagementId: e.id, title: e.title, client: e.client, plannedEndDate: e.plannedEndDate,
      reason: e.closureProposed ? ('all_goals_met' as const) : ('near_planned_end' as const),
    })),
  };
}

/** A sponsor sees engagements they sponsor, and inside each only what its accepted agreement shares. */
export async function sponsorHome(db: Kysely<Database>, orgId: string, personId: string) {
  const engagements = await myEngagements(db, orgId, personId, 'sponsor');
  const items = [];
  for (const engagement of engagements) {
    const visibility = await acceptedVisibility(db, engagement.id);
    const goals = sponsorMaySee(visibility, 'goals') ? await goalsOf(db, [engagement.id]) : null;
    const attendance = sponsorMaySee(visibility, 'attendance')
      ? (await db.selectFrom('coaching_sessions').select(['starts_at', 'status', 'duration_minutes']).where('engagement_id', '=', engagement.id).orderBy('starts_at').execute())
        .map((s) => ({ startsAt: s.starts_at, status: s.status, durationMinutes: s.duration_minutes }))
      : null;
    items.push({ engagement, sharing: visibility, goals, attendance });
  }
  return { items };
}
