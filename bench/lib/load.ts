import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadOutcome } from './load-generator.ts';
import type { BenchRequest } from './scenario.ts';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

export interface Measurement {
  /** Successful (2xx) responses per second over the whole measurement. */
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Responses that were not 2xx, plus socket errors and timeouts. */
  failures: number;
  total: number;
  durationSeconds: number;
  /** Server CPU time per answered request (µs): robust to other load on the machine, unlike req/s. */
  serverCpuUsPerRequest: number | null;
  /** Server CPU time / wall time: near 1 when the server had a core to itself and was the bottleneck. */
  serverCpuShare: number | null;
  /** The load generator's CPU time / wall time: near 1 when it, not the server, set the pace. */
  loadCpuShare: number;
}

/** What every browser sends besides the cookie: large kept answers go out gzipped to it. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

let generator: ChildProcess | null = null;

function loadGenerator(): ChildProcess {
  if (!generator || generator.exitCode !== null) {
    generator = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }
  return generator;
}

/** Ends the load generator's process (the run cannot exit while it is connected). */
export function stopLoadGenerator(): void {
  generator?.disconnect();
  generator = null;
}

function runLoad(job: LoadJob): Promise<LoadOutcome> {
  const child = loadGenerator();
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the load generator exited (code ${code})`));
    child.once('exit', onExit);
    child.once('message', (outcome: LoadOutcome) => {
      child.off('exit', onExit);
      resolve(outcome);
    });
    child.send(job);
  });
}

/** Drives one server from the load generator's process: every connection cycles through `requests`. */
export async function measure(baseUrl: string, requests: BenchRequest[], options: LoadOptions, serverCpu: () => number | null = () => null): Promise<Measurement> {
  if (requests.length === 0) throw new Error('a scenario produced no requests');
  const cpuBefore = serverCpu();
  const result = await runLoad({
    url: baseUrl,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    requests: requests.map((r) => ({ method: r.method, path: r.path, headers: { ...BROWSER_HEADERS, ...r.headers }, ...(r.body !== undefined ? { body: r.body } : {}) })),
  });
  const cpuAfter = serverCpu();
  const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  const answered = result.ok + result.non2xx;
  return {
    requestsPerSecond: result.ok / result.durationSeconds,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    meanMs: result.latency.average,
    failures: result.non2xx + result.errors + result.timeouts,
    total: answered,
    durationSeconds: result.durationSeconds,
    serverCpuUsPerRequest: cpu !== null && answered > 0 ? (cpu * 1e6) / answered : null,
    serverCpuShare: cpu !== null ? cpu / result.durationSeconds : null,
    loadCpuShare: result.cpuSeconds / result.durationSeconds,
  };
}

/** One request with fetch, for checking a scenario answers correctly before it is measured. */
export async function probe(baseUrl: string, request: BenchRequest): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(request.path, baseUrl), {
    method: request.method,
    headers: request.headers ?? {},
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; keep the text for the error message
  }
  return { status: response.status, body };
}
