/**
 * Goal attainment: each goal is measured from a baseline toward a target, in either direction
 * (more sales calls, fewer missed deadlines).
 */
export interface GoalMeasure {
  baseline: number;
  target: number;
  current: number;
}

/** True when the current value has reached the target, whichever way the goal points. */
export function goalMet({ baseline, target, current }: GoalMeasure): boolean {
  return target >= baseline ? current >= target : current <= target;
}

/** Share of the way from baseline to target, clamped to 0..1 (a goal already at target is 1). */
export function goalProgress({ baseline, target, current }: GoalMeasure): number {
  if (target === baseline) return 1;
  const share = (current - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, share));
}

export interface Attainment {
  goals: number;
  met: number;
  /** Mean progress over the goals, 0..1; null without goals. */
  meanProgress: number | null;
  allMet: boolean;
}

export function attainment(goals: readonly GoalMeasure[]): Attainment {
  const met = goals.filter(goalMet).length;
  return {
    goals: goals.length,
    met,
    meanProgress: goals.length ? goals.reduce((sum, goal) => sum + goalProgress(goal), 0) / goals.length : null,
    allMet: goals.length > 0 && met === goals.length,
  };
}
