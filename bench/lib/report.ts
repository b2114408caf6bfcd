import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measurement } from './load.ts';
import type { Target } from './scenario.ts';

export interface ResultRow {
  database: string;
  scenario: string;
  description: string;
  /** The median run (by requests per second). */
  measurement: Measurement;
  /** Every run, in order (one per --repeat round). */
  runs: Measurement[];
  /** Median over rounds of requests per second as a fraction of the bare route measured just before. */
  ratioToBare: number | null;
  target: Target | null;
  /** null when the scenario has no target. */
  met: boolean | null;
  /** Why the target was missed (ratio, p99, failed requests). */
  misses: string[];
}

export function judge(measurement: Measurement, ratio: number | null, target: Target | null): { met: boolean | null; misses: string[] } {
  const misses: string[] = [];
  if (measurement.failures > 0) misses.push(`${measurement.failures} failed requests`);
  if (!target) return { met: misses.length === 0 ? null : false, misses };
  if (ratio !== null && ratio < target.minRatio) misses.push(`ratio ${pct(ratio)} < ${pct(target.minRatio)}`);
  if (measurement.p99Ms >= target.maxP99Ms) misses.push(`p99 ${measurement.p99Ms} ms ≥ ${target.maxP99Ms} ms`);
  return { met: misses.length === 0, misses };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const num = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

export function printTable(rows: ResultRow[], write: (line: string) => void = console.log): void {
  const header = ['Database', 'Scenario', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'CPU µs/req', 'Target', 'Met'];
  const body = rows.map((row) => [
    row.database,
    row.scenario,
    num(row.measurement.requestsPerSecond),
    ms(row.measurement.p50Ms),
    ms(row.measurement.p99Ms),
    row.ratioToBare === null ? '—' : pct(row.ratioToBare),
    row.measurement.serverCpuUsPerRequest === null ? '—' : num(row.measurement.serverCpuUsPerRequest),
    row.target ? [row.target.minRatio > 0 ? `≥${pct(row.target.minRatio)}` : '', `p99<${row.target.maxP99Ms}`].filter(Boolean).join(', ') : '—',
    row.met === null ? '—' : row.met ? 'yes' : `NO (${row.misses.join('; ')})`,
  ]);
  const right = new Set([2, 3, 4, 5, 6]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  write(line(header));
  write(widths.map((w) => '─'.repeat(w)).join('  '));
  let previous = '';
  for (const [i, cells] of body.entries()) {
    if (previous && rows[i]!.database !== previous) write('');
    previous = rows[i]!.database;
    write(line(cells));
  }
}

export function printLegend(rows: ResultRow[], write: (line: string) => void = console.log): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.scenario)) continue;
    seen.add(row.scenario);
    write(`  ${row.scenario.padEnd(18)} ${row.description}`);
  }
}

export function machineInfo() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

export function writeJson(file: string, content: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
