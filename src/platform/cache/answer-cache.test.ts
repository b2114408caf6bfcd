import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_POSTGRES_URL, testDatabaseKind, type TestDatabase } from '../../../test/support/database.ts';
import { openDatabase, type CairnDatabase } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { writeClockOf } from '../db/write-clock.ts';
import { WRITE_CHANNEL } from '../db/write-notices.ts';
import { answerCache, type AnswerCacheOptions } from './answer-cache.ts';

/*
 * On a real database of the project's kind (a SQLite file or a PostgreSQL schema): answers are
 * kept until a write to a table they read, by this handle (its own statements) or by another
 * connection (SQLite's data_version, PostgreSQL's write notices). Every computation here really
 * reads the database, so a stale answer would also show in its content.
 */
const now = () => new Date().toISOString();
const unique = () => crypto.randomBytes(6).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EVENTUALLY = { timeout: 5_000, interval: 25 };

async function addOrganization(db: Kysely<Database>): Promise<string> {
  const id = `org-${unique()}`;
  await db.insertInto('organizations').values({ id, name: `Org ${id}`, default_time_zone: 'UTC', created_at: now() }).execute();
  return id;
}

async function addPerson(db: Kysely<Database>): Promise<string> {
  const id = `person-${unique()}`;
  await db.insertInto('people').values({ id, email: `${id}@example.test`, name: `Person ${id}`, password_hash: null, time_zone: 'UTC', languages: '["en"]', bio: '', created_at: now() }).execute();
  return id;
}

async function addMembership(db: Kysely<Database>, orgId: string, personId: string): Promise<void> {
  await db.insertInto('memberships').values({
    org_id: orgId, person_id: personId, title: '', department: '', manager_person_id: null, status: 'active', deactivated_at: null, created_at: now(), sort_name: personId,
  }).execute();
}

