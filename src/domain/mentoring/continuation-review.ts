/**
 * "Shall we continue?": each side answers privately. Both continue → the next review is
 * scheduled; either concludes → the relationship ends, no fault, and the other is told kindly
 * without learning who chose to end it.
 */
export type ReviewAnswer = 'continue' | 'conclude';
export type ReviewOutcome = 'pending' | 'continued' | 'concluded';

export function reviewOutcome(answers: { mentor?: ReviewAnswer; mentee?: ReviewAnswer }): ReviewOutcome {
  if (answers.mentor === 'conclude' || answers.mentee === 'conclude') return 'concluded';
  if (answers.mentor === 'continue' && answers.mentee === 'continue') return 'continued';
  return 'pending';
}

export function nextReviewDue(fromDate: string, everyWeeks: number): string {
  const next = new Date(`${fromDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + everyWeeks * 7);
  return next.toISOString().slice(0, 10);
}

/** The words the other side reads: the same whoever ended it, so nobody is blamed. */
export const KIND_CONCLUSION_NOTICE = {
  title: 'Your mentoring relationship has come to a close',
  body:
    'At this review, the relationship came to a natural close. That is a normal part of mentoring and nobody is at fault. ' +
    'Thank you for the time and care you gave. You can leave a closing reflection (private to you) and an appreciation for the other person.',
};
