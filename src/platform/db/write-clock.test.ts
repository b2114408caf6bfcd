import {
  DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql,
  SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { ConnectionWrites, statementEffect, WriteClock } from './write-clock.ts';

/*
 * Pure: no database. The SQL is what Kysely itself compiles for each dialect (a driver that never
 * connects), so the classification is checked against the text the driver really sees.
 */
const dialects = {
  postgres: new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
  sqlite: new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
};

const effectOf = (query: Compilable) => statementEffect(query.compile().sql);
const now = '2026-01-01T00:00:00.000Z';

describe.each(Object.entries(dialects))('statementEffect on Kysely’s %s SQL', (dialect, db) => {
  it('reads the table written by insert, update and delete, quoted', () => {
    const insert = db.insertInto('organizations').values({ id: 'o', name: 'Org', default_time_zone: 'UTC', created_at: now });
    expect(insert.compile().sql).toContain('insert into "organizations"');
    expect(effectOf(insert)).toEqual({ kind: 'write', tables: ['organizations'] });
    expect(effectOf(db.insertInto('people').values({ id: 'p', email: 'e', name: 'n', password_hash: null, time_zone: 'UTC', languages: '[]', bio: '', created_at: now }).returning('id')))
      .toEqual({ kind: 'write', tables: ['people'] });
    expect(effectOf(db.updateTable('people').set({ name: 'New' }).where('id', '=', 'p'))).toEqual({ kind: 'write', tables: ['people'] });
    expect(effectOf(db.updateTable('memberships as m').set({ title: 'T' }).where('m.person_id', '=', 'p').returning('m.org_id')))
      .toEqual({ kind: 'write', tables: ['memberships'] });
    expect(effectOf(db.deleteFrom('auth_sessions').where('id', '=', 's'))).toEqual({ kind: 'write', tables: ['auth_sessions'] });
  });

  it('reads the table, not the schema, of schema-qualified names', () => {
    const scoped = db.withSchema('test_abc123');
    const insert = scoped.insertInto('membership_roles').values({ org_id: 'o', person_id: 'p', role: 'admin' });
    expect(insert.compile().sql).toContain('"test_abc123"."membership_roles"');
    expect(effectOf(insert)).toEqual({ kind: 'write', tables: ['membership_roles'] });
    expect(effectOf(scoped.updateTable('organizations').set({ name: 'X' }).where('id', '=', 'o'))).toEqual({ kind: 'write', tables: ['organizations'] });
    expect(effectOf(scoped.deleteFrom('auth_sessions').where('person_id', '=', 'p'))).toEqual({ kind: 'write', tables: ['auth_sessions'] });
  });

  it('takes only the inserted table of an upsert (on conflict … do update set)', () => {
    const upsert = db.insertInto('member_counts').values({ org_id: 'o', status: 'active', members: 1 })
      .onConflict((conflict) => conflict.columns(['org_id', 'status']).doUpdateSet({ members: 2 }));
    expect(upsert.compile().sql).toMatch(/on conflict \("org_id", "status"\) do update set/);
    expect(effectOf(upsert)).toEqual({ kind: 'write', tables: ['member_counts'] });
    expect(effectOf(db.insertInto('people').values({ id: 'p', email: 'e', name: 'n', password_hash: null, time_zone: 'UTC', languages: '[]', bio: '', created_at: now })
      .onConflict((conflict) => conflict.column('id').doNothing()))).toEqual({ kind: 'write', tables: ['people'] });
  });

  it('takes select … for update, and a with … select, as reads', () => {
    if (dialect === 'postgres') {
      const locking = db.selectFrom('memberships').selectAll().where('org_id', '=', 'o').forUpdate();
      expect(locking.compile().sql).toMatch(/for update$/);
      expect(effectOf(locking)).toEqual({ kind: 'read' });
      expect(effectOf(db.selectFrom('people').select('id').forNoKeyUpdate())).toEqual({ kind: 'read' });
    }
    const withSelect = db.with('admins', (q) => q.selectFrom('membership_roles').select('person_id').where('role', '=', 'admin'))
      .selectFrom('admins').innerJoin('people', 'people.id', 'admins.person_id').select('people.name');
    expect(withSelect.compile().sql).toMatch(/^with "admins" as \(select/);
    expect(effectOf(withSelect)).toEqual({ kind: 'read' });
    // A column or alias named like a verb is not a write.
    expect(effectOf(db.selectFrom('people').select(sql<number>`1`.as('update')).where('name', '=', 'delete from people'))).toEqual({ kind: 'read' });
  });

  it('takes the tables a with … statement writes', () => {
    const withUpdate = db.with('gone', (q) => q.selectFrom('people').select('id').where('email', 'like', '%@gone.test'))
      .updateTable('memberships').set({ status: 'deactivated' }).where('person_id', 'in', (q) => q.selectFrom('gone').select('id'));
    expect(withUpdate.compile().sql).toMatch(/^with "gone" as \(select .*\) update "memberships" set/);
    expect(effectOf(withUpdate)).toEqual({ kind: 'write', tables: ['memberships'] });
    const withDeleteInsert = db.with('revoked', (q) => q.deleteFrom('invitations').where('org_id', '=', 'o').returning('id'))
      .insertInto('audit_events').columns(['id', 'action', 'detail', 'created_at'])
      .expression((q) => q.selectFrom('revoked').select(['id', sql<string>`'x'`.as('action'), sql<string>`'{}'`.as('detail'), sql<string>`'t'`.as('created_at')]));
    expect(effectOf(withDeleteInsert)).toEqual({ kind: 'write', tables: ['invitations', 'audit_events'] });
  });
});

describe('statementEffect on transaction control and schema changes', () => {
  it.each(['commit', 'rollback', 'end', 'COMMIT', 'commit;', 'rollback transaction', 'commit work'])('%s ends a transaction', (text) => {
    expect(statementEffect(text)).toEqual({ kind: 'transaction-end' });
  });

  // What Kysely's drivers send (begin / start transaction …, savepoint "x", rollback to "x", release "x") and the spelled-out forms.
  it.each([
    'begin', 'start transaction isolation level serializable', 'savepoint "sp1"', 'savepoint x',
    'rollback to "sp1"', 'rollback to savepoint x', 'release "sp1"', 'release savepoint x',
  ])('%s changes nothing another connection sees (read)', (text) => {
    expect(statementEffect(text)).toEqual({ kind: 'read' });
  });

  it.each([
    'create table "scratch" ("id" text primary key)', 'drop table "scratch"', 'drop index "people_email"',
    'truncate "people"', 'truncate table "memberships" cascade', 'alter table "people" add column "nickname" text',
  ])('%s counts as changing everything', (text) => {
    expect(statementEffect(text)).toEqual({ kind: 'everything' });
  });

  it('classifies the same text the same way when asked again (its answers are remembered)', () => {
    const text = 'update "people" set "bio" = $1 where "id" = $2';
    expect(statementEffect(text)).toEqual({ kind: 'write', tables: ['people'] });
    expect(statementEffect(text)).toEqual({ kind: 'write', tables: ['people'] });
    expect(statementEffect('select * from "people"')).toEqual({ kind: 'read' });
  });
});

describe('WriteClock', () => {
  it('answers the latest change among the tables asked about, and 0 before any', () => {
    const clock = new WriteClock({ trusted: true });
    expect(clock.lastChange(['people', 'organizations'])).toBe(0);
    clock.noteWrite(['people']);
    const peopleAt = clock.now();
    clock.noteWrite(['organizations']);
    const organizationsAt = clock.now();
    expect(organizationsAt).toBeGreaterThan(peopleAt);
    expect(clock.lastChange(['people'])).toBe(peopleAt);
    expect(clock.lastChange(['organizations', 'people'])).toBe(organizationsAt);
    expect(clock.lastChange(['auth_sessions'])).toBe(0);
    clock.noteWrite(['people', 'auth_sessions']);
    expect(clock.lastChange(['auth_sessions'])).toBe(clock.now());
    expect(clock.lastChange(['organizations'])).toBe(organizationsAt);
  });

  it('moves every table’s last change forward when everything changed', () => {
    const clock = new WriteClock({ trusted: true });
    clock.noteWrite(['people']);
    const before = clock.now();
    clock.noteEverythingChanged();
    expect(clock.now()).toBeGreaterThan(before);
    expect(clock.lastChange(['people'])).toBe(clock.now());
    expect(clock.lastChange(['invitations'])).toBe(clock.now());
    expect(clock.lastChange([])).toBe(clock.now());
  });

  it('answers Infinity while distrusted; trusting again counts as everything changed', () => {
    const clock = new WriteClock({ trusted: false });
    expect(clock.lastChange(['people'])).toBe(Number.POSITIVE_INFINITY);
    const stampedWhileBlind = clock.now();
    clock.trust();
    expect(clock.lastChange(['people'])).toBeGreaterThan(stampedWhileBlind);
    const stampedWhileTrusted = clock.now();
    expect(clock.lastChange(['people'])).toBe(stampedWhileTrusted);
    clock.distrust();
    expect(clock.lastChange(['people'])).toBe(Number.POSITIVE_INFINITY);
    clock.trust();
    expect(clock.lastChange(['organizations'])).toBeGreaterThan(stampedWhileTrusted);
  });

  it('counts the tables triggers write: memberships changes member_counts and member_search, people changes member_search', () => {
    const clock = new WriteClock({ trusted: true });
    clock.noteWrite(['memberships']);
    const membershipsAt = clock.now();
    expect(clock.lastChange(['member_counts'])).toBe(membershipsAt);
    expect(clock.lastChange(['member_search'])).toBe(membershipsAt);
    clock.noteWrite(['people']);
    expect(clock.lastChange(['member_search'])).toBe(clock.now());
    expect(clock.lastChange(['member_counts'])).toBe(membershipsAt);
    clock.noteWrite(['organizations']);
    expect(clock.lastChange(['member_counts', 'member_search'])).toBeLessThan(clock.now());
  });

  it('asks its source of outside writes before every check', () => {
    let outsideWrites = 0;
    const clock: WriteClock = new WriteClock({
      trusted: true,
      pollOutsideWrites: () => { if (outsideWrites > 0) { outsideWrites = 0; clock.noteEverythingChanged(); } },
    });
    const stamp = clock.now();
    expect(clock.lastChange(['people'])).toBe(stamp);
    outsideWrites = 1;
    expect(clock.lastChange(['people'])).toBeGreaterThan(stamp);
  });
});

describe('ConnectionWrites', () => {
  /** An answer stamped at `stamp` reading `tables` is still valid: what the answer cache checks. */
  const valid = (clock: WriteClock, tables: string[], stamp: number) => clock.lastChange(tables) <= stamp;

  it('notes a write before the statement runs and again when it has completed', () => {
    const clock = new WriteClock({ trusted: true });
    const writes = new ConnectionWrites(clock);
    const before = clock.now();
    const done = writes.beforeStatement('update "people" set "name" = $1 where "id" = $2');
    expect(clock.lastChange(['people'])).toBeGreaterThan(before);
    expect(done).toBeTypeOf('function');
    const stampedWhileRunning = clock.now();
    done!();
    expect(valid(clock, ['people'], stampedWhileRunning)).toBe(false);
    expect(valid(clock, ['organizations'], stampedWhileRunning)).toBe(true);
  });

  it('notes a transaction’s writes again when it ends, so an answer stamped between statement and commit is stale', () => {
    const clock = new WriteClock({ trusted: true });
    const writes = new ConnectionWrites(clock);
    expect(writes.beforeStatement('begin')).toBeNull();
    writes.beforeStatement('insert into "memberships" ("org_id", "person_id") values ($1, $2)')?.();
    writes.beforeStatement('delete from "auth_sessions" where "id" = $1')?.();
    // Another connection reads now: it cannot see the uncommitted rows, and stamps its answer now.
    const stampedBeforeCommit = clock.now();
    expect(valid(clock, ['memberships', 'member_counts', 'auth_sessions'], stampedBeforeCommit)).toBe(true);
    const committed = writes.beforeStatement('commit');
    expect(committed).toBeTypeOf('function');
    committed!();
    // Once the commit has completed the answer is stale, for each table written and the ones their triggers write.
    for (const table of ['memberships', 'auth_sessions', 'member_counts', 'member_search']) expect(valid(clock, [table], stampedBeforeCommit), table).toBe(false);
    expect(valid(clock, ['organizations'], stampedBeforeCommit)).toBe(true);
  });

  it('notes a rolled-back transaction’s writes at its end too, and nothing at an end without writes', () => {
    const clock = new WriteClock({ trusted: true });
    const writes = new ConnectionWrites(clock);
    writes.beforeStatement('begin');
    writes.beforeStatement('update "organizations" set "name" = $1')?.();
    const stamp = clock.now();
    writes.beforeStatement('rollback')!();
    expect(valid(clock, ['organizations'], stamp)).toBe(false);
    // The pending writes were taken: the next transaction's end has nothing to note.
    writes.beforeStatement('begin');
    expect(writes.beforeStatement('commit')).toBeNull();
  });

  it('notes nothing for reads and savepoints, and everything for a schema change', () => {
    const clock = new WriteClock({ trusted: true });
    const writes = new ConnectionWrites(clock);
    for (const text of ['select * from "people" for update', 'savepoint "a"', 'release "a"', 'rollback to "a"']) expect(writes.beforeStatement(text)).toBeNull();
    expect(clock.now()).toBe(0);
    const stamp = clock.now();
    writes.beforeStatement('create table "scratch" ("id" text)')?.();
    expect(valid(clock, ['invitations'], stamp)).toBe(false);
  });
});
