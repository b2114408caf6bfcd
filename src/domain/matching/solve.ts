/**
 * The whole-program assignment, exactly optimal, with a proof checked on every run.
 *
 * Objective. 'max_total': first as many mentees matched as possible, then the highest total score.
 * Both at once as one linear program: maximize Σ (M + s_ij) x_ij over allowed pairs, each mentee
 * at most once, each mentor at most its capacity, with M = k·S + 1 (k: the most pairs possible,
 * S: the highest score a pair can have). One more pair is worth M, more than any difference in
 * total score between two assignments (≤ k·S since scores are ≥ 0), so the lexicographic order is
 * kept exactly. The constraint matrix is that of a bipartite graph (totally unimodular), so the
 * linear program has an integral optimum: the assignment problem solved in flow.ts.
 *
 * Candidates and the proof. At 20,000 × 5,000 there are 100 million pairs, too many to hand the
 * solver. Each mentee keeps its best `candidatesPerMentee` mentors and each mentor its best
 * mentees (a few per free place), the solver runs on those, and its dual prices (u per mentee,
 * v per mentor, from the potentials) are then checked against EVERY allowed pair:
 *     u_i ≥ 0, v_j ≥ 0, and u_i + v_j ≥ M + s_ij for every pair not chosen;
 * u_i = 0 for unmatched mentees, v_j = 0 for mentors with room (complementary slackness, which the
 * solver's potentials give). Then the dual objective equals the assignment's value, and by weak
 * duality no assignment over all pairs does better: the result is optimal for the full problem,
 * not just for the candidates. Pairs that fail the check join the candidates and the solver runs
 * again (rarely needed; the result says how many rounds it took). The check reads each pair's
 * score only when a cheap bound cannot settle it: a pair left out scores at most the best score
 * its mentee left out and at most the best its mentor left out.
 *
 * 'max_min' (fairness): the most mentees matched (k*), then the highest lowest score t*, then the
 * highest total among assignments with every score ≥ t*. k* and each threshold's feasibility come
 * from the same solver with every score set to 0 (pure cardinality, checked the same way); t* by
 * binary search over candidate scores, proven by showing that pairs scoring ≥ t* + 1 unit cannot
 * match k* mentees (checked against every pair); then 'max_total' on the pairs scoring ≥ t*.
 *
 * Determinism: people are sorted by person id first and every step is a fixed sequence of
 * operations (ties in the heap resolve by insertion order, candidate ties by index), so the same
 * input in any order gives the same output.
 */
import { type CompiledMatching, compileMatching } from './compile.ts';
import { adminVoice, type BlockerCounts, explainPair, menteeReason, mentorReason } from './explain.ts';
import { solveAssignment } from './flow.ts';
import { pairBlocker, RowScorer } from './kernel.ts';
import type { Blocker, MatchedPair, MatchingInput, MatchingOptions, MatchingResult, UnmatchedPerson } from './types.ts';
import { MatchingInputError } from './types.ts';
import { SCALE } from './compile.ts';

const DEFAULT_CANDIDATES_PER_MENTEE = 12;
const DEFAULT_CANDIDATES_PER_MENTOR_SLOT = 2;
/** Sums of units must stay exact in doubles. */
const EXACT_LIMIT = 2 ** 50;

/** The people still to match: mentees without a mentor, mentors with room (indices into the compiled lists). */
interface Pool {
  mentees: Int32Array;
  mentors: Int32Array;
  /** Compiled mentor index → pool index, -1 when not in the pool. */
  mentorSlot: Int32Array;
  capacity: Int32Array;
  slots: number;
}

/** Candidate pairs, mentee-major (pool indices), sorted by mentor within a mentee, with bounds for pairs left out. */
interface Candidates {
  start: Int32Array;
  mentor: Int32Array;
  units: Int32Array;
  /** Highest score among the mentee's allowed pairs left out (-1: none left out). */
  menteeBound: Float64Array;
  /** Highest score among the mentor's allowed pairs left out of its own list (-1: none). */
  mentorBound: Float64Array;
  allowedPairs: number;
  /** Allowed pairs per pool mentee and per pool mentor (for the reasons of people left unmatched). */
  allowedPerMentee: Int32Array;
  allowedPerMentor: Int32Array;
}

