import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { CairnDatabase } from '../../db/connection.ts';
import { migrationNames } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { refreshDirectoryOrder } from '../members/service.ts';
import { BACKUP_TABLES } from './tables.ts';

/*
 * A backup is gzipped JSON lines: a header, then one line per row. It is read inside one
 * transaction (a snapshot: REPEATABLE READ on PostgreSQL, a WAL read transaction on SQLite), so
 * it is consistent while Cairn keeps serving, and the same file restores into either database.
 */
const FORMAT = 'cairn-backup';
const CHUNK = 2000;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export interface BackupSummary {
  rows: Record<string, number>;
}

export async function backup(database: CairnDatabase, file: string, onTable?: (table: string, rows: number) => void): Promise<BackupSummary> {
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(`${file}.partial`);
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const rows: Record<string, number> = {};
  let transaction = database.db.transaction();
  if (database.kind === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
  await transaction.execute(async (trx: Transaction<Database>) => {
    const db = trx as unknown as AnyDb;
    await write({ format: FORMAT, version: 1, migrations: migrationNames, createdAt: new Date().toISOString(), from: database.kind });
    for (const table of BACKUP_TABLES) {
      rows[table.name] = 0;
      for (let offset = 0; ; offset += CHUNK) {
        let query = db.selectFrom(table.name).selectAll();
        for (const column of table.orderBy) query = query.orderBy(column);
        const chunk = await query.limit(CHUNK).offset(offset).execute();
        for (const row of chunk) await write({ t: table.name, r: row });
        rows[table.name]! += chunk.length;
        if (chunk.length < CHUNK) break;
      }
      onTable?.(table.name, rows[table.name]!);
    }
  });
  gzip.end();
  await once(out, 'finish');
  // Only a complete backup gets the requested name: a crash leaves no half file behind it.
  fs.renameSync(`${file}.partial`, file);
  return { rows };
}

export async function isEmpty(database: CairnDatabase): Promise<boolean> {
  const org = await database.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  const person = await database.db.selectFrom('people').select('id').limit(1).executeTakeFirst();
  return !org && !person;
}

/** Restores a backup into an empty, migrated database, all or nothing. */
export async function restore(database: CairnDatabase, file: string, onTable?: (table: string, rows: number) => void): Promise<BackupSummary> {
  if (!(await isEmpty(database))) throw new Error('The database is not empty. Restore into a fresh database (a new CAIRN_DATA_DIR or PostgreSQL database).');
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const rows: Record<string, number> = {};
  const known = new Set(BACKUP_TABLES.map((table) => table.name));
  await database.db.transaction().execute(async (trx) => {
    const db = trx as unknown as AnyDb;
    let header: { format?: string; migrations?: string[] } | null = null;
    let batch: Record<string, unknown>[] = [];
    let batchTable = '';
    const flush = async () => {
      if (batch.length === 0) return;
      await db.insertInto(batchTable).values(batch).execute();
      rows[batchTable] = (rows[batchTable] ?? 0) + batch.length;
      batch = [];
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { t?: string; r?: Record<string, unknown>; format?: string; migrations?: string[] };
      if (!header) {
        if (entry.format !== FORMAT) throw new Error(`${file} is not a Cairn backup.`);
        const unknownMigrations = (entry.migrations ?? []).filter((name) => !migrationNames.includes(name));
        if (unknownMigrations.length) throw new Error(`The backup comes from a newer Cairn (migrations ${unknownMigrations.join(', ')}); upgrade first.`);
        header = entry;
        continue;
      }
      if (!entry.t || !entry.r || !known.has(entry.t)) throw new Error(`Unexpected line in backup: ${line.slice(0, 80)}`);
      if (entry.t !== batchTable) {
        await flush();
        if (batchTable) onTable?.(batchTable, rows[batchTable] ?? 0);
        batchTable = entry.t;
      }
      batch.push(entry.r);
      // Keep each INSERT under SQLite's bound-parameter limit.
      if (batch.length >= 200) await flush();
    }
    await flush();
    if (batchTable) onTable?.(batchTable, rows[batchTable] ?? 0);
    if (!header) throw new Error(`${file} is empty.`);
    // Backups made before memberships carried their sort name restore with an empty one.
    await refreshDirectoryOrder(trx);
  });
  return { rows };
}
