import { describe, expect, it } from 'vitest';
import { checkMetOn, mayEditCheckIn, mayLogCheckIn, normalizeTopics } from './check-ins.ts';
import { RELATIONSHIP_STATES } from './relationship-lifecycle.ts';

describe('check-in rules', () => {
  it.each(RELATIONSHIP_STATES.map((state) => [state, state === 'active' || state === 'paused'] as const))('a %s relationship takes check-ins: %s', (state, ok) => {
    const verdict = mayLogCheckIn(state);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toContain(state);
  });

  it.each([
    ['2026-05-10', '2026-05-10', '2026-01-01', true],
    ['2026-05-11', '2026-05-10', '2026-01-01', false],
    ['2026-01-01', '2026-05-10', '2026-01-01', true],
    ['2025-12-31', '2026-05-10', '2026-01-01', true],
    ['2025-12-30', '2026-05-10', '2026-01-01', false],
    ['2020-01-01', '2026-05-10', null, true],
  ] as const)('met on %s, today %s, started %s: allowed %s', (metOn, today, startedOn, ok) => {
    const verdict = checkMetOn(metOn, { today, startedOn });
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toMatch(/future|began/);
  });

  it('keeps topics as tags: trimmed, collapsed, without blanks or repeats in any case', () => {
    expect(normalizeTopics(['  Career  moves ', 'career moves', '', '   ', 'Hiring', 'HIRING', 'Feedback'])).toEqual(['Career moves', 'Hiring', 'Feedback']);
    expect(normalizeTopics([])).toEqual([]);
  });

  it('lets only the author change a check-in, while the relationship runs', () => {
    expect(mayEditCheckIn({ loggedByPersonId: 'a' }, 'a', 'active').ok).toBe(true);
    expect(mayEditCheckIn({ loggedByPersonId: 'a' }, 'a', 'paused').ok).toBe(true);
    expect(mayEditCheckIn({ loggedByPersonId: 'a' }, 'b', 'active')).toEqual({ ok: false, reason: 'Only the person who logged a check-in may change it.' });
    expect(mayEditCheckIn({ loggedByPersonId: 'a' }, 'a', 'concluded').ok).toBe(false);
  });
});
