import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { invalidField } from '../../../platform/http/problem.ts';
import type { MentoringViewer } from '../relationship-access.ts';

/*
 * Private reflections: what each side of a relationship writes for themselves alone, about a
 * check-in, about nothing in particular, or in closing. This module is the only code in Cairn that
 * reads the private_reflections table, and every read names the reader as the author: the
 * authorization is part of the query, so nobody else (the other side, the program's admin) can
 * read a reflection, whatever a caller forgets. Every read of the text is written to the audit log,
 * with ids and counts, never the text. Writes answer with a receipt, without the text.
 */

export interface ReflectionView {
  id: string;
  relationshipId: string;
  checkInId: string | null;
  kind: 'check_in' | 'closing';
  body: string;
  createdAt: string;
}

export type ReflectionReceipt = Omit<ReflectionView, 'body'>;

/** The one reader of the text: the reader's own reflections in one relationship. */
async function readOwnReflections(db: Kysely<Database>, orgId: string, relationshipId: string, reader: MentoringViewer): Promise<ReflectionView[]> {
  const rows = await db.selectFrom('private_reflections').select(['id', 'relationship_id', 'check_in_id', 'author_person_id', 'kind', 'body', 'created_at'])
    .where('org_id', '=', orgId).where('relationship_id', '=', relationshipId).where('author_person_id', '=', reader.personId)
    .orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
  return rows.filter((row) => row.author_person_id === reader.personId)
    .map((row) => ({ id: row.id, relationshipId: row.relationship_id, checkInId: row.check_in_id, kind: row.kind, body: row.body, createdAt: row.created_at }));
}

/**
 * Writes a reflection for its author. The caller has checked that the author is a side of the
 * relationship and that the relationship takes this kind of reflection now.
 */
export async function writeReflection(
  db: Kysely<Database>, orgId: string, relationshipId: string, author: MentoringViewer, input: { body: string; kind: 'check_in' | 'closing'; checkInId?: string | null },
): Promise<ReflectionReceipt> {
  if (input.checkInId) {
    const checkIn = await db.selectFrom('check_ins').select('id').where('org_id', '=', orgId).where('relationship_id', '=', relationshipId).where('id', '=', input.checkInId).executeTakeFirst();
    if (!checkIn) throw invalidField('checkInId', 'is not a check-in of this relationship');
  }
  const id = newId();
  const createdAt = nowIso();
  await db.insertInto('private_reflections').values({
    id, org_id: orgId, relationship_id: relationshipId, check_in_id: input.checkInId ?? null, author_person_id: author.personId, kind: input.kind, body: input.body.trim(), created_at: createdAt,
  }).execute();
  return { id, relationshipId, checkInId: input.checkInId ?? null, kind: input.kind, createdAt };
}

/** The reader's own reflections in a relationship; the read is audited (ids and counts, never text). */
export async function listOwnReflections(db: Kysely<Database>, orgId: string, relationshipId: string, reader: MentoringViewer): Promise<ReflectionView[]> {
  const reflections = await readOwnReflections(db, orgId, relationshipId, reader);
  await recordAudit(db, {
    orgId, actorPersonId: reader.personId, action: 'confidential.read', subjectType: 'mentoring_relationship', subjectId: relationshipId, ip: reader.ip ?? null,
    detail: { what: 'private_reflections', count: reflections.length, reflectionIds: reflections.map((r) => r.id) },
  });
  return reflections;
}

/** Which of these relationships the person has already left a closing reflection in: whether, never what. */
export async function closingReflectionsWrittenBy(db: Kysely<Database>, orgId: string, authorPersonId: string, relationshipIds: string[]): Promise<Set<string>> {
  if (relationshipIds.length === 0) return new Set();
  const rows = await db.selectFrom('private_reflections').select('relationship_id')
    .where('org_id', '=', orgId).where('author_person_id', '=', authorPersonId).where('kind', '=', 'closing').where('relationship_id', 'in', relationshipIds).execute();
  return new Set(rows.map((row) => row.relationship_id));
}
