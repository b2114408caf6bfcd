import type { SponsorVisibility } from './agreement.ts';
import type { EngagementActor } from './engagement-lifecycle.ts';
import { mayInEngagement, sponsorMaySee } from './engagement-permissions.ts';

/**
 * Who sees an engagement's goals, and how much of them.
 *
 * - `full`: the coach and the client see everything: goals, why they matter, progress notes,
 *   GROW worksheets and obstacles.
 * - `sponsor`: goals and progress only (statements, measures, values, dates, milestones), never
 *   the coaching content (why it matters, progress notes, GROW worksheets, obstacles); and only
 *   while the agreement shares goals with the sponsor.
 * - the admin sees attainment figures in the engagement overview and no goal content at all.
 */
export type GoalView = 'full' | 'sponsor';

export type GoalAccess = { ok: true; view: GoalView } | { ok: false; reason: string };

export interface SponsorAgreementVisibility {
  /** Of the latest agreement version every party accepted (null: none accepted yet). */
  accepted: SponsorVisibility | null;
  /** Of the newest version, accepted or still waiting (null: no agreement). */
  current: SponsorVisibility | null;
}

export const GOALS_HIDDEN_FROM_ADMIN =
  'Goals are coaching content between coach and client: as an admin you see their attainment in the engagement overview, not the goals themselves.';
export const GOALS_HIDDEN_FROM_SPONSOR =
  'The agreement does not share goals and progress with the sponsor.';
export const COACHING_CONTENT_ONLY =
  'GROW worksheets and obstacles are coaching content: only the coach and the client see them.';

/**
 * A sponsor's view widens only with an agreement every party accepted, and narrows at once when
 * a newer version (not yet accepted) shares less: the sponsor sees goals only while both allow it.
 */
export function sponsorSeesGoalsNow(visibility: SponsorAgreementVisibility): boolean {
  return sponsorMaySee(visibility.accepted, 'goals') && sponsorMaySee(visibility.current, 'goals');
}

export function goalAccess(actors: readonly EngagementActor[], sponsor: SponsorAgreementVisibility): GoalAccess {
  if (mayInEngagement(actors, 'viewContent')) return { ok: true, view: 'full' };
  if (actors.includes('sponsor')) {
    return sponsorSeesGoalsNow(sponsor) ? { ok: true, view: 'sponsor' } : { ok: false, reason: GOALS_HIDDEN_FROM_SPONSOR };
  }
  if (actors.includes('admin')) return { ok: false, reason: GOALS_HIDDEN_FROM_ADMIN };
  return { ok: false, reason: 'You take no part in this engagement.' };
}

/** Whether a view includes the coaching content around goals (why, notes, GROW, obstacles). */
export const seesCoachingContent = (view: GoalView): boolean => view === 'full';
