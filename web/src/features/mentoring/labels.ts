import type { DeclineReason, Health, LoadStatus, PairGroup, PairingMode, Purpose, QuestionType, RelationshipEvent, RelationshipState } from './api';

/** Words the mentoring screens use for the API's values, in one place. */

export const STATE_LABELS: Record<RelationshipState, string> = {
  requested: 'Requested',
  active: 'Active',
  paused: 'Paused',
  concluded: 'Concluded',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

export const STATE_COLORS: Record<RelationshipState, string> = {
  requested: 'amber',
  active: 'cairn',
  paused: 'gray',
  concluded: 'indigo',
  declined: 'gray',
  withdrawn: 'gray',
  expired: 'gray',
};

export const STATE_HINTS: Record<RelationshipState, string> = {
  requested: 'Waiting for the mentor’s answer',
  active: 'Under way',
  paused: 'On hold for a while; check-ins can still be logged',
  concluded: 'Came to a close',
  declined: 'The mentor could not take this on',
  withdrawn: 'The request was taken back',
  expired: 'The request went unanswered for 14 days',
};

/** Health in words as well as colour: the badge always says what it means. */
export const HEALTH: Record<Health, { label: string; color: string; hint: string }> = {
  on_track: { label: 'On track', color: 'cairn', hint: 'Check-ins keep the agreed rhythm' },
  slipping: { label: 'Slipping', color: 'amber', hint: 'The next check-in is late' },
  stalled: { label: 'Stalled', color: 'red', hint: 'No check-in for more than twice the agreed rhythm' },
};

export const PAIR_GROUP_LABELS: Record<PairGroup, string> = {
  on_track: 'On track',
  slipping: 'Slipping',
  stalled: 'Stalled',
  paused: 'Paused',
};

export const EVENT_LABELS: Record<RelationshipEvent, string> = {
  accept: 'Accept',
  decline: 'Decline',
  withdraw: 'Withdraw request',
  expire: 'Expire',
  pause: 'Pause',
  resume: 'Resume',
  conclude: 'Conclude the relationship',
};

export const PURPOSE_LABELS: Record<Purpose, string> = {
  onboarding: 'Onboarding',
  career_growth: 'Career growth',
  leadership: 'Leadership',
  diversity_inclusion: 'Diversity & inclusion',
  employee_resource_group: 'Employee resource group',
  reverse_mentoring: 'Reverse mentoring',
  other: 'Other',
};

export const PAIRING_LABELS: Record<PairingMode, { label: string; description: string }> = {
  admin_assigns: { label: 'The program team pairs people', description: 'After you enroll, the program’s admin pairs each mentee with a mentor who has room.' },
  mentor_accepts: { label: 'Mentees ask, mentors accept', description: 'Mentees ask a mentor of the program; the mentor accepts or kindly declines.' },
  mentee_choice: { label: 'Mentees choose their mentor', description: 'Mentees choose a mentor of the program who has a free place.' },
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  skills_offered: 'Skills offered (from the shared list)',
  skills_wanted: 'Skills wanted (from the shared list)',
  interests: 'Interests',
  goals: 'Goals',
  function: 'Function or team',
  years_experience: 'Years of experience',
  languages: 'Languages',
  time_zone: 'Time zone',
  preferred_cadence: 'Preferred rhythm of meetings',
  self_identification: 'Self-identification (confidential, optional)',
  preferred_mentors: 'Mentee’s wish: mentors by name',
  mentor_functions: 'Mentee’s wish: the mentor’s function',
  mentor_min_years: 'Mentee’s wish: the mentor’s experience, at least',
  mentor_language: 'Mentee’s need: a language the mentor speaks',
};

export const LOAD_STATUS: Record<LoadStatus, { label: string; color: string }> = {
  room: { label: 'Has room', color: 'cairn' },
  full: { label: 'Full', color: 'blue' },
  over: { label: 'Over capacity', color: 'red' },
  paused: { label: 'Paused', color: 'gray' },
};

/**
 * The kind, templated reasons a mentor may give when declining; the same words as the server's
 * (src/domain/mentoring/programs.ts, DECLINE_REASONS), which mails them to the mentee.
 */
export const DECLINE_REASONS: Record<DeclineReason, { label: string; text: string }> = {
  no_capacity: { label: 'No room right now', text: 'I don’t have room for another mentee right now, and I want to give each one proper time.' },
  not_my_area: { label: 'Not my area', text: 'I don’t think my experience fits what you are looking for; someone else will serve you better.' },
  timing: { label: 'The timing', text: 'The timing doesn’t work for me at the moment. Please don’t hesitate to ask again later.' },
  other: { label: 'Something else', text: 'I can’t take this on right now. Thank you for thinking of me.' },
};

export const DECLINE_REASON_KEYS = Object.keys(DECLINE_REASONS) as DeclineReason[];

export const declineText = (reason: string | null | undefined) => (reason && reason in DECLINE_REASONS ? DECLINE_REASONS[reason as DeclineReason].text : null);

/** "every 14 days", "weekly", "every 4 weeks" */
export function cadenceWords(days: number): string {
  if (days === 1) return 'daily';
  if (days === 7) return 'weekly';
  if (days === 14) return 'every two weeks';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}

export function weeksWords(weeks: number): string {
  if (weeks === 1) return '1 week';
  if (weeks % 52 === 0) return weeks === 52 ? '1 year' : `${weeks / 52} years`;
  if (weeks >= 8 && weeks % 4 === 0) return `about ${Math.round(weeks / 4.345)} months (${weeks} weeks)`;
  return `${weeks} weeks`;
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
