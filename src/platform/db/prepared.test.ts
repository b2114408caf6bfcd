import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { param, preparedStatement } from './prepared.ts';

const organizationsNamed = preparedStatement<{ id: string; default_time_zone: string }, { name: string }>((db) => db
  .selectFrom('organizations')
  .select(['id', 'default_time_zone'])
  .where('name', '=', param('name'))
  // A value given while building stays in every call.
  .where('default_time_zone', '!=', 'Etc/Unknown')
  .orderBy('id'));

describe('prepared statements', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.database.db.insertInto('organizations').values([
      { id: 'a', name: 'Alpha Guild', default_time_zone: 'Europe/Lisbon', created_at: '2026-01-01T00:00:00.000Z' },
      { id: 'b', name: 'Beta Circle', default_time_zone: 'Asia/Kolkata', created_at: '2026-01-01T00:00:00.000Z' },
      { id: 'c', name: 'Beta Circle', default_time_zone: 'Etc/Unknown', created_at: '2026-01-01T00:00:00.000Z' },
    ]).execute();
  });
  afterAll(async () => { await t.drop(); });

  it('answers each call for its own values, keeping the values given while building', async () => {
    expect(await organizationsNamed(t.database.db, { name: 'Alpha Guild' })).toEqual([{ id: 'a', default_time_zone: 'Europe/Lisbon' }]);
    expect(await organizationsNamed(t.database.db, { name: 'Beta Circle' })).toEqual([{ id: 'b', default_time_zone: 'Asia/Kolkata' }]);
    expect(await organizationsNamed(t.database.db, { name: 'Nobody' })).toEqual([]);
  });

  it('runs in the transaction it is given, seeing its uncommitted rows', async () => {
    await expect(t.database.db.transaction().execute(async (trx) => {
      await trx.insertInto('organizations').values({ id: 'd', name: 'Gamma Ring', default_time_zone: 'UTC', created_at: '2026-01-01T00:00:00.000Z' }).execute();
      expect(await organizationsNamed(trx, { name: 'Gamma Ring' })).toEqual([{ id: 'd', default_time_zone: 'UTC' }]);
      if (t.database.kind === 'postgres') {
        // On PostgreSQL the connection keeps it as a named statement, parsed once.
        const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
        expect(prepared.rows.map((row) => row.statement).join('\n')).toContain('"default_time_zone" != $2');
      }
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await organizationsNamed(t.database.db, { name: 'Gamma Ring' })).toEqual([]);
  });

  it('refuses a call that leaves a parameter without a value', async () => {
    await expect(organizationsNamed(t.database.db, {} as { name: string })).rejects.toThrow('no value for name');
  });
});
