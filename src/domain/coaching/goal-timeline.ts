import { compareProgress, type ProgressEntry } from './goal-tracking.ts';
import { goalMet, goalProgress } from './goals.ts';

/**
 * What the timeline screen draws: each goal's milestones against the engagement's dates, and its
 * progress against the target line. Built from plain data; the screen only plots it.
 */
export interface EngagementWindow {
  /** The current agreement's dates, YYYY-MM-DD. */
  startDate: string;
  plannedEndDate: string;
}

export interface DatedValue {
  date: string;
  value: number;
}

export type MilestoneStatus = 'done' | 'overdue' | 'upcoming';

export interface MilestoneInput {
  id: string;
  title: string;
  dueDate: string;
  doneAt: string | null;
}

export interface TimelineMilestone extends MilestoneInput {
  status: MilestoneStatus;
  /** Whether the due date falls between the engagement's start and planned end (inclusive). */
  withinEngagement: boolean;
}

export interface GoalTimelineInput {
  id: string;
  statement: string;
  unit: string;
  baseline: number;
  target: number;
  /** The goal's current value as stored: its latest update, or the final value written at closure. */
  current: number;
  dueDate: string | null;
  progress: readonly ProgressEntry[];
  milestones: readonly MilestoneInput[];
}

export interface GoalTimeline {
  goalId: string;
  statement: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  met: boolean;
  /** Share of the way from baseline to target, 0..1. */
  progressShare: number;
  dueDate: string | null;
  /** The date the target should be reached by: the goal's due date, else the engagement's planned end. */
  targetDate: string;
  /** One point per measured date (the last update written for a date stands), oldest first. */
  points: DatedValue[];
  /** The straight path from the baseline at the start to the target at the target date. */
  plannedPath: DatedValue[];
  milestones: TimelineMilestone[];
}

export function withinWindow(date: string, window: EngagementWindow): boolean {
  return date >= window.startDate && date <= window.plannedEndDate;
}

/** A milestone is done once ticked off; otherwise overdue after its due date, else upcoming. */
export function milestoneStatus(milestone: { dueDate: string; doneAt: string | null }, today: string): MilestoneStatus {
  if (milestone.doneAt) return 'done';
  return milestone.dueDate < today ? 'overdue' : 'upcoming';
}

/** The chart's series: one value per date, oldest first; a later update for the same date replaces the earlier. */
export function progressSeries(entries: readonly ProgressEntry[]): DatedValue[] {
  const byDate = new Map<string, number>();
  for (const entry of [...entries].sort(compareProgress)) byDate.set(entry.recordedOn, entry.value);
  return [...byDate].map(([date, value]) => ({ date, value }));
}

/** From the baseline at the engagement's start to the target on the target date; one point when they coincide or run backwards. */
export function plannedPath(baseline: number, target: number, startDate: string, targetDate: string): DatedValue[] {
  if (targetDate <= startDate) return [{ date: targetDate, value: target }];
  return [{ date: startDate, value: baseline }, { date: targetDate, value: target }];
}

export function goalTimeline(goal: GoalTimelineInput, window: EngagementWindow, today: string): GoalTimeline {
  const current = goal.current;
  const measure = { baseline: goal.baseline, target: goal.target, current };
  const targetDate = goal.dueDate ?? window.plannedEndDate;
  return {
    goalId: goal.id,
    statement: goal.statement,
    unit: goal.unit,
    baseline: goal.baseline,
    target: goal.target,
    current,
    met: goalMet(measure),
    progressShare: goalProgress(measure),
    dueDate: goal.dueDate,
    targetDate,
    points: progressSeries(goal.progress),
    plannedPath: plannedPath(goal.baseline, goal.target, window.startDate, targetDate),
    milestones: [...goal.milestones]
      .sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1))
      .map((milestone) => ({ ...milestone, status: milestoneStatus(milestone, today), withinEngagement: withinWindow(milestone.dueDate, window) })),
  };
}
