import type { Kysely } from 'kysely';

/** Coaching: coach profiles, requests, engagements with versioned agreements, goals, sessions, notes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coach_profiles')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('specialties', 'text', (c) => c.notNull())
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('credentials_summary', 'text', (c) => c.notNull())
    .addColumn('coach_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('accepting_clients', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('coach_profiles_pk', ['org_id', 'person_id'])
    .addForeignKeyConstraint('coach_profiles_membership_fk', ['org_id', 'person_id'], 'memberships', ['org_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('coaching_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('preferred_coach_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('engagement_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('coaching_requests_org_idx').on('coaching_requests').columns(['org_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('coach_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('client_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('sponsor_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('ended_reason', 'text')
    .addColumn('ended_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('client_reflection', 'text')
    .addColumn('coach_reflection', 'text')
    .addColumn('client_evaluation_rating', 'integer')
    .addColumn('client_evaluation_comment', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('engagements_coach_idx').on('engagements').columns(['org_id', 'coach_person_id', 'state']).execute();
  await db.schema.createIndex('engagements_client_idx').on('engagements').columns(['org_id', 'client_person_id', 'state']).execute();
  await db.schema.createIndex('engagements_sponsor_idx').on('engagements').columns(['org_id', 'sponsor_person_id']).execute();
  await db.schema.createIndex('engagements_org_state_idx').on('engagements').columns(['org_id', 'state', 'created_at']).execute();

  await db.schema
    .createTable('engagement_transitions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('engagement_id', 'varchar(36)', (c) => c.notNull().references('engagements.id'))
    .addColumn('event', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(16)', (c) => c.notNull())
    .addColumn('to_state', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagement_transitions_idx').on('engagement_transitions').columns(['engagement_id', 'created_at']).execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('engagement_id', 'varchar(36)', (c) => c.notNull().references('engagements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('planned_sessions', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('planned_end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('cadence', 'varchar(16)', (c) => c.notNull())
    .addColumn('sponsor_visibility', 'varchar(32)', (c) => c.notNull())
    .addColumn('confidentiality_limits', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('agreements_version_uq', ['engagement_id', 'version'])
    .execute();

  await db.schema
    .createTable('agreement_acceptances')
    .addColumn('agreement_id', 'varchar(36)', (c) => c.notNull().references('agreements.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('party', 'varchar(16)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('ethics_acknowledged', 'integer', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_acceptances_pk', ['agreement_id', 'party'])
    .execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('engagement_id', 'varchar(36)', (c) => c.notNull().references('engagements.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('baseline_value', 'double precision', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('current_value', 'double precision', (c) => c.notNull())
    .addColumn('final_value', 'double precision')
    .addColumn('unit', 'varchar(40)', (c) => c.notNull())
    .addColumn('why_it_matters', 'text', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_engagement_idx').on('goals').columns(['engagement_id', 'position']).execute();

  await db.schema
    .createTable('goal_milestones')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('goal_id', 'varchar(36)', (c) => c.notNull().references('goals.id'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_milestones_goal_idx').on('goal_milestones').columns(['goal_id', 'due_date']).execute();

  await db.schema
    .createTable('goal_progress')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('goal_id', 'varchar(36)', (c) => c.notNull().references('goals.id'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('recorded_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_progress_goal_idx').on('goal_progress').columns(['goal_id', 'recorded_on']).execute();

  await db.schema
    .createTable('grow_worksheets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('goal_id', 'varchar(36)', (c) => c.notNull().references('goals.id'))
    .addColumn('goal_text', 'text', (c) => c.notNull())
    .addColumn('reality', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('will', 'text', (c) => c.notNull())
    .addColumn('written_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grow_worksheets_goal_idx').on('grow_worksheets').columns(['goal_id', 'created_at']).execute();

  await db.schema
    .createTable('obstacles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('goal_id', 'varchar(36)', (c) => c.notNull().references('goals.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('logged_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('obstacles_goal_idx').on('obstacles').columns(['goal_id', 'created_at']).execute();

  await db.schema
    .createTable('coaching_sessions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('engagement_id', 'varchar(36)', (c) => c.notNull().references('engagements.id'))
    .addColumn('starts_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('location', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('focus', 'text')
    .addColumn('focus_set_at', 'varchar(32)')
    .addColumn('cancelled_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('cancelled_at', 'varchar(32)')
    .addColumn('cancel_reason', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coaching_sessions_engagement_idx').on('coaching_sessions').columns(['engagement_id', 'starts_at']).execute();

  await db.schema
    .createTable('session_notes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('coaching_sessions.id'))
    .addColumn('author_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_notes_session_idx').on('session_notes').columns(['session_id', 'created_at']).execute();

  // Confidential: only the author coach ever reads these, through the coaching policy.
  await db.schema
    .createTable('private_session_notes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('coaching_sessions.id'))
    .addColumn('author_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('private_session_notes_idx').on('private_session_notes').columns(['session_id', 'author_person_id']).execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('engagement_id', 'varchar(36)', (c) => c.notNull().references('engagements.id'))
    .addColumn('session_id', 'varchar(36)', (c) => c.references('coaching_sessions.id'))
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('owner_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('due_date', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_items_engagement_idx').on('action_items').columns(['engagement_id', 'status', 'due_date']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('calendar_feeds_person_idx').on('calendar_feeds').columns(['org_id', 'person_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'calendar_feeds', 'action_items', 'private_session_notes', 'session_notes', 'coaching_sessions', 'obstacles', 'grow_worksheets',
    'goal_progress', 'goal_milestones', 'goals', 'agreement_acceptances', 'agreements', 'engagement_transitions', 'engagements',
    'coaching_requests', 'coach_profiles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
