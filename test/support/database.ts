import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type CairnDatabase, type DatabaseKind } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseKind(): DatabaseKind {
  return process.env.CAIRN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  database: CairnDatabase;
  /** How another process reaches the same database (DATABASE_URL / CAIRN_DATA_DIR and schema). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: a temporary SQLite file or a PostgreSQL schema. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = crypto.randomBytes(6).toString('hex');
  if (testDatabaseKind() === 'postgres') {
    const schema = `test_${suffix}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = openDatabase({ databaseUrl: TEST_POSTGRES_URL, postgresSchema: schema, poolSize: 5 });
    await migrateToLatest(database);
    return {
      database,
      env: { DATABASE_URL: TEST_POSTGRES_URL, CAIRN_POSTGRES_SCHEMA: schema },
      async drop() {
        await database.close();
        const cleaner = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await cleaner.connect();
        await cleaner.query(`drop schema if exists ${schema} cascade`);
        await cleaner.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-'));
  const database = openDatabase({ sqliteFile: path.join(dir, 'cairn.sqlite') });
  await migrateToLatest(database);
  return {
    database,
    env: { CAIRN_DATA_DIR: dir },
    async drop() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
