import { sql, type Kysely } from 'kysely';

/**
 * Mentoring activity at scale: each relationship carries its last check-in and the two dates its
 * health turns on (next check-in due, stalled after), kept by the check-in service, so a program's
 * pairs are counted and paged by health off an index instead of aggregating every check-in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mentoring_relationships').addColumn('last_check_in_on', 'varchar(10)').execute();
  await db.schema.alterTable('mentoring_relationships').addColumn('check_in_due_on', 'varchar(10)').execute();
  await db.schema.alterTable('mentoring_relationships').addColumn('stalled_after_on', 'varchar(10)').execute();

  // A check-in corrected after the meeting says so.
  await db.schema.alterTable('check_ins').addColumn('edited_at', 'varchar(32)').execute();

  // Backfill: the same rule as src/domain/mentoring/cadence.ts, from the last check-in or the start.
  const rows = await sql<{ id: string; cadence_days: number; started_at: string | null; last: string | null }>`
    select r.id, r.cadence_days, r.started_at, (select max(c.met_on) from check_ins c where c.relationship_id = r.id) as last
    from mentoring_relationships r where r.started_at is not null`.execute(db);
  for (const row of rows.rows) {
    const contact = row.last ?? row.started_at!.slice(0, 10);
    const plus = (days: number) => {
      const date = new Date(`${contact}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + days);
      return date.toISOString().slice(0, 10);
    };
    await sql`update mentoring_relationships set last_check_in_on = ${row.last}, check_in_due_on = ${plus(row.cadence_days)}, stalled_after_on = ${plus(2 * row.cadence_days)} where id = ${row.id}`.execute(db);
  }

  // A program's pairs by health: counted and paged by the date each turns slipping, or stalled.
  await db.schema.createIndex('mentoring_rel_program_due_idx').on('mentoring_relationships').columns(['program_id', 'state', 'check_in_due_on']).execute();
  await db.schema.createIndex('mentoring_rel_program_stalled_idx').on('mentoring_relationships').columns(['program_id', 'state', 'stalled_after_on']).execute();
  // Mentor load and unmatched mentees within one program.
  await db.schema.createIndex('mentoring_rel_program_mentor_idx').on('mentoring_relationships').columns(['program_id', 'mentor_person_id', 'state']).execute();
  await db.schema.createIndex('mentoring_rel_program_mentee_idx').on('mentoring_relationships').columns(['program_id', 'mentee_person_id', 'state']).execute();
  // The sweep that expires unanswered requests reads only the open ones.
  await db.schema.createIndex('mentoring_rel_open_requests_idx').on('mentoring_relationships').columns(['org_id', 'state', 'request_expires_at']).execute();
  await db.schema.createIndex('appreciations_relationship_idx').on('appreciations').columns(['relationship_id', 'author_person_id']).execute();
  await db.schema.createIndex('continuation_reviews_open_idx').on('continuation_reviews').columns(['relationship_id', 'outcome', 'due_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'continuation_reviews_open_idx', 'appreciations_relationship_idx', 'mentoring_rel_open_requests_idx', 'mentoring_rel_program_mentee_idx',
    'mentoring_rel_program_mentor_idx', 'mentoring_rel_program_stalled_idx', 'mentoring_rel_program_due_idx',
  ]) await db.schema.dropIndex(index).execute();
  await db.schema.alterTable('check_ins').dropColumn('edited_at').execute();
  for (const column of ['stalled_after_on', 'check_in_due_on', 'last_check_in_on']) {
    await db.schema.alterTable('mentoring_relationships').dropColumn(column).execute();
  }
}
