/**
 * The coaching engagement's lifecycle as data: every allowed move is a row. The services enforce
 * it through `transition`, and the screens ask `availableEvents` which buttons to show.
 *
 *   proposed ──all parties accept the agreement──▶ agreed ──start──▶ active ──close──▶ completed
 *   proposed | agreed | active ──end early (reason)──▶ ended_early
 *   agreed ──agreement amended──▶ proposed (needs re-acceptance)
 */
export const ENGAGEMENT_STATES = ['proposed', 'agreed', 'active', 'completed', 'ended_early'] as const;
export type EngagementState = (typeof ENGAGEMENT_STATES)[number];

export const ENGAGEMENT_EVENTS = ['all_accepted', 'amend_agreement', 'start', 'close', 'end_early'] as const;
export type EngagementEvent = (typeof ENGAGEMENT_EVENTS)[number];

/** Who takes part: the engagement's own parties, the organization's admin, or Cairn itself. */
export type EngagementActor = 'coach' | 'client' | 'sponsor' | 'admin' | 'system';

export interface LifecycleRule {
  from: EngagementState;
  event: EngagementEvent;
  by: readonly EngagementActor[];
  to: EngagementState;
  /** Said to the person when the move needs something more. */
  requires?: 'reason';
}

export const ENGAGEMENT_LIFECYCLE: readonly LifecycleRule[] = [
  { from: 'proposed', event: 'all_accepted', by: ['system'], to: 'agreed' },
  { from: 'proposed', event: 'amend_agreement', by: ['coach', 'admin'], to: 'proposed' },
  { from: 'agreed', event: 'amend_agreement', by: ['coach', 'admin'], to: 'proposed' },
  { from: 'active', event: 'amend_agreement', by: ['coach', 'admin'], to: 'active' },
  { from: 'agreed', event: 'start', by: ['coach', 'client', 'admin'], to: 'active' },
  { from: 'active', event: 'close', by: ['system'], to: 'completed' },
  { from: 'proposed', event: 'end_early', by: ['coach', 'client', 'admin'], to: 'ended_early', requires: 'reason' },
  { from: 'agreed', event: 'end_early', by: ['coach', 'client', 'admin'], to: 'ended_early', requires: 'reason' },
  { from: 'active', event: 'end_early', by: ['coach', 'client', 'sponsor', 'admin'], to: 'ended_early', requires: 'reason' },
];

export const EVENT_LABELS: Record<EngagementEvent, string> = {
  all_accepted: 'every party accepted the agreement',
  amend_agreement: 'amend the agreement',
  start: 'start the engagement',
  close: 'close with outcomes',
  end_early: 'end the engagement early',
};

export type TransitionResult =
  | { ok: true; to: EngagementState; rule: LifecycleRule }
  | { ok: false; reason: string };

/** Whether `actors` (the roles the person holds in this engagement) may take `event` from `from`. */
export function transition(
  from: EngagementState,
  event: EngagementEvent,
  actors: readonly EngagementActor[],
  details: { reason?: string } = {},
): TransitionResult {
  const rules = ENGAGEMENT_LIFECYCLE.filter((rule) => rule.from === from && rule.event === event);
  if (rules.length === 0) {
    return { ok: false, reason: `An engagement that is ${from.replace('_', ' ')} cannot ${EVENT_LABELS[event]}.` };
  }
  const rule = rules.find((candidate) => candidate.by.some((actor) => actors.includes(actor)));
  if (!rule) {
    const allowed = [...new Set(rules.flatMap((r) => r.by))].join(' or ');
    return { ok: false, reason: `Only the ${allowed} may ${EVENT_LABELS[event]} now.` };
  }
  if (rule.requires === 'reason' && !details.reason?.trim()) {
    return { ok: false, reason: `Give a reason to ${EVENT_LABELS[event]}.` };
  }
  return { ok: true, to: rule.to, rule };
}

/** The events a person may take now: what the engagement screen offers as buttons. */
export function availableEvents(from: EngagementState, actors: readonly EngagementActor[]): EngagementEvent[] {
  return ENGAGEMENT_LIFECYCLE
    .filter((rule) => rule.from === from && rule.by.some((actor) => actors.includes(actor)))
    .map((rule) => rule.event);
}

/** States that hold one of the coach's slots. */
export const STATES_USING_CAPACITY: readonly EngagementState[] = ['agreed', 'active'];
export const OPEN_STATES: readonly EngagementState[] = ['proposed', 'agreed', 'active'];

export const isEngagementState = (value: string): value is EngagementState => (ENGAGEMENT_STATES as readonly string[]).includes(value);
