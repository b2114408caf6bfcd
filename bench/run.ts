/**
 * `npm run bench`: Cairn's request paths on a large generated data set, each compared with a bare
 * Fastify route measured in the same run, and computations (matching a whole program) measured
 * for time and memory. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSession } from '../src/platform/auth/sessions.ts';
import { DEFAULT_BENCH_POSTGRES_URL, preparePostgres, prepareSqlite, type BenchDatabase } from './lib/dataset.ts';
import { measure, probe, stopLoadGenerator, type Measurement } from './lib/load.ts';
import { mainProfile, summarizeProfile } from './lib/profile.ts';
import { startBare, startCairn, type ServerProcess } from './lib/processes.ts';
import { Random } from './lib/random.ts';
import { judgeComputation, printComputations, type Computation, type ComputationRow } from './lib/computation.ts';
import { judge, machineInfo, printLegend, printTable, writeJson, type ResultRow } from './lib/report.ts';
import { loadScenarioModules, type BenchRequest, type Scenario, type ScenarioContext } from './lib/scenario.ts';

const HELP = `Usage: npm run bench [-- options] [scenario names]

Scenario names (or --scenario) select what runs: a name, a prefix ending in "*", or a group
("matching" runs matching-2k, matching-5k and matching-20k). Only computations selected: no data
set or server is prepared.

Options (environment variables in brackets):
  --duration <s>       seconds measured per scenario [BENCH_DURATION] (default 10)
  --warmup <s>         seconds of warm-up before each measurement [BENCH_WARMUP] (default 3)
  --connections <n>    concurrent connections [BENCH_CONNECTIONS] (default 64)
  --repeat <n>         measure every scenario (and the bare route beside it) n times; report the
                       medians [BENCH_REPEAT] (default 1; use 3 on a shared, noisy machine)
  --db <which>         sqlite, postgres or both (default: sqlite; both when a PostgreSQL URL is given)
  --postgres [url]     also run on PostgreSQL [BENCH_DATABASE_URL] (default ${DEFAULT_BENCH_POSTGRES_URL})
  --scenario <names>   only these scenarios (comma-separated; "members-*" matches a prefix, "matching" a group)
  --scale <x>          data-set size factor [BENCH_SCALE] (default 1 = 200 organizations, 50,000 people)
  --regenerate         rebuild the cached data set
  --out <file>         where to write the JSON results (default bench/results/latest.json)
  --cold               run Cairn with CAIRN_ANSWER_CACHE=off: every request computes its answer, none
                       is served kept (what a first visit, or a visit after a write, costs)
  --profile            run each scenario on its own Cairn process under --cpu-prof and print where the
                       time goes (profiles kept in bench/results/profiles/; figures are lower while profiling)
  --help`;

function options() {
  const { values, positionals } = parseArgs({
    options: {
      duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' }, db: { type: 'string' },
      postgres: { type: 'string' }, scenario: { type: 'string' }, scale: { type: 'string' }, regenerate: { type: 'boolean' },
      out: { type: 'string' }, profile: { type: 'boolean' }, cold: { type: 'boolean' }, repeat: { type: 'string' }, help: { type: 'boolean' },
    },
    allowPositionals: true,
    // `--postgres` alone (no URL) is allowed: normalize it before parsing.
    args: process.argv.slice(2).flatMap((arg, i, all) => (arg === '--postgres' && (all[i + 1] === undefined || all[i + 1]!.startsWith('--')) ? ['--postgres', ''] : [arg])),
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const number = (name: string, value: string | undefined, fallback: number, min: number) => {
    const n = value === undefined || value === '' ? fallback : Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min}, got "${value}"`);
    return n;
  };
  const postgresUrl = values.postgres !== undefined ? values.postgres || process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_POSTGRES_URL : process.env.BENCH_DATABASE_URL || undefined;
  const db = values.db ?? (postgresUrl ? 'both' : 'sqlite');
  if (!['sqlite', 'postgres', 'both'].includes(db)) throw new Error(`--db must be sqlite, postgres or both, got "${db}"`);
  return {
    durationSeconds: number('--duration', values.duration ?? process.env.BENCH_DURATION, 10, 1),
    warmupSeconds: number('--warmup', values.warmup ?? process.env.BENCH_WARMUP, 3, 0),
    connections: number('--connections', values.connections ?? process.env.BENCH_CONNECTIONS, 64, 1),
    scale: number('--scale', values.scale ?? process.env.BENCH_SCALE, 1, 0.01),
    repeat: values.profile ? 1 : Math.round(number('--repeat', values.repeat ?? process.env.BENCH_REPEAT, 1, 1)),
    databases: (db === 'both' ? ['sqlite', 'postgres'] : [db]) as ('sqlite' | 'postgres')[],
    postgresUrl: postgresUrl ?? DEFAULT_BENCH_POSTGRES_URL,
    scenarioFilter: values.scenario || positionals.length > 0
      ? [...(values.scenario ?? '').split(','), ...positionals].map((s) => s.trim()).filter(Boolean)
      : null,
    regenerate: values.regenerate ?? false,
    profile: values.profile ?? false,
    cold: values.cold ?? false,
    out: path.resolve(values.out ?? 'bench/results/latest.json'),
  };
}

const log = (line: string) => console.log(line);

async function timed(label: string, server: ServerProcess, requests: BenchRequest[], opts: ReturnType<typeof options>): Promise<Measurement> {
  if (opts.warmupSeconds > 0) await measure(server.url, requests, { connections: opts.connections, durationSeconds: opts.warmupSeconds });
  const result = await measure(server.url, requests, { connections: opts.connections, durationSeconds: opts.durationSeconds }, server.cpuSeconds);
  const cpu = result.serverCpuUsPerRequest === null ? '' : `  server ${Math.round(result.serverCpuUsPerRequest)} µs CPU/req (${Math.round((result.serverCpuShare ?? 0) * 100)}% of a core; load generator ${Math.round(result.loadCpuShare * 100)}%)`;
  log(`  ${label.padEnd(18)} ${Math.round(result.requestsPerSecond).toString().padStart(7)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms${cpu}${result.failures ? `  ${result.failures} FAILED` : ''}`);
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** The run with the median requests per second (its latencies are reported with it). */
function medianRun(results: Measurement[]): Measurement {
  return [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor((results.length - 1) / 2)]!;
}