interface Solved {
  /** Pool mentor matched to each pool mentee, -1 when none. */
  matchOf: Int32Array;
  matched: number;
  totalUnits: number;
  minUnits: number;
}

interface Context {
  c: CompiledMatching;
  pool: Pool;
  scorer: RowScorer;
  row: Int32Array;
  rounds: number;
  candidates: Candidates;
  orientation: 'mentees' | 'mentors';
}

function buildPool(c: CompiledMatching): Pool {
  const mentees: number[] = [];
  for (let i = 0; i < c.n; i++) if (c.menteeInPool[i]) mentees.push(i);
  const mentors: number[] = [];
  const mentorSlot = new Int32Array(c.m).fill(-1);
  for (let j = 0; j < c.m; j++) {
    if (!c.mentorPaused[j] && c.mentorRemaining[j]! > 0 && c.mentorSpeaksProgram[j]) {
      mentorSlot[j] = mentors.length;
      mentors.push(j);
    }
  }
  const capacity = new Int32Array(mentors.map((j) => c.mentorRemaining[j]!));
  return { mentees: new Int32Array(mentees), mentors: new Int32Array(mentors), mentorSlot, capacity, slots: capacity.reduce((a, b) => a + b, 0) };
}

/**
 * One pass over every pair: each mentee's best `perMentee` mentors, each mentor's best mentees (a
 * bounded heap of `perSlot` × capacity + 4), and the best score each side leaves out.
 */
