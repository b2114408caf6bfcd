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
 * solver. One pass scores every pair once and keeps, per mentee, its best mentors (the first
 * `candidatesPerMentee` become candidates, the next ones a scored "reserve") and, per mentor, its
 * best mentees (a few per free place, also candidates), and for each side the best score it left
 * out. The solver runs on the candidates; its dual prices (u per mentee, v per mentor, from the
 * potentials) are then checked against EVERY allowed pair:
 *     u_i ≥ 0, v_j ≥ 0, and u_i + v_j ≥ M + s_ij for every pair not chosen,
 *     u_i + v_j ≤ M + s_ij for chosen pairs, u_i = 0 for unmatched mentees, v_j = 0 for mentors with room.
 * The first line is dual feasibility (with a slack per chosen pair for the x_ij ≤ 1 bound), the
 * second complementary slackness: together the dual objective equals the assignment's value, and
 * by weak duality no assignment over all pairs does better. The result is optimal for the whole
 * problem, not just for the candidates.
 *
 * Rounds. Pairs that fail join the candidates (the most underpriced few per mentee per round, since
 * prices move once they are in) and the solver runs again. A round first checks only what is
 * already scored (candidates and reserves); only when those pass does it check every pair — there
 * a pair left out scores at most the best its mentee left out and at most the best its mentor left
 * out, so only mentors priced below (that bound − u_i) can fail: mentors are scanned in ascending
 * price and the scan stops at the first that cannot, and a pair is scored only when both bounds
 * fail to settle it (those scores join the reserve). The proof says how many rounds and full
 * checks it took, and how many pairs had to be scored again.
 *
 * 'max_min' (fairness): the most mentees matched (k*), then the highest lowest score t*, then the
 * highest total among assignments with every score ≥ t*. k* and each threshold's feasibility come
 * from the same solver with every score set to 0 (pure cardinality, checked the same way); t* by
 * binary search over candidate scores, proven by showing that pairs scoring ≥ t* + 1 unit cannot
 * match k* mentees (checked against every pair); then 'max_total' on the pairs scoring ≥ t*.
 *
 * Determinism: people are sorted by person id first and every step is a fixed sequence of
 * operations (ties in the solver's heap resolve by insertion order, candidate ties by a fixed
 * order per person — see tieStart), so the same input in any order gives the same output.
 */
import { type CompiledMatching, compileMatching } from './compile.ts';
import { adminVoice, type BlockerCounts, explainPair, menteeReason, mentorReason } from './explain.ts';
import { solveAssignment } from './flow.ts';
import { RowScorer } from './kernel.ts';
import type { MatchedPair, MatchingInput, MatchingOptions, MatchingResult, UnmatchedPerson } from './types.ts';
import { MatchingInputError } from './types.ts';
import { SCALE } from './compile.ts';

// Tuned on the benchmark's programs (2,000 × 500 to 20,000 × 5,000); any values give the same,
// proven optimum — they only change how many rounds it takes.

