import type { Kysely } from 'kysely';

/**
 * Matching: each program's matching settings, the pairs an admin ruled out, and proposals (the
 * engine's assignment, stored for review: pairs with their score and explanation, locks, swaps,
 * the people left unmatched with the reason) until one is published as relationships. Mentees who
 * opted into inclusion preferences are listed apart; their self-identification stays in
 * identity_answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('matching_settings')
    .addColumn('program_id', 'varchar(36)', (c) => c.primaryKey().references('mentoring_programs.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    /** JSON object: criterion → points (0–100); criteria left out take the engine's defaults. */
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('department_preference', 'varchar(16)', (c) => c.notNull())
    .addColumn('experience_min', 'double precision', (c) => c.notNull())
    .addColumn('experience_max', 'double precision', (c) => c.notNull())
    .addColumn('required_language', 'varchar(35)')
    .addColumn('objective', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('matching_exclusions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('mentoring_programs.id'))
    .addColumn('mentee_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('mentor_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('matching_exclusions_pair_uq', ['program_id', 'mentee_person_id', 'mentor_person_id'])
    .execute();

  await db.schema
    .createTable('matching_proposals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('mentoring_programs.id'))
    /** 'draft' (the one under review), 'superseded' (a later run replaced it), 'published'. */
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    /** JSON: the settings the run used. */
    .addColumn('settings', 'text', (c) => c.notNull())
    /** JSON: objective, counts, unmatched people with reasons, warnings, the engine's proof. */
    .addColumn('outcome', 'text', (c) => c.notNull())
    /** JSON array of {menteeId, mentorId}: pairs an admin removed, kept out of re-runs of this proposal. */
    .addColumn('removed_pairs', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_by_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('published_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('matching_proposals_program_idx').on('matching_proposals').columns(['program_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('matching_proposal_pairs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('proposal_id', 'varchar(36)', (c) => c.notNull().references('matching_proposals.id'))
    .addColumn('mentee_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('mentor_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    /** 'proposed' (the engine chose it), 'locked' (kept from a lock), 'swapped' (an admin chose the mentor). */
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('fit', 'double precision', (c) => c.notNull())
    /** JSON: every criterion's part (value, weight, points, words). */
    .addColumn('contributions', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('relationship_id', 'varchar(36)', (c) => c.references('mentoring_relationships.id'))
    .addUniqueConstraint('matching_proposal_pairs_mentee_uq', ['proposal_id', 'mentee_person_id'])
    .execute();

  await db.schema
    .createTable('matching_inclusion_opt_ins')
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('mentoring_programs.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('opted_in_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('matching_inclusion_opt_ins_pk', ['program_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['matching_inclusion_opt_ins', 'matching_proposal_pairs', 'matching_proposals', 'matching_exclusions', 'matching_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
