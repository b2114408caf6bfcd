/** Cancelling closer to the start than this counts as a late cancellation. */
export const LATE_CANCELLATION_HOURS = 24;

export type CancellationKind = 'cancelled' | 'late_cancelled';

export function cancellationKind(startsAt: Date, cancelledAt: Date): CancellationKind {
  const hoursBefore = (startsAt.getTime() - cancelledAt.getTime()) / 3_600_000;
  return hoursBefore < LATE_CANCELLATION_HOURS ? 'late_cancelled' : 'cancelled';
}

/** The client may set or change the focus until the session ends. */
export function focusOpen(startsAt: Date, durationMinutes: number, now: Date): boolean {
  return now.getTime() < startsAt.getTime() + durationMinutes * 60_000;
}
