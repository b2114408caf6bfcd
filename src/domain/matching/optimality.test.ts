/**
 * Optimality against an independent solver: HiGHS (compiled to WebAssembly, npm `highs`) solves
 * the same assignment as a linear program, and the engine's objective must equal its optimum to
 * within 1e-6. The instance (which pairs are allowed, their scores, the capacities left) is read
 * from the engine's compiled program; the optimization is HiGHS's alone.
 *
 * The LP: x_ij ∈ [0, 1] for each allowed pair; Σ_j x_ij ≤ 1 per mentee; Σ_i x_ij ≤ capacity left
 * per mentor; maximize Σ (M + s_ij) x_ij with M = k·S + 1 (k: most pairs possible, S: the highest
 * score a pair can have), which ranks matching one more mentee above any total score. Bipartite
 * constraints make the LP's vertices integral; the simplex returns one. 'max_min' is checked the
 * same way: the most pairs (LP with unit values), the highest threshold t at which pairs scoring
 * ≥ t still match that many (LP per threshold, binary search), then the best total above t.
 *
 * Bigger programs belong in the benchmark (npm run bench -- matching).
 */
import * as highsModule from 'highs';
import type { Highs, Model } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatching, matchProgram, RowScorer, SCALE, type MatchingInput } from './index.ts';
import { randomProgram } from './test-programs.ts';

// highs ships one declaration file, written as CommonJS, for its ES module too: under NodeNext
// TypeScript sees the default export one level down. At run time Node loads the ES module.
const highsLoader = ((highsModule as unknown as { default: { default?: unknown } }).default.default ?? highsModule.default) as unknown as () => Promise<Highs>;
let highs: Highs;
/** One HiGHS model, loaded with each LP in turn (creating one per LP costs more than small solves). */
let model: Model;
beforeAll(async () => {
  highs = await highsLoader();
  model = highs.createModel();
  model.options.set({ output_flag: false, solver: 'simplex' });
});
afterAll(() => model.dispose());

interface Instance {
  /** Allowed pairs: mentee index, mentor index, score in units. */
  pairs: Array<[number, number, number]>;
  capacity: (mentor: number) => number;
  /** The most pairs any assignment could have, and the highest pair score, in units. */
  most: number;
  maxUnits: number;
}

function instance(input: MatchingInput): Instance {
  const c = compileMatching(input);
  const scorer = new RowScorer(c);
  const row = new Int32Array(c.m);
  const pairs: Array<[number, number, number]> = [];
  let mentees = 0;
  for (let i = 0; i < c.n; i++) {
    if (!c.menteeInPool[i]) continue;
    mentees++;
    scorer.row(i, row);
    for (let j = 0; j < c.m; j++) if (row[j]! >= 0) pairs.push([i, j, row[j]!]);
  }
  let slots = 0;
  for (let j = 0; j < c.m; j++) if (!c.mentorPaused[j]) slots += c.mentorRemaining[j]!;
  return { pairs, capacity: (j) => c.mentorRemaining[j]!, most: Math.min(mentees, slots), maxUnits: c.maxUnits };
}

/** Solves max Σ value(s) x over the pairs; returns the pairs chosen (x rounded from an integral vertex). */
function solveLp(pairs: Instance['pairs'], capacity: Instance['capacity'], value: (units: number) => number): Instance['pairs'] {
  if (pairs.length === 0) return [];
  // Rows: one per mentee (≤ 1), then one per mentor (≤ capacity left); each pair's column has a 1 in both.
  const menteeRow = new Map<number, number>();
  const mentorRow = new Map<number, number>();
  for (const [i] of pairs) if (!menteeRow.has(i)) menteeRow.set(i, menteeRow.size);
  for (const [, j] of pairs) if (!mentorRow.has(j)) mentorRow.set(j, menteeRow.size + mentorRow.size);
  const numRows = menteeRow.size + mentorRow.size;
  const indices = new Int32Array(2 * pairs.length);
  pairs.forEach(([i, j], k) => {
    indices[2 * k] = menteeRow.get(i)!;
    indices[2 * k + 1] = mentorRow.get(j)!;
  });
  const rowUpper = new Float64Array(numRows);
  for (const [, row] of menteeRow) rowUpper[row] = 1;
  for (const [j, row] of mentorRow) rowUpper[row] = capacity(j);
  model.passModel({
    numCols: pairs.length, numRows, sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(pairs, ([, , u]) => value(u)),
    colLower: new Float64Array(pairs.length), colUpper: new Float64Array(pairs.length).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity), rowUpper,
    matrix: {
      format: 'csc', numRows, numCols: pairs.length,
      starts: Int32Array.from({ length: pairs.length + 1 }, (_, k) => 2 * k), indices, values: new Float64Array(2 * pairs.length).fill(1),
    },
  });
  model.run();
  expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
  const x = model.getSolution().colValue;
  const chosen = pairs.filter((_, k) => x[k]! > 0.5);
  // An integral vertex, as the bipartite structure promises.
  for (let k = 0; k < pairs.length; k++) if (Math.abs(x[k]! - Math.round(x[k]!)) > 1e-6) throw new Error(`fractional x = ${x[k]}`);
  return chosen;
}

