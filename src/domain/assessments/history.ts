import { round2, type Scores } from './scoring.ts';

/**
 * Results over time: each subscale as a series of points (one per completed attempt, oldest
 * first), ready for a line or grouped-bar chart, and the change from the first to the latest.
 * Attempts of other versions of the same instrument are compared subscale by subscale, by id.
 */
export interface CompletedAttempt {
  attemptId: string;
  completedAt: string;
  scores: Scores;
}

export interface HistorySeries {
  subscaleId: string;
  name: string;
  points: { attemptId: string; completedAt: string; version: number; score: number | null }[];
}

export interface HistoryChange {
  subscaleId: string;
  name: string;
  first: number;
  latest: number;
  delta: number;
  direction: 'up' | 'down' | 'same';
}

export interface History {
  attempts: number;
  series: HistorySeries[];
  /** From the first to the latest attempt that scored the subscale; empty with fewer than two attempts. */
  changes: HistoryChange[];
}

export function compareOverTime(attempts: readonly CompletedAttempt[]): History {
  const ordered = [...attempts].sort((a, b) => a.completedAt.localeCompare(b.completedAt) || a.attemptId.localeCompare(b.attemptId));
  const latest = ordered.at(-1);
  // The latest attempt names the subscales (a renamed area of a wheel of life keeps its id).
  const order: { id: string; name: string }[] = [];
  for (const attempt of [...ordered].reverse()) {
    for (const subscale of attempt.scores.subscales) if (!order.some((o) => o.id === subscale.id)) order.push({ id: subscale.id, name: subscale.name });
  }
  if (latest) order.sort((a, b) => rank(latest, a.id) - rank(latest, b.id));
  const series = order.map(({ id, name }) => ({
    subscaleId: id, name,
    points: ordered.map((attempt) => ({
      attemptId: attempt.attemptId, completedAt: attempt.completedAt, version: attempt.scores.version,
      score: attempt.scores.subscales.find((s) => s.id === id)?.score ?? null,
    })),
  }));
  const changes: HistoryChange[] = [];
  if (ordered.length >= 2) {
    for (const line of series) {
      const scored = line.points.filter((point) => point.score !== null);
      if (scored.length < 2) continue;
      const first = scored[0]!.score!;
      const last = scored.at(-1)!.score!;
      const delta = round2(last - first);
      changes.push({ subscaleId: line.subscaleId, name: line.name, first, latest: last, delta, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same' });
    }
  }
  return { attempts: ordered.length, series, changes };
}

function rank(attempt: CompletedAttempt, subscaleId: string): number {
  const index = attempt.scores.subscales.findIndex((s) => s.id === subscaleId);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