function buildCandidates(ctx: Omit<Context, 'candidates' | 'orientation'>, perMentee: number, perSlot: number): Candidates {
  const { pool, scorer, row } = ctx;
  const nP = pool.mentees.length, mP = pool.mentors.length;
  const menteeBound = new Float64Array(nP).fill(-1);
  const mentorBound = new Float64Array(mP).fill(-1);
  const allowedPerMentee = new Int32Array(nP);
  const allowedPerMentor = new Int32Array(mP);
  // Mentor heaps: a min-heap per mentor of (units, mentee) in one flat array; the root is the weakest kept.
  const heapStart = new Int32Array(mP + 1);
  for (let q = 0; q < mP; q++) heapStart[q + 1] = heapStart[q]! + perSlot * pool.capacity[q]! + 4;
  const heapUnits = new Int32Array(heapStart[mP]!);
  const heapMentee = new Int32Array(heapStart[mP]!);
  const heapSize = new Int32Array(mP);
  // Worse = fewer units, or equal units and a later mentee.
  const worse = (u1: number, p1: number, u2: number, p2: number) => u1 < u2 || (u1 === u2 && p1 > p2);
  const siftDown = (base: number, size: number) => {
    let i = 0;
    const u = heapUnits[base]!, pm = heapMentee[base]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && worse(heapUnits[base + child + 1]!, heapMentee[base + child + 1]!, heapUnits[base + child]!, heapMentee[base + child]!)) child++;
      if (!worse(heapUnits[base + child]!, heapMentee[base + child]!, u, pm)) break;
      heapUnits[base + i] = heapUnits[base + child]!;
      heapMentee[base + i] = heapMentee[base + child]!;
      i = child;
    }
    heapUnits[base + i] = u;
    heapMentee[base + i] = pm;
  };

  const topMentor = new Int32Array(perMentee);
  const topUnits = new Int32Array(perMentee);
  const lists: Int32Array[] = new Array(nP);
  const listUnits: Int32Array[] = new Array(nP);
  let allowedPairs = 0;
  for (let p = 0; p < nP; p++) {
    scorer.row(pool.mentees[p]!, row);
    let kept = 0;
    let bound = -1;
    let allowed = 0;
    for (let q = 0; q < mP; q++) {
      const units = row[pool.mentors[q]!]!;
      if (units < 0) continue;
      allowed++;
      allowedPerMentor[q]!++;
      // The mentee's own top list, best first (ties: lower mentor index first, as q increases).
      if (kept < perMentee || units > topUnits[kept - 1]!) {
        if (kept === perMentee) {
          if (topUnits[kept - 1]! > bound) bound = topUnits[kept - 1]!;
          kept--;
        }
        let k = kept++;
        while (k > 0 && topUnits[k - 1]! < units) {
          topUnits[k] = topUnits[k - 1]!;
          topMentor[k] = topMentor[k - 1]!;
          k--;
        }
        topUnits[k] = units;
        topMentor[k] = q;
      } else if (units > bound) bound = units;
      // The mentor's heap.
      const base = heapStart[q]!, size = heapSize[q]!, limit = heapStart[q + 1]! - base;
      if (size < limit) {
        let i = size;
        heapSize[q] = size + 1;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!worse(units, p, heapUnits[base + parent]!, heapMentee[base + parent]!)) break;
          heapUnits[base + i] = heapUnits[base + parent]!;
          heapMentee[base + i] = heapMentee[base + parent]!;
          i = parent;
        }
        heapUnits[base + i] = units;
        heapMentee[base + i] = p;
      } else if (worse(heapUnits[base]!, heapMentee[base]!, units, p)) {
        if (heapUnits[base]! > mentorBound[q]!) mentorBound[q] = heapUnits[base]!;
        heapUnits[base] = units;
        heapMentee[base] = p;
        siftDown(base, size);
      } else if (units > mentorBound[q]!) mentorBound[q] = units;
    }
    allowedPairs += allowed;
    allowedPerMentee[p] = allowed;
    menteeBound[p] = bound;
    lists[p] = topMentor.slice(0, kept);
    listUnits[p] = topUnits.slice(0, kept);
  }
  // Merge the mentors' picks into the mentees' lists.
  const extra: number[][] = Array.from({ length: nP }, () => []);
  for (let q = 0; q < mP; q++) {
    for (let k = heapStart[q]!; k < heapStart[q]! + heapSize[q]!; k++) extra[heapMentee[k]!]!.push(q, heapUnits[k]!);
  }
  const pairs: Array<Array<[number, number]>> = lists.map((list, p) => {
    const byMentor = new Map<number, number>();
    list.forEach((q, k) => byMentor.set(q, listUnits[p]![k]!));
    const more = extra[p]!;
    for (let k = 0; k < more.length; k += 2) byMentor.set(more[k]!, more[k + 1]!);
    return [...byMentor].sort((a, b) => a[0] - b[0]);
  });
  return { ...toCsr(pairs), menteeBound, mentorBound, allowedPairs, allowedPerMentee, allowedPerMentor };
}

function toCsr(pairs: Array<Array<[number, number]>>): { start: Int32Array; mentor: Int32Array; units: Int32Array } {
  const start = new Int32Array(pairs.length + 1);
  pairs.forEach((list, p) => (start[p + 1] = start[p]! + list.length));
  const mentor = new Int32Array(start[pairs.length]!);
  const units = new Int32Array(start[pairs.length]!);
  pairs.forEach((list, p) => list.forEach(([q, u], k) => {
    mentor[start[p]! + k] = q;
    units[start[p]! + k] = u;
  }));
  return { start, mentor, units };
}

function addCandidates(candidates: Candidates, found: Array<[number, number, number]>): Candidates {
  const nP = candidates.start.length - 1;
  const pairs: Array<Array<[number, number]>> = [];
  for (let p = 0; p < nP; p++) {
    const list: Array<[number, number]> = [];
    for (let k = candidates.start[p]!; k < candidates.start[p + 1]!; k++) list.push([candidates.mentor[k]!, candidates.units[k]!]);
    pairs.push(list);
  }
  for (const [p, q, units] of found) pairs[p]!.push([q, units]);
  for (const list of pairs) list.sort((a, b) => a[0] - b[0]);
  return { ...candidates, ...toCsr(pairs) };
}

