import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../db/dialect.ts';
import { supportsRowLocks } from '../../db/locking.ts';
import type { Database } from '../../db/schema.ts';
import { wouldCreateCycle } from '../../domain/reporting-line.ts';
import { isRole, normalizeRoles, type Role } from '../../domain/roles.ts';
import { recordAudit } from '../../platform/audit.ts';
import { answerCache } from '../../platform/cache/answer-cache.ts';
import type { KeptJson } from '../../platform/cache/kept-json.ts';
import { param, preparedStatement, type PreparedStatement } from '../../platform/db/prepared.ts';
import { nowIso } from '../../platform/ids.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/problem.ts';
import { decodeCursor, encodeCursor, type DirectoryCursor } from './cursor.ts';
import { membersPolicy } from './policy.ts';

/** A member as the directory lists them. */
export interface DirectoryEntry {
  personId: string;
  name: string;
  email: string;
  title: string;
  department: string;
  managerName: string | null;
  roles: Role[];
  status: 'active' | 'deactivated';
  joinedAt: string;
}

/** A member in full. */
export interface Member extends DirectoryEntry {
  managerPersonId: string | null;
  timeZone: string;
  languages: string[];
  bio: string;
}

export interface MemberQuery {
  q?: string;
  role?: Role;
  status?: 'active' | 'deactivated' | 'all';
  /** Where the page starts, as given in a previous page's nextCursor or previousCursor; none for the first. */
  cursor?: string;
  pageSize: number;
}

export interface Actor {
  personId: string;
  roles: readonly Role[];
  ip?: string | null;
}

export async function addMember(
  db: Kysely<Database>,
  orgId: string,
  personId: string,
  roles: readonly Role[],
  details: { title?: string; department?: string } = {},
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      org_id: orgId, person_id: personId, title: details.title ?? '', department: details.department ?? '', manager_person_id: null, status: 'active', deactivated_at: null, created_at: nowIso(),
      sort_name: sql<string>`(select lower(name) from people where id = ${personId})`,
    })
    .execute();
  const normalized = normalizeRoles(roles);
  if (normalized.length > 0) {
    await db.insertInto('membership_roles').values(normalized.map((role) => ({ org_id: orgId, person_id: personId, role }))).execute();
  }
}

/** Keeps the directory's order when a person's name changes (memberships carry the lower-cased name). */
export async function renameInDirectory(db: Kysely<Database>, personId: string, name: string): Promise<void> {
  await db.updateTable('memberships').set({ sort_name: sql<string>`lower(${name})` }).where('person_id', '=', personId).execute();
}

/** Recomputes every membership's sort name from people (after a restore of a backup made before it existed). */
export async function refreshDirectoryOrder(db: Kysely<Database>): Promise<void> {
  await sql`update memberships set sort_name = (select lower(p.name) from people p where p.id = memberships.person_id)`.execute(db);
}

export async function membershipStatus(db: Kysely<Database>, orgId: string, personId: string) {
  const row = await db.selectFrom('memberships').select('status').where('org_id', '=', orgId).where('person_id', '=', personId).executeTakeFirst();
  return row?.status ?? null;
}

function memberQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('people as boss', 'boss.id', 'm.manager_person_id')
    .where('m.org_id', '=', orgId);
}

const directoryColumns = ['p.id', 'p.name', 'p.email', 'm.title', 'm.department', 'm.status', 'm.created_at', 'boss.name as manager_name'] as const;
const memberColumns = [...directoryColumns, 'p.time_zone', 'p.languages', 'p.bio', 'm.manager_person_id'] as const;

export interface MemberPage {
  items: DirectoryEntry[];
  pageSize: number;
  total: number;
  nextCursor: string | null;
  previousCursor: string | null;
}

/** Trigram search (FTS5 on SQLite) needs three characters; shorter words scan the organization's members. */
const INDEXED_SEARCH_MIN_LENGTH = 3;

