import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { DatabaseKind } from '../../src/db/connection.ts';
import type { Database, MembershipTable, PersonTable } from '../../src/db/schema.ts';
import { normalizeRoles, type Role } from '../../src/domain/roles.ts';
import type { Random } from './random.ts';
import {
  asciiSlug, BIO_PARTS, DEPARTMENTS, EXTERNAL_COACH_TITLES, EXTERNAL_MENTOR_TITLES, FIRST_NAMES, LANGUAGES, LAST_NAMES, ORG_KINDS, ORG_WORDS,
  TIME_ZONES, type Department,
} from './vocabulary.ts';

/**
 * The core data set every scenario can rely on: organizations of very different sizes, people
 * (one account each, some in several organizations), memberships with titles, departments,
 * reporting lines, roles and a few deactivated members.
 *
 * Bump CORE_DATASET_VERSION whenever the generated data changes: cached data sets are keyed by it.
 */
export const CORE_DATASET_VERSION = 1;

export interface CoreShape {
  organizations: number;
  people: number;
  /** Primary members of the largest organization (the members-list scenarios use it). */
  largestOrg: number;
  /** People who also belong to other organizations as external coaches or mentors. */
  externals: number;
}

export function coreShape(scale: number): CoreShape {
  return {
    organizations: 200,
    people: Math.round(50_000 * scale),
    largestOrg: Math.round(12_000 * scale),
    externals: Math.round(1_500 * scale),
  };
}

export interface OrgFacts {
  id: string;
  name: string;
  /** Memberships (active and deactivated), externals included. */
  members: number;
  activeMembers: number;
  admins: string[];
  /** A few active members without the admin role. */
  regularMembers: string[];
}

/** What scenarios learn about the core data set (kept in the cached manifest). */
export interface CoreFacts {
  shape: CoreShape;
  counts: { organizations: number; people: number; memberships: number; membershipRoles: number };
  /** Every organization, largest first. */
  organizations: OrgFacts[];
  /** People with exactly one active membership, and people with several. */
  samplePeople: { single: string[]; multi: string[] };
}

export type PersonRow = Insertable<PersonTable>;
export type MembershipRow = Insertable<MembershipTable>;
type RoleRow = { org_id: string; person_id: string; role: Role };

interface Generated {
  organizations: Insertable<Database['organizations']>[];
  people: PersonRow[];
  memberships: MembershipRow[];
  roles: RoleRow[];
  facts: CoreFacts;
}

