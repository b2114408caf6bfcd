import { nextReviewDue, reviewOutcome, type ReviewAnswer, type ReviewOutcome } from './continuation-review.ts';
import type { RelationshipState } from './relationship-lifecycle.ts';

/**
 * When "shall we continue?" is asked and answered. A review opens a week before it is due; from
 * then each side may answer (and change their answer) until it is settled. Both continue: the next
 * review is due one interval after this one (or after today, when they answered late). Either
 * concludes: the relationship ends, no fault.
 */
export const REVIEW_OPENS_DAYS_BEFORE = 7;

type Verdict = { ok: true } | { ok: false; reason: string };

const plusDays = (date: string, days: number): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};

export const reviewOpensOn = (dueOn: string): string => plusDays(dueOn, -REVIEW_OPENS_DAYS_BEFORE);

/** Waiting for this person: open (due within the week, or overdue), unsettled, and not yet answered by them. */
export function reviewPendingFor(review: { dueOn: string; outcome: string | null; answered: boolean }, today: string): boolean {
  return review.outcome === null && !review.answered && reviewOpensOn(review.dueOn) <= today;
}

export function mayAnswerReview(review: { dueOn: string; outcome: string | null }, relationshipState: RelationshipState, today: string): Verdict {
  if (relationshipState !== 'active' && relationshipState !== 'paused') return { ok: false, reason: `The relationship is ${relationshipState}; there is nothing left to review.` };
  if (review.outcome !== null) return { ok: false, reason: 'This review is already settled.' };
  if (today < reviewOpensOn(review.dueOn)) return { ok: false, reason: `This review opens on ${reviewOpensOn(review.dueOn)}, a week before it is due.` };
  return { ok: true };
}

export interface ReviewResolution {
  outcome: ReviewOutcome;
  /** Both continued: when the next review is due. */
  nextDueOn: string | null;
}

export function resolveReview(answers: { mentor?: ReviewAnswer; mentee?: ReviewAnswer }, schedule: { dueOn: string; today: string; everyWeeks: number }): ReviewResolution {
  const outcome = reviewOutcome(answers);
  if (outcome !== 'continued') return { outcome, nextDueOn: null };
  const from = schedule.today > schedule.dueOn ? schedule.today : schedule.dueOn;
  return { outcome, nextDueOn: nextReviewDue(from, schedule.everyWeeks) };
}