/** What a run optimizes: pairs scoring at least `threshold` units; their scores, or (flat) nothing but their number. */
interface Goal {
  threshold: number;
  flat: boolean;
}

/**
 * Solves on the candidates, checks the dual prices against every allowed pair meeting the goal's
 * threshold, adds the pairs that fail and solves again until none does.
 */
function certifiedSolve(ctx: Context, goal: Goal): Solved {
  const { pool, c } = ctx;
  const nP = pool.mentees.length;
  const most = Math.min(nP, pool.slots);
  const best = goal.flat ? 0 : c.maxUnits;
  const bigM = most * best + 1;
  if (bigM + best > EXACT_LIMIT / 4) throw new MatchingInputError('program too large for exact arithmetic');
  const D = bigM + best;
  for (;;) {
    ctx.rounds++;
    const { matchOf, u, v } = solveOnCandidates(ctx, goal, best, D);
    checkSlackness(ctx, goal, matchOf, u, v, bigM);
    const violations = checkDuals(ctx, goal, u, v, bigM);
    if (violations.length === 0) {
      let matched = 0, totalUnits = 0, minUnits = Infinity;
      for (let p = 0; p < nP; p++) {
        const q = matchOf[p]!;
        if (q < 0) continue;
        matched++;
        const units = unitsOf(ctx.candidates, p, q);
        totalUnits += units;
        if (units < minUnits) minUnits = units;
      }
      return { matchOf, matched, totalUnits, minUnits: matched > 0 ? minUnits : 0 };
    }
    ctx.candidates = addCandidates(ctx.candidates, violations);
  }
}

/**
 * The half of the proof that concerns the candidates themselves (the solver guarantees it; it is
 * checked anyway, so that a bug would fail loudly rather than return a wrong "optimal" answer):
 * prices ≥ 0; unmatched mentees and mentors with room priced 0; u + v ≤ value on chosen pairs and
 * ≥ value on the other candidates. With checkDuals covering the pairs outside the candidates, the
 * dual objective Σu + Σ capacity·v + Σ (value − u − v over chosen pairs) equals the assignment's
 * value: optimal.
 */
function checkSlackness(ctx: Context, goal: Goal, matchOf: Int32Array, u: Float64Array, v: Float64Array, bigM: number): void {
  const { pool, candidates } = ctx;
  const used = new Int32Array(pool.mentors.length);
  const fail = (what: string) => {
    throw new Error(`internal: the assignment's optimality proof failed (${what})`);
  };
  for (let p = 0; p < pool.mentees.length; p++) {
    const matched = matchOf[p]!;
    if (u[p]! < 0 || (matched < 0 && u[p] !== 0)) fail(`mentee price ${u[p]}`);
    if (matched >= 0) used[matched]!++;
    for (let k = candidates.start[p]!; k < candidates.start[p + 1]!; k++) {
      const units = candidates.units[k]!;
      if (units < goal.threshold) continue;
      const q = candidates.mentor[k]!;
      const value = bigM + (goal.flat ? 0 : units);
      const prices = u[p]! + v[q]!;
      if (q === matched ? prices > value : prices < value) fail(`pair ${p}–${q}`);
    }
  }
  for (let q = 0; q < pool.mentors.length; q++) {
    if (used[q]! > pool.capacity[q]!) fail(`capacity of ${q}`);
    if (v[q]! < 0 || (used[q]! < pool.capacity[q]! && v[q] !== 0)) fail(`mentor price ${v[q]}`);
  }
}

function unitsOf(candidates: Candidates, p: number, q: number): number {
  let lo = candidates.start[p]!, hi = candidates.start[p + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = candidates.mentor[mid]!;
    if (m === q) return candidates.units[mid]!;
    if (m < q) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`pair (${p}, ${q}) is not a candidate`);
}

