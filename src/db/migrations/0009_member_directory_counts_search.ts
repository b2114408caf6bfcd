import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

/*
 * The members directory of a large organization, at scale (npm run bench -- --scenario 'members-*').
 *
 * - member_counts: how many members each organization has per status, so a page's total is one row
 *   instead of counting the org's index on every request. Kept by triggers on memberships, so every
 *   way a membership is written (invitation acceptance, deactivate/reactivate, the demo, a restore,
 *   a direct insert) changes the count in the same transaction.
 * - member_search: what the directory searches (name, email, title, department, lower-cased, one
 *   field per line so a word never matches across two fields), indexed for substring search:
 *   SQLite: an FTS5 trigram table (contentless; rowid = the membership's rowid);
 *   PostgreSQL: a table with a pg_trgm GIN index (plain table scan of the organization if the
 *   extension cannot be created). Kept by triggers on memberships and on people's name and email.
 *
 * Both are derived: backups leave them out and a restore rebuilds them through the same triggers.
 * (SQLite may renumber implicit rowids on VACUUM; Cairn never runs one. Should it, the search index
 * would be refilled from memberships the way this migration fills it.)
 */

type Fields = { name: string; email: string; title: string; department: string };

function searchDocument(postgres: boolean, f: Fields): string {
  const newline = postgres ? 'chr(10)' : 'char(10)';
  return [f.name, f.email, f.title, f.department].map((column) => `lower(${column})`).join(` || ${newline} || `);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_counts')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_counts_pk', ['org_id', 'status'])
    .execute();
  await sql`insert into member_counts (org_id, status, members) select org_id, status, count(*) from memberships group by org_id, status`.execute(db);
  // "All" (admins) pages the org in name order across both statuses.
  await db.schema.createIndex('memberships_directory_all_idx').on('memberships').columns(['org_id', 'sort_name', 'person_id']).execute();
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const fromPeople = (m: string) => searchDocument(false, { name: 'p.name', email: 'p.email', title: `${m}.title`, department: `${m}.department` });
  await run(`create virtual table member_search using fts5(document, content='', contentless_delete=1, tokenize='trigram')`);
  await run(`insert into member_search (rowid, document) select m.rowid, ${fromPeople('m')} from memberships m join people p on p.id = m.person_id`);
  const countOne = (row: string, delta: string) => `insert into member_counts (org_id, status, members) values (${row}.org_id, ${row}.status, ${delta})
      on conflict (org_id, status) do update set members = members + excluded.members;`;
  const indexOne = `insert into member_search (rowid, document) select new.rowid, ${fromPeople('new')} from people p where p.id = new.person_id;`;
  await run(`create trigger memberships_directory_insert after insert on memberships begin
      ${countOne('new', '1')}
      ${indexOne}
    end`);
  await run(`create trigger memberships_directory_status after update of status on memberships when old.status is not new.status begin
      ${countOne('old', '-1')}
      ${countOne('new', '1')}
    end`);
  await run(`create trigger memberships_directory_details after update of title, department, person_id on memberships begin
      delete from member_search where rowid = old.rowid;
      ${indexOne}
    end`);
  await run(`create trigger memberships_directory_delete after delete on memberships begin
      ${countOne('old', '-1')}
      delete from member_search where rowid = old.rowid;
    end`);
  await run(`create trigger people_directory_search after update of name, email on people begin
      delete from member_search where rowid in (select rowid from memberships where person_id = new.id);
      insert into member_search (rowid, document) select m.rowid, ${fromPeople('m')} from memberships m join people p on p.id = m.person_id where p.id = new.id;
    end`);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const fromPeople = (m: string) => searchDocument(true, { name: 'p.name', email: 'p.email', title: `${m}.title`, department: `${m}.department` });
  await run(`create table member_search (
      org_id varchar(36) not null, person_id varchar(36) not null, document text not null,
      constraint member_search_pk primary key (org_id, person_id))`);
  await run(`insert into member_search (org_id, person_id, document) select m.org_id, m.person_id, ${fromPeople('m')} from memberships m join people p on p.id = m.person_id`);

  // Statement-level triggers with transition tables: a bulk insert (the demo, a restore, the
  // benchmark's data set) updates each count once per statement, not once per row.
  const applyCounts = (deltas: string) => `insert into member_counts (org_id, status, members)
      select org_id, status, sum(delta) from (${deltas}) d group by org_id, status order by org_id, status
      on conflict (org_id, status) do update set members = member_counts.members + excluded.members;`;
  await run(`create function memberships_directory_insert() returns trigger language plpgsql as $$ begin
      ${applyCounts('select org_id, status, 1 as delta from new_rows')}
      insert into member_search (org_id, person_id, document) select m.org_id, m.person_id, ${fromPeople('m')} from new_rows m join people p on p.id = m.person_id;
      return null;
    end $$`);
  await run(`create function memberships_directory_update() returns trigger language plpgsql as $$ begin
      ${applyCounts(`select o.org_id, o.status, -1 as delta from old_rows o join new_rows n using (org_id, person_id) where o.status <> n.status
        union all select n.org_id, n.status, 1 from old_rows o join new_rows n using (org_id, person_id) where o.status <> n.status`)}
      update member_search s set document = ${fromPeople('m')} from new_rows m join old_rows o using (org_id, person_id) join people p on p.id = m.person_id
        where s.org_id = m.org_id and s.person_id = m.person_id and (o.title, o.department) is distinct from (m.title, m.department);
      return null;
    end $$`);
  await run(`create function memberships_directory_delete() returns trigger language plpgsql as $$ begin
      ${applyCounts('select org_id, status, -1 as delta from old_rows')}
      delete from member_search s using old_rows o where s.org_id = o.org_id and s.person_id = o.person_id;
      return null;
    end $$`);
  await run(`create function people_directory_search() returns trigger language plpgsql as $$ begin
      update member_search s set document = ${searchDocument(true, { name: 'new.name', email: 'new.email', title: 'm.title', department: 'm.department' })}
        from memberships m where m.person_id = new.id and s.org_id = m.org_id and s.person_id = m.person_id;
      return null;
    end $$`);
  await run(`create trigger memberships_directory_insert after insert on memberships referencing new table as new_rows for each statement execute function memberships_directory_insert()`);
  await run(`create trigger memberships_directory_update after update on memberships referencing old table as old_rows new table as new_rows for each statement execute function memberships_directory_update()`);
  await run(`create trigger memberships_directory_delete after delete on memberships referencing old table as old_rows for each statement execute function memberships_directory_delete()`);
  await run(`create trigger people_directory_search after update of name, email on people for each row when ((old.name, old.email) is distinct from (new.name, new.email)) execute function people_directory_search()`);

  const trigramSchema = await pgTrgmSchema(db);
  if (trigramSchema) {
    await run(`create index member_search_trgm_idx on member_search using gin (document "${trigramSchema}".gin_trgm_ops)`);
  }
}

