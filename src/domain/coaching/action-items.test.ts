import { describe, expect, it } from 'vitest';
import { actionItemMove, reviewActionItems, type ActionItemStatus } from './action-items.ts';

describe('action item moves', () => {
  it.each([
    ['open', 'done', true], ['open', 'dropped', true], ['done', 'open', true], ['dropped', 'open', true],
    ['open', 'open', false], ['done', 'done', false], ['done', 'dropped', false], ['dropped', 'done', false],
  ] as [ActionItemStatus, ActionItemStatus, boolean][])('%s → %s allowed = %s', (from, to, allowed) => {
    expect(actionItemMove(from, to).ok).toBe(allowed);
  });
});

describe('the review of action items at a session', () => {
  const items = [
    { id: 'open-old', sessionId: 's0', status: 'open' as const, completedAt: null },
    { id: 'done-before', sessionId: 's0', status: 'done' as const, completedAt: '2026-04-01T10:00:00Z' },
    { id: 'done-since', sessionId: 's1', status: 'done' as const, completedAt: '2026-04-20T10:00:00Z' },
    { id: 'dropped-since', sessionId: null, status: 'dropped' as const, completedAt: '2026-04-16T09:00:00Z' },
    { id: 'from-this', sessionId: 's2', status: 'open' as const, completedAt: null },
  ];

  it('shows open items and those finished since the previous session began, not this session’s own', () => {
    const review = reviewActionItems(items, { id: 's2', previousStartsAt: '2026-04-15T09:00:00Z' });
    expect(review.map((item) => item.id)).toEqual(['open-old', 'done-since', 'dropped-since']);
  });

  it('shows every item at the first session', () => {
    expect(reviewActionItems(items, { id: 's2', previousStartsAt: null })).toHaveLength(4);
  });
});
