/**
 * One matching measurement, in a process of its own so that its peak memory is its own:
 *   node --single-threaded --import tsx bench/matching/measure.ts <mentees> <mentors> <capacity|min-max> [seed] [--highs]
 * Generates the program, runs the engine (timing each phase), then the greedy baseline, and prints
 * one JSON line (MatchingMeasurement) on standard output. --single-threaded keeps V8's garbage
 * collector and compilers on the main thread, so CPU time is time on one core. With --highs, HiGHS
 * also solves the program as a linear program (slow: every allowed pair is a variable), after the
 * engine's figures are taken, and its optimum is reported beside the engine's.
 */
import type { Highs } from 'highs';
import { compileMatching, matchProgram, RowScorer, SCALE, type MatchingInput } from '../../src/domain/matching/index.ts';
import { generateProgram, type ProgramSize } from './generate.ts';
import { greedyMatching } from './greedy.ts';

export interface MatchingMeasurement {
  size: ProgramSize;
  seed: number;
  organizationSize: number;
  generationSeconds: number;
  /** Resident memory once the program is generated, before the engine runs (MB). */
  rssBeforeMb: number;
  /** Peak resident memory of the process by the end of the engine's run (getrusage maxRSS, MB). */
  peakRssMb: number;
  heapUsedAfterMb: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** Per phase: wall and CPU seconds. */
  phases: Array<{ phase: string; wallSeconds: number; cpuSeconds: number }>;
  objective: { matched: number; totalScore: number; minScore: number | null };
  proof: { allowedPairs: number; candidatePairs: number; rounds: number; fullChecks: number; rescoredPairs: number; orientation: string };
  unmatchedMentees: number;
  unmatchedMentors: number;
  greedy: { matched: number; totalScore: number; minScore: number | null; wallSeconds: number };
  highs?: { matched: number; totalScore: number; variables: number; wallSeconds: number; agrees: boolean };
}

/** Loaded only with --highs, so that it weighs nothing in the other measurements' memory. */
async function loadHighs(): Promise<Highs> {
  const highsModule = await import('highs');
  // highs ships one CommonJS-style declaration file for its ES module too (see optimality.test.ts).
  const loader = ((highsModule as unknown as { default: { default?: unknown } }).default.default ?? highsModule.default) as unknown as () => Promise<Highs>;
  return loader();
}

/** The same program as an LP (x per allowed pair; Σ per mentee ≤ 1, per mentor ≤ capacity left; max Σ (M + s) x). */
async function solveWithHighs(input: MatchingInput): Promise<NonNullable<MatchingMeasurement['highs']>> {
  const started = performance.now();
  const c = compileMatching(input);
  const scorer = new RowScorer(c);
  const row = new Int32Array(c.m);
  const menteeOf: number[] = [], mentorOf: number[] = [], units: number[] = [];
  let mentees = 0;
  for (let i = 0; i < c.n; i++) {
    if (!c.menteeInPool[i]) continue;
    scorer.row(i, row);
    for (let j = 0; j < c.m; j++) {
      if (row[j]! < 0) continue;
      menteeOf.push(mentees);
      mentorOf.push(j);
      units.push(row[j]!);
    }
    mentees++;
  }
  let slots = 0;
  for (let j = 0; j < c.m; j++) if (!c.mentorPaused[j]) slots += c.mentorRemaining[j]!;
  const bigM = Math.min(mentees, slots) * (c.maxUnits / SCALE) + 1;
  const n = units.length, numRows = mentees + c.m;
  const indices = new Int32Array(2 * n);
  for (let k = 0; k < n; k++) {
    indices[2 * k] = menteeOf[k]!;
    indices[2 * k + 1] = mentees + mentorOf[k]!;
  }
  const rowUpper = new Float64Array(numRows);
  rowUpper.fill(1, 0, mentees);
  for (let j = 0; j < c.m; j++) rowUpper[mentees + j] = c.mentorRemaining[j]!;
  const highs = await loadHighs();
  const model = highs.createModel({
    numCols: n, numRows, sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(units, (u) => bigM + u / SCALE), colLower: new Float64Array(n), colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity), rowUpper,
    matrix: { format: 'csc', numRows, numCols: n, starts: Int32Array.from({ length: n + 1 }, (_, k) => 2 * k), indices, values: new Float64Array(2 * n).fill(1) },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS ended with status ${model.getModelStatus()}`);
    const x = model.getSolution().colValue;
    let matched = 0, total = 0;
    for (let k = 0; k < n; k++) {
      if (x[k]! > 0.5) {
        matched++;
        total += units[k]!;
      }
    }
    return { matched, totalScore: total / SCALE, variables: n, wallSeconds: (performance.now() - started) / 1000, agrees: false };
  } finally {
    model.dispose();
  }
}

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--highs');
  const [mentees, mentors, capacity, seedText] = args;
  const range = capacity!.split('-').map(Number);
  const size: ProgramSize = { mentees: Number(mentees), mentors: Number(mentors), capacity: range.length === 2 ? [range[0]!, range[1]!] : range[0]! };
  const seed = Number(seedText ?? 42);

  let started = performance.now();
  const { input, organizationSize } = generateProgram(size, seed);
  const generationSeconds = (performance.now() - started) / 1000;
  const rssBeforeMb = mb(process.memoryUsage().rss);

  const phases: MatchingMeasurement['phases'] = [];
  let phaseWall = 0, phaseCpu = 0, phaseName = '';
  const closePhase = () => {
    if (phaseName) phases.push({ phase: phaseName, wallSeconds: (performance.now() - phaseWall) / 1000, cpuSeconds: cpu() - phaseCpu });
  };
  started = performance.now();
  const cpuStarted = cpu();
  const result = matchProgram(input, {
    onPhase: (phase) => {
      closePhase();
      phaseName = phase;
      phaseWall = performance.now();
      phaseCpu = cpu();
    },
  });
  closePhase();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpu() - cpuStarted;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const heapUsedAfterMb = mb(process.memoryUsage().heapUsed);

  started = performance.now();
  const greedy = greedyMatching(input);
  const measurement: MatchingMeasurement = {
    size, seed, organizationSize, generationSeconds, rssBeforeMb, peakRssMb, heapUsedAfterMb, wallSeconds, cpuSeconds, phases,
    objective: { matched: result.objective.matched, totalScore: result.objective.totalScore, minScore: result.objective.minScore },
    proof: {
      allowedPairs: result.proof.allowedPairs, candidatePairs: result.proof.candidatePairs, rounds: result.proof.rounds,
      fullChecks: result.proof.fullChecks, rescoredPairs: result.proof.rescoredPairs, orientation: result.proof.orientation,
    },
    unmatchedMentees: result.unmatchedMentees.length,
    unmatchedMentors: result.unmatchedMentors.length,
    greedy: { ...greedy, wallSeconds: (performance.now() - started) / 1000 },
  };
  if (process.argv.includes('--highs')) {
    const highs = await solveWithHighs(input);
    highs.agrees = highs.matched === result.objective.matched && Math.abs(highs.totalScore - result.objective.totalScore) <= 1e-6;
    measurement.highs = highs;
  }
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

await main();
