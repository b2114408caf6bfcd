/**
 * The baseline the benchmark compares the exact engine with: greedy pairing, best pairs first.
 * Every allowed pair in descending score (ties: mentee, then mentor, in person-id order) is taken
 * when its mentee is still free and its mentor has room. Same scores, hard constraints, locks and
 * published pairs as the engine (it reads the engine's compiled program); kept here, not in
 * src/domain: Cairn never proposes a greedy assignment.
 *
 * Sorting all 100 million pairs of a 20,000 × 5,000 program would take gigabytes, so the order is
 * produced lazily: each mentee keeps its best few mentors, a heap holds each mentee's best pair
 * still possible, and a mentee who runs out is scored again in full. The pairs come out in the
 * same order as a full sort would give them.
 */
import { compileMatching, RowScorer, SCALE, type MatchingInput } from '../../src/domain/matching/index.ts';

const FIRST_LIST = 32;

export interface GreedyResult {
  matched: number;
  totalScore: number;
  minScore: number | null;
}

export function greedyMatching(input: MatchingInput): GreedyResult {
  const c = compileMatching(input);
  const scorer = new RowScorer(c);
  const row = new Int32Array(c.m);
  const room = c.mentorRemaining.slice();
  const mentees: number[] = [];
  for (let i = 0; i < c.n; i++) if (c.menteeInPool[i]) mentees.push(i);

  // Each mentee's mentors in order (best first, then by mentor index), first the top FIRST_LIST.
  // Sorted as numbers (a typed-array sort, no comparator): key = (best − units) · m + mentor.
  const keys = new Float64Array(c.m);
  const lists = new Map<number, { mentors: Int32Array; units: Int32Array; at: number; complete: boolean }>();
  const listFor = (i: number, complete: boolean) => {
    scorer.row(i, row);
    let count = 0;
    for (let j = 0; j < c.m; j++) if (row[j]! >= 0) keys[count++] = (c.maxUnits - row[j]!) * c.m + j;
    const sorted = keys.subarray(0, count).sort();
    const kept = complete ? count : Math.min(count, FIRST_LIST);
    const mentors = new Int32Array(kept), units = new Int32Array(kept);
    for (let k = 0; k < kept; k++) {
      mentors[k] = sorted[k]! % c.m;
      units[k] = row[mentors[k]!]!;
    }
    return { mentors, units, at: 0, complete: complete || kept === count };
  };
  // Max-heap of mentees by their current best pair: more units first, then lower mentee, then lower mentor.
  const headUnits = new Int32Array(c.n);
  const headMentor = new Int32Array(c.n);
  const heap: number[] = [];
  const before = (a: number, b: number) =>
    headUnits[a] !== headUnits[b] ? headUnits[a]! > headUnits[b]! : a !== b ? a < b : headMentor[a]! < headMentor[b]!;
  const push = (i: number) => {
    const list = lists.get(i)!;
    headUnits[i] = list.units[list.at]!;
    headMentor[i] = list.mentors[list.at]!;
    heap.push(i);
    for (let k = heap.length - 1; k > 0;) {
      const parent = (k - 1) >> 1;
      if (!before(heap[k]!, heap[parent]!)) break;
      [heap[k], heap[parent]] = [heap[parent]!, heap[k]!];
      k = parent;
    }
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let k = 0; ;) {
        const l = 2 * k + 1, r = l + 1;
        let best = k;
        if (l < heap.length && before(heap[l]!, heap[best]!)) best = l;
        if (r < heap.length && before(heap[r]!, heap[best]!)) best = r;
        if (best === k) break;
        [heap[k], heap[best]] = [heap[best]!, heap[k]!];
        k = best;
      }
    }
    return top;
  };
  /** Moves the mentee to its next mentor with room; false when there is none. */
  const advance = (i: number): boolean => {
    let list = lists.get(i)!;
    for (;;) {
      while (list.at < list.mentors.length && room[list.mentors[list.at]!]! <= 0) list.at++;
      if (list.at < list.mentors.length) return true;
      if (list.complete) return false;
      const at = list.at;
      list = listFor(i, true);
      list.at = at; // the first FIRST_LIST are the same mentors, in the same order
      lists.set(i, list);
    }
  };

  for (const i of mentees) {
    lists.set(i, listFor(i, false));
    if (advance(i)) push(i);
  }
  let matched = 0, total = 0, min = Infinity;
  while (heap.length > 0) {
    const i = pop();
    const units = headUnits[i]!, mentor = headMentor[i]!;
    if (room[mentor]! > 0) {
      room[mentor]!--;
      matched++;
      total += units;
      if (units < min) min = units;
      continue;
    }
    if (advance(i)) push(i);
  }
  return { matched, totalScore: total / SCALE, minScore: matched > 0 ? min / SCALE : null };
}
