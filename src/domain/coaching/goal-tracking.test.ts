import { describe, expect, it } from 'vitest';
import { compareProgress, currentValue, latestProgress, latestProgressDate, progressDateProblem, type ProgressEntry } from './goal-tracking.ts';

const entry = (id: string, value: number, recordedOn: string, createdAt = '2026-11-10T09:00:00.000Z'): ProgressEntry => ({ id, value, recordedOn, createdAt });

describe('progress dates', () => {
  const now = new Date('2026-11-10T15:00:00.000Z');
  it.each([
    ['2026-11-10', null],
    ['2026-11-11', null],
    ['2020-01-01', null],
    ['2026-11-12', 'must not be in the future (at the latest 2026-11-11)'],
    ['2027-01-01', 'must not be in the future (at the latest 2026-11-11)'],
    ['2026-02-30', 'must be a calendar date, YYYY-MM-DD'],
    ['10/11/2026', 'must be a calendar date, YYYY-MM-DD'],
  ])('%s → %s', (recordedOn, expected) => {
    expect(progressDateProblem(recordedOn, now)).toBe(expected);
  });

  it('counts "today" in UTC and allows one day ahead, across month and year ends', () => {
    expect(latestProgressDate(new Date('2026-12-31T23:59:00.000Z'))).toBe('2027-01-01');
    expect(latestProgressDate(new Date('2028-02-28T00:00:00.000Z'))).toBe('2028-02-29');
  });
});

describe('the update that stands', () => {
  it.each<[string, ProgressEntry[], string | null]>([
    ['none', [], null],
    ['one', [entry('a', 3, '2026-11-01')], 'a'],
    ['the latest measured date, whatever the order written', [entry('a', 9, '2026-11-05', '2026-11-06T00:00:00.000Z'), entry('b', 4, '2026-11-03', '2026-11-07T00:00:00.000Z')], 'a'],
    ['for one date, the last written', [entry('a', 5, '2026-11-05', '2026-11-05T10:00:00.000Z'), entry('b', 6, '2026-11-05', '2026-11-05T11:00:00.000Z')], 'b'],
    ['a back-dated correction does not replace a newer measure', [entry('new', 7, '2026-11-08'), entry('old', 2, '2026-11-01', '2026-11-09T00:00:00.000Z')], 'new'],
    ['same date and instant: the id decides, deterministically', [entry('b', 1, '2026-11-05'), entry('a', 2, '2026-11-05')], 'b'],
  ])('%s', (_name, entries, expected) => {
    expect(latestProgress(entries)?.id ?? null).toBe(expected);
  });

  it.each<[number, ProgressEntry[], number]>([
    [10, [], 10],
    [10, [entry('a', 14, '2026-11-01')], 14],
    [10, [entry('a', 14, '2026-11-01'), entry('b', 12, '2026-11-02')], 12],
    [10, [entry('a', 0, '2026-11-01')], 0],
  ])('current value from baseline %d and updates → %d', (baseline, entries, expected) => {
    expect(currentValue(baseline, entries)).toBe(expected);
  });

  it('orders updates by measured date, then by when written', () => {
    const sorted = [entry('c', 0, '2026-11-02'), entry('b', 0, '2026-11-01', '2026-11-03T00:00:00.000Z'), entry('a', 0, '2026-11-01', '2026-11-02T00:00:00.000Z')].sort(compareProgress);
    expect(sorted.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});
