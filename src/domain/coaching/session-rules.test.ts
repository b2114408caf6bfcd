import { describe, expect, it } from 'vitest';
import { availableSessionActions, cancellationStatus, checkStart, sessionEnd, sessionMove, type SessionAction, type SessionStatus } from './session-rules.ts';

const now = new Date('2026-05-10T12:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const session = (status: SessionStatus, startsInHours: number, durationMinutes = 60) => ({ status, startsAt: hours(startsInHours), durationMinutes });

describe('session moves', () => {
  const cases: [SessionStatus, number, SessionAction, boolean][] = [
    ['scheduled', 48, 'reschedule', true],
    ['held', -2, 'reschedule', false],
    ['cancelled', 48, 'reschedule', false],
    ['scheduled', 48, 'cancel', true],
    ['scheduled', 0.5, 'cancel', true],
    ['scheduled', -0.5, 'cancel', true],
    ['scheduled', -2, 'cancel', false],
    ['late_cancelled', 2, 'cancel', false],
    ['scheduled', 1, 'record_attendance', false],
    ['scheduled', -0.1, 'record_attendance', true],
    ['held', -2, 'record_attendance', false],
    ['no_show', -2, 'record_attendance', false],
    ['scheduled', 24, 'set_focus', true],
    ['scheduled', -0.5, 'set_focus', true],
    ['held', -0.5, 'set_focus', true],
    ['held', -2, 'set_focus', false],
    ['cancelled', 24, 'set_focus', false],
    ['held', -2, 'rate', true],
    ['scheduled', -2, 'rate', false],
    ['no_show', -2, 'rate', false],
  ];
  it.each(cases)('%s session starting in %dh: %s allowed = %s', (status, startsIn, action, allowed) => {
    const verdict = sessionMove(session(status, startsIn), action, now);
    expect(verdict.ok).toBe(allowed);
    if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(10);
  });

  it('lists the moves a session allows now', () => {
    expect(availableSessionActions(session('scheduled', 48), now)).toEqual(['reschedule', 'cancel', 'set_focus']);
    expect(availableSessionActions(session('held', -3), now)).toEqual(['rate']);
  });
});

describe('cancellation kind and booking window', () => {
  it.each([[48, 'cancelled'], [24.01, 'cancelled'], [23.99, 'late_cancelled'], [1, 'late_cancelled'], [-0.2, 'late_cancelled']] as const)(
    'cancelling %dh before the start is %s', (startsIn, kind) => {
      expect(cancellationStatus({ startsAt: hours(startsIn) }, now)).toBe(kind);
    });

  it('refuses starts too far back or ahead, with the limit in the message', () => {
    expect(checkStart(hours(-24), now).ok).toBe(true);
    expect(checkStart(hours(-24 * 91), now)).toEqual({ ok: false, reason: 'must be at most 90 days in the past' });
    expect(checkStart(hours(24 * 731), now).ok).toBe(false);
  });

  it('ends a session its duration after the start', () => {
    expect(sessionEnd({ startsAt: now, durationMinutes: 90 }).toISOString()).toBe('2026-05-10T13:30:00.000Z');
  });
});
