import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { runCairn } from '../../../test/support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { buildMember, buildOrgWithAdmin } from '../../../test/support/factories.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { addMember, listMembers } from '../members/service.ts';
import { backup, restore } from './service.ts';
import { BACKUP_TABLES, DERIVED_TABLES } from './tables.ts';

async function counts(t: { db: TestApp['context']['db'] }) {
  const result: Record<string, number> = {};
  for (const table of BACKUP_TABLES) {
    const row = await t.db.selectFrom(table.name as 'people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    result[table.name] = Number(row.n);
  }
  return result;
}

describe('backup and restore', () => {
  let t: TestApp;
  let orgId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-backup-'));
  const targets: TestDatabase[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrgWithAdmin(t);
    orgId = org.orgId;
    for (let i = 0; i < 30; i += 1) await buildMember(t, orgId, i % 2 ? ['member'] : ['mentor', 'coach']);
    await org.adminClient.post(`/api/orgs/${orgId}/invitations`, { email: 'new.person@example.test', roles: ['member'] });
  });
  afterAll(async () => {
    await t?.close();
    for (const target of targets) await target.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const freshTarget = async () => {
    const target = await createTestDatabase();
    targets.push(target);
    return target;
  };

  it('carries every table the migrations create', async () => {
    const tables = t.context.dbKind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(t.context.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(t.context.db);
    const derived = (name: string) => DERIVED_TABLES.some((table) => name === table || name.startsWith(`${table}_`));
    expect(tables.rows.map((row) => row.name).filter((name) => !derived(name)).sort()).toEqual(BACKUP_TABLES.map((table) => table.name).sort());
  });

  it('restores every row into an empty database, identical', async () => {
    const file = path.join(dir, 'full.cairn.gz');
    const summary = await backup(t.context.database, file);
    expect(summary.rows.people).toBe(31);
    const target = await freshTarget();
    await restore(target.database, file);
    expect(await counts({ db: target.database.db })).toEqual(await counts({ db: t.context.db }));
    const original = await t.context.db.selectFrom('memberships').selectAll().orderBy('person_id').execute();
    const restored = await target.database.db.selectFrom('memberships').selectAll().orderBy('person_id').execute();
    expect(restored).toEqual(original);
    // The directory's counts and search index are rebuilt by the restore, not carried.
    const memberCounts = (db: TestApp['context']['db']) => db.selectFrom('member_counts').selectAll().where('members', '<>', 0).orderBy('org_id').orderBy('status').execute();
    expect(await memberCounts(target.database.db)).toEqual(await memberCounts(t.context.db));
    const found = await listMembers(target.database.db, orgId, { q: 'example.test', pageSize: 100 }, { personId: '', roles: ['admin'] });
    expect(found.total).toBe((await listMembers(t.context.db, orgId, { q: 'example.test', pageSize: 100 }, { personId: '', roles: ['admin'] })).total);
    expect(found.total).toBeGreaterThan(0);
  });

  it('refuses to restore over existing data, and writes nothing from a damaged file', async () => {
    const file = path.join(dir, 'again.cairn.gz');
    await backup(t.context.database, file);
    await expect(restore(t.context.database, file)).rejects.toThrow(/not empty/);

    // Cut the file after some rows: the transaction must leave the target empty.
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    const damaged = path.join(dir, 'damaged.cairn.gz');
    fs.writeFileSync(damaged, zlib.gzipSync([...lines.slice(0, 20), '{"t":"people","r":{"id":"broken"'].join('\n')));
    const target = await freshTarget();
    await expect(restore(target.database, damaged)).rejects.toThrow();
    expect(Object.values(await counts({ db: target.database.db })).every((n) => n === 0)).toBe(true);
  });

  // Two CLI processes start here; on a loaded machine that alone takes a while.
  it('works from the cairn command while the app keeps writing', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'cli.cairn.gz');
    // Writes run alongside the backup; the copy must be a consistent snapshot (no dangling rows).
    let writing = true;
    // Each write adds a person and their membership in one transaction, as the app's commands do.
    const writer = (async () => {
      let n = 0;
      while (writing && n < 200) {
        await t.context.db.transaction().execute(async (trx) => {
          const id = newId();
          await trx.insertInto('people').values({ id, email: `writer.${id}@example.test`, name: `Writer ${n}`, password_hash: null, time_zone: 'UTC', languages: '[]', bio: '', created_at: nowIso() }).execute();
          await addMember(trx, orgId, id, ['member']);
        });
        n += 1;
      }
    })();
    const result = await runCairn(['backup', file], t.testDb.env);
    writing = false;
    await writer;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Backup written to/);

    const target = await freshTarget();
    const restored = await runCairn(['restore', file], target.env);
    expect(restored.code, restored.stderr).toBe(0);
    const db = target.database.db;
    const people = await db.selectFrom('people').select('id').execute();
    const memberships = await db.selectFrom('memberships').select('person_id').execute();
    expect(people.length).toBeGreaterThanOrEqual(31);
    expect(new Set(memberships.map((m) => m.person_id))).toEqual(new Set(people.map((p) => p.id)));
  });

  it('explains itself with --help', async () => {
    const help = await runCairn(['backup', '--help'], {});
    expect(help.stdout).toMatch(/consistent copy/);
    const top = await runCairn(['--help'], {});
    for (const command of ['start', 'migrate', 'demo', 'backup', 'restore']) expect(top.stdout).toContain(command);
  });
});