type StatusFilter = 'active' | 'deactivated' | 'all';

/** What makes one directory statement differ from another; the values (org, words, cursor) are parameters. */
interface DirectoryShape {
  status: StatusFilter;
  search: 'none' | 'trigram-index' | 'fts' | 'scan';
  role: boolean;
  cursor: 'none' | DirectoryCursor['direction'];
}

const likeParam = sql`${param('pattern')} escape '\\'`;

const directoryOf = (db: Kysely<Database>) => db.selectFrom('memberships as m');

/** Memberships of the organization the viewer may see, narrowed by the filters; one row per member. */
function directoryFilter(db: Kysely<Database>, shape: DirectoryShape) {
  // A role filter starts from the role's holders (the cross join keeps SQLite, which has no table
  // statistics, from walking the whole directory to find the organization's seven admins).
  const members = shape.role
    ? db.selectFrom('membership_roles as r').crossJoin('memberships as m').whereRef('m.org_id', '=', 'r.org_id').whereRef('m.person_id', '=', 'r.person_id')
      .where('r.org_id', '=', param('org')).where('r.role', '=', param('role')) as unknown as ReturnType<typeof directoryOf>
    : directoryOf(db);
  let filtered = members.where('m.org_id', '=', param('org'));
  if (shape.status !== 'all') filtered = filtered.where('m.status', '=', param('status') as 'active');
  if (shape.search === 'trigram-index') {
    // member_search carries a pg_trgm GIN index (when the extension could be created): the LIKE comes off it.
    filtered = filtered.where((eb) => eb.exists(
      eb.selectFrom('member_search as s').select('s.person_id').whereRef('s.org_id', '=', 'm.org_id').whereRef('s.person_id', '=', 'm.person_id')
        .where(sql`s.document`, 'like', likeParam),
    ));
  } else if (shape.search === 'fts') {
    // A quoted phrase in the trigram table finds the words anywhere in a field, as LIKE '%…%' did.
    filtered = filtered.where(sql<boolean>`m.rowid in (select rowid from member_search where member_search match ${param('phrase')})`);
  } else if (shape.search === 'scan') {
    filtered = filtered.innerJoin('people as p', 'p.id', 'm.person_id').where((eb) => eb.or(
      [sql`lower(p.name)`, sql`lower(p.email)`, sql`lower(m.title)`, sql`lower(m.department)`].map((field) => eb(field, 'like', likeParam)),
    ));
  }
  return filtered;
}

/**
 * One page of members in directory order with their details. The whole directory (by status)
 * walks its index from the cursor; a search or role filter counts its matches in the same
 * statement (a window over the matches, before the cursor applies): bounded by the matches, not
 * the organization.
 */
function pageStatement(db: Kysely<Database>, shape: DirectoryShape) {
  const narrowed = shape.search !== 'none' || shape.role;
  const filtered = directoryFilter(db, shape);
  const direction = shape.cursor === 'before' ? 'desc' : 'asc';
  let keys = narrowed
    ? db.selectFrom(filtered.select(['m.person_id', 'm.sort_name', sql<number>`count(*) over ()`.as('matching')]).as('k')).select(['k.person_id', 'k.sort_name', 'k.matching'])
    : db.selectFrom(filtered.select(['m.person_id', 'm.sort_name']).as('k')).select(['k.person_id', 'k.sort_name', sql<number | null>`null`.as('matching')]);
  if (shape.cursor !== 'none') {
    keys = keys.where(sql<boolean>`(k.sort_name, k.person_id) ${sql.raw(shape.cursor === 'before' ? '<' : '>')} (${param('sortName')}, ${param('personId')})`);
  }
  const pageKeys = keys.orderBy('k.sort_name', direction).orderBy('k.person_id', direction).limit(param('limit') as unknown as number);
  return memberQuery(db, param('org'))
    .innerJoin(pageKeys.as('pg'), 'pg.person_id', 'm.person_id')
    .select([...directoryColumns, 'pg.sort_name as page_sort_name', 'pg.matching'])
    .orderBy('pg.sort_name', direction)
    .orderBy('pg.person_id', direction);
}

