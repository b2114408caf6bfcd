import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineComputation, type ComputationResult } from '../lib/computation.ts';
import type { MatchingMeasurement } from '../matching/measure.ts';

/**
 * Matching a whole mentoring program (src/domain/matching): the exact optimum — most mentees
 * matched, then the highest total score — with its optimality proof, on generated programs with
 * realistic profiles (bench/matching/generate.ts), beside the greedy baseline (best pairs first).
 * Each size runs in a process of its own (node --single-threaded: one core; its own peak memory).
 * BENCH_MATCHING_HIGHS=1 also has HiGHS solve matching-2k as a linear program and compares
 * (minutes, and about a gigabyte more: every allowed pair is a variable).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function measure(args: string[]): Promise<MatchingMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--single-threaded', '--max-old-space-size=4096', '--import', 'tsx', 'bench/matching/measure.ts', ...args], {
      cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench/matching/measure.ts ${args.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(output.trim().split('\n').pop()!) as MatchingMeasurement);
    });
  });
}

const number = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

function toResult(m: MatchingMeasurement): ComputationResult {
  const share = m.objective.totalScore > 0 ? (m.greedy.totalScore / m.objective.totalScore) * 100 : 100;
  return {
    wallSeconds: m.wallSeconds,
    cpuSeconds: m.cpuSeconds,
    peakRssMb: m.peakRssMb,
    figures: {
      matched: number(m.objective.matched),
      'total score': number(m.objective.totalScore),
      'min score': m.objective.minScore === null ? '—' : number(m.objective.minScore),
      'greedy total': `${number(m.greedy.totalScore)} (${share.toFixed(2)}%)`,
      'greedy matched': number(m.greedy.matched),
      proof: `${m.proof.rounds} runs, ${m.proof.fullChecks} full checks`,
      ...(m.highs ? { HiGHS: m.highs.agrees ? 'same optimum' : 'DIFFERS' } : {}),
    },
    details: m,
  };
}

function describe(m: MatchingMeasurement, log: (line: string) => void): void {
  const phases = m.phases.map((p) => `${p.phase} ${p.cpuSeconds.toFixed(2)} s`).join(', ');
  log(`    ${m.size.mentees.toLocaleString('en-US')} mentees × ${m.size.mentors.toLocaleString('en-US')} mentors: ${m.cpuSeconds.toFixed(2)} s CPU (${phases}), ${m.wallSeconds.toFixed(2)} s wall; `
    + `peak RSS ${m.peakRssMb} MB (${m.rssBeforeMb} MB with the generated program alone)`);
  log(`    ${m.proof.allowedPairs.toLocaleString('en-US')} allowed pairs, ${m.proof.candidatePairs.toLocaleString('en-US')} given to the solver, ${m.proof.rescoredPairs.toLocaleString('en-US')} scored again by the checks; `
    + `matched ${m.objective.matched.toLocaleString('en-US')}, total ${number(m.objective.totalScore)}; greedy ${m.greedy.matched.toLocaleString('en-US')} matched, ${number(m.greedy.totalScore)}`);
}

function scenario(name: string, mentees: number, mentors: number, capacity: string, description: string, target: { maxCpuSeconds?: number; maxPeakRssMb?: number } | null, highs = false) {
  return defineComputation({
    name, description, target,
    async run(log) {
      const withHighs = highs && process.env.BENCH_MATCHING_HIGHS === '1';
      const m = await measure([String(mentees), String(mentors), capacity, '42', ...(withHighs ? ['--highs'] : [])]);
      describe(m, log);
      if (m.highs) {
        log(`    HiGHS (LP, ${m.highs.variables.toLocaleString('en-US')} variables): ${m.highs.matched.toLocaleString('en-US')} matched, total ${number(m.highs.totalScore)} in ${m.highs.wallSeconds.toFixed(1)} s wall — ${m.highs.agrees ? 'the same optimum' : 'DIFFERENT from the engine'}`);
      }
      return toResult(m);
    },
  });
}

export const scenarios = [];

export const computations = [
  scenario('matching-2k', 2_000, 500, '4', '2,000 mentees × 500 mentors, capacity 4: exact optimum with proof, and greedy (best pairs first) as a share of it (no target)', null, true),
  scenario('matching-5k', 5_000, 1_000, '1-5', '5,000 mentees × 1,000 mentors, capacities 1–5: the exact optimum in under 3 s on one core', { maxCpuSeconds: 3 }),
  scenario('matching-20k', 20_000, 5_000, '1-5', '20,000 mentees × 5,000 mentors, capacities 1–5: under 60 s and under 2 GB', { maxCpuSeconds: 60, maxPeakRssMb: 2048 }),
];
