import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type CairnDatabase, type DatabaseKind } from '../../src/db/connection.ts';
import { migrateToLatest, migrationNames } from '../../src/db/migrate.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { CORE_DATASET_VERSION, coreShape, generateCore, insertCore, type CoreFacts } from './generate.ts';
import { Random } from './random.ts';
import type { DatasetSeed } from './scenario.ts';

const libDir = path.dirname(fileURLToPath(import.meta.url));

export const BENCH_PASSWORD = 'bench-password-2026';
// BENCH_DATA_DIR lets several checkouts or people benchmark at once without removing each other's data sets.
export const BENCH_DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR || '.bench-data');

export interface Manifest {
  key: string;
  coreVersion: number;
  scale: number;
  migrations: string[];
  seeds: Record<string, { version: number; data: unknown }>;
  generatedAt: string;
  generationSeconds: number;
  password: string;
  core: CoreFacts;
}

/** Where one run's data lives and how the server under test reaches it. */
export interface BenchDatabase {
  kind: DatabaseKind;
  label: string;
  manifest: Manifest;
  /** Environment for `cairn start`. */
  serverEnv: Record<string, string>;
  open(): CairnDatabase;
  /** Whether this run generated the data (false: reused the cache). */
  generated: boolean;
}

/** A data set is reused only when everything that shapes it is unchanged. */
export function datasetKey(scale: number, seeds: DatasetSeed[]): string {
  // The generator's own source is part of the key, so editing it can never reuse stale data.
  const generatorSource = ['generate.ts', 'vocabulary.ts', 'random.ts'].map((file) => fs.readFileSync(path.join(libDir, file), 'utf8'));
  const identity = JSON.stringify({
    core: CORE_DATASET_VERSION, scale, migrations: migrationNames, seeds: seeds.map((s) => [s.name, s.version]).sort(), generatorSource,
  });
  return crypto.createHash('sha256').update(identity).digest('hex').slice(0, 12);
}

