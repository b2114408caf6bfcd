import { describe, expect, it } from 'vitest';
import { mayAnswerReview, resolveReview, reviewOpensOn, reviewPendingFor } from './review-schedule.ts';

describe('continuation review schedule', () => {
  it('opens a week before it is due', () => {
    expect(reviewOpensOn('2026-03-08')).toBe('2026-03-01');
    expect(reviewOpensOn('2026-03-03')).toBe('2026-02-24');
  });

  it.each([
    // due, outcome, answered by this person, today → pending for them
    ['2026-03-08', null, false, '2026-02-28', false],
    ['2026-03-08', null, false, '2026-03-01', true],
    ['2026-03-08', null, false, '2026-03-08', true],
    ['2026-03-08', null, false, '2026-04-30', true],
    ['2026-03-08', null, true, '2026-03-05', false],
    ['2026-03-08', 'continued', false, '2026-03-05', false],
    ['2026-03-08', 'concluded', false, '2026-03-05', false],
  ] as const)('due %s, outcome %s, answered %s, on %s: pending %s', (dueOn, outcome, answered, today, pending) => {
    expect(reviewPendingFor({ dueOn, outcome, answered }, today)).toBe(pending);
  });

  it.each([
    ['active', null, '2026-03-01', true],
    ['paused', null, '2026-03-20', true],
    ['active', null, '2026-02-28', false],
    ['active', 'continued', '2026-03-05', false],
    ['concluded', null, '2026-03-05', false],
    ['requested', null, '2026-03-05', false],
  ] as const)('a %s relationship, review outcome %s, on %s: may answer %s', (state, outcome, today, ok) => {
    const verdict = mayAnswerReview({ dueOn: '2026-03-08', outcome }, state, today);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(15);
  });

  it.each([
    [{}, 'pending', null],
    [{ mentor: 'continue' }, 'pending', null],
    [{ mentee: 'continue' }, 'pending', null],
    [{ mentor: 'continue', mentee: 'continue' }, 'continued', '2026-05-31'],
    [{ mentor: 'conclude' }, 'concluded', null],
    [{ mentee: 'conclude' }, 'concluded', null],
    [{ mentor: 'continue', mentee: 'conclude' }, 'concluded', null],
    [{ mentor: 'conclude', mentee: 'continue' }, 'concluded', null],
  ] as const)('answers %j settle as %s (next due %s)', (answers, outcome, nextDueOn) => {
    expect(resolveReview(answers, { dueOn: '2026-03-08', today: '2026-03-03', everyWeeks: 12 })).toEqual({ outcome, nextDueOn });
  });

  it('schedules the next review from today when both answered after the due date', () => {
    expect(resolveReview({ mentor: 'continue', mentee: 'continue' }, { dueOn: '2026-03-08', today: '2026-03-20', everyWeeks: 4 }).nextDueOn).toBe('2026-04-17');
  });
});
