import type { Kysely, Selectable } from 'kysely';
import type { CheckInTable, Database, MentoringRelationshipTable } from '../../../db/schema.ts';
import { cadenceMarks } from '../../../domain/mentoring/cadence.ts';
import { checkMetOn, mayEditCheckIn, mayLogCheckIn, normalizeTopics } from '../../../domain/mentoring/check-ins.ts';
import { localDate } from '../../../domain/time-zones.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { conflict, forbidden, invalidField, notFound } from '../../../platform/http/problem.ts';
import { loadRelationship, type MentoringViewer } from '../relationship-access.ts';

/*
 * Check-ins: the shared record of a relationship's meetings, read and written by its mentor and
 * mentee only (the admin sees health and counts, never this). Each one moves the relationship's
 * cadence marks, from which its health is read.
 */

export interface CheckInView {
  id: string;
  relationshipId: string;
  metOn: string;
  topics: string[];
  sharedNotes: string;
  loggedBy: { personId: string; name: string };
  createdAt: string;
  editedAt: string | null;
}

export interface CheckInInput {
  metOn: string;
  topics: string[];
  sharedNotes?: string;
}

async function todayFor(db: Kysely<Database>, personId: string): Promise<string> {
  const { time_zone: timeZone } = await db.selectFrom('people').select('time_zone').where('id', '=', personId).executeTakeFirstOrThrow();
  return localDate(new Date(), timeZone);
}

async function checkDate(db: Kysely<Database>, relationship: Selectable<MentoringRelationshipTable>, viewer: MentoringViewer, metOn: string): Promise<void> {
  const verdict = checkMetOn(metOn, { today: await todayFor(db, viewer.personId), startedOn: relationship.started_at?.slice(0, 10) ?? null });
  if (!verdict.ok) throw invalidField('metOn', verdict.reason);
}

/** Recomputes the relationship's last check-in and cadence marks from its check-ins. */
export async function refreshCadence(db: Kysely<Database>, relationship: Pick<MentoringRelationshipTable, 'id' | 'cadence_days' | 'started_at'>): Promise<void> {
  const { last } = await db.selectFrom('check_ins').select((eb) => eb.fn.max('met_on').as('last')).where('relationship_id', '=', relationship.id).executeTakeFirstOrThrow();
  const lastCheckInOn = (last as string | null) ?? null;
  const marks = relationship.started_at ? cadenceMarks({ cadenceDays: relationship.cadence_days, lastCheckInOn, startedOn: relationship.started_at.slice(0, 10) }) : null;
  await db.updateTable('mentoring_relationships').set({
    last_check_in_on: lastCheckInOn, check_in_due_on: marks?.checkInDueOn ?? null, stalled_after_on: marks?.stalledAfterOn ?? null,
  }).where('id', '=', relationship.id).execute();
}

export async function logCheckIn(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer, input: CheckInInput): Promise<string> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true, forUpdate: true });
  const allowed = mayLogCheckIn(relationship.state);
  if (!allowed.ok) throw conflict(allowed.reason);
  await checkDate(db, relationship.row, viewer, input.metOn);
  const id = newId();
  await db.insertInto('check_ins').values({
    id, org_id: orgId, relationship_id: relationshipId, met_on: input.metOn, topics: JSON.stringify(normalizeTopics(input.topics)),
    shared_notes: input.sharedNotes?.trim() ?? '', logged_by_person_id: viewer.personId, created_at: nowIso(), edited_at: null,
  }).execute();
  await refreshCadence(db, relationship.row);
  return id;
}

async function checkInRow(db: Kysely<Database>, orgId: string, relationshipId: string, checkInId: string): Promise<Selectable<CheckInTable>> {
  const row = await db.selectFrom('check_ins').selectAll().where('org_id', '=', orgId).where('relationship_id', '=', relationshipId).where('id', '=', checkInId).executeTakeFirst();
  if (!row) throw notFound('Check-in');
  return row;
}

/** The author corrects their own check-in. */
export async function editCheckIn(db: Kysely<Database>, orgId: string, relationshipId: string, checkInId: string, viewer: MentoringViewer, changes: Partial<CheckInInput>): Promise<void> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true, forUpdate: true });
  const row = await checkInRow(db, orgId, relationshipId, checkInId);
  const allowed = mayEditCheckIn({ loggedByPersonId: row.logged_by_person_id }, viewer.personId, relationship.state);
  if (!allowed.ok) throw row.logged_by_person_id !== viewer.personId ? forbidden(allowed.reason) : conflict(allowed.reason);
  if (changes.metOn !== undefined) await checkDate(db, relationship.row, viewer, changes.metOn);
  await db.updateTable('check_ins').set({
    ...(changes.metOn !== undefined ? { met_on: changes.metOn } : {}),
    ...(changes.topics !== undefined ? { topics: JSON.stringify(normalizeTopics(changes.topics)) } : {}),
    ...(changes.sharedNotes !== undefined ? { shared_notes: changes.sharedNotes.trim() } : {}),
    edited_at: nowIso(),
  }).where('id', '=', checkInId).execute();
  if (changes.metOn !== undefined) await refreshCadence(db, relationship.row);
}

function present(rows: (Selectable<CheckInTable> & { name: string })[]): CheckInView[] {
  return rows.map((row) => ({
    id: row.id, relationshipId: row.relationship_id, metOn: row.met_on, topics: JSON.parse(row.topics) as string[], sharedNotes: row.shared_notes,
    loggedBy: { personId: row.logged_by_person_id, name: row.name }, createdAt: row.created_at, editedAt: row.edited_at,
  }));
}

function checkInsWithAuthors(db: Kysely<Database>, orgId: string, relationshipId: string) {
  return db.selectFrom('check_ins as c').innerJoin('people as p', 'p.id', 'c.logged_by_person_id').selectAll('c').select('p.name')
    .where('c.org_id', '=', orgId).where('c.relationship_id', '=', relationshipId);
}

/** The shared record, newest meeting first: for the mentor and the mentee only. */
export async function listCheckIns(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer): Promise<CheckInView[]> {
  await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true });
  return present(await checkInsWithAuthors(db, orgId, relationshipId).orderBy('c.met_on', 'desc').orderBy('c.created_at', 'desc').limit(500).execute());
}

export async function getCheckIn(db: Kysely<Database>, orgId: string, relationshipId: string, checkInId: string, viewer: MentoringViewer): Promise<CheckInView> {
  await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true });
  const [view] = present(await checkInsWithAuthors(db, orgId, relationshipId).where('c.id', '=', checkInId).execute());
  if (!view) throw notFound('Check-in');
  return view;
}
