import { describe, expect, it } from 'vitest';
import { mayLeaveClosing } from './closing.ts';
import { daysWaiting, mentorLoad, waitingSince } from './program-health.ts';
import { RELATIONSHIP_STATES } from './relationship-lifecycle.ts';

describe('closing a relationship', () => {
  it.each(RELATIONSHIP_STATES.map((state) => [state] as const))('a %s relationship takes a closing reflection only once concluded', (state) => {
    expect(mayLeaveClosing(state, { written: false, what: 'closing reflection' }).ok).toBe(state === 'concluded');
  });

  it('takes one of each per person', () => {
    expect(mayLeaveClosing('concluded', { written: true, what: 'appreciation' })).toEqual({ ok: false, reason: 'You have already left your appreciation for this relationship.' });
  });
});

describe('mentor load and waiting mentees', () => {
  it.each([
    [3, 0, false, 'room', 3],
    [3, 2, false, 'room', 1],
    [3, 3, false, 'full', 0],
    [3, 4, false, 'over', 0],
    [3, 1, true, 'paused', 0],
    [0, 0, false, 'full', 0],
    [2, 5, true, 'over', 0],
  ] as const)('capacity %d, %d active, paused %s: %s with %d open places', (capacity, active, paused, status, openPlaces) => {
    expect(mentorLoad({ capacity, active, paused })).toEqual({ status, openPlaces });
  });

  it('counts the wait from approval or the end of the last pairing, whichever is later', () => {
    expect(waitingSince('2026-01-01T10:00:00.000Z', null)).toBe('2026-01-01T10:00:00.000Z');
    expect(waitingSince('2026-01-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z')).toBe('2026-02-01T10:00:00.000Z');
    expect(waitingSince('2026-03-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z')).toBe('2026-03-01T10:00:00.000Z');
    expect(daysWaiting('2026-01-01T10:00:00.000Z', new Date('2026-01-11T09:00:00Z'))).toBe(9);
    expect(daysWaiting('2026-01-12T10:00:00.000Z', new Date('2026-01-11T09:00:00Z'))).toBe(0);
  });
});