const DEFAULT_CANDIDATES_PER_MENTEE = 12;
const DEFAULT_CANDIDATES_PER_MENTOR_SLOT = 2;
/** Each mentee's best `candidatesPerMentee × RESERVE_FACTOR` mentors are scored once and kept: the solver's candidates, then a reserve the optimality check reads instead of scoring again. */
const RESERVE_FACTOR = 6;
/** Pairs a mentee may gain per round of the check. */
const ADDED_PER_MENTEE = 4;
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
  /** The mentee's next best mentors after its candidates, scored (CSR like the candidates, best first): the check reads these instead of scoring again. */
  reserveStart: Int32Array;
  reserveMentor: Int32Array;
  reserveUnits: Int32Array;
  /** Highest score among the mentee's allowed pairs in neither its candidates nor its reserve (-1: none). */
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
  /** Pairs the check had to score again. */
  rescored: number;
  /** Checks against every pair (the others read only the reserves). */
  fullChecks: number;
  /** Shortest-path searches the solver ran. */
  searches: number;
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
  const tracked = perMentee * RESERVE_FACTOR;
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
  // Worse = fewer units, or equal units and later in the mentor's tie order (see tieRank).
  const worse = (q: number, u1: number, p1: number, u2: number, p2: number) =>
    u1 < u2 || (u1 === u2 && tieRank(p1, q, mP, nP) > tieRank(p2, q, mP, nP));
  const siftDown = (q: number, base: number, size: number) => {
    let i = 0;
    const u = heapUnits[base]!, pm = heapMentee[base]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && worse(q, heapUnits[base + child + 1]!, heapMentee[base + child + 1]!, heapUnits[base + child]!, heapMentee[base + child]!)) child++;
      if (!worse(q, heapUnits[base + child]!, heapMentee[base + child]!, u, pm)) break;
      heapUnits[base + i] = heapUnits[base + child]!;
      heapMentee[base + i] = heapMentee[base + child]!;
      i = child;
    }
    heapUnits[base + i] = u;
    heapMentee[base + i] = pm;
  };

  // Each mentee's best `tracked` mentors, best first (ties in the mentee's tie order): the first
  // `perMentee` become candidates, the rest its reserve.
  const allowedUnits = new Int32Array(mP);
  const allowedMentor = new Int32Array(mP);
  const scratch = new Int32Array(mP);
  const order = new Int32Array(mP);
  const topStart = new Int32Array(nP + 1);
  let topAll = new Int32Array(Math.min(nP * tracked, 1 << 20));
  let topAllUnits = new Int32Array(topAll.length);
  let allowedPairs = 0;
  for (let p = 0; p < nP; p++) {
    scorer.row(pool.mentees[p]!, row);
    let allowed = 0;
    for (let q = 0; q < mP; q++) {
      const units = row[pool.mentors[q]!]!;
      if (units < 0) continue;
      allowedUnits[allowed] = units;
      allowedMentor[allowed++] = q;
      allowedPerMentor[q]!++;
      // The mentor's heap.
      const base = heapStart[q]!, size = heapSize[q]!, limit = heapStart[q + 1]! - base;
      if (size === limit) {
        if (units < heapUnits[base]! || (units === heapUnits[base]! && !worse(q, heapUnits[base]!, heapMentee[base]!, units, p))) {
          if (units > mentorBound[q]!) mentorBound[q] = units;
          continue;
        }
        if (heapUnits[base]! > mentorBound[q]!) mentorBound[q] = heapUnits[base]!;
        heapUnits[base] = units;
        heapMentee[base] = p;
        siftDown(q, base, size);
      } else {
        let i = size;
        heapSize[q] = size + 1;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!worse(q, units, p, heapUnits[base + parent]!, heapMentee[base + parent]!)) break;
          heapUnits[base + i] = heapUnits[base + parent]!;
          heapMentee[base + i] = heapMentee[base + parent]!;
          i = parent;
        }
        heapUnits[base + i] = units;
        heapMentee[base + i] = p;
      }
    }
    allowedPairs += allowed;
    allowedPerMentee[p] = allowed;
    // Keep the best `tracked`: everything above the tracked-th best score, then ties at it in the
    // mentee's tie order (allowed mentors are in index order: start where that order starts, wrap).
    let kept = 0;
    let bound = -1;
    if (allowed <= tracked) {
      for (let k = 0; k < allowed; k++) order[kept++] = k;
    } else {
      scratch.set(allowedUnits.subarray(0, allowed));
      const cut = kthLargest(scratch, allowed, tracked);
      let above = 0;
      for (let k = 0; k < allowed; k++) if (allowedUnits[k]! > cut) above++;
      let ties = tracked - above;
      let first = 0;
      const from = tieStart(p, nP, mP);
      while (first < allowed && allowedMentor[first]! < from) first++;
      for (let step = 0; step < allowed; step++) {
        const k = (first + step) % allowed;
        const units = allowedUnits[k]!;
        if (units > cut || (units === cut && ties-- > 0)) order[kept++] = k;
        else if (units > bound) bound = units;
      }
    }
    const chosen = order.subarray(0, kept);
    chosen.sort((a, b) => allowedUnits[b]! - allowedUnits[a]! || tieRank(allowedMentor[a]!, p, nP, mP) - tieRank(allowedMentor[b]!, p, nP, mP));
    menteeBound[p] = bound;
    if (topStart[p]! + kept > topAll.length) {
      const bigger = new Int32Array(Math.max(topAll.length * 2, topStart[p]! + kept));
      bigger.set(topAll);
      topAll = bigger;
      const biggerUnits = new Int32Array(bigger.length);
      biggerUnits.set(topAllUnits);
      topAllUnits = biggerUnits;
    }
    for (let k = 0; k < kept; k++) {
      topAll[topStart[p]! + k] = allowedMentor[chosen[k]!]!;
      topAllUnits[topStart[p]! + k] = allowedUnits[chosen[k]!]!;
    }
    topStart[p + 1] = topStart[p]! + kept;
  }
  // Candidates: each mentee's first `perMentee`, and the mentors' picks. Reserve: the rest of the
  // mentee's list.
  const picksStart = new Int32Array(nP + 1);
  for (let q = 0; q < mP; q++) for (let k = heapStart[q]!; k < heapStart[q]! + heapSize[q]!; k++) picksStart[heapMentee[k]! + 1]!++;
  for (let p = 0; p < nP; p++) picksStart[p + 1]! += picksStart[p]!;
  const picksMentor = new Int32Array(picksStart[nP]!);
  const picksUnits = new Int32Array(picksStart[nP]!);
  const pickAt = picksStart.slice(0, nP);
  for (let q = 0; q < mP; q++) {
    for (let k = heapStart[q]!; k < heapStart[q]! + heapSize[q]!; k++) {
      const p = heapMentee[k]!;
      picksMentor[pickAt[p]!] = q;
      picksUnits[pickAt[p]!++] = heapUnits[k]!;
    }
  }
  const start = new Int32Array(nP + 1);
  const reserveStart = new Int32Array(nP + 1);
  const mark = new Int32Array(mP).fill(-1);
  for (let p = 0; p < nP; p++) {
    const from = topStart[p]!, to = topStart[p + 1]!, own = Math.min(to, from + perMentee);
    let count = own - from;
    for (let k = from; k < own; k++) mark[topAll[k]!] = p;
    for (let k = picksStart[p]!; k < picksStart[p + 1]!; k++) {
      if (mark[picksMentor[k]!] !== p) {
        mark[picksMentor[k]!] = p;
        count++;
      }
    }
    start[p + 1] = start[p]! + count;
    let rest = 0;
    for (let k = own; k < to; k++) if (mark[topAll[k]!] !== p) rest++;
    reserveStart[p + 1] = reserveStart[p]! + rest;
  }
  const mentor = new Int32Array(start[nP]!);
  const units = new Int32Array(start[nP]!);
  const reserveMentor = new Int32Array(reserveStart[nP]!);
  const reserveUnits = new Int32Array(reserveStart[nP]!);
  mark.fill(-1);
  for (let p = 0; p < nP; p++) {
    const from = topStart[p]!, to = topStart[p + 1]!, own = Math.min(to, from + perMentee);
    let at = start[p]!;
    for (let k = from; k < own; k++) {
      mark[topAll[k]!] = p;
      mentor[at] = topAll[k]!;
      units[at++] = topAllUnits[k]!;
    }
    for (let k = picksStart[p]!; k < picksStart[p + 1]!; k++) {
      if (mark[picksMentor[k]!] === p) continue;
      mark[picksMentor[k]!] = p;
      mentor[at] = picksMentor[k]!;
      units[at++] = picksUnits[k]!;
    }
    sortSegment(mentor, units, start[p]!, start[p + 1]!);
    let r = reserveStart[p]!;
    for (let k = own; k < to; k++) {
      if (mark[topAll[k]!] === p) continue;
      reserveMentor[r] = topAll[k]!;
      reserveUnits[r++] = topAllUnits[k]!;
    }
  }
  return { start, mentor, units, reserveStart, reserveMentor, reserveUnits, menteeBound, mentorBound, allowedPairs, allowedPerMentee, allowedPerMentor };
}

