import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import type { Computation } from './computation.ts';
import type { CoreFacts } from './generate.ts';
import type { Random } from './random.ts';

/**
 * A benchmark scenario: one kind of request, measured against the bare Fastify route.
 *
 * Each file in bench/scenarios/ exports `scenarios` (an array made with defineScenario) and, when
 * it needs data the core data set lacks, a `seed` that adds it. Nothing else needs registering.
 */
export interface Scenario {
  /** Short, unique, kebab-case: used in the table, the JSON and --scenario filters. */
  name: string;
  /** One line for the table's legend: what is requested, on what data. */
  description: string;
  /** The bar this scenario must clear; `null` for informational rows. Default: PLATFORM_TARGET. */
  target?: Target | null;
  /**
   * The requests autocannon sends; each connection cycles through the list. Build several (pages,
   * people, search words) so caches and one lucky row do not flatter the figures.
   */
  requests(context: ScenarioContext): Promise<BenchRequest[]>;
  /** Checks one response before measuring (throw to refuse a scenario that answers wrongly). */
  verify?(response: { status: number; body: unknown }, request: BenchRequest): void;
}

export interface Target {
  /** Fraction of the bare route's requests per second (0.35 = 35%). */
  minRatio: number;
  /** Highest acceptable 99th-percentile latency, in milliseconds. */
  maxP99Ms: number;
}

/** The issue's bar for request paths of the platform: 35% of bare Fastify, p99 under 50 ms. */
export const PLATFORM_TARGET: Target = { minRatio: 0.35, maxP99Ms: 50 };

/** The coaching and mentoring issues' bar: p99 under 50 ms (throughput reported as a ratio, no floor). */
export const LATENCY_TARGET: Target = { minRatio: 0, maxP99Ms: 50 };

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ScenarioContext {
  core: CoreFacts;
  /** What each seed returned, by seed name. */
  seeds: Record<string, unknown>;
  /** The password every generated person has. */
  password: string;
  /** Headers of a signed-in session of that person (cookie, and the CSRF token for writes). */
  signIn(personId: string): Promise<Record<string, string>>;
  random: Random;
}

/** Extra data a scenario needs, generated once with the core data set and cached with it. */
export interface DatasetSeed<T = unknown> {
  name: string;
  /** Bump when the seed's output changes: it is part of the cache key. */
  version: number;
  generate(context: SeedContext): Promise<T>;
}

export interface SeedContext {
  /** A transaction: write with insertBatched (bench/lib/generate.ts). */
  db: Kysely<Database>;
  kind: DatabaseKind;
  core: CoreFacts;
  random: Random;
  passwordHash: string;
}

export const defineScenario = (scenario: Scenario): Scenario => scenario;
export const defineSeed = <T>(seed: DatasetSeed<T>): DatasetSeed<T> => seed;

export interface ScenarioModule {
  file: string;
  scenarios: Scenario[];
  /** Work measured in-process (time, memory) rather than over HTTP: see computation.ts. */
  computations: Computation[];
  seed?: DatasetSeed;
}

const scenarioDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenarios');

/** Every bench/scenarios/*.ts, in file-name order. */
export async function loadScenarioModules(): Promise<ScenarioModule[]> {
  const files = fs.readdirSync(scenarioDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const modules: ScenarioModule[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const loaded = (await import(pathToFileURL(path.join(scenarioDir, file)).href)) as { scenarios?: Scenario[]; computations?: Computation[]; seed?: DatasetSeed };
    if (!Array.isArray(loaded.scenarios)) throw new Error(`bench/scenarios/${file} must export "scenarios" (an array of defineScenario(...), empty when it has only computations)`);
    const computations = loaded.computations ?? [];
    for (const scenario of [...loaded.scenarios, ...computations]) {
      if (names.has(scenario.name)) throw new Error(`two scenarios are named "${scenario.name}"`);
      names.add(scenario.name);
    }
    modules.push({ file, scenarios: loaded.scenarios, computations, ...(loaded.seed ? { seed: loaded.seed } : {}) });
  }
  return modules;
}
