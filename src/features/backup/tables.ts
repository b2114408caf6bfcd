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
];