/**
 * Ties between equal scores are broken in a fixed order that differs from person to person: mentee
 * p's order over mentors starts at mentor tieStart(p) and wraps around, and likewise for mentors
 * over mentees. Breaking every tie towards the lowest index instead would hand every mentee the
 * same few mentors as candidates when many scores are equal (identical profiles), and the check
 * would then need hundreds of rounds to spread them out.
 */
function tieStart(self: number, selves: number, others: number): number {
  return selves === 0 ? 0 : Math.floor((self * others) / selves);
}

/** Position of `other` in the tie order of `self` (one of `selves`, over `others`). */
function tieRank(other: number, self: number, selves: number, others: number): number {
  return (other - tieStart(self, selves, others) + others) % others;
}

/** The k-th largest of a[0, n) (1 ≤ k ≤ n), rearranging a: quickselect with a median-of-three pivot (deterministic). */
function kthLargest(a: Int32Array, n: number, k: number): number {
  let lo = 0, hi = n - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[lo]!, y = a[mid]!, z = a[hi]!;
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[lo]!;
}

/**
 * Adds what the check found. Per mentee, the most underpriced failing pairs (largest value − u − v)
 * become candidates, at most ADDED_PER_MENTEE a round: prices move once they are in, and the
 * others may then pass. Every pair the full check had to score joins the reserve, so that later
 * rounds read its score instead of scoring it again.
 */
