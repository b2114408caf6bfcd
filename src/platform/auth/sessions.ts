import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../../db/schema.ts';
import { answerCache } from '../cache/answer-cache.ts';
import { param, preparedStatement } from '../db/prepared.ts';
import { hashSecret, isoAfter, newSecret, nowIso } from '../ids.ts';

export const SESSION_COOKIE = 'cairn_session';
export const CSRF_COOKIE = 'cairn_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const DAY = 24 * 60 * 60 * 1000;
/** A session lives 14 days from its last use, and never longer than 90 days. */
const IDLE_LIFETIME = 14 * DAY;
const ABSOLUTE_LIFETIME = 90 * DAY;
/** Touching last_seen on every request would turn every read into a write. */
const TOUCH_INTERVAL = 10 * 60 * 1000;

export interface NewSession {
  token: string;
  sessionId: string;
  personId: string;
  csrfToken: string;
}

/** The signed-in person's profile columns, as stored. */
export type SessionPersonRow = Pick<PersonTable, 'id' | 'email' | 'name' | 'time_zone' | 'languages' | 'bio'>;

/** One of the person's active memberships with one of its roles (role null: a membership without roles). */
export interface ActiveMembershipRow {
  org_id: string;
  org_name: string;
  title: string;
  department: string;
  role: string | null;
}

export interface SignedInSession {
  sessionId: string;
  personId: string;
  csrfToken: string;
  /** The person as of this request, read with the session. */
  person: SessionPersonRow;
  /** Their active memberships' roles, in organization-name order: what org routes check access against. */
  memberships: ActiveMembershipRow[];
}

export async function createSession(db: Kysely<Database>, personId: string): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = nowIso();
  const sessionId = hashSecret(token);
  await db
    .insertInto('auth_sessions')
    .values({ id: sessionId, person_id: personId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: isoAfter(IDLE_LIFETIME) })
    .execute();
  return { token, sessionId, personId, csrfToken };
}

/*
 * Read on every signed-in request, so prepared once, and in one round trip with what nearly every
 * request needs next: the person and their active memberships with roles (org routes check access
 * against them, GET /api/me shows them). A row per membership role, the session's and person's
 * columns repeated; a person without memberships still has their one row.
 */
const sessionWithPerson = preparedStatement<
  Pick<Database['auth_sessions'], 'person_id' | 'csrf_token' | 'created_at' | 'expires_at' | 'last_seen_at'>
  & SessionPersonRow & { [K in keyof ActiveMembershipRow]: ActiveMembershipRow[K] | null },
  { sessionId: string }
>((db) => db
  .selectFrom('auth_sessions as s')
  .innerJoin('people as p', 'p.id', 's.person_id')
  .leftJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'p.id').on('m.status', '=', 'active'))
  .leftJoin('organizations as o', 'o.id', 'm.org_id')
  .leftJoin('membership_roles as r', (join) => join.onRef('r.org_id', '=', 'm.org_id').onRef('r.person_id', '=', 'm.person_id'))
  .select([
    's.person_id', 's.csrf_token', 's.created_at', 's.expires_at', 's.last_seen_at',
    'p.id', 'p.email', 'p.name', 'p.time_zone', 'p.languages', 'p.bio',
    'm.org_id', 'o.name as org_name', 'm.title', 'm.department', 'r.role',
  ])
  .where('s.id', '=', param('sessionId'))
  .orderBy('o.name')
  .orderBy('m.org_id'));

/** What a signed-in session is read from: a write to any of them reads it again. */
export const SESSION_TABLES = ['auth_sessions', 'people', 'memberships', 'organizations', 'membership_roles'] as const;

/** A session as read, with its times parsed: what is kept between requests. */
interface StoredSession {
  expiresAt: number;
  /** Created at plus the absolute lifetime. */
  endsAt: number;
  lastSeenAt: number;
  session: SignedInSession;
}

/**
 * Every signed-in request reads its session: kept in memory, by the cookie's token (so that a kept
 * session costs no hashing), until a sign-in, sign-out, profile, membership, role or organization
 * change (platform/cache/answer-cache.ts). Expiry is checked against the kept times on every request.
 */
const keptSessions = answerCache<StoredSession | null>({
  reads: SESSION_TABLES,
  maxAgeMs: 60_000,
  maxEntries: 10_000,
});

export async function findSession(db: Kysely<Database>, token: string): Promise<SignedInSession | null> {
  const stored = await keptSessions.get(db, [token], () => readSession(db, hashSecret(token)));
  return stored ? stillValid(db, stored) : null;
}

/** The session as findSession reads it, by its stored id (to read the person again after a change). */
export async function findSessionById(db: Kysely<Database>, sessionId: string): Promise<SignedInSession | null> {
  const stored = await readSession(db, sessionId);
  return stored ? stillValid(db, stored) : null;
}

async function readSession(db: Kysely<Database>, sessionId: string): Promise<StoredSession | null> {
  const rows = await sessionWithPerson(db, { sessionId });
  const row = rows[0];
  if (!row) return null;
  const person = { id: row.id, email: row.email, name: row.name, time_zone: row.time_zone, languages: row.languages, bio: row.bio };
  const memberships = rows.filter((membership): membership is typeof membership & ActiveMembershipRow => membership.org_id !== null);
  return {
    expiresAt: Date.parse(row.expires_at),
    endsAt: Date.parse(row.created_at) + ABSOLUTE_LIFETIME,
    lastSeenAt: Date.parse(row.last_seen_at),
    session: { sessionId, personId: row.person_id, csrfToken: row.csrf_token, person, memberships },
  };
}

/** The session unless it has expired (then it is deleted); its lifetime is extended now and then. */
async function stillValid(db: Kysely<Database>, stored: StoredSession): Promise<SignedInSession | null> {
  const { sessionId } = stored.session;
  const now = Date.now();
  if (stored.expiresAt <= now || stored.endsAt <= now) {
    await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
    return null;
  }
  if (now - stored.lastSeenAt > TOUCH_INTERVAL) {
    await db
      .updateTable('auth_sessions')
      .set({ last_seen_at: new Date(now).toISOString(), expires_at: isoAfter(IDLE_LIFETIME) })
      .where('id', '=', sessionId)
      .execute();
  }
  return stored.session;
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
}

/** After a password change every other session of the person ends. */
export async function endOtherSessions(db: Kysely<Database>, personId: string, keepSessionId?: string): Promise<void> {
  let query = db.deleteFrom('auth_sessions').where('person_id', '=', personId);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}
