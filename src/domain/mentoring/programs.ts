/** The shapes a mentoring program can take. */
export const PROGRAM_PURPOSES = ['onboarding', 'career_growth', 'leadership', 'diversity_inclusion', 'employee_resource_group', 'reverse_mentoring', 'other'] as const;
export type ProgramPurpose = (typeof PROGRAM_PURPOSES)[number];

export const PAIRING_MODES = ['mentee_choice', 'mentor_accepts', 'admin_assigns'] as const;
export type PairingMode = (typeof PAIRING_MODES)[number];

/**
 * Enrollment question types; self-identification is stored apart and shown only in aggregate.
 * The last four are a mentee's wishes about their mentor: mentors they would like by name (most
 * wanted first), functions the mentor should come from and experience at least (matching weighs
 * them), and a language the mentor must speak (matching never pairs against it).
 */
export const QUESTION_TYPES = [
  'skills_offered', 'skills_wanted', 'interests', 'goals', 'function', 'years_experience', 'languages', 'time_zone', 'preferred_cadence', 'self_identification',
  'preferred_mentors', 'mentor_functions', 'mentor_min_years', 'mentor_language',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CONFIDENTIAL_QUESTION_TYPES: readonly QuestionType[] = ['self_identification'];

/** Kind, templated reasons a mentor may give when declining a request. */
export const DECLINE_REASONS = {
  no_capacity: 'I don’t have room for another mentee right now, and I want to give each one proper time.',
  not_my_area: 'I don’t think my experience fits what you are looking for; someone else will serve you better.',
  timing: 'The timing doesn’t work for me at the moment. Please don’t hesitate to ask again later.',
  other: 'I can’t take this on right now. Thank you for thinking of me.',
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;

/** Aggregates of confidential answers are shown only for groups at least this large. */
export const SMALL_GROUP_THRESHOLD = 5;

export interface AggregateRow { answer: string; count: number | null; suppressed: boolean }

/** Counts per answer, with groups under the threshold merged into one suppressed line. */
export function suppressSmallGroups(counts: ReadonlyMap<string, number>, threshold = SMALL_GROUP_THRESHOLD): AggregateRow[] {
  const shown: AggregateRow[] = [];
  let hidden = 0;
  for (const [answer, count] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (count >= threshold) shown.push({ answer, count, suppressed: false });
    else hidden += count;
  }
  if (hidden > 0) shown.push({ answer: `Other answers (groups under ${threshold})`, count: hidden >= threshold ? hidden : null, suppressed: true });
  return shown;
}

/** Whether a person may enroll today: always, or within the cohort dates. */
export function enrollmentOpen(program: { enrollmentWindow: 'always' | 'cohort'; cohortEndsOn: string | null }, today: string): boolean {
  return program.enrollmentWindow === 'always' || !program.cohortEndsOn || today <= program.cohortEndsOn;
}
