/**
 * Action items: what the client leaves a session committed to. Each is open until marked done
 * or dropped; a done or dropped item may be reopened. The next session reviews them.
 */
export const ACTION_ITEM_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export type ItemVerdict = { ok: true } | { ok: false; reason: string };

/** open → done | dropped; done | dropped → open (reopen). Nothing else. */
export function actionItemMove(from: ActionItemStatus, to: ActionItemStatus): ItemVerdict {
  if (from === to) return { ok: false, reason: `This action item is already ${from}.` };
  if (from !== 'open' && to !== 'open') return { ok: false, reason: `This action item is ${from}; reopen it first.` };
  return { ok: true };
}

export interface ReviewableItem {
  sessionId: string | null;
  status: ActionItemStatus;
  /** When it was marked done or dropped (ISO instant). */
  completedAt: string | null;
}

/**
 * The items a session reviews: every open item of the engagement, and those done or dropped since
 * the previous session began (all of them when there was none). Items that came out of this very
 * session are its new commitments, not its review.
 */
export function reviewActionItems<T extends ReviewableItem>(items: readonly T[], session: { id: string; previousStartsAt: string | null }): T[] {
  return items.filter((item) => {
    if (item.sessionId === session.id) return false;
    if (item.status === 'open') return true;
    if (session.previousStartsAt === null) return true;
    return item.completedAt !== null && Date.parse(item.completedAt) >= Date.parse(session.previousStartsAt);
  });
}
