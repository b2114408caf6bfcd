import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { CairnDatabase } from './connection.ts';
import { ensureWriteNotices } from '../platform/db/write-notices.ts';
import * as m0001 from './migrations/0001_platform.ts';
import * as m0002 from './migrations/0002_coaching.ts';
import * as m0003 from './migrations/0003_member_directory.ts';
import * as m0004 from './migrations/0004_mentoring.ts';
import * as m0005 from './migrations/0005_mentoring_activity.ts';
import * as m0006 from './migrations/0006_assessments.ts';
import * as m0007 from './migrations/0007_mentoring_pair_counts.ts';
import * as m0008 from './migrations/0008_matching.ts';
import * as m0009 from './migrations/0009_member_directory_counts_search.ts';
import * as m0010 from './migrations/0010_coaching_home_indexes.ts';
import * as m0011 from './migrations/0011_mentoring_program_counts.ts';

// Listed explicitly, not read from disk, so the same migrations ship inside any bundle.
const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_coaching': m0002,
  '0003_member_directory': m0003,
  '0004_mentoring': m0004,
  '0005_mentoring_activity': m0005,
  '0006_assessments': m0006,
  '0007_mentoring_pair_counts': m0007,
  '0008_matching': m0008,
  '0009_member_directory_counts_search': m0009,
  '0010_coaching_home_indexes': m0010,
  '0011_mentoring_program_counts': m0011,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** PostgreSQL's invalid_schema_name. */
const NO_SUCH_SCHEMA = '3F000';
const ATTEMPTS = 3;

export async function migrateToLatest(database: CairnDatabase): Promise<string[]> {
  // Kysely looks for its bookkeeping tables across schemas; name ours so another schema's do not count.
  const migrator = new Migrator({ db: database.db, provider, ...(database.postgresSchema ? { migrationTableSchema: database.postgresSchema } : {}) });
  let outcome = await migrator.migrateToLatest();
  // That look reads the catalog of every schema in the database; one dropped meanwhile by someone
  // else (another deployment, another test file) fails it. Nothing was migrated then: look again.
  for (let attempt = 1; attempt < ATTEMPTS && isOtherSchemaGone(outcome.error, database.postgresSchema); attempt++) {
    outcome = await migrator.migrateToLatest();
  }
  const { error, results } = outcome;
  if (error) throw error instanceof Error ? error : new Error(String(error));
  if (database.kind === 'postgres') await ensureWriteNotices(database.db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const migrationNames = Object.keys(migrations);

function isOtherSchemaGone(error: unknown, ownSchema: string | undefined): boolean {
  if (!error || typeof error !== 'object' || (error as { code?: unknown }).code !== NO_SUCH_SCHEMA) return false;
  const message = String((error as { message?: unknown }).message ?? '');
  return ownSchema === undefined || !message.includes(`"${ownSchema}"`);
}
