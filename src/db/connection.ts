import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';
import { postgresStatementName } from '../platform/db/prepared.ts';
import { ConnectionWrites, registerWriteClock, WriteClock } from '../platform/db/write-clock.ts';
import { listenForWrites } from '../platform/db/write-notices.ts';

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
  /**
   * Starts seeing other processes' writes (PostgreSQL: a listening connection; SQLite sees them
   * without one). Until then no answer kept in memory is trusted on PostgreSQL. A server calls it;
   * one-off commands need not.
   */
  watchOutsideWrites(): Promise<void>;
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

const OUTSIDE_WRITES_POLL_MS = 20;

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
  // Another connection's commit (a second process on the file) changes data_version; this one's do
  // not. Asking costs about as much as a small query, so at most every OUTSIDE_WRITES_POLL_MS: a
  // write by another process is seen within that, as PostgreSQL's notices are within milliseconds.
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  let seenVersion = dataVersion.get();
  let polledAt = 0;
  const writeClock = new WriteClock({
    trusted: true,
    pollOutsideWrites: () => {
      const now = performance.now();
      if (now - polledAt < OUTSIDE_WRITES_POLL_MS) return;
      polledAt = now;
      const version = dataVersion.get();
      if (version !== seenVersion) {
        seenVersion = version;
        writeClock.noteEverythingChanged();
      }
    },
  });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, new ConnectionWrites(writeClock)) }) });
  registerWriteClock(db, writeClock);
  return { db, kind: 'sqlite', sqliteFile: file, sqlite, watchOutsideWrites: async () => {}, close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; on a hot path preparing costs as much as running the query
 * (npm run bench: 15% of GET /api/me's time). The same SQL text reuses its prepared statement;
 * the least recently used are dropped beyond STATEMENT_CACHE_SIZE (multi-row inserts make many texts).
 */
function withStatementCache(sqlite: SQLite.Database, writes: ConnectionWrites): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      // Kysely runs the statement right after preparing it, on the one connection, synchronously:
      // nothing reads in between, so its writes are noted now.
      writes.beforeStatement(text)?.();
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
 * every named statement until it closes. Every statement's writes are noted on the write clock,
 * when sent and again when done (platform/db/write-clock.ts).
 */
function instrumentConnection(client: pg.PoolClient, clock: WriteClock): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const writes = new ConnectionWrites(clock);
  client.query = ((...args: unknown[]) => {
    const [text, values, ...rest] = args;
    const sqlText = typeof text === 'string' ? text : (text as { text?: unknown } | null)?.text;
    const afterWrite = typeof sqlText === 'string' ? writes.beforeStatement(sqlText) : null;
    const name = typeof text === 'string' ? postgresStatementName(text) : undefined;
    const result = name ? query({ name, text, values }, ...rest) : query(...args);
    if (afterWrite && result instanceof Promise) result.then(afterWrite, afterWrite);
    return result;
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
  // Other processes' writes arrive as notices once watchOutsideWrites has connected.
  const writeClock = new WriteClock({ trusted: false });
  pool.on('connect', (client) => instrumentConnection(client, writeClock));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  registerWriteClock(db, writeClock);
  let listener: { close(): Promise<void> } | null = null;
  return {
    db, kind: 'postgres', postgresSchema: options.postgresSchema,
    async watchOutsideWrites() {
      listener ??= await listenForWrites({ url, schema: options.postgresSchema, clock: writeClock });
    },
    async close() {
      await listener?.close();
      await db.destroy();
    },
  };
}