type PageRow = DirectoryRow & { page_sort_name: string; matching: number | null };
type DirectoryValues = { org: string; status: StatusFilter; pattern?: string; phrase?: string; role?: Role; sortName?: string; personId?: string; limit?: number };

/** The directory's statements are built once per shape and dialect (Kysely would rebuild them on every request). */
const statements = new Map<string, { page: PreparedStatement<PageRow, DirectoryValues>; count: PreparedStatement<{ n: number | string }, DirectoryValues> }>();

function statementsFor(shape: DirectoryShape) {
  const key = `${shape.status}|${shape.search}|${shape.role}|${shape.cursor}`;
  let found = statements.get(key);
  if (!found) {
    found = {
      page: preparedStatement<PageRow, DirectoryValues>((db) => pageStatement(db, shape)),
      count: preparedStatement<{ n: number | string }, DirectoryValues>((db) => directoryFilter(db, { ...shape, cursor: 'none' }).select((eb) => eb.fn.countAll<number>().as('n'))),
    };
    statements.set(key, found);
  }
  return found;
}

const memberCountOf = preparedStatement<{ n: number | string | null }, { org: string; status: StatusFilter }>((db) =>
  db.selectFrom('member_counts').select((eb) => eb.fn.sum<number>('members').as('n')).where('org_id', '=', param('org')).where('status', '=', param('status') as 'active'));
const memberCountAll = preparedStatement<{ n: number | string | null }, { org: string }>((db) =>
  db.selectFrom('member_counts').select((eb) => eb.fn.sum<number>('members').as('n')).where('org_id', '=', param('org')));

/** Members of an organization with a status (or both), from the counts the triggers keep. */
export async function memberCount(db: Kysely<Database>, orgId: string, status: StatusFilter): Promise<number> {
  const [row] = status === 'all' ? await memberCountAll(db, { org: orgId }) : await memberCountOf(db, { org: orgId, status });
  return Number(row?.n ?? 0);
}

/** Directory pages are kept until a member, a person or a role changes (platform/cache/answer-cache.ts). */
export const keptDirectoryPages = answerCache<KeptJson>({
  reads: ['memberships', 'people', 'membership_roles', 'member_counts', 'member_search'],
  maxAgeMs: 10 * 60_000,
  maxEntries: 5_000,
});

/** Only admins see deactivated people; the directory shows who is here now. */
const statusSeenBy = (query: MemberQuery, viewer: Actor): StatusFilter =>
  membersPolicy.allows(viewer.roles, 'manage') ? (query.status ?? 'active') : 'active';

/** What a directory page depends on: nothing about the viewer beyond the status they may ask for. */
export const directoryPageKey = (orgId: string, query: MemberQuery, viewer: Actor): unknown[] =>
  [orgId, statusSeenBy(query, viewer), query.q ?? '', query.role ?? '', query.cursor ?? '', query.pageSize];

