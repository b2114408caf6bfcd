/**
 * What a program's admin reads on the dashboard, as rules: a mentor's load against capacity, and
 * how long an approved mentee has waited without a mentor.
 */
export type LoadStatus = 'paused' | 'room' | 'full' | 'over';

export function mentorLoad(input: { capacity: number; active: number; paused: boolean }): { status: LoadStatus; openPlaces: number } {
  const openPlaces = Math.max(0, input.capacity - input.active);
  if (input.active > input.capacity) return { status: 'over', openPlaces: 0 };
  if (input.paused) return { status: 'paused', openPlaces: 0 };
  return { status: openPlaces > 0 ? 'room' : 'full', openPlaces };
}

/** A mentee waits from the later of their approval and the end of their last pairing in the program. */
export function waitingSince(approvedAt: string, lastEndedAt: string | null): string {
  return lastEndedAt && lastEndedAt > approvedAt ? lastEndedAt : approvedAt;
}

export function daysWaiting(since: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86_400_000));
}
