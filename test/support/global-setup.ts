import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEST_POSTGRES_URL } from './database.ts';

/** Runs once per project (database) before any test file: refuses early, with the fix, when PostgreSQL is missing. */
export default async function setup(project: TestProject): Promise<void> {
  if (project.name !== 'postgres') return;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `The PostgreSQL half of the suite needs a server at ${TEST_POSTGRES_URL} (${(error as Error).message}).\n` +
        'Start one (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), point TEST_DATABASE_URL at another, ' +
        'or run only SQLite with CAIRN_TEST_DATABASES=sqlite.',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