export async function listMembers(db: Kysely<Database>, orgId: string, query: MemberQuery, viewer: Actor): Promise<MemberPage> {
  const status = statusSeenBy(query, viewer);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const backwards = cursor?.direction === 'before';
  const words = query.q ? query.q.toLowerCase() : '';
  const search: DirectoryShape['search'] = !words ? 'none'
    : isPostgres(db) ? 'trigram-index'
      : [...words].length >= INDEXED_SEARCH_MIN_LENGTH ? 'fts' : 'scan';
  const shape: DirectoryShape = { status, search, role: Boolean(query.role), cursor: cursor?.direction ?? 'none' };
  const values: DirectoryValues = {
    org: orgId, status, limit: query.pageSize + 1,
    ...(words ? { pattern: `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, phrase: `"${words.replace(/"/g, '""')}"` } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(cursor ? { sortName: cursor.sortName, personId: cursor.personId } : {}),
  };
  const prepared = statementsFor(shape);
  const rows = await prepared.page(db, values);
  const more = rows.length > query.pageSize;
  const page = rows.slice(0, query.pageSize);
  if (backwards) page.reverse();

  let total: number;
  if (search === 'none' && !query.role) total = await memberCount(db, orgId, status);
  else if (rows.length > 0) total = Number(rows[0]!.matching);
  else total = Number((await prepared.count(db, values))[0]?.n ?? 0);

  const first = page[0];
  const last = page.at(-1);
  const hasNext = backwards ? cursor !== null : more;
  const hasPrevious = backwards ? more : cursor !== null;
  const rolesByPerson = await rolesOf(db, orgId, page.map((row) => row.id));
  return {
    items: page.map((row) => presentDirectoryEntry(row, rolesByPerson.get(row.id) ?? [])),
    pageSize: query.pageSize,
    total,
    nextCursor: hasNext && last ? encodeCursor({ direction: 'after', sortName: last.page_sort_name, personId: last.id }) : null,
    previousCursor: hasPrevious && first ? encodeCursor({ direction: 'before', sortName: first.page_sort_name, personId: first.id }) : null,
  };
}

async function rolesOf(db: Kysely<Database>, orgId: string, personIds: string[]): Promise<Map<string, Role[]>> {
  const byPerson = new Map<string, Role[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db.selectFrom('membership_roles').select(['person_id', 'role']).where('org_id', '=', orgId).where('person_id', 'in', personIds).execute();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row.role]);
  }
  for (const [person, roles] of byPerson) byPerson.set(person, normalizeRoles(roles));
  return byPerson;
}

type DirectoryRow = {
  id: string; name: string; email: string; title: string; department: string; status: 'active' | 'deactivated'; created_at: string; manager_name: string | null;
};
type MemberRow = DirectoryRow & { time_zone: string; languages: string; bio: string; manager_person_id: string | null };

function presentDirectoryEntry(row: DirectoryRow, roles: Role[]): DirectoryEntry {
  return {
    personId: row.id, name: row.name, email: row.email, title: row.title, department: row.department,
    managerName: row.manager_name, roles, status: row.status, joinedAt: row.created_at,
  };
}

function presentMember(row: MemberRow, roles: Role[]): Member {
  return {
    ...presentDirectoryEntry(row, roles),
    managerPersonId: row.manager_person_id, timeZone: row.time_zone, languages: JSON.parse(row.languages) as string[], bio: row.bio,
  };
}

export async function getMember(db: Kysely<Database>, orgId: string, personId: string, viewer: Actor): Promise<Member> {
  const row = await memberQuery(db, orgId).select(memberColumns).where('m.person_id', '=', personId).executeTakeFirst();
  if (!row || (row.status !== 'active' && !membersPolicy.allows(viewer.roles, 'manage'))) throw notFound('Member');
  const roles = await rolesOf(db, orgId, [personId]);
  return presentMember(row, roles.get(personId) ?? []);
}

