import { describe, expect, it } from 'vitest';
import wheelJson from './instruments/wheel-of-life.v1.json' with { type: 'json' };
import { compareOverTime } from './history.ts';
import { parseInstrument } from './instrument.ts';
import { scoreResponses } from './scoring.ts';

const wheel = parseInstrument(wheelJson);
const attempt = (attemptId: string, completedAt: string, career: number, fun: number, labels: Record<string, string> = {}) => ({
  attemptId, completedAt,
  scores: scoreResponses(wheel, { career, money: 5, health: 5, relationships: 5, love: 5, growth: 5, fun, environment: 5 }, labels),
});

describe('results over time', () => {
  it('lines up each area across attempts, oldest first, with the change from first to latest', () => {
    const history = compareOverTime([
      attempt('c', '2026-06-01T10:00:00.000Z', 8, 6, { fun: 'Play' }),
      attempt('a', '2026-01-01T10:00:00.000Z', 4, 6),
      attempt('b', '2026-03-01T10:00:00.000Z', 6, 6),
    ]);
    expect(history.attempts).toBe(3);
    const career = history.series.find((s) => s.subscaleId === 'career')!;
    expect(career.points.map((p) => [p.attemptId, p.score])).toEqual([['a', 4], ['b', 6], ['c', 8]]);
    // The latest attempt's names: the person renamed "Fun and recreation" to "Play".
    expect(history.series.find((s) => s.subscaleId === 'fun')!.name).toBe('Play');
    expect(history.changes.find((c) => c.subscaleId === 'career')).toEqual({ subscaleId: 'career', name: 'Career', first: 4, latest: 8, delta: 4, direction: 'up' });
    expect(history.changes.find((c) => c.subscaleId === 'fun')).toMatchObject({ delta: 0, direction: 'same' });
    expect(history.series.map((s) => s.subscaleId)).toEqual(wheel.subscales.map((s) => s.id));
  });

  it('shows no change with a single attempt, and nothing with none', () => {
    expect(compareOverTime([attempt('a', '2026-01-01T10:00:00.000Z', 4, 6)]).changes).toEqual([]);
    expect(compareOverTime([])).toEqual({ attempts: 0, series: [], changes: [] });
  });
});
