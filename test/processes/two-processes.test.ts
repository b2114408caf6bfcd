import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startCairn, type CairnProcess } from '../support/cli.ts';

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
});