export async function updateMemberProfile(
  db: Kysely<Database>,
  orgId: string,
  actor: Actor,
  personId: string,
  changes: { title?: string; department?: string; managerPersonId?: string | null },
): Promise<void> {
  const isAdmin = membersPolicy.allows(actor.roles, 'manage');
  if (!isAdmin && actor.personId !== personId) throw forbidden('Only admins may change another member’s profile.');
  if (!(await membershipStatus(db, orgId, personId))) throw notFound('Member');
  if (changes.managerPersonId) {
    const managerStatus = await membershipStatus(db, orgId, changes.managerPersonId);
    if (managerStatus !== 'active') throw invalidField('managerPersonId', 'must be an active member of this organization');
    const line = await db.selectFrom('memberships').select(['person_id', 'manager_person_id']).where('org_id', '=', orgId).execute();
    const managerOf = new Map(line.map((row) => [row.person_id, row.manager_person_id]));
    if (wouldCreateCycle(managerOf, personId, changes.managerPersonId)) {
      throw invalidField('managerPersonId', 'would put this person in their own reporting line');
    }
  }
  const set: { title?: string; department?: string; manager_person_id?: string | null } = {};
  if (changes.title !== undefined) set.title = changes.title.trim();
  if (changes.department !== undefined) set.department = changes.department.trim();
  if (changes.managerPersonId !== undefined) set.manager_person_id = changes.managerPersonId;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('memberships').set(set).where('org_id', '=', orgId).where('person_id', '=', personId).execute();
  await recordAudit(db, { orgId, actorPersonId: actor.personId, action: 'member.profile_changed', subjectType: 'person', subjectId: personId, detail: { fields: Object.keys(changes) }, ip: actor.ip });
}

async function activeAdminCount(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('membership_roles as r')
    .innerJoin('memberships as m', (join) => join.onRef('m.org_id', '=', 'r.org_id').onRef('m.person_id', '=', 'r.person_id'))
    .select((eb) => eb.fn.countAll<number>().as('admins'))
    .where('r.org_id', '=', orgId)
    .where('r.role', '=', 'admin')
    .where('m.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.admins);
}

async function assertKeepsAnAdmin(db: Kysely<Database>, orgId: string, personId: string): Promise<void> {
  // Two admins removing each other at once must not both see "another admin remains": on
  // PostgreSQL the organization row serializes these checks (SQLite runs one transaction at a time).
  if (supportsRowLocks(db)) await db.selectFrom('organizations').select('id').where('id', '=', orgId).forUpdate().execute();
  // Only an active admin counts: a deactivated one may lose the role whoever else is left.
  if ((await membershipStatus(db, orgId, personId)) !== 'active') return;
  const roles = (await rolesOf(db, orgId, [personId])).get(personId) ?? [];
  if (roles.includes('admin') && (await activeAdminCount(db, orgId)) <= 1) {
    throw conflict('This is the organization’s last active admin. Make someone else an admin first.');
  }
}

export async function setRoles(db: Kysely<Database>, orgId: string, actor: Actor, personId: string, roles: Role[]): Promise<Role[]> {
  const status = await membershipStatus(db, orgId, personId);
  if (!status) throw notFound('Member');
  const next = normalizeRoles(roles);
  const before = (await rolesOf(db, orgId, [personId])).get(personId) ?? [];
  if (before.includes('admin') && !next.includes('admin')) await assertKeepsAnAdmin(db, orgId, personId);
  await db.deleteFrom('membership_roles').where('org_id', '=', orgId).where('person_id', '=', personId).execute();
  if (next.length > 0) await db.insertInto('membership_roles').values(next.map((role) => ({ org_id: orgId, person_id: personId, role }))).execute();
  await recordAudit(db, { orgId, actorPersonId: actor.personId, action: 'member.roles_changed', subjectType: 'person', subjectId: personId, detail: { before, after: next }, ip: actor.ip });
  return next;
}

export async function setMemberActive(db: Kysely<Database>, orgId: string, actor: Actor, personId: string, active: boolean): Promise<void> {
  const status = await membershipStatus(db, orgId, personId);
  if (!status) throw notFound('Member');
  if (status === (active ? 'active' : 'deactivated')) return;
  if (!active) await assertKeepsAnAdmin(db, orgId, personId);
  await db
    .updateTable('memberships')
    .set({ status: active ? 'active' : 'deactivated', deactivated_at: active ? null : nowIso() })
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
  await recordAudit(db, { orgId, actorPersonId: actor.personId, action: active ? 'member.reactivated' : 'member.deactivated', subjectType: 'person', subjectId: personId, ip: actor.ip });
}
