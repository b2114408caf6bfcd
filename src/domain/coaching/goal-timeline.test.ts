import { describe, expect, it } from 'vitest';
import { goalTimeline, milestoneStatus, plannedPath, progressSeries, withinWindow } from './goal-timeline.ts';

const window = { startDate: '2026-11-01', plannedEndDate: '2027-03-01' };
const at = (n: number) => `2026-11-0${n}T10:00:00.000Z`;

describe('milestone status', () => {
  it.each([
    [{ dueDate: '2026-11-10', doneAt: null }, '2026-11-09', 'upcoming'],
    [{ dueDate: '2026-11-10', doneAt: null }, '2026-11-10', 'upcoming'],
    [{ dueDate: '2026-11-10', doneAt: null }, '2026-11-11', 'overdue'],
    [{ dueDate: '2026-11-10', doneAt: '2026-11-12T08:00:00.000Z' }, '2026-11-20', 'done'],
    [{ dueDate: '2026-11-10', doneAt: '2026-11-01T08:00:00.000Z' }, '2026-11-01', 'done'],
  ])('%o on %s → %s', (milestone, today, expected) => {
    expect(milestoneStatus(milestone, today)).toBe(expected);
  });

  it.each([
    ['2026-10-31', false],
    ['2026-11-01', true],
    ['2027-01-15', true],
    ['2027-03-01', true],
    ['2027-03-02', false],
  ])('%s within the engagement → %s', (date, expected) => {
    expect(withinWindow(date, window)).toBe(expected);
  });
});

describe('progress series', () => {
  it.each([
    ['no updates, no points', [], []],
    ['oldest first', [{ id: 'b', value: 5, recordedOn: '2026-11-08', createdAt: at(8) }, { id: 'a', value: 3, recordedOn: '2026-11-02', createdAt: at(9) }],
      [{ date: '2026-11-02', value: 3 }, { date: '2026-11-08', value: 5 }]],
    ['one point per date: the last written stands', [{ id: 'a', value: 3, recordedOn: '2026-11-02', createdAt: at(3) }, { id: 'b', value: 4, recordedOn: '2026-11-02', createdAt: at(4) }],
      [{ date: '2026-11-02', value: 4 }]],
  ])('%s', (_name, entries, expected) => {
    expect(progressSeries(entries)).toEqual(expected);
  });

  it.each([
    [10, 20, '2026-11-01', '2027-01-01', [{ date: '2026-11-01', value: 10 }, { date: '2027-01-01', value: 20 }]],
    [10, 20, '2026-11-01', '2026-11-01', [{ date: '2026-11-01', value: 20 }]],
    [10, 20, '2026-11-01', '2026-10-01', [{ date: '2026-10-01', value: 20 }]],
  ])('planned path from %d to %d, %s → %s', (baseline, target, start, end, expected) => {
    expect(plannedPath(baseline, target, start, end)).toEqual(expected);
  });
});

describe('a goal on the timeline', () => {
  const goal = {
    id: 'g', statement: 'Hold weekly one-to-ones', unit: 'per month', baseline: 1, target: 4, current: 3, dueDate: null as string | null,
    progress: [{ id: 'p1', value: 2, recordedOn: '2026-11-15', createdAt: at(5) }, { id: 'p2', value: 3, recordedOn: '2026-12-01', createdAt: at(6) }],
    milestones: [
      { id: 'm2', title: 'Second', dueDate: '2027-04-01', doneAt: null },
      { id: 'm1', title: 'First', dueDate: '2026-11-20', doneAt: null },
    ],
  };

  it('aims at the engagement’s planned end when the goal has no due date, and sorts milestones by date', () => {
    const timeline = goalTimeline(goal, window, '2026-12-05');
    expect(timeline).toMatchObject({
      goalId: 'g', current: 3, met: false, targetDate: '2027-03-01',
      points: [{ date: '2026-11-15', value: 2 }, { date: '2026-12-01', value: 3 }],
      plannedPath: [{ date: '2026-11-01', value: 1 }, { date: '2027-03-01', value: 4 }],
    });
    expect(timeline.progressShare).toBeCloseTo(2 / 3);
    expect(timeline.milestones.map((m) => [m.id, m.status, m.withinEngagement])).toEqual([['m1', 'overdue', true], ['m2', 'upcoming', false]]);
  });

  it.each([
    ['its own due date', { dueDate: '2027-01-31' }, '2027-01-31', false],
    ['met at the target', { current: 4 }, '2027-03-01', true],
    ['a goal that points down is met below the target', { baseline: 12, target: 3, current: 2 }, '2027-03-01', true],
  ])('uses %s', (_name, overrides, targetDate, met) => {
    const timeline = goalTimeline({ ...goal, ...overrides }, window, '2026-12-05');
    expect(timeline.targetDate).toBe(targetDate);
    expect(timeline.met).toBe(met);
  });
});
