import { answerCache } from '../../platform/cache/answer-cache.ts';
import type { TableName } from '../../platform/db/write-clock.ts';
import type { KeptJson } from '../../platform/cache/kept-json.ts';
import type { MentoringViewer } from './relationship-access.ts';

/*
 * The mentoring pages people reload most (homes, a program's admin page, their relationships and
 * notices) are kept in memory until a write to a mentoring table, a person or a membership
 * (platform/cache/answer-cache.ts). Health, "today" and request expiry move with the clock, so an
 * answer is kept a minute at most.
 */
const MENTORING_TABLES: readonly TableName[] = [
  'people', 'memberships', 'membership_roles', 'mentoring_programs', 'program_questions', 'skills', 'enrollments', 'mentor_listings',
  'mentoring_relationships', 'relationship_transitions', 'check_ins', 'continuation_reviews', 'review_answers', 'notices',
];

const keep = (maxEntries: number) => answerCache<KeptJson>({ reads: MENTORING_TABLES, maxAgeMs: 60_000, maxEntries });

export const keptMentoringAnswers = {
  mentorHomes: keep(5_000),
  menteeHomes: keep(5_000),
  relationshipLists: keep(5_000),
  notices: keep(5_000),
  programs: keep(5_000),
  programDashboards: keep(500),
  programPairs: keep(2_000),
};

/** A key for an answer that depends on who asks: the person and their roles in the organization. */
export const viewerKey = (orgId: string, viewer: MentoringViewer, ...rest: unknown[]): unknown[] =>
  [orgId, viewer.personId, [...viewer.orgRoles].sort(), ...rest];