async function countOrganizations(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A cache over organizations (unless told otherwise) with a computation that counts its calls. */
function countingCache(options: Partial<AnswerCacheOptions> = {}) {
  const cache = answerCache<{ organizations: number }>({ reads: ['organizations'], maxAgeMs: 60_000, maxEntries: 100, ...options });
  const state = {
    cache,
    calls: 0,
    compute: (db: Kysely<Database>) => async () => {
      state.calls++;
      return { organizations: await countOrganizations(db) };
    },
    get: (db: Kysely<Database>, key = 'k') => cache.get(db, [key], state.compute(db)),
  };
  return state;
}

/** A kept count of an organization's active members (from member_counts, which triggers write), counting its computations. */
function activeMemberCount(db: Kysely<Database>, orgId: string) {
  const counts = answerCache<{ members: number }>({ reads: ['member_counts'], maxAgeMs: 60_000, maxEntries: 10 });
  let computed = 0;
  const members = () => counts.get(db, [orgId], async () => {
    computed++;
    const row = await db.selectFrom('member_counts').select('members').where('org_id', '=', orgId).where('status', '=', 'active').executeTakeFirst();
    return { members: row?.members ?? 0 };
  });
  return { members, calls: () => computed };
}

/** A second handle on the same SQLite file or PostgreSQL schema: another connection, as another process would have. */
function openSecondHandle(database: CairnDatabase): CairnDatabase {
  return database.kind === 'postgres'
    ? openDatabase({ databaseUrl: TEST_POSTGRES_URL, postgresSchema: database.postgresSchema, poolSize: 2 })
    : openDatabase({ sqliteFile: database.sqliteFile });
}


/** A PostgreSQL-only case is registered on PostgreSQL only (not shown as skipped on SQLite). */
const onPostgres: typeof it = ((...args: Parameters<typeof it>) => { if (testDatabaseKind() === 'postgres') it(...args); }) as typeof it;
describe('answerCache', () => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  beforeAll(async () => {
    t = await createTestDatabase();
    // A server does this at start: on PostgreSQL nothing is kept until the write notices are heard.
    await t.database.watchOutsideWrites();
    db = t.database.db;
  });
  afterAll(async () => { await t?.drop(); });

  /**
   * On PostgreSQL this handle also hears, a little later, the notice each of its own writes sends,
   * which counts as a write again. Waits until every notice of a write committed so far has been
   * heard: notices come in commit order, so once a marker sent after them has arrived, so have they.
   * Without this, a late notice could make stale an answer a test expects to be kept.
   */
  let markers = 0;
  const settled = async (): Promise<void> => {
    if (t.database.kind !== 'postgres') return;
    const clock = writeClockOf(t.database.db)!;
    const marker = `settled_marker_${++markers}`;
    const sent = clock.now();
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query('select pg_notify($1, $2)', [WRITE_CHANNEL, `${t.database.postgresSchema}.${marker}`]);
    } finally {
      await client.end();
    }
    await expect.poll(() => clock.lastChange([marker]), EVENTUALLY).toBeGreaterThan(sent);
  };
  const written = async (write: () => Promise<unknown>): Promise<void> => {
    await write();
    await settled();
  };

  it('computes an answer once and serves the kept one after, per key', async () => {
    const c = countingCache();
    const first = await c.get(db);
    expect(await c.get(db)).toBe(first);
    expect(await c.get(db)).toBe(first);
    expect(c.calls).toBe(1);
    const other = await c.get(db, 'other key');
    expect(other).not.toBe(first);
    expect(c.calls).toBe(2);
    expect(await c.get(db, 'other key')).toBe(other);
    expect(c.calls).toBe(2);
  });

  it('computes afresh after a write through the same database to a table it reads, and keeps the new answer', async () => {
    const c = countingCache();
    const before = await c.get(db);
    await c.get(db);
    expect(c.calls).toBe(1);
    await addOrganization(db);
    // At once: this handle noted its own statement (PostgreSQL's notice of it may not have come yet).
    expect((await c.get(db)).organizations).toBe(before.organizations + 1);
    expect(c.calls).toBe(2);
    await settled();
    const after = await c.get(db);
    expect(after.organizations).toBe(before.organizations + 1);
    expect(await c.get(db)).toBe(after);
    const calls = c.calls;
    // An update and a delete count too.
    let id = '';
    await written(async () => { id = await addOrganization(db); });
    expect((await c.get(db)).organizations).toBe(after.organizations + 1);
    await written(() => db.updateTable('organizations').set({ name: 'Renamed' }).where('id', '=', id).execute());
    const renamed = await c.get(db);
    expect(await c.get(db)).toBe(renamed);
    await written(() => db.deleteFrom('organizations').where('id', '=', id).execute());
    expect((await c.get(db)).organizations).toBe(after.organizations);
    expect(c.calls).toBe(calls + 3);
  });

  it('keeps its answer through a write to a table it does not read', async () => {
    const c = countingCache();
    const kept = await c.get(db);
    await addPerson(db);
    await db.insertInto('audit_events').values({ id: unique(), org_id: null, actor_person_id: null, action: 'test.noise', subject_type: null, subject_id: null, detail: '{}', ip: null, created_at: now() }).execute();
    expect(await c.get(db)).toBe(kept);
    expect(c.calls).toBe(1);
  });

  it('sees writes made by triggers: a membership changes member_counts', async () => {
    let orgId = '';
    await written(async () => { orgId = await addOrganization(db); });
    const personId = await addPerson(db);
    const { members, calls } = activeMemberCount(db, orgId);
    expect(await members()).toEqual({ members: 0 });
    await members();
    expect(calls()).toBe(1);
    // Only memberships is named in the statement; its trigger writes member_counts.
    await addMembership(db, orgId, personId);
    expect(await members()).toEqual({ members: 1 });
    expect(calls()).toBe(2);
    await settled();
  });

  it('computes again once maxAgeMs has passed, although nothing changed', async () => {
    const c = countingCache({ maxAgeMs: 1 });
    await c.get(db);
    await sleep(5);
    await c.get(db);
    expect(c.calls).toBe(2);
  });

  it('does not keep as valid an answer whose computation a write overtook', async () => {
    const c = countingCache();
    let hasRead!: () => void;
    const read = new Promise<void>((resolve) => { hasRead = resolve; });
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => { finish = resolve; });
    const slow = c.cache.get(db, ['k'], async () => {
      c.calls++;
      const organizations = await countOrganizations(db);
      hasRead();
      await finished;
      return { organizations };
    });
    await read;
    await written(() => addOrganization(db));
    finish();
    const overtaken = await slow;
    const next = await c.get(db);
    expect(c.calls).toBe(2);
    expect(next.organizations).toBe(overtaken.organizations + 1);
    expect(await c.get(db)).toBe(next);
    expect(c.calls).toBe(2);
  });

  it('keeps nothing computed in a transaction', async () => {
    const c = countingCache();
    await db.transaction().execute(async (trx) => {
      await c.get(trx);
      await c.get(trx);
    });
    expect(c.calls).toBe(2);
    // Nor did the transaction's answer become the database's kept answer.
    await c.get(db);
    expect(c.calls).toBe(3);
    await c.get(db);
    expect(c.calls).toBe(3);
  });

  it('shares one computation among requests that miss together, unless a write came after it began', async () => {
    const c = countingCache();
    const together = await Promise.all([c.get(db), c.get(db), c.get(db)]);
    expect(c.calls).toBe(1);
    expect(together[1]).toBe(together[0]);
    const base = await countOrganizations(db);
    await written(() => addOrganization(db));
    const first = c.get(db);
    await written(() => addOrganization(db));
    // Began after the second write: it cannot join the computation that began before it.
    const second = c.get(db);
    await first;
    expect((await second).organizations).toBe(base + 2);
    expect(c.calls).toBe(3);
  });

  it('keeps no failure: the next call computes again', async () => {
    const c = countingCache();
    let calls = 0;
    await expect(c.cache.get(db, ['k'], async () => { calls++; throw new Error('compute failed'); })).rejects.toThrow('compute failed');
    const answer = await c.get(db);
    expect(await c.get(db)).toBe(answer);
    expect(calls).toBe(1);
    expect(c.calls).toBe(1);
  });

  describe('writes through another connection to the same database', () => {
    let second: CairnDatabase;
    beforeAll(() => { second = openSecondHandle(t.database); });
    afterAll(async () => { await second?.close(); });

    it('make the kept answer computed afresh (SQLite: data_version; PostgreSQL: write notices)', async () => {
      const c = countingCache();
      const before = await c.get(db);
      await c.get(db);
      expect(c.calls).toBe(1);
      await addOrganization(second.db);
      await expect.poll(async () => (await c.get(db)).organizations, EVENTUALLY).toBe(before.organizations + 1);
      expect(c.calls).toBe(2);
      const fresh = await c.get(db);
      expect(await c.get(db)).toBe(fresh);
      expect(c.calls).toBe(2);
    });

    it('include writes their triggers make (a membership through the other connection changes member_counts)', async () => {
      let orgId = '';
      await written(async () => { orgId = await addOrganization(db); });
      const { members, calls } = activeMemberCount(db, orgId);
      await members();
      await members();
      expect(calls()).toBe(1);
      await addMembership(second.db, orgId, await addPerson(second.db));
      await expect.poll(async () => (await members()).members, EVENTUALLY).toBe(1);
    });

    onPostgres('(PostgreSQL) leave an answer kept when the table written is not one it reads: the notice names the table', async () => {
      const organizations = countingCache();
      const people = answerCache<{ people: number }>({ reads: ['people'], maxAgeMs: 60_000, maxEntries: 10 });
      const peopleAnswer = () => people.get(db, ['k'], async () =>
        ({ people: Number((await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) }));
      const kept = await organizations.get(db);
      const peopleBefore = await peopleAnswer();
      await addPerson(second.db);
      // Once the people answer has heard of the write, so has the organizations one (one clock, one notice).
      await expect.poll(async () => (await peopleAnswer()).people, EVENTUALLY).toBe(peopleBefore.people + 1);
      expect(await organizations.get(db)).toBe(kept);
      expect(organizations.calls).toBe(1);
    });
  });

  onPostgres('(PostgreSQL) keeps nothing until the handle watches for outside writes', async () => {
    const unwatched = openSecondHandle(t.database);
    try {
      const c = countingCache();
      await c.get(unwatched.db);
      await c.get(unwatched.db);
      await c.get(unwatched.db);
      expect(c.calls).toBe(3);
      await unwatched.watchOutsideWrites();
      const kept = await c.get(unwatched.db);
      expect(await c.get(unwatched.db)).toBe(kept);
      expect(c.calls).toBe(4);
    } finally {
      await unwatched.close();
    }
  });
});
