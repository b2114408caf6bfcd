import type { ActionItemStatus, Cadence, EngagementState, NoteKind, Party, SessionStatus, SponsorVisibility } from './api';

/** Words the coaching screens use for the API's values, in one place. */

export const STATE_LABELS: Record<EngagementState, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  active: 'Active',
  completed: 'Completed',
  ended_early: 'Ended early',
};

export const STATE_COLORS: Record<EngagementState, string> = {
  proposed: 'amber',
  agreed: 'blue',
  active: 'cairn',
  completed: 'indigo',
  ended_early: 'gray',
};

export const STATE_HINTS: Record<EngagementState, string> = {
  proposed: 'Waiting for every party to accept the agreement',
  agreed: 'The agreement holds; ready to start',
  active: 'Under way',
  completed: 'Closed with its outcomes',
  ended_early: 'Ended before its goals were met',
};

export const STATES = Object.keys(STATE_LABELS) as EngagementState[];

export const PARTY_LABELS: Record<Party, string> = {
  coach: 'Coach',
  client: 'Client',
  sponsor: 'Sponsor',
  admin: 'Admin',
  system: 'Cairn',
};

export const SPONSOR_VISIBILITY: Record<SponsorVisibility, { label: string; description: string }> = {
  nothing: {
    label: 'Nothing beyond the engagement itself',
    description: 'Only that the engagement exists, who coaches, its dates and its state. No goals, no progress, no sessions.',
  },
  goals_progress: {
    label: 'Goals and progress',
    description: 'Each goal with its baseline, target and progress. Never session content, notes, GROW worksheets or obstacles.',
  },
  goals_progress_attendance: {
    label: 'Goals, progress and attendance',
    description: 'Goals and progress, plus session dates and whether each was held, cancelled or missed. Never what was discussed.',
  },
};

export const SPONSOR_VISIBILITY_OPTIONS = (Object.keys(SPONSOR_VISIBILITY) as SponsorVisibility[]);

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  fortnightly: 'Every two weeks',
  monthly: 'Monthly',
  as_needed: 'As needed',
};

export const SESSION_STATUS: Record<SessionStatus, { label: string; color: string }> = {
  scheduled: { label: 'Scheduled', color: 'blue' },
  held: { label: 'Held', color: 'cairn' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  late_cancelled: { label: 'Cancelled late', color: 'orange' },
  no_show: { label: 'No-show', color: 'red' },
};

export const NOTE_KINDS: Record<NoteKind, { label: string; color: string; hint: string }> = {
  note: { label: 'Note', color: 'gray', hint: 'Something either of you wants to keep from the session' },
  observation: { label: 'Observation', color: 'blue', hint: 'What the coach noticed, offered back to the client' },
  question: { label: 'Question', color: 'grape', hint: 'A question the coach asked, to keep thinking about' },
};

export const ACTION_STATUS: Record<ActionItemStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'blue' },
  done: { label: 'Done', color: 'cairn' },
  dropped: { label: 'Dropped', color: 'gray' },
};

export const EVENT_LABELS: Record<string, string> = {
  propose: 'Proposed',
  all_accepted: 'Agreement accepted by every party',
  amend_agreement: 'Agreement amended',
  start: 'Started',
  close: 'Completed with outcomes',
  end_early: 'Ended early',
};

/** "62%" */
export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** 4, 4.5, 1,200 — values as people write them. */
export const number = (value: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);
