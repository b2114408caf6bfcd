import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import type { BenchRequest } from './scenario.ts';

/**
 * The load generator, in a process of its own (lib/load.ts starts it): autocannon parses every
 * response in JavaScript, and inside the benchmark's own process it shared a heap holding the
 * whole generated data set, so it, not the server, set the pace (measured: 85–90% of a core for
 * the load and the server idle a seventh of the time). Here it has a small heap and nothing else.
 */

// Autocannon keeps every response's body as a string (each chunk decoded and appended) for
// verifyBody, expectBody and onResponse, none of which a measurement uses: scenarios check their
// answers before anything is measured. That cost the load generator 10 µs per gzipped directory
// page (binary decoded as UTF-8), more than the server's own difference between the page and
// /api/me, so for larger answers it set the pace. (autocannon 9: lib/pipelinedRequestsQueue.js.)
const PipelinedRequestsQueue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as { prototype: { addBody(data: Buffer): void } };
PipelinedRequestsQueue.prototype.addBody = () => {};

export interface LoadJob {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: { method: BenchRequest['method']; path: string; headers: Record<string, string>; body?: string }[];
}

export interface LoadOutcome {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  /** CPU time this process used for the job (user + system), in seconds. */
  cpuSeconds: number;
}

process.on('message', (job: LoadJob) => {
  void (async () => {
    const before = process.cpuUsage();
    const result = await autocannon({
      url: job.url,
      connections: job.connections,
      duration: job.durationSeconds,
      pipelining: 1,
      timeout: 10,
      requests: job.requests,
    });
    const used = process.cpuUsage(before);
    const { p50, p90, p99, max, average } = result.latency;
    const outcome: LoadOutcome = {
      ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, durationSeconds: result.duration,
      latency: { p50, p90, p99, max, average }, cpuSeconds: (used.user + used.system) / 1e6,
    };
    process.send!(outcome);
  })();
});
