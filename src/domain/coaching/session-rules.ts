import { cancellationKind, focusOpen, type CancellationKind } from './sessions.ts';
import type { EngagementState } from './engagement-lifecycle.ts';

/**
 * A coaching session's own lifecycle, as pure rules over plain data:
 *
 *   scheduled ──reschedule──▶ scheduled
 *   scheduled ──cancel (≥ 24 h before the start)──▶ cancelled
 *   scheduled ──cancel (< 24 h before, or after the start)──▶ late_cancelled
 *   scheduled ──held / no-show (once it has started)──▶ held | no_show
 *   held ──rate (client)──▶ held, rated
 */
export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled', 'late_cancelled', 'no_show'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 480;
/** A session may be recorded this far after the fact (for the hours log) … */
export const SCHEDULE_PAST_DAYS = 90;
/** … and booked this far ahead. */
export const SCHEDULE_AHEAD_DAYS = 730;

/** Sessions are booked only in an engagement whose agreement holds and that has not ended. */
export const SCHEDULING_STATES: readonly EngagementState[] = ['agreed', 'active'];

export const STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'scheduled',
  held: 'held',
  cancelled: 'cancelled',
  late_cancelled: 'cancelled late',
  no_show: 'a no-show',
};

export interface SessionFacts {
  status: SessionStatus;
  startsAt: Date;
  durationMinutes: number;
}

export type SessionAction = 'reschedule' | 'cancel' | 'record_attendance' | 'set_focus' | 'rate';

export type Verdict = { ok: true } | { ok: false; reason: string };

const ok: Verdict = { ok: true };
const refuse = (reason: string): Verdict => ({ ok: false, reason });

export const sessionEnd = (session: Pick<SessionFacts, 'startsAt' | 'durationMinutes'>): Date =>
  new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);

/** Whether a start time may be booked now: not too far in the past nor in the future. */
export function checkStart(startsAt: Date, now: Date): Verdict {
  const days = (startsAt.getTime() - now.getTime()) / 86_400_000;
  if (days < -SCHEDULE_PAST_DAYS) return refuse(`must be at most ${SCHEDULE_PAST_DAYS} days in the past`);
  if (days > SCHEDULE_AHEAD_DAYS) return refuse(`must be at most ${SCHEDULE_AHEAD_DAYS} days ahead`);
  return ok;
}

/** Whether the session's own state allows the action now (who may take it is asked elsewhere). */
export function sessionMove(session: SessionFacts, action: SessionAction, now: Date): Verdict {
  const was = `This session is ${STATUS_LABELS[session.status]}`;
  switch (action) {
    case 'reschedule':
      return session.status === 'scheduled' ? ok : refuse(`${was}; only a scheduled session can be rescheduled.`);
    case 'cancel':
      if (session.status !== 'scheduled') return refuse(`${was}; only a scheduled session can be cancelled.`);
      if (now.getTime() >= sessionEnd(session).getTime()) return refuse('This session is over; record it as held or as a no-show instead.');
      return ok;
    case 'record_attendance':
      if (session.status !== 'scheduled') return refuse(`${was}; its attendance is already settled.`);
      if (now.getTime() < session.startsAt.getTime()) return refuse('This session has not started yet; record attendance once it has.');
      return ok;
    case 'set_focus':
      if (session.status !== 'scheduled' && session.status !== 'held') return refuse(`${was}; it has no focus to set.`);
      if (!focusOpen(session.startsAt, session.durationMinutes, now)) return refuse('This session has ended; its focus can no longer change.');
      return ok;
    case 'rate':
      return session.status === 'held' ? ok : refuse(`${was}; only a held session can be rated.`);
  }
}

/** What a cancellation now is recorded as. */
export function cancellationStatus(session: Pick<SessionFacts, 'startsAt'>, now: Date): CancellationKind {
  return cancellationKind(session.startsAt, now);
}

/** The moves the session allows now: the screen shows these buttons (filtered by the person's part). */
export function availableSessionActions(session: SessionFacts, now: Date): SessionAction[] {
  return (['reschedule', 'cancel', 'record_attendance', 'set_focus', 'rate'] as const).filter((action) => sessionMove(session, action, now).ok);
}

/** Whether a session counts as a meeting that took place or is still to take place. */
export const isMeeting = (status: SessionStatus): boolean => status === 'scheduled' || status === 'held';