/** Waits until the server answers a health check quickly again (at most two minutes). */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now();
    try {
      await probe(url, { method: 'GET', path: '/api/health' });
      quick = performance.now() - started < 100 ? quick + 1 : 0;
    } catch {
      quick = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends each distinct request once and lets the scenario check the answers. */
async function verify(scenario: Scenario, url: string, requests: BenchRequest[]): Promise<void> {
  for (const request of requests) {
    const response = await probe(url, request);
    try {
      if (scenario.verify) scenario.verify(response, request);
      else if (response.status < 200 || response.status >= 300) throw new Error(`status ${response.status}`);
    } catch (error) {
      throw new Error(`scenario "${scenario.name}": ${request.method} ${request.path} answered wrongly: ${(error as Error).message}`, { cause: error });
    }
  }
}

async function runOn(database: BenchDatabase, scenarios: Scenario[], bare: ServerProcess, opts: ReturnType<typeof options>): Promise<ResultRow[]> {
  const db = database.open();
  const rows: ResultRow[] = [];
  let cairn: ServerProcess | null = null;
  try {
    // Sessions are made directly (a sign-in costs a deliberate 50 ms of scrypt); earlier runs' are dropped.
    await db.db.deleteFrom('auth_sessions').execute();
    const sessions = new Map<string, Record<string, string>>();
    const context: ScenarioContext = {
      core: database.manifest.core,
      seeds: Object.fromEntries(Object.entries(database.manifest.seeds).map(([name, seed]) => [name, seed.data])),
      password: database.manifest.password,
      random: new Random(7),
      async signIn(personId) {
        let headers = sessions.get(personId);
        if (!headers) {
          const session = await createSession(db.db, personId);
          headers = { cookie: `cairn_session=${session.token}; cairn_csrf=${session.csrfToken}`, 'x-csrf-token': session.csrfToken };
          sessions.set(personId, headers);
        }
        return headers;
      },
    };
    const planned = [];
    for (const scenario of scenarios) planned.push({ scenario, requests: await scenario.requests(context) });
    // The benchmark's own connection stays idle from here on, so it does not compete with the server.
    await db.close();

    const load = os.loadavg()[0]!;
    if (load > os.cpus().length * 0.5) log(`\nNote: the machine is busy (load average ${load.toFixed(1)} on ${os.cpus().length} cores); req/s will be low and noisy, CPU µs/req less so.`);
    cairn = await startCairn(database.serverEnv);
    log(`\n${database.label}: Cairn (pid ${cairn.pid}) at ${cairn.url}, bare Fastify (pid ${bare.pid}) at ${bare.url}; ${opts.connections} connections, ${opts.warmupSeconds} s warm-up, ${opts.durationSeconds} s measured`);
    for (const { scenario, requests } of planned) await verify(scenario, cairn.url, requests);
    if (opts.profile) await cairn.stop();

    const bareRequests: BenchRequest[] = [{ method: 'GET', path: '/bare' }];
    const bareRuns: Measurement[] = [];
    const runs = new Map<Scenario, Measurement[]>();
    const ratios = new Map<Scenario, number[]>();
    for (let round = 1; round <= opts.repeat; round++) {
      if (opts.repeat > 1) log(`  round ${round} of ${opts.repeat}`);
      for (const { scenario, requests } of planned) {
        // The yardstick is measured right before each scenario, so both see the same machine: on a
        // shared machine the load of other processes comes and goes within a minute.
        const bareResult = await timed('bare', bare, bareRequests, opts);
        bareRuns.push(bareResult);
        let profileDir: string | null = null;
        if (opts.profile) {
          profileDir = path.resolve('bench/results/profiles', `${database.kind}-${scenario.name}`);
          fs.rmSync(profileDir, { recursive: true, force: true });
          cairn = await startCairn(database.serverEnv, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
        }
        const result = await timed(scenario.name, cairn, requests, opts);
        // Requests that timed out on the client may still be queued in the server: let it drain, so the
        // next measurement is not charged for this one's backlog.
        await settle(cairn.url);
        if (profileDir) {
          await cairn.stop();
          const file = mainProfile(profileDir);
          for (const line of file ? summarizeProfile(file) : ['  (no profile written)']) log(`    ${line}`);
        }
        runs.set(scenario, [...(runs.get(scenario) ?? []), result]);
        if (bareResult.requestsPerSecond > 0) ratios.set(scenario, [...(ratios.get(scenario) ?? []), result.requestsPerSecond / bareResult.requestsPerSecond]);
      }
    }

    const bareMedian = medianRun(bareRuns);
    rows.push({
      database: database.label, scenario: 'bare', description: 'GET /bare → {ok:true} on a plain Fastify instance in its own process (the yardstick)',
      measurement: bareMedian, ratioToBare: 1, target: null, runs: bareRuns, ...judge(bareMedian, 1, null),
    });
    for (const { scenario } of planned) {
      const measurement = medianRun(runs.get(scenario)!);
      const ratio = ratios.has(scenario) ? median(ratios.get(scenario)!) : null;
      const target = scenario.target === undefined ? null : scenario.target;
      rows.push({
        database: database.label, scenario: scenario.name, description: scenario.description, measurement, ratioToBare: ratio, target,
        runs: runs.get(scenario)!, ...judge(measurement, ratio, target),
      });
    }
  } finally {
    await cairn?.stop();
    await db.close().catch(() => undefined);
  }
  return rows;
}

async function runComputations(computations: Computation[]): Promise<ComputationRow[]> {
  const rows: ComputationRow[] = [];
  if (computations.length === 0) return rows;
  const load = os.loadavg()[0]!;
  log(`\nComputations (each in its own process; CPU time is time on one core)${load > os.cpus().length * 0.5 ? `; note: the machine is busy (load average ${load.toFixed(1)} on ${os.cpus().length} cores), so wall times run long` : ''}:`);
  for (const computation of computations) {
    log(`  ${computation.name}`);
    const result = await computation.run(log);
    rows.push({ name: computation.name, description: computation.description, result, target: computation.target, ...judgeComputation(result, computation.target) });
  }
  return rows;
}

async function main(): Promise<void> {
  const opts = options();
  // Inherited by the Cairn processes the run starts (lib/processes.ts passes its environment on).
  if (opts.cold) process.env.CAIRN_ANSWER_CACHE = 'off';
  const startedAt = new Date().toISOString();
  const modules = await loadScenarioModules();
  const seeds = modules.flatMap((m) => (m.seed ? [m.seed] : []));
  const all = modules.flatMap((m) => m.scenarios);
  const allComputations = modules.flatMap((m) => m.computations);
  // A filter is a name, a prefix ending in '*', or a group: "matching" selects "matching-…".
  const matches = (name: string, filter: string) => (filter.endsWith('*') ? name.startsWith(filter.slice(0, -1)) : name === filter || name.startsWith(`${filter}-`));
  const selected = <T extends { name: string }>(items: T[]) => (opts.scenarioFilter ? items.filter((s) => opts.scenarioFilter!.some((f) => matches(s.name, f))) : items);
  const scenarios = selected(all);
  const computations = selected(allComputations);
  if (scenarios.length === 0 && computations.length === 0) {
    throw new Error(`no scenario matches ${opts.scenarioFilter?.join(', ')}; known: ${[...all, ...allComputations].map((s) => s.name).join(', ')}`);
  }

  const prepared: BenchDatabase[] = [];
  const rows: ResultRow[] = [];
  if (scenarios.length > 0) {
    for (const kind of opts.databases) {
      const prepareOptions = { scale: opts.scale, seeds, regenerate: opts.regenerate, log };
      prepared.push(kind === 'sqlite' ? await prepareSqlite(prepareOptions) : await preparePostgres(opts.postgresUrl, prepareOptions));
    }
    const bare = await startBare();
    try {
      for (const database of prepared) rows.push(...(await runOn(database, scenarios, bare, opts)));
    } finally {
      stopLoadGenerator();
      await bare.stop();
    }
  }
  const computed = await runComputations(computations);

  if (prepared.length > 0) {
    const core = prepared[0]!.manifest.core;
    const largest = core.organizations[0]!;
    log(`\nData set: ${core.counts.organizations} organizations, ${core.counts.people.toLocaleString('en-US')} people, ${core.counts.memberships.toLocaleString('en-US')} memberships, ${core.counts.membershipRoles.toLocaleString('en-US')} roles; largest organization ${largest.members.toLocaleString('en-US')} members (${largest.activeMembers.toLocaleString('en-US')} active).`);
  }
  const httpSettings = ` ${opts.connections} connections, ${opts.durationSeconds} s per measurement${opts.repeat > 1 ? `, medians of ${opts.repeat} rounds` : ''}; each scenario's ratio is to the bare route measured just before it.${opts.cold || process.env.CAIRN_ANSWER_CACHE === 'off' ? ' Cold: no answer served kept (CAIRN_ANSWER_CACHE=off).' : ''}`;
  log(`${prepared.length > 0 ? '' : '\n'}Machine: ${machineInfo().cpus} × ${machineInfo().cpuModel}, Node ${process.version}.${rows.length > 0 ? httpSettings : ''}\n`);
  if (rows.length > 0) {
    printTable(rows);
    log('');
    printLegend(rows);
  }
  if (computed.length > 0) {
    if (rows.length > 0) log('');
    printComputations(computed, log);
  }

  writeJson(opts.out, {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { ...machineInfo(), loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 10) / 10) },
    settings: { connections: opts.connections, durationSeconds: opts.durationSeconds, warmupSeconds: opts.warmupSeconds, scale: opts.scale, repeat: opts.repeat },
    datasets: prepared.map((d) => ({
      database: d.label, key: d.manifest.key, generatedThisRun: d.generated, generationSeconds: d.manifest.generationSeconds,
      counts: d.manifest.core.counts, largestOrganization: { members: d.manifest.core.organizations[0]!.members, activeMembers: d.manifest.core.organizations[0]!.activeMembers },
    })),
    results: rows.map((row) => ({
      database: row.database, scenario: row.scenario, description: row.description,
      requestsPerSecond: Math.round(row.measurement.requestsPerSecond), p50Ms: row.measurement.p50Ms, p90Ms: row.measurement.p90Ms, p99Ms: row.measurement.p99Ms,
      maxMs: row.measurement.maxMs, failures: row.measurement.failures,
      serverCpuUsPerRequest: row.measurement.serverCpuUsPerRequest === null ? null : Math.round(row.measurement.serverCpuUsPerRequest),
      serverCpuShare: row.measurement.serverCpuShare === null ? null : Math.round(row.measurement.serverCpuShare * 100) / 100, ratioToBare: row.ratioToBare === null ? null : Math.round(row.ratioToBare * 1000) / 1000,
      target: row.target, met: row.met, misses: row.misses,
      runs: row.runs.map((run) => ({ requestsPerSecond: Math.round(run.requestsPerSecond), p50Ms: run.p50Ms, p99Ms: run.p99Ms, serverCpuUsPerRequest: run.serverCpuUsPerRequest === null ? null : Math.round(run.serverCpuUsPerRequest), failures: run.failures })),
    })),
    computations: computed.map((row) => ({
      scenario: row.name, description: row.description, wallSeconds: row.result.wallSeconds, cpuSeconds: row.result.cpuSeconds, peakRssMb: row.result.peakRssMb,
      figures: row.result.figures, target: row.target, met: row.met, misses: row.misses, details: row.result.details,
    })),
  });
  log(`\nResults written to ${path.relative(process.cwd(), opts.out)}.`);
  const missed = [...rows.filter((row) => row.met === false).map((row) => `${row.database} ${row.scenario}`), ...computed.filter((row) => row.met === false).map((row) => row.name)];
  if (missed.length > 0) log(`Targets missed: ${missed.join(', ')}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
