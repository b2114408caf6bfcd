import { describe, expect, it } from 'vitest';
import { attainment, goalMet, goalProgress } from './goals.ts';

describe('goal attainment', () => {
  it.each([
    { baseline: 2, target: 10, current: 10, met: true, progress: 1 },
    { baseline: 2, target: 10, current: 6, met: false, progress: 0.5 },
    { baseline: 2, target: 10, current: 12, met: true, progress: 1 },
    { baseline: 2, target: 10, current: 0, met: false, progress: 0 },
    // Goals that go down: fewer missed deadlines.
    { baseline: 8, target: 2, current: 2, met: true, progress: 1 },
    { baseline: 8, target: 2, current: 5, met: false, progress: 0.5 },
    { baseline: 8, target: 2, current: 9, met: false, progress: 0 },
    { baseline: 5, target: 5, current: 5, met: true, progress: 1 },
  ])('baseline $baseline → target $target at $current: met $met, progress $progress', ({ met, progress, ...measure }) => {
    expect(goalMet(measure)).toBe(met);
    expect(goalProgress(measure)).toBeCloseTo(progress);
  });

  it('summarizes an engagement: all met only when there are goals and each is met', () => {
    expect(attainment([])).toEqual({ goals: 0, met: 0, meanProgress: null, allMet: false });
    const summary = attainment([{ baseline: 0, target: 10, current: 10 }, { baseline: 0, target: 4, current: 2 }]);
    expect(summary).toEqual({ goals: 2, met: 1, meanProgress: 0.75, allMet: false });
    expect(attainment([{ baseline: 0, target: 1, current: 1 }]).allMet).toBe(true);
  });
});
