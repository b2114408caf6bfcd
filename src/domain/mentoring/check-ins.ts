import type { RelationshipState } from './relationship-lifecycle.ts';

/**
 * Check-ins: each meeting of a mentor and mentee, logged by either with its date, topics and the
 * notes both share. Private reflections hang off the same relationship but are not part of it.
 */
export type Verdict = { ok: true } | { ok: false; reason: string };

/** A relationship takes check-ins and reflections while it runs, paused included. */
export const CHECK_IN_STATES: readonly RelationshipState[] = ['active', 'paused'];
export const MAX_TOPICS = 12;

const plusDays = (date: string, days: number): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};

export function mayLogCheckIn(state: RelationshipState): Verdict {
  if (CHECK_IN_STATES.includes(state)) return { ok: true };
  return { ok: false, reason: `Check-ins are logged while a relationship runs; this one is ${state}.` };
}

/**
 * When the meeting took place: not after today in the logger's own time zone, and not before the
 * relationship began (one day's grace, since the start is a UTC instant and the date is local).
 */
export function checkMetOn(metOn: string, context: { today: string; startedOn: string | null }): Verdict {
  if (metOn > context.today) return { ok: false, reason: `must not be in the future (today is ${context.today})` };
  if (context.startedOn && metOn < plusDays(context.startedOn, -1)) return { ok: false, reason: `must not be before the relationship began (${context.startedOn})` };
  return { ok: true };
}

/** Topics as tags: trimmed, inner spaces collapsed, blanks dropped, repeats (in any case) once, in the order given. */
export function normalizeTopics(topics: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of topics) {
    const topic = raw.trim().replace(/\s+/g, ' ');
    const key = topic.toLocaleLowerCase('en');
    if (!topic || seen.has(key)) continue;
    seen.add(key);
    result.push(topic);
  }
  return result;
}

/** The one who logged a check-in corrects it; the other side adds their own. */
export function mayEditCheckIn(checkIn: { loggedByPersonId: string }, editorPersonId: string, state: RelationshipState): Verdict {
  if (checkIn.loggedByPersonId !== editorPersonId) return { ok: false, reason: 'Only the person who logged a check-in may change it.' };
  return mayLogCheckIn(state);
}
