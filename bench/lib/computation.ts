/**
 * A computation scenario: work Cairn does in one process without a request (matching a whole
 * program, later reports and exports), measured for time and memory rather than requests per
 * second. A file in bench/scenarios/ exports `computations` (an array of defineComputation) next
 * to, or instead of, `scenarios`; run.ts selects them by name like the others and needs no data
 * set or server when only computations are selected.
 */
export interface Computation {
  /** Short, unique, kebab-case, shared with HTTP scenarios' names. */
  name: string;
  description: string;
  target: ComputationTarget | null;
  run(log: (line: string) => void): Promise<ComputationResult>;
}

export interface ComputationTarget {
  /** Highest acceptable CPU time, in seconds (one core). */
  maxCpuSeconds?: number;
  /** Highest acceptable peak resident memory, in MB. */
  maxPeakRssMb?: number;
}

export interface ComputationResult {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** The scenario's own figures, as table cells (e.g. objective, baseline). */
  figures: Record<string, string>;
  /** Everything measured, for the JSON results. */
  details: unknown;
}

export const defineComputation = (computation: Computation): Computation => computation;

export interface ComputationRow {
  name: string;
  description: string;
  result: ComputationResult;
  target: ComputationTarget | null;
  met: boolean | null;
  misses: string[];
}

export function judgeComputation(result: ComputationResult, target: ComputationTarget | null): { met: boolean | null; misses: string[] } {
  if (!target) return { met: null, misses: [] };
  const misses: string[] = [];
  if (target.maxCpuSeconds !== undefined && result.cpuSeconds >= target.maxCpuSeconds) {
    misses.push(`${result.cpuSeconds.toFixed(1)} s ≥ ${target.maxCpuSeconds} s (${((result.cpuSeconds / target.maxCpuSeconds - 1) * 100).toFixed(0)}% over)`);
  }
  if (target.maxPeakRssMb !== undefined && result.peakRssMb >= target.maxPeakRssMb) misses.push(`${result.peakRssMb} MB ≥ ${target.maxPeakRssMb} MB`);
  return { met: misses.length === 0, misses };
}

export function targetText(target: ComputationTarget | null): string {
  if (!target) return '—';
  return [target.maxCpuSeconds !== undefined ? `<${target.maxCpuSeconds} s` : null, target.maxPeakRssMb !== undefined ? `<${target.maxPeakRssMb / 1024} GB` : null].filter(Boolean).join(', ');
}

export function printComputations(rows: ComputationRow[], write: (line: string) => void = console.log): void {
  const figureNames = [...new Set(rows.flatMap((row) => Object.keys(row.result.figures)))];
  const header = ['Scenario', 'CPU s', 'wall s', 'peak RSS', ...figureNames, 'Target', 'Met'];
  const body = rows.map((row) => [
    row.name,
    row.result.cpuSeconds.toFixed(2),
    row.result.wallSeconds.toFixed(2),
    `${row.result.peakRssMb.toLocaleString('en-US')} MB`,
    ...figureNames.map((name) => row.result.figures[name] ?? '—'),
    targetText(row.target),
    row.met === null ? '—' : row.met ? 'yes' : `NO (${row.misses.join('; ')})`,
  ]);
  const right = new Set([1, 2, 3]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  write(line(header));
  write(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const cells of body) write(line(cells));
  write('');
  for (const row of rows) write(`  ${row.name.padEnd(18)} ${row.description}`);
}
