import type { RelationshipState } from './relationship-lifecycle.ts';

/**
 * After a relationship ends, each side may leave a closing reflection (private to its author) and
 * an appreciation (shared with the other person): one of each, so the closing stays a moment.
 */
export const CLOSING_STATES: readonly RelationshipState[] = ['concluded'];

export function mayLeaveClosing(state: RelationshipState, already: { written: boolean; what: 'closing reflection' | 'appreciation' }): { ok: true } | { ok: false; reason: string } {
  if (!CLOSING_STATES.includes(state)) return { ok: false, reason: `A ${already.what} is left once the relationship has concluded; this one is ${state}.` };
  if (already.written) return { ok: false, reason: `You have already left your ${already.what} for this relationship.` };
  return { ok: true };
}
