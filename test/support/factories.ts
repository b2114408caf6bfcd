import crypto from 'node:crypto';
import type { Role } from '../../src/domain/roles.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { createSession, CSRF_COOKIE, SESSION_COOKIE } from '../../src/platform/auth/sessions.ts';
import { hashSecret, newId, nowIso } from '../../src/platform/ids.ts';
import { addMember } from '../../src/features/members/service.ts';
import type { ApiClient, TestApp } from './app.ts';

/** Every factory-made person has this password; its hash is computed once per process. */
export const FACTORY_PASSWORD = 'correct horse battery staple';
let factoryHash: Promise<string> | null = null;
const passwordHash = () => (factoryHash ??= hashPassword(FACTORY_PASSWORD));

const unique = () => crypto.randomBytes(4).toString('hex');

export interface BuiltPerson {
  id: string;
  email: string;
  name: string;
}

export async function buildPerson(t: TestApp, overrides: Partial<{ name: string; email: string; timeZone: string }> = {}): Promise<BuiltPerson> {
  const id = newId();
  const name = overrides.name ?? `Person ${unique()}`;
  const email = overrides.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${unique()}@example.test`;
  await t.context.db.insertInto('people').values({
    id, email, name, password_hash: await passwordHash(), time_zone: overrides.timeZone ?? 'Europe/London', languages: '["en"]', bio: '', created_at: nowIso(),
  }).execute();
  return { id, email, name };
}

export async function buildOrganization(t: TestApp, name = `Org ${unique()}`): Promise<string> {
  const id = newId();
  await t.context.db.insertInto('organizations').values({ id, name, default_time_zone: 'Europe/London', created_at: nowIso() }).execute();
  return id;
}

/** A person who is a member of the organization with the given roles. */
export async function buildMember(t: TestApp, orgId: string, roles: Role[], overrides: Parameters<typeof buildPerson>[1] = {}): Promise<BuiltPerson> {
  const person = await buildPerson(t, overrides);
  await addMember(t.context.db, orgId, person.id, roles);
  return person;
}

/**
 * A client holding a fresh session of the person, as after signing in. The session is made
 * directly (no password check, no audit event): a scrypt verification per client would dominate
 * the suite's time. Tests of signing in itself use signedInThroughApi or the API.
 */
export async function signedIn(t: TestApp, person: BuiltPerson): Promise<ApiClient> {
  const session = await createSession(t.context.db, person.id);
  const client = t.client();
  client.cookies.set(SESSION_COOKIE, session.token);
  client.cookies.set(CSRF_COOKIE, session.csrfToken);
  return client;
}

/** Signs in with the factory password through POST /api/auth/login. */
export async function signedInThroughApi(t: TestApp, person: BuiltPerson): Promise<ApiClient> {
  const client = t.client();
  const response = await client.post('/api/auth/login', { email: person.email, password: FACTORY_PASSWORD });
  if (response.status !== 200) throw new Error(`factory sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return client;
}

/** An organization with a signed-in admin, the usual start of a test. */
export async function buildOrgWithAdmin(t: TestApp) {
  const orgId = await buildOrganization(t);
  const admin = await buildMember(t, orgId, ['admin']);
  return { orgId, admin, adminClient: await signedIn(t, admin) };
}

/**
 * Invites through the API as an admin would, and reads the link's token from the mail it queued
 * (dev mode outbox), matched to this invitation by the token's hash.
 */
export async function inviteByApi(t: TestApp, adminClient: ApiClient, orgId: string, email: string, roles: Role[] = ['member']) {
  const response = await adminClient.post(`/api/orgs/${orgId}/invitations`, { email, roles });
  if (response.status !== 201) throw new Error(`factory invitation failed: ${response.status} ${JSON.stringify(response.body)}`);
  const invitation = await t.context.db.selectFrom('invitations').select('token_hash').where('id', '=', response.body.id).executeTakeFirstOrThrow();
  const mails = await t.context.db.selectFrom('outbox_messages').select('body_text').where('to_email', '=', email.toLowerCase()).execute();
  for (const mail of mails) {
    for (const match of mail.body_text.matchAll(/\/invitations\/([A-Za-z0-9_-]+)/g)) {
      if (hashSecret(match[1]!) === invitation.token_hash) return { invitation: response.body as { id: string; email: string; roles: Role[]; state: string }, token: match[1]! };
    }
  }
  throw new Error(`no invitation mail with the link for ${email}`);
}
