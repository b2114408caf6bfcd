import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Row locks (SELECT … FOR UPDATE) exist on PostgreSQL. SQLite needs none: Cairn's SQLite
 * connection runs one transaction at a time, so a check-then-write inside it cannot interleave.
 */
export function supportsRowLocks<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
