/**
 * One matching measurement, in a process of its own so that its peak memory is its own:
 *   node --single-threaded --import tsx bench/matching/measure.ts <mentees> <mentors> <capacity|min-max> [seed]
 * Generates the program, runs the engine (timing each phase), then the greedy baseline, and prints
 * one JSON line (MatchingMeasurement) on standard output. --single-threaded keeps V8's garbage
 * collector and compilers on the main thread, so CPU time is time on one core.
 */
import { matchProgram } from '../../src/domain/matching/index.ts';
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
}

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function main(): void {
  const [mentees, mentors, capacity, seedText] = process.argv.slice(2);
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
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

main();
