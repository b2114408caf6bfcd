/**
 * Every table a backup carries, parents before children, with the columns that order its rows.
 * A migration that adds a table adds it here; a test checks that none is missing.
 */
export const BACKUP_TABLES: ReadonlyArray<{ name: string; orderBy: string[] }> = [
  { name: 'organizations', orderBy: ['id'] },
  { name: 'people', orderBy: ['id'] },
  { name: 'memberships', orderBy: ['org_id', 'person_id'] },
  { name: 'membership_roles', orderBy: ['org_id', 'person_id', 'role'] },
  { name: 'auth_sessions', orderBy: ['id'] },
  { name: 'invitations', orderBy: ['id'] },
  { name: 'password_resets', orderBy: ['token_hash'] },
  { name: 'audit_events', orderBy: ['id'] },
  { name: 'outbox_messages', orderBy: ['id'] },
  { name: 'sign_in_attempts', orderBy: ['id'] },
  { name: 'coach_profiles', orderBy: ['org_id', 'person_id'] },
  { name: 'engagements', orderBy: ['id'] },
  { name: 'coaching_requests', orderBy: ['id'] },
  { name: 'engagement_transitions', orderBy: ['id'] },
  { name: 'agreements', orderBy: ['id'] },
  { name: 'agreement_acceptances', orderBy: ['agreement_id', 'party'] },
  { name: 'goals', orderBy: ['id'] },
  { name: 'goal_milestones', orderBy: ['id'] },
  { name: 'goal_progress', orderBy: ['id'] },
  { name: 'grow_worksheets', orderBy: ['id'] },
  { name: 'obstacles', orderBy: ['id'] },
  { name: 'coaching_sessions', orderBy: ['id'] },
  { name: 'session_notes', orderBy: ['id'] },
  { name: 'private_session_notes', orderBy: ['id'] },
  { name: 'action_items', orderBy: ['id'] },
  { name: 'calendar_feeds', orderBy: ['token_hash'] },
  { name: 'mentoring_programs', orderBy: ['id'] },
  { name: 'program_questions', orderBy: ['id'] },
  { name: 'skills', orderBy: ['org_id', 'name'] },
  { name: 'enrollments', orderBy: ['id'] },
  { name: 'identity_answers', orderBy: ['id'] },
  { name: 'mentor_listings', orderBy: ['org_id', 'person_id'] },
  { name: 'mentoring_relationships', orderBy: ['id'] },
  { name: 'relationship_transitions', orderBy: ['id'] },
  { name: 'check_ins', orderBy: ['id'] },
  { name: 'private_reflections', orderBy: ['id'] },
  { name: 'continuation_reviews', orderBy: ['id'] },
  { name: 'review_answers', orderBy: ['review_id', 'person_id'] },
  { name: 'appreciations', orderBy: ['id'] },
  { name: 'notices', orderBy: ['id'] },
  { name: 'fit_guide_results', orderBy: ['id'] },
  { name: 'assessment_assignments', orderBy: ['id'] },
  { name: 'assessment_attempts', orderBy: ['id'] },
  { name: 'assessment_shares', orderBy: ['attempt_id', 'person_id'] },
  { name: 'feedback_settings', orderBy: ['org_id'] },
  { name: 'feedback_rounds', orderBy: ['id'] },
  { name: 'feedback_raters', orderBy: ['id'] },
  // Ordered by the random id, never by insertion: the order must say nothing about who answered when.
  { name: 'feedback_responses', orderBy: ['id'] },
  { name: 'matching_settings', orderBy: ['program_id'] },
  { name: 'matching_exclusions', orderBy: ['id'] },
  { name: 'matching_proposals', orderBy: ['id'] },
  { name: 'matching_proposal_pairs', orderBy: ['id'] },
  { name: 'matching_inclusion_opt_ins', orderBy: ['program_id', 'person_id'] },
];

/**
 * Tables the database keeps itself, by triggers, from the tables above (migration 0009): a backup
 * leaves them out and a restore rebuilds them as it inserts memberships. On SQLite the search
 * table is FTS5, whose own storage tables (member_search_*) belong to it.
 */
export const DERIVED_TABLES: readonly string[] = ['member_counts', 'member_search'];
