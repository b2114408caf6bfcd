/**
 * Exact min-cost assignment with capacities: successive shortest paths with Dijkstra and node
 * potentials (the Hungarian method generalized to capacities), on a sparse bipartite graph.
 *
 * Rows send `rowUnits[r]` units each; columns take at most `colCapacity[c]`; a unit goes along an
 * arc (row, column), at most one unit per arc, or to a "dummy" column of unlimited capacity at
 * `dummyCost` (the unit stays unassigned). Costs are non-negative integers, so every sum is exact.
 *
 * Units are added one at a time; each is routed along a shortest path in the residual graph (from
 * its row, forward along unused arcs, backward along used ones, to a column with room or to the
 * dummy). Adding one unit of supply along a shortest path keeps the flow of least cost for the
 * supplies so far (the successive-shortest-path theorem), so after the last unit the assignment is
 * of least cost. Potentials keep every residual arc's reduced cost ≥ 0 so Dijkstra applies; a
 * column with room is never passed through, so all such columns (and the dummy) keep potential 0
 * and the first one Dijkstra settles ends the search. Only settled nodes' potentials change
 * (π += d − d_end; the others keep theirs, which is the usual update shifted by the constant d_end).
 *
 * The final potentials are the dual solution the caller checks (see solve.ts): for a row r and a
 * column c, with arc value w = D − cost (D = dummyCost), (D + π_r) + (−π_c) ≥ w on every arc not
 * used, both parts ≥ 0, and 0 on rows with units left at the dummy and on columns with room.
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
  rowPotential: Float64Array;
  colPotential: Float64Array;
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

  /** Removes the least entry; read topKey/topNode first. */
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
  const colUsed = new Int32Array(C);
  // Arcs carrying a unit into each column, as a linked list (capacities are small).
  const colHead = new Int32Array(C).fill(-1);
  const arcNext = new Int32Array(A).fill(-1);
  const rowDummy = new Int32Array(R);
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const reached = new Int32Array(N);
  const settled = new Int32Array(N);
  /** How a node was reached: the arc (into a column: forward; into a row: backward), or for the dummy the row. */
  const via = new Int32Array(N);
  const order = new Int32Array(N);
  const heap = new Heap();
  let stamp = 0;

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

  for (let source = 0; source < R; source++) {
    for (let unit = 0; unit < rowUnits[source]!; unit++) {
      stamp++;
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
            if (settled[y] === stamp) continue;
            const nd = base + arcCost[a]! - pot[y]!;
            if (reached[y] !== stamp || nd < dist[y]!) {
              reached[y] = stamp;
              dist[y] = nd;
              via[y] = a;
              heap.push(nd, y);
            }
          }
          const nd = base + dummyCost; // the dummy's potential stays 0
          if (reached[DUMMY] !== stamp || nd < dist[DUMMY]!) {
            reached[DUMMY] = stamp;
            dist[DUMMY] = nd;
            via[DUMMY] = x;
            heap.push(nd, DUMMY);
          }
        } else {
          for (let a = colHead[x - R]!; a !== -1; a = arcNext[a]!) {
            const y = arcRow[a]!;
            if (settled[y] === stamp) continue;
            const nd = base - arcCost[a]! - pot[y]!;
            if (reached[y] !== stamp || nd < dist[y]!) {
              reached[y] = stamp;
              dist[y] = nd;
              via[y] = a;
              heap.push(nd, y);
            }
          }
        }
      }
      const dEnd = dist[end]!;
      for (let k = 0; k < count; k++) {
        const v = order[k]!;
        pot[v] = pot[v]! + dist[v]! - dEnd;
      }
      // Walk the path back: the last row takes the end column (or leaves a unit at the dummy), each
      // earlier row takes the column the next one gave up.
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
  return { arcFlow, rowDummy, rowPotential: pot.slice(0, R), colPotential: pot.slice(R, R + C) };
}