function addCandidates(candidates: Candidates, found: Violation[], scored: PairList): Candidates {
  const nP = candidates.start.length - 1;
  const mP = candidates.mentorBound.length;
  found.sort((a, b) => a.p - b.p || b.gap - a.gap || tieRank(a.q, a.p, nP, mP) - tieRank(b.q, b.p, nP, mP));
  const promoted: Violation[] = [];
  const arcCount = new Int32Array(nP);
  for (let k = 0, taken = 0; k < found.length; k++) {
    taken = k > 0 && found[k - 1]!.p === found[k]!.p ? taken + 1 : 0;
    if (taken < ADDED_PER_MENTEE) {
      arcCount[found[k]!.p]!++;
      promoted.push(found[k]!);
    }
  }
  // Candidates: old ones and the promoted pairs, sorted by mentor within a mentee.
  const start = new Int32Array(nP + 1);
  for (let p = 0; p < nP; p++) start[p + 1] = start[p]! + (candidates.start[p + 1]! - candidates.start[p]!) + arcCount[p]!;
  const mentor = new Int32Array(start[nP]!);
  const units = new Int32Array(start[nP]!);
  const fill = start.slice(0, nP);
  for (let p = 0; p < nP; p++) {
    for (let k = candidates.start[p]!; k < candidates.start[p + 1]!; k++) {
      mentor[fill[p]!] = candidates.mentor[k]!;
      units[fill[p]!++] = candidates.units[k]!;
    }
  }
  for (const { p, q, units: u } of promoted) {
    mentor[fill[p]!] = q;
    units[fill[p]!++] = u;
  }
  for (let p = 0; p < nP; p++) if (arcCount[p]! > 0) sortSegment(mentor, units, start[p]!, start[p + 1]!);
  // Reserve: the newly scored pairs join it (promoted ones stay too: the check skips candidates).
  if (scored.length === 0) return { ...candidates, start, mentor, units };
  const reserveStart = new Int32Array(nP + 1);
  for (let p = 0; p < nP; p++) reserveStart[p + 1] = candidates.reserveStart[p + 1]! - candidates.reserveStart[p]!;
  for (let k = 0; k < scored.length; k++) reserveStart[scored.p[k]! + 1]!++;
  for (let p = 0; p < nP; p++) reserveStart[p + 1]! += reserveStart[p]!;
  const reserveMentor = new Int32Array(reserveStart[nP]!);
  const reserveUnits = new Int32Array(reserveStart[nP]!);
  const at = reserveStart.slice(0, nP);
  for (let p = 0; p < nP; p++) {
    const from = candidates.reserveStart[p]!, to = candidates.reserveStart[p + 1]!;
    reserveMentor.set(candidates.reserveMentor.subarray(from, to), at[p]!);
    reserveUnits.set(candidates.reserveUnits.subarray(from, to), at[p]!);
    at[p]! += to - from;
  }
  for (let k = 0; k < scored.length; k++) {
    const p = scored.p[k]!;
    reserveMentor[at[p]!] = scored.q[k]!;
    reserveUnits[at[p]!++] = scored.units[k]!;
  }
  return { ...candidates, start, mentor, units, reserveStart, reserveMentor, reserveUnits };
}

