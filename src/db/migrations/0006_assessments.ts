import { sql, type Kysely } from 'kysely';

/** Fit guide results people chose to keep, assessments (attempts, assignments, shares) and 360 feedback. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Saved only with the person's explicit consent; the code holds the answers, nothing else.
  await db.schema
    .createTable('fit_guide_results')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('guide_version', 'integer', (c) => c.notNull())
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('recommendation', 'varchar(40)', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('consented_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fit_guide_results_person_idx').on('fit_guide_results').columns(['org_id', 'person_id', 'created_at']).execute();

  await db.schema
    .createTable('assessment_assignments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('engagement_id', 'varchar(36)', (c) => c.notNull().references('engagements.id'))
    .addColumn('client_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('assigned_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('instrument_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_assignments_engagement_idx').on('assessment_assignments').columns(['engagement_id', 'created_at']).execute();
  await db.schema.createIndex('assessment_assignments_client_idx').on('assessment_assignments').columns(['org_id', 'client_person_id']).execute();

  // Answers are saved as the person goes (a JSON object item → value); scores are written once, at completion.
  await db.schema
    .createTable('assessment_attempts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('instrument_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('engagement_id', 'varchar(36)', (c) => c.references('engagements.id'))
    .addColumn('assignment_id', 'varchar(36)', (c) => c.references('assessment_assignments.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('item_labels', 'text', (c) => c.notNull())
    .addColumn('scores', 'text')
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('assessment_attempts_person_idx').on('assessment_attempts').columns(['org_id', 'person_id', 'instrument_id', 'status']).execute();
  await db.schema.createIndex('assessment_attempts_engagement_idx').on('assessment_attempts').columns(['engagement_id']).execute();
  // One attempt in progress per person and instrument: "start" resumes it, and two racing starts cannot make two.
  await db.schema.createIndex('assessment_attempts_open_uq').unique().on('assessment_attempts').columns(['org_id', 'person_id', 'instrument_id'])
    .where(sql.ref('status'), '=', sql.lit('in_progress')).execute();

  await db.schema
    .createTable('assessment_shares')
    .addColumn('attempt_id', 'varchar(36)', (c) => c.notNull().references('assessment_attempts.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_shares_pk', ['attempt_id', 'person_id'])
    .execute();
  await db.schema.createIndex('assessment_shares_person_idx').on('assessment_shares').columns(['org_id', 'person_id']).execute();

  await db.schema
    .createTable('feedback_settings')
    .addColumn('org_id', 'varchar(36)', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('min_group_size', 'integer', (c) => c.notNull())
    .addColumn('manager_shown_alone', 'integer', (c) => c.notNull())
    .addColumn('updated_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // The subject's self-assessment is theirs and lives on the round; raters' answers never do.
  await db.schema
    .createTable('feedback_rounds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('subject_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('engagement_id', 'varchar(36)', (c) => c.references('engagements.id'))
    .addColumn('instrument_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('closes_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('min_group_size', 'integer', (c) => c.notNull())
    .addColumn('manager_shown_alone', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('self_answers', 'text', (c) => c.notNull())
    .addColumn('self_submitted_at', 'varchar(32)')
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('feedback_rounds_subject_idx').on('feedback_rounds').columns(['org_id', 'subject_person_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_rounds_engagement_idx').on('feedback_rounds').columns(['engagement_id']).execute();
  await db.schema.createIndex('feedback_rounds_open_idx').on('feedback_rounds').columns(['status', 'closes_at']).execute();

  // A rater's link is stored as its hash. The draft is the rater's own unfinished work, readable
  // only through their link; it is cleared when they submit (the answers move, unlinked, to
  // feedback_responses) and when the round closes.
  await db.schema
    .createTable('feedback_raters')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('relationship', 'varchar(16)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('draft_answers', 'text', (c) => c.notNull())
    .addColumn('draft_comment', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_reminded_at', 'varchar(32)')
    .addColumn('reminders', 'integer', (c) => c.notNull())
    .addColumn('responded', 'integer', (c) => c.notNull())
    .addUniqueConstraint('feedback_raters_email_uq', ['round_id', 'email'])
    .execute();

  // Submitted rater answers, deliberately unlinked: no rater id, no time, a random id (and the rater
  // row keeps only a "responded" flag, no time either). Nothing in the database ties a response to
  // the rater who gave it, so no query, export or backup can. Reads order by the random id.
  await db.schema
    .createTable('feedback_responses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('relationship', 'varchar(16)', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_responses_round_idx').on('feedback_responses').columns(['round_id']).execute();
}
