import { describe, expect, it } from 'vitest';
import { addDays, isTimeZone, localDate, localDayBounds, zoneOffsetMinutes } from './time-zones.ts';

describe('time zones', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('EST')).toBe(false);
  });

  it.each([
    ['2026-07-01T12:00:00Z', 'Europe/Lisbon', 60],
    ['2026-01-15T12:00:00Z', 'Europe/Lisbon', 0],
    ['2026-01-15T12:00:00Z', 'America/New_York', -300],
    ['2026-01-15T12:00:00Z', 'Asia/Kolkata', 330],
  ])('offset at %s in %s is %i minutes', (instant, zone, offset) => {
    expect(zoneOffsetMinutes(new Date(instant), zone)).toBe(offset);
  });

  it('finds the local date of an instant', () => {
    expect(localDate(new Date('2026-03-10T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-11');
    expect(localDate(new Date('2026-03-10T03:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-09');
  });

  it('bounds a local day in UTC, including the short day when clocks go forward', () => {
    expect(localDayBounds('2026-01-15', 'Europe/Berlin')).toEqual({ start: new Date('2026-01-14T23:00:00Z'), end: new Date('2026-01-15T23:00:00Z') });
    const springForward = localDayBounds('2026-03-29', 'Europe/London');
    expect(springForward.start.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(springForward.end.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