/** Organization sizes: one very large, a few large, some medium, a long tail of small ones. */
function planSizes(random: Random, shape: CoreShape): number[] {
  const fixed = [shape.largestOrg, 0.4, 0.25, 0.17, 0.12].map((s, i) => (i === 0 ? s : Math.round(shape.largestOrg * s)));
  const mediumCount = Math.min(15, shape.organizations - fixed.length);
  const medium = Array.from({ length: mediumCount }, () => Math.round(shape.largestOrg * (0.04 + random.next() * 0.05)));
  const tailCount = shape.organizations - fixed.length - medium.length;
  const left = shape.people - [...fixed, ...medium].reduce((a, b) => a + b, 0);
  if (left < tailCount * 3) throw new Error('data set shape leaves too few people for the small organizations');
  const weights = Array.from({ length: tailCount }, () => 0.15 + random.next() ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  const tail = weights.map((w) => Math.max(3, Math.floor((w / total) * left)));
  tail[0]! += left - tail.reduce((a, b) => a + b, 0);
  return [...fixed, ...medium, ...tail];
}

/** Generates the whole core data set in memory; `insertCore` writes it. */
export function generateCore(random: Random, shape: CoreShape, passwordHash: string): Generated {
  const sizes = planSizes(random, shape);
  const orgNames = random.sample(ORG_WORDS.flatMap((w) => ORG_KINDS.map((k) => `${w} ${k}`)), sizes.length);
  const organizations: Generated['organizations'] = [];
  const people: PersonRow[] = [];
  const memberships: MembershipRow[] = [];
  const roles: RoleRow[] = [];
  const facts: OrgFacts[] = [];
  const usedEmails = new Set<string>();

  const newPerson = (domain: string): PersonRow => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = random.chance(0.08) ? `${first} ${String.fromCharCode(65 + random.int(0, 25))}. ${last}` : `${first} ${last}`;
    let email = `${asciiSlug(first)}.${asciiSlug(last)}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${asciiSlug(first)}.${asciiSlug(last)}${n}@${domain}`;
    usedEmails.add(email);
    const languages = random.chance(0.6) ? ['en'] : random.sample(LANGUAGES, random.int(1, 3));
    const person: PersonRow = {
      id: random.uuid(), email, name, password_hash: passwordHash, time_zone: random.pick(TIME_ZONES), languages: JSON.stringify(languages),
      bio: random.chance(0.3) ? '' : random.sample(BIO_PARTS, random.int(1, 2)).join(' '), created_at: random.pastInstant(3 * 365),
    };
    people.push(person);
    return person;
  };

  for (const [index, size] of sizes.entries()) {
    const orgId = random.uuid();
    const orgName = orgNames[index]!;
    const createdAt = random.pastInstant(4 * 365);
    organizations.push({ id: orgId, name: orgName, default_time_zone: random.pick(TIME_ZONES), created_at: createdAt });
    const domain = `${asciiSlug(orgName).replace(/\./g, '-')}.example`;
    const departments = random.sample(DEPARTMENTS, Math.max(2, Math.min(DEPARTMENTS.length, Math.round(Math.sqrt(size) / 3))));
    const org: OrgFacts = { id: orgId, name: orgName, members: 0, activeMembers: 0, admins: [], regularMembers: [] };
    facts.push(org);

    const add = (person: PersonRow, fields: { title: string; department: string; manager: string | null; roles: Role[]; active?: boolean }) => {
      const active = fields.active ?? true;
      memberships.push({
        org_id: orgId, person_id: person.id, title: fields.title, department: fields.department, manager_person_id: fields.manager,
        status: active ? 'active' : 'deactivated', deactivated_at: active ? null : random.pastInstant(200), created_at: random.pastInstant(3 * 365),
        sort_name: '', // set by insertCore, which knows the database
      });
      for (const role of normalizeRoles(fields.roles)) roles.push({ org_id: orgId, person_id: person.id, role });
      org.members += 1;
      if (active) org.activeMembers += 1;
      if (fields.roles.includes('admin')) org.admins.push(person.id as string);
      else if (active && org.regularMembers.length < 8 && random.chance(0.05)) org.regularMembers.push(person.id as string);
    };

    // The reporting line is a tree: chief executive, department heads, managers, individual contributors.
    const ceo = newPerson(domain);
    add(ceo, { title: 'Chief Executive Officer', department: 'Leadership', manager: null, roles: ['mentor', 'sponsor'] });
    const heads = new Map<Department, string>();
    const managers = new Map<Department, string[]>();
    for (const department of departments) {
      const head = newPerson(domain);
      const isPeople = department.name === 'People';
      add(head, { title: department.head, department: department.name, manager: ceo.id as string, roles: isPeople ? ['admin', 'sponsor'] : ['mentor', 'sponsor'] });
      heads.set(department, head.id as string);
      managers.set(department, []);
    }
    if (!heads.has(DEPARTMENTS.find((d) => d.name === 'People')!)) {
      // Without a People department the chief executive runs the programs.
      roles.push({ org_id: orgId, person_id: ceo.id as string, role: 'admin' });
      org.admins.push(ceo.id as string);
    }
    let extraAdmins = Math.floor(size / 2000);
    for (let i = 1 + departments.length; i < size; i++) {
      const department = random.pick(departments);
      const deptManagers = managers.get(department)!;
      const person = newPerson(domain);
      if (deptManagers.length === 0 || random.chance(1 / 8)) {
        const manager = deptManagers.length > 0 && random.chance(0.3) ? random.pick(deptManagers) : heads.get(department)!;
        add(person, { title: department.manager, department: department.name, manager, roles: random.chance(0.5) ? ['member', 'mentor'] : random.chance(0.3) ? ['member', 'sponsor'] : ['member'] });
        deptManagers.push(person.id as string);
        continue;
      }
      const personRoles: Role[] = ['member'];
      if (random.chance(0.08)) personRoles.push('mentor');
      if (department.name === 'People' && random.chance(0.15)) personRoles.push('coach');
      if (department.name === 'People' && extraAdmins > 0) {
        personRoles.push('admin');
        extraAdmins -= 1;
      }
      const active = personRoles.includes('admin') || !random.chance(0.025);
      add(person, { title: random.pick(department.titles), department: department.name, manager: random.pick(deptManagers), roles: personRoles, active });
    }
  }

  // External coaches and mentors: existing accounts that also join one to three other organizations.
  const multi: string[] = [];
  const orgWeights = sizes.map((s) => Math.sqrt(s));
  const weightTotal = orgWeights.reduce((a, b) => a + b, 0);
  const pickOrg = () => {
    let r = random.next() * weightTotal;
    for (const [i, w] of orgWeights.entries()) if ((r -= w) <= 0) return i;
    return orgWeights.length - 1;
  };
  const memberOf = new Map<string, Set<string>>();
  for (const m of memberships) {
    const set = memberOf.get(m.person_id as string) ?? new Set<string>();
    set.add(m.org_id as string);
    memberOf.set(m.person_id as string, set);
  }
  for (const person of random.sample(people, shape.externals)) {
    const coach = random.chance(0.6);
    const joined = memberOf.get(person.id as string)!;
    for (let n = random.int(1, 3); n > 0; n--) {
      const orgIndex = pickOrg();
      const orgId = organizations[orgIndex]!.id as string;
      if (joined.has(orgId)) continue;
      joined.add(orgId);
      memberships.push({
        org_id: orgId, person_id: person.id, title: random.pick(coach ? EXTERNAL_COACH_TITLES : EXTERNAL_MENTOR_TITLES),
        department: coach ? 'External coaches' : 'Mentoring network', manager_person_id: null, status: 'active', deactivated_at: null,
        created_at: random.pastInstant(2 * 365), sort_name: '',
      });
      roles.push({ org_id: orgId, person_id: person.id as string, role: coach ? 'coach' : 'mentor' });
      facts[orgIndex]!.members += 1;
      facts[orgIndex]!.activeMembers += 1;
    }
    if (joined.size > 1 && multi.length < 32) multi.push(person.id as string);
  }

  const activeCount = new Map<string, number>();
  for (const m of memberships) if (m.status === 'active') activeCount.set(m.person_id as string, (activeCount.get(m.person_id as string) ?? 0) + 1);
  const single = random.sample(people.filter((p) => activeCount.get(p.id as string) === 1).map((p) => p.id as string), 96);

  return {
    organizations, people, memberships, roles,
    facts: {
      shape,
      counts: { organizations: organizations.length, people: people.length, memberships: memberships.length, membershipRoles: roles.length },
      organizations: facts.sort((a, b) => b.members - a.members),
      samplePeople: { single, multi },
    },
  };
}

