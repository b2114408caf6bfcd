import { sql, type Kysely } from 'kysely';

/**
 * A program's dashboard at scale. Each enrollment carries how many running pairs its person has
 * in the program, and for a mentee without one, since when (the end of the last pairing; the
 * approval when never paired). Kept by the relationship lifecycle (src/features/mentoring/
 * pair-counts.ts), recounted from the relationships at every move, so the unmatched and the
 * mentors' load are index ranges instead of an anti-join over every enrollment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('enrollments').addColumn('running_pairs', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('enrollments').addColumn('waiting_since', 'varchar(32)').execute();
  // One update per side, so each count is an index lookup (an OR of the two would scan every relationship).
  await sql`update enrollments set running_pairs = (
      select count(*) from mentoring_relationships r where r.program_id = enrollments.program_id and r.mentor_person_id = enrollments.person_id and r.state in ('active', 'paused'))
    where side = 'mentor'`.execute(db);
  await sql`update enrollments set running_pairs = (
      select count(*) from mentoring_relationships r where r.program_id = enrollments.program_id and r.mentee_person_id = enrollments.person_id and r.state in ('active', 'paused'))
    where side = 'mentee'`.execute(db);
  await sql`update enrollments set waiting_since = (
      select max(r.ended_at) from mentoring_relationships r where r.program_id = enrollments.program_id and r.state = 'concluded' and r.mentee_person_id = enrollments.person_id)
    where side = 'mentee' and running_pairs = 0`.execute(db);

  // Unmatched mentees: counted, and the longest waiting first (since a pairing ended, or since approval).
  await db.schema.createIndex('enrollments_program_waiting_idx').on('enrollments').columns(['program_id', 'side', 'status', 'running_pairs', 'waiting_since', 'decided_at']).execute();
  // Mentor load: totals and the most loaded, off the index alone.
  await db.schema.createIndex('enrollments_program_load_idx').on('enrollments').columns(['program_id', 'side', 'status', 'running_pairs', 'capacity', 'paused']).execute();
  // Pairs by health: counted off these ranges, and paged in exactly their order (the id breaks ties
  // within a day), so a page reads ten entries instead of sorting a day's worth (superseding 0005's two).
  await db.schema.dropIndex('mentoring_rel_program_due_idx').execute();
  await db.schema.dropIndex('mentoring_rel_program_stalled_idx').execute();
  await db.schema.createIndex('mentoring_rel_program_marks_idx').on('mentoring_relationships').columns(['program_id', 'state', 'check_in_due_on', 'stalled_after_on', 'id']).execute();
  await db.schema.createIndex('mentoring_rel_program_stall_idx').on('mentoring_relationships').columns(['program_id', 'state', 'stalled_after_on', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('mentoring_rel_program_stall_idx').execute();
  await db.schema.dropIndex('mentoring_rel_program_marks_idx').execute();
  await db.schema.createIndex('mentoring_rel_program_stalled_idx').on('mentoring_relationships').columns(['program_id', 'state', 'stalled_after_on']).execute();
  await db.schema.createIndex('mentoring_rel_program_due_idx').on('mentoring_relationships').columns(['program_id', 'state', 'check_in_due_on']).execute();
  await db.schema.dropIndex('enrollments_program_load_idx').execute();
  await db.schema.dropIndex('enrollments_program_waiting_idx').execute();
  await db.schema.alterTable('enrollments').dropColumn('waiting_since').execute();
  await db.schema.alterTable('enrollments').dropColumn('running_pairs').execute();
}
