import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/platform/ids.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startCairn, type CairnProcess } from '../support/cli.ts';

/** A browser's cookies from a response that signed it in: the Cookie header and the CSRF token to echo. */
interface Browser {
  cookie: string;
  csrf: string;
}

function browserFrom(response: Response): Browser {
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  return { cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('cairn_csrf='))!.split('=')[1]! };
}

/** One API call to a process, as the browser (cookie, and the CSRF token on writes). */
async function call(url: string, method: string, path: string, as?: Browser, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: {
      ...(as ? { cookie: as.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': as.csrf }) } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/*
 * Each process keeps sessions and directory pages in memory until a write to what they were read
 * from (platform/cache/answer-cache.ts); another process's write reaches it as a PostgreSQL notice
 * (or SQLite's data_version), a few milliseconds later. The checks on the other process therefore
 * poll, for up to EVENTUALLY.timeout: the kept answers would otherwise live for a minute.
 */
const EVENTUALLY = { timeout: 5_000, interval: 50 };

/*
 * App processes keep no state of their own: a session made through one is honoured by another
 * sharing the database (PostgreSQL in production; the same holds for one SQLite file in WAL).
 */
describe('two app processes on one database', () => {
  let testDb: TestDatabase;
  let first: CairnProcess;
  let second: CairnProcess;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    [first, second] = await Promise.all([startCairn({ ...testDb.env, CAIRN_DEMO: 'off' }), startCairn({ ...testDb.env, CAIRN_DEMO: 'off' })]);
  }, 200_000);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await testDb?.drop();
  });

  it('honours on the second process a session created on the first, and its sign-out too', async () => {
    expect(first.url).not.toBe(second.url);
    const signup = await fetch(`${first.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ines Duarte', email: 'ines@example.test', password: 'a long enough password', organizationName: 'Two Process Co' }),
    });
    expect(signup.status).toBe(201);
    const cookies = signup.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
    const cookie = cookies.join('; ');
    const csrf = cookies.find((c) => c.startsWith('cairn_csrf='))!.split('=')[1]!;

    const me = await fetch(`${second.url}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { person: { email: string }; memberships: { orgName: string }[] };
    expect(body.person.email).toBe('ines@example.test');
    expect(body.memberships.map((m) => m.orgName)).toEqual(['Two Process Co']);

    const logout = await fetch(`${second.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    expect(logout.status).toBe(200);
    expect((await fetch(`${first.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses on the second process, within seconds, a session it had kept once it is signed out on the first', async () => {
    const signup = await call(first.url, 'POST', '/api/auth/signup', undefined, {
      name: 'Rui Marques', email: 'rui@example.test', password: 'a long enough password', organizationName: 'Sign Out Co',
    });
    expect(signup.status).toBe(201);
    const rui = browserFrom(signup);
    // The second process reads the session, and keeps it.
    for (let i = 0; i < 3; i++) expect((await call(second.url, 'GET', '/api/me', rui)).status).toBe(200);

    expect((await call(first.url, 'POST', '/api/auth/logout', rui)).status).toBe(200);
    expect((await call(first.url, 'GET', '/api/me', rui)).status).toBe(401);
    await expect.poll(async () => (await call(second.url, 'GET', '/api/me', rui)).status, EVENTUALLY).toBe(401);
  });

  it('honours on the second process, within seconds, an admin’s role change and deactivation made on the first', async () => {
    const signup = await call(first.url, 'POST', '/api/auth/signup', undefined, {
      name: 'Alda Reis', email: 'alda@example.test', password: 'a long enough password', organizationName: 'Roles Co',
    });
    expect(signup.status).toBe(201);
    const { orgId } = (await signup.json()) as { orgId: string };
    const alda = browserFrom(signup);

    // Alda invites Bento as a second admin; the link's token is read from the dev outbox, matched by its hash.
    const invited = await call(first.url, 'POST', `/api/orgs/${orgId}/invitations`, alda, { email: 'bento@example.test', roles: ['admin'] });
    expect(invited.status).toBe(201);
    const { id: invitationId } = (await invited.json()) as { id: string };
    const { token_hash: tokenHash } = await testDb.database.db.selectFrom('invitations').select('token_hash').where('id', '=', invitationId).executeTakeFirstOrThrow();
    const mails = await testDb.database.db.selectFrom('outbox_messages').select('body_text').where('to_email', '=', 'bento@example.test').execute();
    const token = mails.flatMap((mail) => [...mail.body_text.matchAll(/\/invitations\/([A-Za-z0-9_-]+)/g)].map((match) => match[1]!)).find((candidate) => hashSecret(candidate) === tokenHash);
    expect(token, 'the invitation mail carries its link').toBeDefined();
    const accepted = await call(first.url, 'POST', `/api/invitations/${token}/accept`, undefined, { name: 'Bento Lima', password: 'another long password' });
    expect(accepted.status).toBe(200);
    const { personId: bentoId } = (await accepted.json()) as { personId: string };
    const bento = browserFrom(accepted);

    const bentoInDirectory = async (url: string) => {
      const page = (await (await call(url, 'GET', `/api/orgs/${orgId}/members`, alda)).json()) as { items: { personId: string; roles: string[] }[] };
      return page.items.find((member) => member.personId === bentoId)?.roles ?? null;
    };

    // On the second process Bento is an admin (he may list invitations), and the directory says so: both kept there.
    for (let i = 0; i < 2; i++) {
      expect((await call(second.url, 'GET', `/api/orgs/${orgId}/invitations`, bento)).status).toBe(200);
      expect(await bentoInDirectory(second.url)).toEqual(['admin']);
    }

    const demoted = await call(first.url, 'PUT', `/api/orgs/${orgId}/members/${bentoId}/roles`, alda, { roles: ['member'] });
    expect(demoted.status).toBe(200);
    expect((await call(first.url, 'GET', `/api/orgs/${orgId}/invitations`, bento)).status).toBe(403);
    await expect.poll(async () => (await call(second.url, 'GET', `/api/orgs/${orgId}/invitations`, bento)).status, EVENTUALLY).toBe(403);
    await expect.poll(() => bentoInDirectory(second.url), EVENTUALLY).toEqual(['member']);

    // Still a member: the directory is his to read, on the second process too (and kept there).
    for (let i = 0; i < 2; i++) expect((await call(second.url, 'GET', `/api/orgs/${orgId}/members`, bento)).status).toBe(200);

    expect((await call(first.url, 'POST', `/api/orgs/${orgId}/members/${bentoId}/deactivate`, alda)).status).toBe(200);
    expect((await call(first.url, 'GET', `/api/orgs/${orgId}/members`, bento)).status).toBe(404);
    await expect.poll(async () => (await call(second.url, 'GET', `/api/orgs/${orgId}/members`, bento)).status, EVENTUALLY).toBe(404);
    await expect.poll(() => bentoInDirectory(second.url), EVENTUALLY).toBeNull();
  });
});