const total = (chosen: Instance['pairs']) => chosen.reduce((sum, [, , u]) => sum + u, 0) / SCALE;

function highsMaxTotal(input: MatchingInput) {
  const { pairs, capacity, most, maxUnits } = instance(input);
  const bigM = most * (maxUnits / SCALE) + 1;
  const chosen = solveLp(pairs, capacity, (u) => bigM + u / SCALE);
  return { matched: chosen.length, totalScore: total(chosen), variables: pairs.length };
}

function highsMaxMin(input: MatchingInput) {
  const { pairs, capacity, maxUnits } = instance(input);
  const most = solveLp(pairs, capacity, () => 1).length;
  const scores = [...new Set(pairs.map(([, , u]) => u))].sort((a, b) => a - b);
  let threshold = 0;
  for (let lo = 0, hi = scores.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (solveLp(pairs.filter(([, , u]) => u >= scores[mid]!), capacity, () => 1).length === most) {
      threshold = scores[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const bigM = most * (maxUnits / SCALE) + 1;
  const chosen = solveLp(pairs.filter(([, , u]) => u >= threshold), capacity, (u) => bigM + u / SCALE);
  return { matched: chosen.length, totalScore: total(chosen), minScore: most === 0 ? null : threshold / SCALE };
}

/** [mentees, mentors, how many programs, largest capacity] */
const SIZES: Array<[number, number, number, number]> = [[3, 2, 50, 2], [8, 5, 50, 3], [20, 12, 40, 3], [60, 30, 12, 4], [150, 100, 2, 3], [300, 250, 1, 2]];

describe('optimal, by the objective HiGHS finds', () => {
  for (const [mentees, mentors, count, maxCapacity] of SIZES) {
    it(`max_total: ${count} programs of ${mentees} mentees × ${mentors} mentors`, () => {
      for (let k = 0; k < count; k++) {
        const seed = 7919 * k + mentees * 31 + mentors;
        const input = randomProgram(seed, { mentees, mentors, maxCapacity, objective: 'max_total', randomWeights: k % 2 === 1, constraintRate: [0.05, 0.15, 0.4][k % 3] });
        const expected = highsMaxTotal(input);
        // Few candidates per mentee (so the optimality check has work to do), and the defaults.
        for (const options of [{ candidatesPerMentee: 1, candidatesPerMentorSlot: 0 }, {}]) {
          const result = matchProgram(input, options);
          expect({ seed, matched: result.objective.matched }).toEqual({ seed, matched: expected.matched });
          expect(Math.abs(result.objective.totalScore - expected.totalScore), `seed ${seed}`).toBeLessThanOrEqual(1e-6);
        }
      }
    });
  }

  for (const [mentees, mentors, count, maxCapacity] of SIZES.slice(0, 4).map(([a, b, count, d]) => [a, b, Math.ceil(count / 2), d] as const)) {
    it(`max_min: ${count} programs of ${mentees} mentees × ${mentors} mentors`, () => {
      for (let k = 0; k < count; k++) {
        const seed = 104729 * k + mentees;
        const input = randomProgram(seed, { mentees, mentors, maxCapacity, objective: 'max_min', randomWeights: k % 2 === 0 });
        const expected = highsMaxMin(input);
        const result = matchProgram(input, k % 2 === 0 ? { candidatesPerMentee: 1, candidatesPerMentorSlot: 0 } : {});
        expect({ seed, matched: result.objective.matched, minScore: result.objective.minScore }).toEqual({ seed, matched: expected.matched, minScore: expected.minScore });
        expect(Math.abs(result.objective.totalScore - expected.totalScore), `seed ${seed}`).toBeLessThanOrEqual(1e-6);
      }
    });
  }
});