/** Sorts a[from, to) ascending, carrying b along (insertion sort: segments are short and nearly sorted). */
function sortSegment(a: Int32Array, b: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const x = a[i]!, y = b[i]!;
    let k = i - 1;
    while (k >= from && a[k]! > x) {
      a[k + 1] = a[k]!;
      b[k + 1] = b[k]!;
      k--;
    }
    a[k + 1] = x;
    b[k + 1] = y;
  }
}

/** Pairs with their scores, in growable typed arrays. */
class PairList {
  p = new Int32Array(1024);
  q = new Int32Array(1024);
  units = new Int32Array(1024);
  length = 0;

  push(p: number, q: number, units: number): void {
    if (this.length === this.p.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.p = grow(this.p);
      this.q = grow(this.q);
      this.units = grow(this.units);
    }
    this.p[this.length] = p;
    this.q[this.length] = q;
    this.units[this.length++] = units;
  }
}

/** A pair the optimality check refused: value − (u + v) = gap > 0. */
interface Violation {
  p: number;
  q: number;
  units: number;
  gap: number;
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
    // The reserves first (scores known, cheap); every pair only once they pass.
    let violations = checkDuals(ctx, goal, u, v, bigM, null);
    const scored = new PairList();
    if (violations.length === 0) {
      ctx.fullChecks++;
      violations = checkDuals(ctx, goal, u, v, bigM, scored);
    }
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
    ctx.candidates = addCandidates(ctx.candidates, violations, scored);
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
  ctx.searches += solution.searches;
  const matchOf = new Int32Array(nP).fill(-1);
  for (let r = 0; r < rows; r++) {
    for (let a = arcStart[r]!; a < arcStart[r + 1]!; a++) {
      if (solution.arcFlow[a]) matchOf[arcMentee[a]!] = byMentees ? arcCol[a]! : r;
    }
  }
  return {
    matchOf,
    u: byMentees ? solution.rowDual : solution.colDual,
    v: byMentees ? solution.colDual : solution.rowDual,
  };
}

/**
 * The optimality check over every allowed pair meeting the goal: returns the pairs (pool mentee,
 * pool mentor, units) whose u + v falls short of their value. Also checks u, v ≥ 0.
 */
