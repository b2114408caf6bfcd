import { addDays, isCalendarDate, utcDateOf } from './calendar-dates.ts';

/**
 * Keeping track of a goal: progress updates, the current value they give the goal, and the
 * bounds that keep one engagement's record a size a person can read.
 */

/** Generous bounds: a real engagement stays far below them; they stop runaway growth. */
export const GOAL_LIMITS = {
  goalsPerEngagement: 20,
  milestonesPerGoal: 50,
  progressUpdatesPerGoal: 500,
  growRevisionsPerGoal: 200,
  obstaclesPerGoal: 100,
} as const;

/** Measured values stay within this magnitude, so shares and differences remain finite. */
export const MEASURE_LIMIT = 1e12;

/**
 * A progress update may be dated at most this many days after today (UTC): someone a few hours
 * ahead of UTC records "today" on a date that is still tomorrow in UTC.
 */
export const PROGRESS_DAYS_AHEAD = 1;

export function latestProgressDate(now: Date): string {
  return addDays(utcDateOf(now), PROGRESS_DAYS_AHEAD);
}

/** Why a progress date cannot be used, or null when it can. */
export function progressDateProblem(recordedOn: string, now: Date): string | null {
  if (!isCalendarDate(recordedOn)) return 'must be a calendar date, YYYY-MM-DD';
  const latest = latestProgressDate(now);
  if (recordedOn > latest) return `must not be in the future (at the latest ${latest})`;
  return null;
}

export interface ProgressEntry {
  id: string;
  value: number;
  /** The date the value was measured, YYYY-MM-DD. */
  recordedOn: string;
  /** When it was written down; breaks ties between updates for the same date. */
  createdAt: string;
}

/** Orders updates as they happened: by measured date, then by when they were written. */
export function compareProgress(a: ProgressEntry, b: ProgressEntry): number {
  if (a.recordedOn !== b.recordedOn) return a.recordedOn < b.recordedOn ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The update that stands: the latest measured date; for one date, the last one written. */
export function latestProgress<T extends ProgressEntry>(entries: readonly T[]): T | null {
  let latest: T | null = null;
  for (const entry of entries) if (!latest || compareProgress(entry, latest) > 0) latest = entry;
  return latest;
}

/** A goal's current value: its latest progress update, or its baseline before any. */
export function currentValue(baseline: number, entries: readonly ProgressEntry[]): number {
  return latestProgress(entries)?.value ?? baseline;
}
