import { describe, expect, it } from 'vitest';
import { availableEvents, ENGAGEMENT_EVENTS, ENGAGEMENT_STATES, transition, type EngagementActor } from './engagement-lifecycle.ts';

const ACTORS: EngagementActor[] = ['coach', 'client', 'sponsor', 'admin', 'system'];

/** Written out by hand from the brief, independently of the table: [from, event, actor, to]. */
const ALLOWED: [string, string, EngagementActor, string][] = [
  ['proposed', 'all_accepted', 'system', 'agreed'],
  ['proposed', 'amend_agreement', 'coach', 'proposed'],
  ['proposed', 'amend_agreement', 'admin', 'proposed'],
  ['agreed', 'amend_agreement', 'coach', 'proposed'],
  ['agreed', 'amend_agreement', 'admin', 'proposed'],
  ['active', 'amend_agreement', 'coach', 'active'],
  ['active', 'amend_agreement', 'admin', 'active'],
  ['agreed', 'start', 'coach', 'active'],
  ['agreed', 'start', 'client', 'active'],
  ['agreed', 'start', 'admin', 'active'],
  ['active', 'close', 'system', 'completed'],
  ...(['proposed', 'agreed'] as const).flatMap((from) => (['coach', 'client', 'admin'] as const).map((actor) => [from, 'end_early', actor, 'ended_early'] as [string, string, EngagementActor, string])),
  ...(['coach', 'client', 'sponsor', 'admin'] as const).map((actor) => ['active', 'end_early', actor, 'ended_early'] as [string, string, EngagementActor, string]),
];

describe('engagement lifecycle table', () => {
  const cases = ENGAGEMENT_STATES.flatMap((from) => ENGAGEMENT_EVENTS.flatMap((event) => ACTORS.map((actor) => ({ from, event, actor }))));

  it.each(cases)('$from --$event by $actor', ({ from, event, actor }) => {
    const expected = ALLOWED.find(([f, e, a]) => f === from && e === event && a === actor);
    const result = transition(from, event, [actor], { reason: 'a reason' });
    if (expected) {
      expect(result).toMatchObject({ ok: true, to: expected[3] });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
    }
  });

  it('never leaves a closed engagement', () => {
    for (const event of ENGAGEMENT_EVENTS) {
      for (const from of ['completed', 'ended_early'] as const) {
        const result = transition(from, event, ACTORS);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toMatch(/cannot/);
      }
    }
  });

  it('asks for a reason to end early, and names who may act when someone else tries', () => {
    expect(transition('active', 'end_early', ['client'], {})).toEqual({ ok: false, reason: 'Give a reason to end the engagement early.' });
    expect(transition('agreed', 'start', ['sponsor'])).toEqual({ ok: false, reason: 'Only the coach or client or admin may start the engagement now.' });
  });

  it('offers each person exactly the moves the table gives them', () => {
    expect(availableEvents('agreed', ['client'])).toEqual(['start', 'end_early']);
    expect(availableEvents('active', ['sponsor'])).toEqual(['end_early']);
    expect(availableEvents('completed', ACTORS)).toEqual([]);
  });
});
