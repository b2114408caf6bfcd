import { sql, type Kysely } from 'kysely';

/**
 * A program's enrollment counts, kept on the program (src/features/mentoring/pair-counts.ts):
 * approved and pending mentors and mentees, and approved mentees with no running pair. The program
 * page and the admin's dashboard read them on every load; counted on each read they were a walk
 * over every enrollment of the program (12,000 in the benchmark's flagship: 2 ms of SQLite per
 * read, twice per page). Recounted from the enrollments after every change to one, never incremented.
 *
 * The longest-waiting mentees are read in the order of an index that ends with the person, so the
 * first 25 are read, not sorted out of every waiting mentee (ties within a day were common).
 */
const COUNTS = ['mentors_approved', 'mentors_pending', 'mentees_approved', 'mentees_pending', 'mentees_unmatched'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COUNTS) await db.schema.alterTable('mentoring_programs').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update mentoring_programs set
      mentors_approved = (select count(*) from enrollments e where e.program_id = mentoring_programs.id and e.side = 'mentor' and e.status = 'approved'),
      mentors_pending = (select count(*) from enrollments e where e.program_id = mentoring_programs.id and e.side = 'mentor' and e.status = 'pending'),
      mentees_approved = (select count(*) from enrollments e where e.program_id = mentoring_programs.id and e.side = 'mentee' and e.status = 'approved'),
      mentees_pending = (select count(*) from enrollments e where e.program_id = mentoring_programs.id and e.side = 'mentee' and e.status = 'pending'),
      mentees_unmatched = (select count(*) from enrollments e where e.program_id = mentoring_programs.id and e.side = 'mentee' and e.status = 'approved' and e.running_pairs = 0)`.execute(db);

  await db.schema.dropIndex('enrollments_program_waiting_idx').execute();
  await db.schema.createIndex('enrollments_program_waiting_idx').on('enrollments')
    .columns(['program_id', 'side', 'status', 'running_pairs', 'waiting_since', 'decided_at', 'person_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enrollments_program_waiting_idx').execute();
  await db.schema.createIndex('enrollments_program_waiting_idx').on('enrollments').columns(['program_id', 'side', 'status', 'running_pairs', 'waiting_since', 'decided_at']).execute();
  for (const column of COUNTS) await db.schema.alterTable('mentoring_programs').dropColumn(column).execute();
}