/** How many rows one INSERT may carry: both databases cap bound parameters (SQLite at 32766). */
export function batchSizeFor(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

/**
 * Inserts rows in multi-row INSERTs of the largest safe size. The statement's text is written here,
 * once per batch size: Kysely would build and compile a node for every value, which for 30,000
 * values took longer than SQLite took to insert them. Every row must have the first row's columns.
 */
export async function insertBatched<T extends keyof Database>(db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const size = batchSizeFor(columns.length);
  // PostgreSQL numbers its parameters ($1, $2…), SQLite takes them in order (?).
  const numbered = db.insertInto(table).values(rows[0]!).compile().sql.includes('$1');
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const texts = new Map<number, string>();
  const textFor = (count: number) => {
    let text = texts.get(count);
    if (!text) {
      let n = 0;
      const tuple = () => `(${columns.map(() => (numbered ? `$${++n}` : '?')).join(', ')})`;
      text = head + Array.from({ length: count }, tuple).join(', ');
      texts.set(count, text);
    }
    return text;
  };
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size) as Record<string, unknown>[];
    const parameters: unknown[] = new Array(batch.length * columns.length);
    let i = 0;
    for (const row of batch) {
      if (Object.keys(row).length !== columns.length) throw new Error(`insertBatched(${table}): rows differ in their columns`);
      for (const column of columns) {
        const value = row[column];
        if (value === undefined) throw new Error(`insertBatched(${table}): a row lacks ${column}`);
        parameters[i++] = value;
      }
    }
    await db.executeQuery(CompiledQuery.raw(textFor(batch.length), parameters));
  }
}

/**
 * The database's lower() of a name, as the members service stores it in memberships.sort_name:
 * SQLite's folds ASCII letters only; PostgreSQL's folds every letter.
 */
export function databaseLower(kind: DatabaseKind, text: string): string {
  return kind === 'sqlite' ? text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : text.toLowerCase();
}

export async function insertCore(db: Kysely<Database>, kind: DatabaseKind, data: Generated): Promise<void> {
  // Written with their final sort names (an UPDATE afterwards would leave PostgreSQL's table and index bloated).
  const nameOf = new Map(data.people.map((person) => [person.id as string, person.name]));
  const memberships = data.memberships.map((m) => ({ ...m, sort_name: databaseLower(kind, nameOf.get(m.person_id as string)!) }));
  await db.transaction().execute(async (trx) => {
    await insertBatched(trx, 'organizations', data.organizations);
    await insertBatched(trx, 'people', data.people);
    await insertBatched(trx, 'memberships', memberships);
    await insertBatched(trx, 'membership_roles', data.roles);
  });
}
