/**
 * Exact min-cost assignment with capacities: successive shortest paths with Dijkstra and node
 * potentials (the Hungarian method generalized to capacities), on a sparse bipartite graph.
 *
 * The network: rows send `rowUnits[r]` units each, along an arc (row, column) — at most one unit
 * per arc, at its cost — or to a "dummy" of unlimited capacity at `dummyCost` (the unit stays
 * unassigned); columns take at most `colCapacity[c]` and pass them to a sink, as does the dummy.
 * Costs are non-negative integers, so every sum is exact.
 *
 * Units are added one at a time, each routed along a shortest path in the residual
 * graph (from its row, forward along unused arcs, backward along used ones, to a column with room
 * or to the dummy). Adding a unit of supply along a shortest path keeps the flow of least cost for
 * the supplies so far (the successive-shortest-path theorem). Potentials π keep every residual
 * arc's reduced cost (cost + π(from) − π(to)) ≥ 0 so Dijkstra applies; a column with room is never
 * passed through, so such columns, the dummy and the sink keep potential 0 and the first one
 * settled ends the search. Only settled nodes' potentials change (π += d − d_end: the usual update
 * shifted by the constant d_end).
 *
 * The final potentials are the dual solution the caller checks (see solve.ts): rows D + π(r),
 * columns −π(c), with D = dummyCost. (A warm start from the previous round's flow, repairing the
 * new arcs by cancelling negative cycles, was tried and dropped: with the sink in the residual
 * graph every repair search spread over nearly all matched columns, and at 20,000 × 5,000 one
 * round took a minute where a cold solve takes half a second.)
 */

export interface AssignmentProblem {
  rows: number;
  cols: number;
  rowUnits: Int32Array;
  colCapacity: Int32Array;
  /** Arcs of row r: arcStart[r] … arcStart[r+1]-1. */
  arcStart: Int32Array;
  arcCol: Int32Array;
  /** Non-negative integers. */
  arcCost: Float64Array;
  dummyCost: number;
}

export interface AssignmentSolution {
  /** 1 on arcs that carry a unit. */
  arcFlow: Uint8Array;
  /** Units each row left at the dummy. */
  rowDummy: Int32Array;
  /** Dual prices (see the file's comment). */
  rowDual: Float64Array;
  colDual: Float64Array;
  /** Shortest-path searches (one per unit). */
  searches: number;
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped when popped. */
class Heap {
  keys = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const keys = this.keys, nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the least entry; read keys[0]/nodes[0] first. */
  pop(): void {
    const keys = this.keys, nodes = this.nodes;
    const last = --this.size;
    if (last === 0) return;
    const key = keys[last]!, node = nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}

export function solveAssignment(p: AssignmentProblem): AssignmentSolution {
  const R = p.rows, C = p.cols, A = p.arcCol.length;
  const DUMMY = R + C, N = R + C + 1;
  const { arcStart, arcCol, arcCost, rowUnits, colCapacity, dummyCost } = p;
  const arcRow = new Int32Array(A);
  for (let r = 0; r < R; r++) arcRow.fill(r, arcStart[r]!, arcStart[r + 1]!);
  const arcFlow = new Uint8Array(A);
  const rowDummy = new Int32Array(R);
  const pot = new Float64Array(N);
  const colUsed = new Int32Array(C);
  // Arcs carrying a unit into each column, as a linked list (capacities are small).
  const colHead = new Int32Array(C).fill(-1);
  const arcNext = new Int32Array(A).fill(-1);
  const dist = new Float64Array(N);
  const reached = new Int32Array(N);
  const settled = new Int32Array(N);
  /** How a node was reached: the arc (into a column: forward; into a row: backward), or for the dummy the row. */
  const via = new Int32Array(N);
  const order = new Int32Array(N);
  const heap = new Heap();
  let stamp = 0;
  let searches = 0;

  const assign = (a: number) => {
    const c = arcCol[a]!;
    arcFlow[a] = 1;
    colUsed[c]!++;
    arcNext[a] = colHead[c]!;
    colHead[c] = a;
  };
  const unassign = (a: number) => {
    const c = arcCol[a]!;
    arcFlow[a] = 0;
    colUsed[c]!--;
    if (colHead[c] === a) colHead[c] = arcNext[a]!;
    else {
      let b = colHead[c]!;
      while (arcNext[b] !== a) b = arcNext[b]!;
      arcNext[b] = arcNext[a]!;
    }
    arcNext[a] = -1;
  };
  const relax = (node: number, nd: number, from: number) => {
    if (reached[node] !== stamp || nd < dist[node]!) {
      reached[node] = stamp;
      dist[node] = nd;
      via[node] = from;
      heap.push(nd, node);
    }
  };

  // Route every unit along a shortest path from its row.
  for (let source = 0; source < R; source++) {
    for (let unit = 0; unit < rowUnits[source]!; unit++) {
      stamp++;
      searches++;
      heap.size = 0;
      dist[source] = 0;
      reached[source] = stamp;
      heap.push(0, source);
      let end = -1;
      let count = 0;
      while (heap.size > 0) {
        const d = heap.keys[0]!, x = heap.nodes[0]!;
        heap.pop();
        if (settled[x] === stamp || d > dist[x]!) continue;
        settled[x] = stamp;
        if (x === DUMMY || (x >= R && colUsed[x - R]! < colCapacity[x - R]!)) {
          end = x;
          break;
        }
        order[count++] = x;
        const base = d + pot[x]!;
        if (x < R) {
          for (let a = arcStart[x]!, to = arcStart[x + 1]!; a < to; a++) {
            if (arcFlow[a]) continue;
            const y = R + arcCol[a]!;
            if (settled[y] !== stamp) relax(y, base + arcCost[a]! - pot[y]!, a);
          }
          relax(DUMMY, base + dummyCost, x); // the dummy's potential stays 0
        } else {
          for (let a = colHead[x - R]!; a !== -1; a = arcNext[a]!) {
            const y = arcRow[a]!;
            if (settled[y] !== stamp) relax(y, base - arcCost[a]! - pot[y]!, a);
          }
        }
      }
      const dEnd = dist[end]!;
      for (let k = 0; k < count; k++) {
        const v = order[k]!;
        pot[v] = pot[v]! + dist[v]! - dEnd;
      }
      // Walk the path back: the last row takes the end column (or leaves a unit at the dummy),
      // each earlier row takes the column the next one gave up.
      let row: number;
      if (end === DUMMY) {
        row = via[DUMMY]!;
        rowDummy[row]!++;
      } else {
        const a = via[end]!;
        assign(a);
        row = arcRow[a]!;
      }
      while (row !== source) {
        const back = via[row]!;
        unassign(back);
        const a = via[R + arcCol[back]!]!;
        assign(a);
        row = arcRow[a]!;
      }
    }
  }

  const rowDual = new Float64Array(R);
  const colDual = new Float64Array(C);
  for (let r = 0; r < R; r++) rowDual[r] = dummyCost + pot[r]!;
  for (let c = 0; c < C; c++) colDual[c] = -pot[R + c]!;
  return { arcFlow, rowDummy, rowDual, colDual, searches };
}