async function generateInto(database: CairnDatabase, key: string, scale: number, seeds: DatasetSeed[], log: (line: string) => void): Promise<Manifest> {
  const started = performance.now();
  await migrateToLatest(database);
  // Hashing is deliberately slow (scrypt): one hash, shared by every generated person.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const random = new Random(20_260_101);
  const data = generateCore(random, coreShape(scale), passwordHash);
  log(`  generated ${data.people.length} people, ${data.memberships.length} memberships, ${data.roles.length} roles in memory (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await insertCore(database.db, database.kind, data);
  log(`  core data written (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const seeded: Manifest['seeds'] = {};
  for (const seed of seeds) {
    const seedStarted = performance.now();
    const output = await database.db.transaction().execute((trx) =>
      seed.generate({ db: trx, kind: database.kind, core: data.facts, random: new Random(hashSeed(seed.name)), passwordHash }),
    );
    seeded[seed.name] = { version: seed.version, data: output };
    log(`  seed "${seed.name}" written (${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);
  }
  // PostgreSQL's autovacuum would soon vacuum and analyze after a bulk load (statistics, and the
  // visibility map that index-only scans need); do it now. SQLite is left as Cairn leaves it in
  // production (Cairn does not run ANALYZE), so its plans are the real ones.
  if (database.kind === 'postgres') await sql`vacuum analyze`.execute(database.db);
  return {
    key, coreVersion: CORE_DATASET_VERSION, scale, migrations: migrationNames, seeds: seeded, generatedAt: new Date().toISOString(),
    generationSeconds: Math.round((performance.now() - started) / 100) / 10, password: BENCH_PASSWORD, core: data.facts,
  };
}

const hashSeed = (name: string) => crypto.createHash('sha256').update(name).digest().readUInt32LE(0);

function readManifest(file: string, key: string): Manifest | null {
  if (!fs.existsSync(file)) return null;
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return manifest.key === key ? manifest : null;
  } catch {
    return null;
  }
}

export interface PrepareOptions {
  scale: number;
  seeds: DatasetSeed[];
  regenerate: boolean;
  log: (line: string) => void;
}

/** The embedded database: one SQLite file per data-set key under .bench-data/, generated once. */
export async function prepareSqlite(options: PrepareOptions): Promise<BenchDatabase> {
  const key = datasetKey(options.scale, options.seeds);
  const dir = path.join(BENCH_DATA_DIR, `sqlite-${key}`);
  const manifestFile = path.join(dir, 'manifest.json');
  const open = () => openDatabase({ dataDir: dir });
  let manifest = options.regenerate ? null : readManifest(manifestFile, key);
  const generated = !manifest;
  if (!manifest) {
    options.log(`Generating the SQLite data set ${key} (cached in ${path.relative(process.cwd(), dir)}/)`);
    fs.mkdirSync(BENCH_DATA_DIR, { recursive: true });
    // Older data sets (other keys) are stale once the code that made them changed.
    for (const entry of fs.readdirSync(BENCH_DATA_DIR)) if (entry.startsWith('sqlite-')) fs.rmSync(path.join(BENCH_DATA_DIR, entry), { recursive: true, force: true });
    const building = `${dir}.building-${process.pid}`;
    fs.mkdirSync(building, { recursive: true });
    const database = openDatabase({ dataDir: building });
    manifest = await generateInto(database, key, options.scale, options.seeds, options.log);
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    await database.close();
    fs.writeFileSync(path.join(building, 'manifest.json'), JSON.stringify(manifest, null, 1));
    fs.renameSync(building, dir);
  } else {
    options.log(`Using the cached SQLite data set ${key} (${path.relative(process.cwd(), dir)}/; --regenerate to rebuild)`);
  }
  return {
    kind: 'sqlite', label: 'SQLite', manifest, generated, open,
    serverEnv: { CAIRN_DATA_DIR: dir },
  };
}

export const DEFAULT_BENCH_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/cairn_bench';

/** Creates the benchmark's own database when missing, so the tests' database is never touched. */
async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a plain database, got "${name}"`);
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw new Error(`cannot reach PostgreSQL at ${target.host}: ${(error as Error).message}`, { cause: error });
  } finally {
    await probe.end().catch(() => undefined);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/** PostgreSQL: one schema per data-set key (bench_<key>) in the benchmark's database. */
export async function preparePostgres(url: string, options: PrepareOptions): Promise<BenchDatabase> {
  await ensurePostgresDatabase(url);
  const key = datasetKey(options.scale, options.seeds);
  const schema = `bench_${key}`;
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const manifestFile = path.join(BENCH_DATA_DIR, `postgres-${database}-${key}.json`);
  const open = () => openDatabase({ databaseUrl: url, postgresSchema: schema, poolSize: 4 });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let manifest = options.regenerate ? null : readManifest(manifestFile, key);
  try {
    if (manifest) {
      // The file says the schema was complete; check the schema still is (someone may have dropped it).
      const found = await admin.query<{ people: number }>(
        `select count(*)::int as people from information_schema.tables where table_schema = $1 and table_name = 'people'`, [schema],
      );
      const people = found.rows[0]?.people ? (await admin.query<{ n: number }>(`select count(*)::int as n from ${schema}.people`)).rows[0]?.n : 0;
      if (people !== manifest.core.counts.people) manifest = null;
    }
    const generated = !manifest;
    if (!manifest) {
      options.log(`Generating the PostgreSQL data set ${key} (schema ${schema} in ${database})`);
      const stale = await admin.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'bench\\_%'`);
      for (const row of stale.rows) await admin.query(`drop schema ${row.nspname} cascade`);
      await admin.query(`create schema ${schema}`);
      const db = open();
      try {
        manifest = await generateInto(db, key, options.scale, options.seeds, options.log);
      } finally {
        await db.close();
      }
      fs.mkdirSync(BENCH_DATA_DIR, { recursive: true });
      fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
    } else {
      options.log(`Using the cached PostgreSQL data set ${key} (schema ${schema} in ${database}; --regenerate to rebuild)`);
    }
    return {
      kind: 'postgres', label: 'PostgreSQL', manifest, generated, open,
      serverEnv: { DATABASE_URL: url, CAIRN_POSTGRES_SCHEMA: schema },
    };
  } finally {
    await admin.end();
  }
}
