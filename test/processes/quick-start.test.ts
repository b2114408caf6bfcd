import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database.ts';
import { runCairn, startCairn } from '../support/cli.ts';

const DEMO_ADMIN = { email: 'priya@alderfinch.example', password: 'cairn-demo-2026' };

async function signIn(url: string, credentials: { email: string; password: string }) {
  return fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
}

// Each test starts real processes, and a first start loads the whole demo: minutes on a busy machine.
describe('the quick start: cairn start', { timeout: 300_000 }, () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => { for (const database of databases) await database.drop(); });

  // The quick start is the embedded database's: on PostgreSQL the next test proves the demo waits for `cairn demo`.
  const onEmbeddedDatabase = testDatabaseKind() === 'sqlite' ? it : () => undefined;
  onEmbeddedDatabase('loads the demo on first start, prints the sign-ins, and keeps everything on the second start', async () => {
    const testDb = await createTestDatabase();
    databases.push(testDb);
    // The test database arrives migrated and empty, as a first start finds it.
    const first = await startCairn(testDb.env);
    try {
      expect(first.output()).toContain(DEMO_ADMIN.email);
      expect(first.output()).toContain(DEMO_ADMIN.password);
      const health = await (await fetch(`${first.url}/api/health`)).json();
      expect(health).toEqual({ status: 'ok', database: 'sqlite' });
      expect((await signIn(first.url, DEMO_ADMIN)).status).toBe(200);
      const signup = await fetch(`${first.url}/api/auth/signup`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kept Person', email: 'kept@example.test', password: 'kept across restarts', organizationName: 'Kept Org' }),
      });
      expect(signup.status).toBe(201);
    } finally {
      await first.stop();
    }
    const second = await startCairn(testDb.env);
    try {
      expect(second.output()).not.toContain('Demo organization loaded');
      expect((await signIn(second.url, { email: 'kept@example.test', password: 'kept across restarts' })).status).toBe(200);
      expect((await signIn(second.url, DEMO_ADMIN)).status).toBe(200);
      const people = await testDb.database.db.selectFrom('people').select('email').where('email', '=', DEMO_ADMIN.email).execute();
      expect(people).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('starts empty with the demo switched off, or on PostgreSQL, until `cairn demo` is run', async () => {
    const testDb = await createTestDatabase();
    databases.push(testDb);
    const server = await startCairn({ ...testDb.env, CAIRN_DEMO: testDatabaseKind() === 'sqlite' ? 'off' : 'on' });
    try {
      expect(server.output()).not.toContain('Demo organization loaded');
      expect((await signIn(server.url, DEMO_ADMIN)).status).toBe(401);
      const demo = await runCairn(['demo'], testDb.env);
      expect(demo.code, demo.stderr).toBe(0);
      expect(demo.stdout).toContain(DEMO_ADMIN.email);
      expect((await signIn(server.url, DEMO_ADMIN)).status).toBe(200);
      const again = await runCairn(['demo'], testDb.env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds data/);
    } finally {
      await server.stop();
    }
  });

  it('migrates an up-to-date database without complaint', async () => {
    const testDb = await createTestDatabase();
    databases.push(testDb);
    const result = await runCairn(['migrate'], testDb.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/up to date/);
  });
});