/**
 * The schema pg_trgm lives in, creating it in public when missing (not in Cairn's own schema: tests
 * and benchmarks drop theirs, which would take the extension from everyone). Null when it cannot be
 * had (not installed on the server, or no right to create it): search then scans the organization.
 */
async function pgTrgmSchema(db: Kysely<unknown>): Promise<string | null> {
  const find = async () => (await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)).rows[0]?.schema ?? null;
  const found = await find();
  if (found) return found;
  // A savepoint, so that a refusal (or another process creating it at the same moment) leaves the migration's transaction usable.
  await sql`savepoint cairn_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    await sql`release savepoint cairn_pg_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint cairn_pg_trgm`.execute(db);
  }
  return find();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const trigger of ['memberships_directory_insert', 'memberships_directory_update', 'memberships_directory_delete']) {
      await sql.raw(`drop trigger ${trigger} on memberships`).execute(db);
      await sql.raw(`drop function ${trigger}()`).execute(db);
    }
    await sql`drop trigger people_directory_search on people`.execute(db);
    await sql`drop function people_directory_search()`.execute(db);
  } else {
    for (const trigger of ['memberships_directory_insert', 'memberships_directory_status', 'memberships_directory_details', 'memberships_directory_delete', 'people_directory_search']) {
      await sql.raw(`drop trigger ${trigger}`).execute(db);
    }
  }
  await sql`drop table member_search`.execute(db);
  await db.schema.dropIndex('memberships_directory_all_idx').execute();
  await db.schema.dropTable('member_counts').execute();
}
