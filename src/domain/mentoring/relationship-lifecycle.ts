/**
 * A mentoring relationship's lifecycle as data. Requests and relationships are one thing seen
 * over time: a request is a relationship in state `requested`.
 *
 *   requested ──accept──▶ active ⇄ paused ──conclude──▶ concluded
 *   requested ──decline / withdraw / expire──▶ declined / withdrawn / expired
 */
export const RELATIONSHIP_STATES = ['requested', 'active', 'paused', 'concluded', 'declined', 'withdrawn', 'expired'] as const;
export type RelationshipState = (typeof RELATIONSHIP_STATES)[number];

export const RELATIONSHIP_EVENTS = ['accept', 'decline', 'withdraw', 'expire', 'pause', 'resume', 'conclude'] as const;
export type RelationshipEvent = (typeof RELATIONSHIP_EVENTS)[number];

/** The relationship's people, the program's admin, or Cairn itself (expiry, a review's outcome). */
export type RelationshipActor = 'mentor' | 'mentee' | 'requester' | 'admin' | 'system';

export interface RelationshipRule {
  from: RelationshipState;
  event: RelationshipEvent;
  by: readonly RelationshipActor[];
  to: RelationshipState;
}

export const RELATIONSHIP_LIFECYCLE: readonly RelationshipRule[] = [
  // The person asked answers the request; the one who asked may take it back.
  { from: 'requested', event: 'accept', by: ['mentor'], to: 'active' },
  { from: 'requested', event: 'decline', by: ['mentor'], to: 'declined' },
  { from: 'requested', event: 'withdraw', by: ['requester'], to: 'withdrawn' },
  { from: 'requested', event: 'expire', by: ['system'], to: 'expired' },
  { from: 'active', event: 'pause', by: ['mentor', 'mentee', 'admin'], to: 'paused' },
  { from: 'paused', event: 'resume', by: ['mentor', 'mentee', 'admin'], to: 'active' },
  { from: 'active', event: 'conclude', by: ['mentor', 'mentee', 'admin', 'system'], to: 'concluded' },
  { from: 'paused', event: 'conclude', by: ['mentor', 'mentee', 'admin', 'system'], to: 'concluded' },
];

const EVENT_WORDS: Record<RelationshipEvent, string> = {
  accept: 'accept the request', decline: 'decline the request', withdraw: 'withdraw the request', expire: 'expire the request',
  pause: 'pause the relationship', resume: 'resume the relationship', conclude: 'conclude the relationship',
};

export type RelationshipTransition = { ok: true; to: RelationshipState } | { ok: false; reason: string };

export function relationshipTransition(from: RelationshipState, event: RelationshipEvent, actors: readonly RelationshipActor[]): RelationshipTransition {
  const rules = RELATIONSHIP_LIFECYCLE.filter((rule) => rule.from === from && rule.event === event);
  if (rules.length === 0) return { ok: false, reason: `A relationship that is ${from} cannot ${EVENT_WORDS[event]}.` };
  const rule = rules.find((r) => r.by.some((actor) => actors.includes(actor)));
  if (!rule) return { ok: false, reason: `Only the ${[...new Set(rules.flatMap((r) => r.by))].join(' or ')} may ${EVENT_WORDS[event]}.` };
  return { ok: true, to: rule.to };
}

/** The moves a person may make now: what the relationship screen offers as buttons. */
export function relationshipEventsFor(from: RelationshipState, actors: readonly RelationshipActor[]): RelationshipEvent[] {
  const people: readonly RelationshipActor[] = actors.filter((actor) => actor !== 'system');
  return RELATIONSHIP_LIFECYCLE.filter((rule) => rule.from === from && rule.by.some((actor) => people.includes(actor))).map((rule) => rule.event);
}

/** States that take one of the mentor's places. */
export const STATES_USING_MENTOR_CAPACITY: readonly RelationshipState[] = ['active', 'paused'];
export const OPEN_REQUEST_STATES: readonly RelationshipState[] = ['requested'];
export const isRelationshipState = (value: string): value is RelationshipState => (RELATIONSHIP_STATES as readonly string[]).includes(value);
