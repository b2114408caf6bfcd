import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
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

export interface SignedInSession {
  sessionId: string;
  personId: string;
  csrfToken: string;
}

export interface NewSession extends SignedInSession {
  token: string;
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

/** Read on every signed-in request, so prepared once. */
const sessionById = preparedStatement<
  Pick<Database['auth_sessions'], 'person_id' | 'csrf_token' | 'created_at' | 'expires_at' | 'last_seen_at'>,
  { sessionId: string }
>((db) => db
  .selectFrom('auth_sessions')
  .select(['person_id', 'csrf_token', 'created_at', 'expires_at', 'last_seen_at'])
  .where('id', '=', param('sessionId')));

export async function findSession(db: Kysely<Database>, token: string): Promise<SignedInSession | null> {
  const sessionId = hashSecret(token);
  const [row] = await sessionById(db, { sessionId });
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now || Date.parse(row.created_at) + ABSOLUTE_LIFETIME <= now) {
    await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL) {
    await db
      .updateTable('auth_sessions')
      .set({ last_seen_at: new Date(now).toISOString(), expires_at: isoAfter(IDLE_LIFETIME) })
      .where('id', '=', sessionId)
      .execute();
  }
  return { sessionId, personId: row.person_id, csrfToken: row.csrf_token };
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
