import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { notFound } from '../../platform/http/problem.ts';
import { addMember } from '../members/service.ts';
import { assertTimeZone } from '../people/service.ts';

export interface Organization {
  id: string;
  name: string;
  defaultTimeZone: string;
  createdAt: string;
}

/** A new organization, with its founder as its first admin. */
export async function createOrganization(
  db: Kysely<Database>,
  input: { name: string; defaultTimeZone?: string; founderPersonId: string; ip?: string | null },
): Promise<string> {
  const defaultTimeZone = input.defaultTimeZone ?? 'UTC';
  assertTimeZone('defaultTimeZone', defaultTimeZone);
  const id = newId();
  await db.insertInto('organizations').values({ id, name: input.name.trim(), default_time_zone: defaultTimeZone, created_at: nowIso() }).execute();
  await addMember(db, id, input.founderPersonId, ['admin']);
  await recordAudit(db, { orgId: id, actorPersonId: input.founderPersonId, action: 'organization.created', subjectType: 'organization', subjectId: id, ip: input.ip });
  return id;
}

export async function getOrganization(db: Kysely<Database>, orgId: string): Promise<Organization> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('Organization');
  return { id: row.id, name: row.name, defaultTimeZone: row.default_time_zone, createdAt: row.created_at };
}

export async function updateOrganization(
  db: Kysely<Database>,
  orgId: string,
  actorPersonId: string,
  changes: { name?: string; defaultTimeZone?: string },
  ip?: string | null,
): Promise<void> {
  if (changes.defaultTimeZone !== undefined) assertTimeZone('defaultTimeZone', changes.defaultTimeZone);
  const set: { name?: string; default_time_zone?: string } = {};
  if (changes.name !== undefined) set.name = changes.name.trim();
  if (changes.defaultTimeZone !== undefined) set.default_time_zone = changes.defaultTimeZone;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('organizations').set(set).where('id', '=', orgId).execute();
  await recordAudit(db, { orgId, actorPersonId, action: 'organization.updated', subjectType: 'organization', subjectId: orgId, detail: { fields: Object.keys(changes) }, ip });
}