/** One solver run on the candidates meeting the goal; returns the match and the dual prices (u per pool mentee, v per pool mentor). */
function solveOnCandidates(ctx: Context, goal: Goal, best: number, D: number): { matchOf: Int32Array; u: Float64Array; v: Float64Array } {
  const { pool, candidates } = ctx;
  const nP = pool.mentees.length, mP = pool.mentors.length;
  const byMentees = ctx.orientation === 'mentees';
  // Arcs (mentee-major or mentor-major) with cost = best − score (≥ 0).
  const rows = byMentees ? nP : mP;
  const arcStart = new Int32Array(rows + 1);
  for (let p = 0; p < nP; p++) {
    for (let k = candidates.start[p]!; k < candidates.start[p + 1]!; k++) {
      if (candidates.units[k]! < goal.threshold) continue;
      arcStart[(byMentees ? p : candidates.mentor[k]!) + 1]!++;
    }
  }
  for (let r = 0; r < rows; r++) arcStart[r + 1]! += arcStart[r]!;
  const arcs = arcStart[rows]!;
  const arcCol = new Int32Array(arcs);
  const arcCost = new Float64Array(arcs);
  const arcMentee = new Int32Array(arcs); // to read the result back
  const fill = arcStart.slice(0, rows);
  for (let p = 0; p < nP; p++) {
    for (let k = candidates.start[p]!; k < candidates.start[p + 1]!; k++) {
      if (candidates.units[k]! < goal.threshold) continue;
      const q = candidates.mentor[k]!;
      const slot = fill[byMentees ? p : q]!++;
      arcCol[slot] = byMentees ? q : p;
      arcCost[slot] = goal.flat ? 0 : best - candidates.units[k]!;
      arcMentee[slot] = p;
    }
  }
  const solution = solveAssignment({
    rows, cols: byMentees ? mP : nP,
    rowUnits: byMentees ? new Int32Array(nP).fill(1) : pool.capacity,
    colCapacity: byMentees ? pool.capacity : new Int32Array(nP).fill(1),
    arcStart, arcCol, arcCost, dummyCost: D,
  });
  const matchOf = new Int32Array(nP).fill(-1);
  for (let r = 0; r < rows; r++) {
    for (let a = arcStart[r]!; a < arcStart[r + 1]!; a++) {
      if (solution.arcFlow[a]) matchOf[arcMentee[a]!] = byMentees ? arcCol[a]! : r;
    }
  }
  // Duals: rows D + π, columns −π (see flow.ts).
  const rowDual = solution.rowPotential.map((x) => D + x);
  const colDual = solution.colPotential.map((x) => -x);
  return { matchOf, u: byMentees ? rowDual : colDual, v: byMentees ? colDual : rowDual };
}

/**
 * The optimality check over every allowed pair meeting the goal: returns the pairs (pool mentee,
 * pool mentor, units) whose u + v falls short of their value. Also checks u, v ≥ 0.
 */
function checkDuals(ctx: Context, goal: Goal, u: Float64Array, v: Float64Array, bigM: number): Array<[number, number, number]> {
  const { pool, candidates, scorer, row } = ctx;
  const nP = pool.mentees.length, mP = pool.mentors.length;
  let minV = Infinity;
  for (let q = 0; q < mP; q++) {
    if (v[q]! < 0) throw new Error('internal: negative mentor price');
    if (v[q]! < minV) minV = v[q]!;
  }
  if (mP === 0) return [];
  const value = (units: number) => bigM + (goal.flat ? 0 : units);
  const mark = new Int32Array(mP).fill(-1);
  const violations: Array<[number, number, number]> = [];
  for (let p = 0; p < nP; p++) {
    if (u[p]! < 0) throw new Error('internal: negative mentee price');
    const bound = candidates.menteeBound[p]!;
    if (bound < goal.threshold) continue; // nothing left out could count
    if (u[p]! + minV >= value(bound)) continue;
    for (let k = candidates.start[p]!; k < candidates.start[p + 1]!; k++) mark[candidates.mentor[k]!] = p;
    let scored = false;
    for (let q = 0; q < mP; q++) {
      if (mark[q] === p) continue;
      const limit = Math.min(bound, candidates.mentorBound[q]!);
      if (limit < goal.threshold || u[p]! + v[q]! >= value(limit)) continue;
      if (!scored) {
        scorer.row(pool.mentees[p]!, row);
        scored = true;
      }
      const units = row[pool.mentors[q]!]!;
      if (units < goal.threshold) continue; // not allowed (−1), or under the threshold
      if (u[p]! + v[q]! < value(units)) violations.push([p, q, units]);
    }
  }
  return violations;
}

