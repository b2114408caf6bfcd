import type { Kysely } from 'kysely';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Database } from '../../../db/schema.ts';
import { sessionEnd, SCHEDULING_STATES } from '../../../domain/coaching/session-rules.ts';
import type { EngagementState } from '../../../domain/coaching/engagement-lifecycle.ts';
import { hashSecret, isoAfter, newSecret, nowIso } from '../../../platform/ids.ts';

/*
 * Each person's private calendar feed for one organization: an iCalendar document at a secret
 * URL that calendar applications subscribe to. Only the token's hash is stored, so the URL is
 * shown once, when it is made; making a new one revokes the old. The feed holds times, places and
 * the other party's name: never a session's focus, notes or rating.
 */

/** A feed token as it appears in the URL: 32 random bytes, base64url. */
export const FEED_TOKEN_PATTERN = '^[A-Za-z0-9_-]{20,100}$';
/** How far back the feed reaches; calendar applications keep what they already fetched. */
const FEED_HISTORY_DAYS = 365;

export interface FeedStatus {
  active: boolean;
  createdAt: string | null;
}

export interface NewFeed {
  url: string;
  webcalUrl: string;
  createdAt: string;
}

export const feedUrl = (publicUrl: string, token: string): string => `${publicUrl}/api/calendar/${token}.ics`;

async function revokeActive(db: Kysely<Database>, orgId: string, personId: string, at: string): Promise<number> {
  const result = await db.updateTable('calendar_feeds').set({ revoked_at: at })
    .where('org_id', '=', orgId).where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Makes the person's feed, revoking any earlier one; the secret URL is returned this once. */
export async function createFeed(db: Kysely<Database>, orgId: string, personId: string, publicUrl: string): Promise<NewFeed> {
  const now = nowIso();
  await revokeActive(db, orgId, personId, now);
  const token = newSecret();
  await db.insertInto('calendar_feeds').values({ token_hash: hashSecret(token), org_id: orgId, person_id: personId, created_at: now, revoked_at: null }).execute();
  const url = feedUrl(publicUrl, token);
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt: now };
}

export async function revokeFeed(db: Kysely<Database>, orgId: string, personId: string): Promise<void> {
  await revokeActive(db, orgId, personId, nowIso());
}

export async function feedStatus(db: Kysely<Database>, orgId: string, personId: string): Promise<FeedStatus> {
  const row = await db.selectFrom('calendar_feeds').select('created_at').where('org_id', '=', orgId).where('person_id', '=', personId)
    .where('revoked_at', 'is', null).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return { active: Boolean(row), createdAt: row?.created_at ?? null };
}

/**
 * The iCalendar document behind a token, or null when the token is unknown, revoked, or its
 * person is no longer an active member of the organization. Times are written in UTC.
 */
export async function renderFeed(db: Kysely<Database>, token: string): Promise<string | null> {
  const feed = await db.selectFrom('calendar_feeds as f')
    .innerJoin('memberships as m', (join) => join.onRef('m.org_id', '=', 'f.org_id').onRef('m.person_id', '=', 'f.person_id'))
    .innerJoin('organizations as o', 'o.id', 'f.org_id')
    .select(['f.org_id', 'f.person_id', 'o.name as org_name'])
    .where('f.token_hash', '=', hashSecret(token)).where('f.revoked_at', 'is', null).where('m.status', '=', 'active')
    .executeTakeFirst();
  if (!feed) return null;
  const personId = feed.person_id;
  const rows = await db.selectFrom('coaching_sessions as s').innerJoin('engagements as e', 'e.id', 's.engagement_id')
    .select(['s.id', 's.starts_at', 's.duration_minutes', 's.location', 's.status', 'e.state', 'e.coach_person_id', 'e.client_person_id'])
    .where('s.org_id', '=', feed.org_id).where('e.org_id', '=', feed.org_id)
    .where((eb) => eb.or([eb('e.coach_person_id', '=', personId), eb('e.client_person_id', '=', personId)]))
    .where('s.starts_at', '>=', isoAfter(-FEED_HISTORY_DAYS * 86_400_000))
    .orderBy('s.starts_at').orderBy('s.id').limit(2000).execute();
  const otherIds = [...new Set(rows.map((row) => (row.coach_person_id === personId ? row.client_person_id : row.coach_person_id)))];
  const names = otherIds.length ? await db.selectFrom('people').select(['id', 'name']).where('id', 'in', otherIds).execute() : [];
  const nameOf = new Map(names.map((row) => [row.id, row.name]));

  const calendar = ical({ name: `Cairn coaching — ${feed.org_name}`, prodId: { company: 'Cairn', product: 'Coaching sessions', language: 'EN' }, ttl: 3600 });
  const now = Date.now();
  for (const row of rows) {
    const startsAt = new Date(row.starts_at);
    const ended = !SCHEDULING_STATES.includes(row.state as EngagementState);
    // A session still booked in an engagement that has ended will not take place.
    const cancelled = row.status === 'cancelled' || row.status === 'late_cancelled' || (row.status === 'scheduled' && ended && startsAt.getTime() > now);
    const other = row.coach_person_id === personId ? row.client_person_id : row.coach_person_id;
    calendar.createEvent({
      id: `${row.id}@cairn`,
      start: startsAt,
      end: sessionEnd({ startsAt, durationMinutes: row.duration_minutes }),
      summary: `Coaching: ${nameOf.get(other) ?? 'your coaching partner'}`,
      location: row.location || null,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
