import type { Assignment, EngagementSummary } from './api';

export const ASSIGNMENT_STATUS: Record<Assignment['status'], { label: string; color: string }> = {
  not_started: { label: 'Not started', color: 'gray' },
  in_progress: { label: 'In progress', color: 'blue' },
  completed: { label: 'Completed', color: 'cairn' },
};

export const ENGAGEMENT_STATES: Record<EngagementSummary['state'], { label: string; color: string }> = {
  proposed: { label: 'Proposed', color: 'amber' },
  agreed: { label: 'Agreed', color: 'blue' },
  active: { label: 'Active', color: 'cairn' },
  completed: { label: 'Completed', color: 'indigo' },
  ended_early: { label: 'Ended early', color: 'gray' },
};