/** Distinct candidate scores ≥ `from`, ascending. */
function candidateScores(candidates: Candidates, from: number): number[] {
  const values = new Set<number>();
  for (let k = 0; k < candidates.units.length; k++) if (candidates.units[k]! >= from) values.add(candidates.units[k]!);
  return [...values].sort((a, b) => a - b);
}

/** 'max_min': returns the threshold t* (units) every proposal meets; see the file's comment. */
function bottleneck(ctx: Context): number {
  const floor = ctx.c.minimumUnits;
  const most = certifiedSolve(ctx, { threshold: floor, flat: true }).matched;
  if (most === 0) return floor;
  // Largest threshold at which the candidates still match `most`; candidates only grow, so a
  // threshold feasible once stays feasible.
  let t = floor;
  for (;;) {
    const scores = candidateScores(ctx.candidates, t + 1);
    let lo = 0, hi = scores.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const probe = solveOnCandidates(ctx, { threshold: scores[mid]!, flat: true }, 0, 1);
      if (countMatched(probe.matchOf) === most) {
        t = scores[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Proof that t + 1 unit cannot match `most` over all pairs (the check may add candidates that can).
    if (certifiedSolve(ctx, { threshold: t + 1, flat: true }).matched < most) return t;
  }
}

function countMatched(matchOf: Int32Array): number {
  let count = 0;
  for (const q of matchOf) if (q >= 0) count++;
  return count;
}

/** Counts, for one mentee, how the mentors were ruled out (all mentors, or only those with room at the end). */
function menteeBlockers(c: CompiledMatching, i: number, scorer: RowScorer, row: Int32Array, onlyRoomy: Int32Array | null): BlockerCounts {
  const counts: BlockerCounts = {};
  const add = (blocker: Blocker) => (counts[blocker] = (counts[blocker] ?? 0) + 1);
  scorer.row(i, row);
  const mentors = onlyRoomy ?? null;
  const visit = (j: number) => {
    if (row[j]! >= 0) return;
    add(pairBlocker(c, i, j) ?? 'full');
  };
  if (mentors) for (const j of mentors) visit(j);
  else for (let j = 0; j < c.m; j++) visit(j);
  return counts;
}

export function matchProgram(input: MatchingInput, options: MatchingOptions = {}): MatchingResult {
  const phase = options.onPhase ?? (() => undefined);
  phase('compile');
  const c = compileMatching(input);
  const pool = buildPool(c);
  const scorer = new RowScorer(c);
  const row = new Int32Array(c.m);
  phase('candidates');
  const base = { c, pool, scorer, row, rounds: 0 };
  const candidates = buildCandidates(base, Math.max(1, options.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE), Math.max(0, options.candidatesPerMentorSlot ?? DEFAULT_CANDIDATES_PER_MENTOR_SLOT));
  const ctx: Context = { ...base, candidates, orientation: pool.mentees.length <= pool.slots ? 'mentees' : 'mentors' };
  phase('solve');
  const threshold = c.config.objective === 'max_min' ? bottleneck(ctx) : c.minimumUnits;
  const solved = certifiedSolve(ctx, { threshold, flat: false });

  phase('explain');
  const pairs: MatchedPair[] = [];
  const voiceFor = (i: number) => adminVoice(c.mentees[i]!.name);
  for (const { mentee, mentor } of c.published) pairs.push({ ...explainPair(c, mentee, mentor, voiceFor(mentee)), source: 'published' });
  for (const { mentee, mentor } of c.locked) pairs.push({ ...explainPair(c, mentee, mentor, voiceFor(mentee)), source: 'locked' });
  const taken = new Int32Array(c.m);
  for (const { mentor } of [...c.published, ...c.locked]) taken[mentor]!++;
  for (let p = 0; p < pool.mentees.length; p++) {
    const q = solved.matchOf[p]!;
    if (q < 0) continue;
    const i = pool.mentees[p]!, j = pool.mentors[q]!;
    taken[j]!++;
    pairs.push({ ...explainPair(c, i, j, voiceFor(i)), source: 'proposed' });
  }

  // Reasons for the people left out.
  const roomy: number[] = [];
  for (let q = 0; q < pool.mentors.length; q++) {
    const j = pool.mentors[q]!;
    if (taken[j]! < c.mentorCapacity[j]!) roomy.push(j);
  }
  const roomyMentors = new Int32Array(roomy);
  const unmatchedMentees: UnmatchedPerson[] = [];
  for (let p = 0; p < pool.mentees.length; p++) {
    if (solved.matchOf[p]! >= 0) continue;
    const i = pool.mentees[p]!;
    const eligible = ctx.candidates.allowedPerMentee[p]!;
    const roomyCounts = menteeBlockers(c, i, scorer, row, roomyMentors);
    const all = eligible > 0 ? {} : menteeBlockers(c, i, scorer, row, null);
    // Mentors who could take the mentee but are full by now (paused ones never could).
    const blockers = eligible > 0 ? roomyCounts : all;
    unmatchedMentees.push({
      personId: c.mentees[i]!.personId, name: c.mentees[i]!.name, side: 'mentee',
      reason: c.m === 0 ? 'no_mentors' : eligible > 0 ? 'taken' : 'blocked',
      explanation: menteeReason(c, i, eligible, roomyCounts, all),
      blockers, takenCandidates: eligible,
    });
  }
  const unmatchedMentors: UnmatchedPerson[] = [];
  for (let j = 0; j < c.m; j++) {
    if (taken[j]! > 0) continue;
    const q = pool.mentorSlot[j]!;
    const eligible = q >= 0 ? ctx.candidates.allowedPerMentor[q]! : 0;
    const counts: BlockerCounts = {};
    const languages = new Set<number>();
    if (q >= 0 && eligible === 0) {
      for (const i of pool.mentees) {
        const blocker = pairBlocker(c, i, j);
        if (!blocker) continue;
        counts[blocker] = (counts[blocker] ?? 0) + 1;
        if (blocker === 'mentee_language') languages.add(c.menteeRequiredLanguage[i]!);
      }
    }
    const { reason, text } = mentorReason(c, j, pool.mentees.length, eligible, counts, languages);
    unmatchedMentors.push({ personId: c.mentors[j]!.personId, name: c.mentors[j]!.name, side: 'mentor', reason, explanation: text, blockers: counts, takenCandidates: eligible });
  }

  const order = { published: 0, locked: 1, proposed: 2 };
  pairs.sort((a, b) => order[a.source] - order[b.source] || compare(a.menteeId, b.menteeId) || compare(a.mentorId, b.mentorId));
  return {
    pairs, unmatchedMentees, unmatchedMentors, rejectedLocks: c.rejectedLocks,
    objective: {
      kind: c.config.objective, matched: solved.matched, totalScore: solved.totalUnits / SCALE,
      minScore: solved.matched > 0 ? solved.minUnits / SCALE : null,
    },
    proof: {
      certified: true, allowedPairs: ctx.candidates.allowedPairs, candidatePairs: ctx.candidates.units.length, rounds: ctx.rounds, orientation: ctx.orientation,
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