function checkDuals(ctx: Context, goal: Goal, u: Float64Array, v: Float64Array, bigM: number, scored: PairList | null): Violation[] {
  const { pool, candidates, scorer } = ctx;
  const nP = pool.mentees.length, mP = pool.mentors.length;
  if (mP === 0) return [];
  const byPrice = new Int32Array(mP);
  for (let q = 0; q < mP; q++) byPrice[q] = q;
  if (scored) byPrice.sort((a, b) => v[a]! - v[b]! || a - b);
  const value = (units: number) => bigM + (goal.flat ? 0 : units);
  const mark = new Int32Array(mP).fill(-1);
  const violations: Violation[] = [];
  for (let p = 0; p < nP; p++) {
    if (u[p]! < 0) throw new Error('internal: negative mentee price');
    for (let k = candidates.start[p]!; k < candidates.start[p + 1]!; k++) mark[candidates.mentor[k]!] = p;
    // The reserve: scores known.
    for (let k = candidates.reserveStart[p]!; k < candidates.reserveStart[p + 1]!; k++) {
      const q = candidates.reserveMentor[k]!;
      if (mark[q] === p) continue;
      mark[q] = p;
      const units = candidates.reserveUnits[k]!;
      if (units >= goal.threshold && u[p]! + v[q]! < value(units)) violations.push({ p, q, units, gap: value(units) - u[p]! - v[q]! });
    }
    if (!scored) continue;
    // The rest: bounded first, scored only when the bounds cannot settle it. A pair left out
    // scores at most bound (the mentee's) and at most mentorBound (the mentor's), so only mentors
    // priced under value(bound) − u_p can fail: with mentors in ascending price, a prefix.
    if (!scored) continue;
    const bound = candidates.menteeBound[p]!;
    if (bound < goal.threshold) continue; // nothing left out could count
    const below = value(bound) - u[p]!;
    let begun = false;
    for (let k = 0; k < mP; k++) {
      const q = byPrice[k]!;
      if (v[q]! >= below) break;
      if (mark[q] === p) continue;
      const limit = Math.min(bound, candidates.mentorBound[q]!);
      if (limit < goal.threshold || u[p]! + v[q]! >= value(limit)) continue;
      if (!begun) {
        scorer.begin(pool.mentees[p]!);
        begun = true;
      }
      ctx.rescored++;
      const units = scorer.score(pool.mentors[q]!);
      if (units < 0) continue; // not allowed
      scored.push(p, q, units);
      if (units >= goal.threshold && u[p]! + v[q]! < value(units)) violations.push({ p, q, units, gap: value(units) - u[p]! - v[q]! });
    }
    if (begun) scorer.end();
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
function menteeBlockers(c: CompiledMatching, i: number, scorer: RowScorer, onlyRoomy: Int32Array | null): BlockerCounts {
  const counts: BlockerCounts = {};
  scorer.begin(i);
  const visit = (j: number) => {
    const blocker = scorer.blocker(j);
    if (blocker) counts[blocker] = (counts[blocker] ?? 0) + 1;
  };
  if (onlyRoomy) for (const j of onlyRoomy) visit(j);
  else for (let j = 0; j < c.m; j++) visit(j);
  scorer.end();
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
  const base = { c, pool, scorer, row, rounds: 0, rescored: 0, fullChecks: 0, searches: 0 };
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
    const roomyCounts = menteeBlockers(c, i, scorer, roomyMentors);
    const all = eligible > 0 ? {} : menteeBlockers(c, i, scorer, null);
    // Mentors who could take the mentee but are full by now (paused ones never could).
    const blockers = eligible > 0 ? roomyCounts : all;
    unmatchedMentees.push({
      personId: c.mentees[i]!.personId, name: c.mentees[i]!.name, side: 'mentee',
      reason: c.m === 0 ? 'no_mentors' : eligible > 0 ? 'taken' : 'blocked',
      explanation: menteeReason(c, i, eligible, roomyCounts, all),
      blockers, takenCandidates: eligible,
    });
  }
  // Mentors left without anyone: for those nobody could be paired with, count how each mentee was
  // ruled out (mentees in the outer loop, so each mentee's data is read once).
  const unmatchedMentors: UnmatchedPerson[] = [];
  const lonely: number[] = [];
  for (let j = 0; j < c.m; j++) {
    const q = pool.mentorSlot[j]!;
    if (taken[j] === 0 && q >= 0 && ctx.candidates.allowedPerMentor[q] === 0) lonely.push(j);
  }
  const lonelyCounts = new Map<number, BlockerCounts>(lonely.map((j) => [j, {}]));
  const lonelyLanguages = new Map<number, Set<number>>(lonely.map((j) => [j, new Set<number>()]));
  if (lonely.length > 0) {
    for (const i of pool.mentees) {
      scorer.begin(i);
      for (const j of lonely) {
        const blocker = scorer.blocker(j);
        if (!blocker) continue;
        const counts = lonelyCounts.get(j)!;
        counts[blocker] = (counts[blocker] ?? 0) + 1;
        if (blocker === 'mentee_language') lonelyLanguages.get(j)!.add(c.menteeRequiredLanguage[i]!);
      }
      scorer.end();
    }
  }
  for (let j = 0; j < c.m; j++) {
    if (taken[j]! > 0) continue;
    const q = pool.mentorSlot[j]!;
    const eligible = q >= 0 ? ctx.candidates.allowedPerMentor[q]! : 0;
    const counts = lonelyCounts.get(j) ?? {};
    const { reason, text } = mentorReason(c, j, pool.mentees.length, eligible, counts, lonelyLanguages.get(j) ?? new Set());
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
      certified: true, allowedPairs: ctx.candidates.allowedPairs, candidatePairs: ctx.candidates.units.length, rounds: ctx.rounds,
      fullChecks: ctx.fullChecks, rescoredPairs: ctx.rescored, orientation: ctx.orientation,
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

