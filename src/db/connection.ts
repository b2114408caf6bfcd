import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';
import { postgresStatementName } from '../platform/db/prepared.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface CairnDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The SQLite file, when embedded; backups copy it page by page. */
  sqliteFile?: string;
  /** Direct handle for SQLite-only operations (online backup). */
  sqlite?: SQLite.Database;
  /** The PostgreSQL schema Cairn's tables live in, when not the default. */
  postgresSchema?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Directory of the embedded database; `cairn.sqlite` is created inside it. */
  dataDir?: string;
  /** Exact SQLite file (tests use one per file). */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests isolate themselves in one each). */
  postgresSchema?: string;
  poolSize?: number;
}

export function openDatabase(options: DatabaseOptions): CairnDatabase {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  const file = options.sqliteFile ?? path.join(options.dataDir ?? 'data', 'cairn.sqlite');
  return openSqlite(file);
}

function openSqlite(file: string): CairnDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers (backups, a second process) work while the server writes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MB: a large organization's directory index alone outgrows it, and
  // every page then comes back through a system call (npm run bench: members list). Up to 64 MB.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', sqliteFile: file, sqlite, close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; on a hot path preparing costs as much as running the query
 * (npm run bench: 15% of GET /api/me's time). The same SQL text reuses its prepared statement;
 * the least recently used are dropped beyond STATEMENT_CACHE_SIZE (multi-row inserts make many texts).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached) {
        cache.delete(text);
        cache.set(text, cached);
        // A statement still being iterated (a streamed query) cannot run again until it finishes.
        return cached.busy ? sqlite.prepare(text) : cached;
      }
      const statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

// PostgreSQL returns bigint counts as strings; Cairn's counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/**
 * The hot paths' prepared statements (platform/db/prepared.ts) run by name: each connection parses
 * and plans them once, then only binds values. Other queries stay unnamed, as a connection keeps
 * every named statement until it closes.
 */
function runPreparedStatementsByName(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values, ...rest] = args;
    const name = typeof text === 'string' ? postgresStatementName(text) : undefined;
    return name ? query({ name, text, values }, ...rest) : query(...args);
  }) as typeof client.query;
}

function openPostgres(url: string, options: DatabaseOptions): CairnDatabase {
  if (options.postgresSchema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(options.postgresSchema)) {
    throw new Error(`CAIRN_POSTGRES_SCHEMA must be a plain identifier, got "${options.postgresSchema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.postgresSchema ? { options: `-c search_path=${options.postgresSchema}` } : {}),
  });
  pool.on('connect', runPreparedStatementsByName);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', postgresSchema: options.postgresSchema, close: () => db.destroy() };
}
