import type { Kysely } from 'kysely';

/** Mentoring: programs with enrollment, organic and assigned relationships, check-ins, reviews, notices. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mentoring_programs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(32)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('enrollment_window', 'varchar(16)', (c) => c.notNull())
    .addColumn('cohort_starts_on', 'varchar(10)')
    .addColumn('cohort_ends_on', 'varchar(10)')
    .addColumn('cadence_days', 'integer', (c) => c.notNull())
    .addColumn('suggested_length_weeks', 'integer', (c) => c.notNull())
    .addColumn('review_every_weeks', 'integer', (c) => c.notNull())
    .addColumn('default_mentor_capacity', 'integer', (c) => c.notNull())
    .addColumn('pairing_mode', 'varchar(24)', (c) => c.notNull())
    .addColumn('enrollment_approval', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_programs_org_idx').on('mentoring_programs').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('program_questions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('mentoring_programs.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('field_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('label', 'varchar(300)', (c) => c.notNull())
    .addColumn('asked_of', 'varchar(16)', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_questions_program_idx').on('program_questions').columns(['program_id', 'position']).execute();

  await db.schema
    .createTable('skills')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('skills_pk', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('mentoring_programs.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('side', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_at', 'varchar(32)')
    .addUniqueConstraint('enrollments_person_side_uq', ['program_id', 'person_id', 'side'])
    .execute();
  await db.schema.createIndex('enrollments_program_idx').on('enrollments').columns(['program_id', 'side', 'status']).execute();
  await db.schema.createIndex('enrollments_person_idx').on('enrollments').columns(['org_id', 'person_id']).execute();

  // Confidential: self-identification answers, given with explicit consent, only ever shown in aggregate.
  await db.schema
    .createTable('identity_answers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('mentoring_programs.id'))
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('program_questions.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('answer', 'varchar(200)', (c) => c.notNull())
    .addColumn('consented_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_answers_program_idx').on('identity_answers').columns(['program_id', 'question_id']).execute();
  await db.schema.createIndex('identity_answers_person_idx').on('identity_answers').columns(['person_id', 'program_id']).execute();

  await db.schema
    .createTable('mentor_listings')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('expertise', 'text', (c) => c.notNull())
    .addColumn('ask_me_about', 'text', (c) => c.notNull())
    .addColumn('availability', 'varchar(300)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentor_listings_pk', ['org_id', 'person_id'])
    .addForeignKeyConstraint('mentor_listings_membership_fk', ['org_id', 'person_id'], 'memberships', ['org_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('mentoring_relationships')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('program_id', 'varchar(36)', (c) => c.references('mentoring_programs.id'))
    .addColumn('mentor_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('mentee_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('request_message', 'text')
    .addColumn('requested_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('request_expires_at', 'varchar(32)')
    .addColumn('decline_reason', 'varchar(32)')
    .addColumn('cadence_days', 'integer', (c) => c.notNull())
    .addColumn('review_every_weeks', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    .addColumn('ended_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('end_reason', 'varchar(32)')
    .addColumn('engagement_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_rel_mentor_idx').on('mentoring_relationships').columns(['org_id', 'mentor_person_id', 'state']).execute();
  await db.schema.createIndex('mentoring_rel_mentee_idx').on('mentoring_relationships').columns(['org_id', 'mentee_person_id', 'state']).execute();
  await db.schema.createIndex('mentoring_rel_program_idx').on('mentoring_relationships').columns(['program_id', 'state']).execute();

  await db.schema
    .createTable('relationship_transitions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('relationship_id', 'varchar(36)', (c) => c.notNull().references('mentoring_relationships.id'))
    .addColumn('event', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(16)', (c) => c.notNull())
    .addColumn('to_state', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('relationship_transitions_idx').on('relationship_transitions').columns(['relationship_id', 'created_at']).execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('relationship_id', 'varchar(36)', (c) => c.notNull().references('mentoring_relationships.id'))
    .addColumn('met_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('shared_notes', 'text', (c) => c.notNull())
    .addColumn('logged_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('check_ins_relationship_idx').on('check_ins').columns(['relationship_id', 'met_on']).execute();

  // Confidential: each side's private reflections, readable by their author only.
  await db.schema
    .createTable('private_reflections')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('relationship_id', 'varchar(36)', (c) => c.notNull().references('mentoring_relationships.id'))
    .addColumn('check_in_id', 'varchar(36)', (c) => c.references('check_ins.id'))
    .addColumn('author_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('private_reflections_author_idx').on('private_reflections').columns(['relationship_id', 'author_person_id']).execute();

  await db.schema
    .createTable('continuation_reviews')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('relationship_id', 'varchar(36)', (c) => c.notNull().references('mentoring_relationships.id'))
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)')
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('continuation_reviews_rel_idx').on('continuation_reviews').columns(['relationship_id', 'due_on']).execute();

  // Each side's answer stays private; only the outcome is shared.
  await db.schema
    .createTable('review_answers')
    .addColumn('review_id', 'varchar(36)', (c) => c.notNull().references('continuation_reviews.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('answer', 'varchar(16)', (c) => c.notNull())
    .addColumn('answered_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_answers_pk', ['review_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('appreciations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('relationship_id', 'varchar(36)', (c) => c.notNull().references('mentoring_relationships.id'))
    .addColumn('author_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'varchar(48)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(300)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('notices_person_idx').on('notices').columns(['org_id', 'person_id', 'created_at']).execute();

  // A mentoring relationship may borrow the coaching tools through a linked engagement of kind 'mentoring'.
  await db.schema.alterTable('engagements').addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('coaching')).execute();
  await db.schema.createIndex('engagements_kind_idx').on('engagements').columns(['org_id', 'kind', 'state']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('engagements_kind_idx').execute();
  await db.schema.alterTable('engagements').dropColumn('kind').execute();
  for (const table of [
    'notices', 'appreciations', 'review_answers', 'continuation_reviews', 'private_reflections', 'check_ins', 'relationship_transitions',
    'mentoring_relationships', 'mentor_listings', 'identity_answers', 'enrollments', 'skills', 'program_questions', 'mentoring_programs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
