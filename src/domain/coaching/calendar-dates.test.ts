import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, utcDateOf } from './calendar-dates.ts';

describe('isCalendarDate', () => {
  it.each([
    ['2026-11-01', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0099-01-01', true],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['', false],
    ['tomorrow', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-15', 365, '2027-01-15'],
    ['0050-01-01', 1, '0050-01-02'],
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('utcDateOf', () => {
  it.each([
    ['2026-11-01T00:00:00.000Z', '2026-11-01'],
    ['2026-11-01T23:59:59.999Z', '2026-11-01'],
    ['2026-10-31T23:30:00-02:00', '2026-11-01'],
  ])('%s → %s', (instant, expected) => {
    expect(utcDateOf(new Date(instant))).toBe(expected);
  });
});
