import { PostgresAdapter, type Kysely } from 'kysely';

/** Where SQL must differ between the two databases (full-text search, triggers), this tells which one runs. */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
