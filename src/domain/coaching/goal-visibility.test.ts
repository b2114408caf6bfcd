import { describe, expect, it } from 'vitest';
import type { SponsorVisibility } from './agreement.ts';
import type { EngagementActor } from './engagement-lifecycle.ts';
import { goalAccess, GOALS_HIDDEN_FROM_ADMIN, GOALS_HIDDEN_FROM_SPONSOR, seesCoachingContent, sponsorSeesGoalsNow } from './goal-visibility.ts';

type V = SponsorVisibility | null;

describe('whether the sponsor sees goals now', () => {
  it.each<[V, V, boolean]>([
    [null, null, false],
    [null, 'goals_progress', false],
    ['nothing', 'nothing', false],
    ['nothing', 'goals_progress', false], // amended to share more, not yet accepted by all: no wider view
    ['nothing', 'goals_progress_attendance', false],
    ['goals_progress', 'goals_progress', true],
    ['goals_progress', 'goals_progress_attendance', true],
    ['goals_progress_attendance', 'goals_progress', true],
    ['goals_progress', 'nothing', false], // amended to share less: narrower at once
    ['goals_progress_attendance', 'nothing', false],
  ])('accepted %s, current %s → %s', (accepted, current, expected) => {
    expect(sponsorSeesGoalsNow({ accepted, current })).toBe(expected);
  });
});

describe('goal access by part in the engagement', () => {
  const shared = { accepted: 'goals_progress', current: 'goals_progress' } as const;
  const hidden = { accepted: 'nothing', current: 'nothing' } as const;
  it.each<[EngagementActor[], typeof shared | typeof hidden, string]>([
    [['coach'], hidden, 'full'],
    [['client'], hidden, 'full'],
    [['coach', 'admin'], hidden, 'full'],
    [['sponsor'], shared, 'sponsor'],
    [['sponsor', 'admin'], shared, 'sponsor'],
    [['sponsor'], hidden, GOALS_HIDDEN_FROM_SPONSOR],
    [['sponsor', 'admin'], hidden, GOALS_HIDDEN_FROM_SPONSOR],
    [['admin'], shared, GOALS_HIDDEN_FROM_ADMIN],
    [[], shared, 'You take no part in this engagement.'],
  ])('%o → %s', (actors, visibility, expected) => {
    const access = goalAccess(actors, visibility);
    expect(access.ok ? access.view : access.reason).toBe(expected);
  });

  it('shows coaching content (GROW, obstacles, notes) in the full view only', () => {
    expect(seesCoachingContent('full')).toBe(true);
    expect(seesCoachingContent('sponsor')).toBe(false);
  });
});
