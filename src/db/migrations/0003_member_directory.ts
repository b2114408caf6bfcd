import { sql, type Kysely } from 'kysely';

/*
 * The members directory is ordered by name. The name lives on people, so every page of a large
 * organization sorted all of its members (12,000 members: about 100 ms a page on SQLite, and seconds
 * under load; see npm run bench). Each membership now carries its person's lower-cased name, and
 * one index gives a page and the member count straight from the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('memberships').addColumn('sort_name', 'varchar(200)', (c) => c.notNull().defaultTo('')).execute();
  await sql`update memberships set sort_name = (select lower(p.name) from people p where p.id = memberships.person_id)`.execute(db);
  await db.schema.createIndex('memberships_directory_idx').on('memberships').columns(['org_id', 'status', 'sort_name', 'person_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('memberships_directory_idx').execute();
  await db.schema.alterTable('memberships').dropColumn('sort_name').execute();
}
