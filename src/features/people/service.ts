import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Database, PersonTable } from '../../db/schema.ts';
import { isTimeZone } from '../../domain/time-zones.ts';
import { isRole, normalizeRoles, type Role } from '../../domain/roles.ts';
import type { ActiveMembershipRow } from '../../platform/auth/sessions.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { conflict, invalidField } from '../../platform/http/problem.ts';
import { renameInDirectory } from '../members/service.ts';

/** People are accounts: one per email address, members of any number of organizations. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export interface PersonProfile {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  languages: string[];
  bio: string;
}

export interface MembershipSummary {
  orgId: string;
  orgName: string;
  roles: Role[];
  title: string;
  department: string;
}

export function presentPerson(row: Pick<PersonTable, 'id' | 'email' | 'name' | 'time_zone' | 'languages' | 'bio'>): PersonProfile {
  return { id: row.id, email: row.email, name: row.name, timeZone: row.time_zone, languages: JSON.parse(row.languages) as string[], bio: row.bio };
}

export async function findPersonByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('people').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export function assertTimeZone(field: string, timeZone: string): void {
  if (!isTimeZone(timeZone)) throw invalidField(field, `"${timeZone}" is not a known IANA time zone (e.g. Europe/Lisbon)`);
}

export async function createPerson(
  db: Kysely<Database>,
  input: { name: string; email: string; passwordHash: string | null; timeZone?: string },
): Promise<string> {
  const email = normalizeEmail(input.email);
  const taken = () => conflict(`An account with the email ${email} already exists. Sign in instead.`);
  if (await findPersonByEmail(db, email)) throw taken();
  const timeZone = input.timeZone ?? 'UTC';
  assertTimeZone('timeZone', timeZone);
  const id = newId();
  try {
    await db
      .insertInto('people')
      .values({ id, email, name: input.name.trim(), password_hash: input.passwordHash, time_zone: timeZone, languages: '[]', bio: '', created_at: nowIso() })
      .execute();
  } catch (error) {
    // Another request created the same account between our check and this insert.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return id;
}

/** One row per role (or one without a role) of each membership, in organization-name order. */
export function groupMemberships(rows: readonly ActiveMembershipRow[]): MembershipSummary[] {
  const byOrg = new Map<string, MembershipSummary>();
  for (const row of rows) {
    let membership = byOrg.get(row.org_id);
    if (!membership) {
      membership = { orgId: row.org_id, orgName: row.org_name, roles: [], title: row.title, department: row.department };
      byOrg.set(row.org_id, membership);
    }
    if (row.role && isRole(row.role)) membership.roles.push(row.role);
  }
  // In the one order used everywhere (the rows come in no particular order).
  for (const membership of byOrg.values()) membership.roles = normalizeRoles(membership.roles);
  return [...byOrg.values()];
}

/** The organizations a person may enter (active memberships), with their roles in each. */
export async function activeMembershipsOf(db: Kysely<Database>, personId: string): Promise<MembershipSummary[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('membership_roles as r', (join) => join.onRef('r.org_id', '=', 'm.org_id').onRef('r.person_id', '=', 'm.person_id'))
    .select(['m.org_id', 'o.name as org_name', 'm.title', 'm.department', 'r.role'])
    .where('m.person_id', '=', personId)
    .where('m.status', '=', 'active')
    .orderBy('o.name')
    .orderBy('m.org_id')
    .execute();
  return groupMemberships(rows);
}

export async function updateProfile(
  db: Kysely<Database>,
  personId: string,
  changes: { name?: string; timeZone?: string; languages?: string[]; bio?: string },
): Promise<void> {
  if (changes.timeZone !== undefined) assertTimeZone('timeZone', changes.timeZone);
  const set: Partial<PersonTable> = {};
  if (changes.name !== undefined) set.name = changes.name.trim();
  if (changes.timeZone !== undefined) set.time_zone = changes.timeZone;
  if (changes.languages !== undefined) set.languages = JSON.stringify([...new Set(changes.languages)]);
  if (changes.bio !== undefined) set.bio = changes.bio;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('people').set(set).where('id', '=', personId).execute();
  if (set.name !== undefined) await renameInDirectory(db, personId, set.name);
}

export async function setPassword(db: Kysely<Database>, personId: string, passwordHash: string): Promise<void> {
  await db.updateTable('people').set({ password_hash: passwordHash }).where('id', '=', personId).execute();
}
