import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { mayLeaveClosing } from '../../../domain/mentoring/closing.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { conflict } from '../../../platform/http/problem.ts';
import { closingReflectionsWrittenBy, writeReflection, type ReflectionReceipt } from '../check-ins/reflections.ts';
import { tell } from '../notices.ts';
import { loadRelationship, type MentoringViewer } from '../relationship-access.ts';

/*
 * After a relationship concludes, each side may leave a closing reflection (private, kept with
 * the other reflections) and an appreciation, which the other person reads.
 */

export interface AppreciationView {
  id: string;
  from: { personId: string; name: string };
  body: string;
  createdAt: string;
}

export interface ClosingView {
  relationshipId: string;
  state: string;
  yourClosingReflectionWritten: boolean;
  yourAppreciationWritten: boolean;
  mayWriteClosingReflection: boolean;
  mayWriteAppreciation: boolean;
  /** Appreciations between the two of you: yours and theirs. */
  appreciations: AppreciationView[];
}

async function appreciationsOf(db: Kysely<Database>, orgId: string, relationshipId: string): Promise<AppreciationView[]> {
  const rows = await db.selectFrom('appreciations as a').innerJoin('people as p', 'p.id', 'a.author_person_id')
    .select(['a.id', 'a.author_person_id', 'p.name', 'a.body', 'a.created_at'])
    .where('a.org_id', '=', orgId).where('a.relationship_id', '=', relationshipId).orderBy('a.created_at').execute();
  return rows.map((row) => ({ id: row.id, from: { personId: row.author_person_id, name: row.name }, body: row.body, createdAt: row.created_at }));
}

export async function closingView(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer): Promise<ClosingView> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true });
  const appreciations = await appreciationsOf(db, orgId, relationshipId);
  const reflected = (await closingReflectionsWrittenBy(db, orgId, viewer.personId, [relationshipId])).has(relationshipId);
  const appreciated = appreciations.some((a) => a.from.personId === viewer.personId);
  return {
    relationshipId, state: relationship.state, yourClosingReflectionWritten: reflected, yourAppreciationWritten: appreciated,
    mayWriteClosingReflection: mayLeaveClosing(relationship.state, { written: reflected, what: 'closing reflection' }).ok,
    mayWriteAppreciation: mayLeaveClosing(relationship.state, { written: appreciated, what: 'appreciation' }).ok,
    appreciations,
  };
}

export async function writeClosingReflection(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer, body: string): Promise<ReflectionReceipt> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true, forUpdate: true });
  const written = (await closingReflectionsWrittenBy(db, orgId, viewer.personId, [relationshipId])).has(relationshipId);
  const allowed = mayLeaveClosing(relationship.state, { written, what: 'closing reflection' });
  if (!allowed.ok) throw conflict(allowed.reason);
  return writeReflection(db, orgId, relationshipId, viewer, { body, kind: 'closing' });
}

/** An appreciation for the other person, who is told (it is theirs to read). */
export async function writeAppreciation(db: Kysely<Database>, mailer: Mailer | null, orgId: string, relationshipId: string, viewer: MentoringViewer, body: string): Promise<string> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true, forUpdate: true });
  const existing = await db.selectFrom('appreciations').select('id').where('relationship_id', '=', relationshipId).where('author_person_id', '=', viewer.personId).executeTakeFirst();
  const allowed = mayLeaveClosing(relationship.state, { written: Boolean(existing), what: 'appreciation' });
  if (!allowed.ok) throw conflict(allowed.reason);
  const id = newId();
  await db.insertInto('appreciations').values({ id, org_id: orgId, relationship_id: relationshipId, author_person_id: viewer.personId, body: body.trim(), created_at: nowIso() }).execute();
  const other = relationship.row.mentor_person_id === viewer.personId ? relationship.row.mentee_person_id : relationship.row.mentor_person_id;
  const author = await db.selectFrom('people').select('name').where('id', '=', viewer.personId).executeTakeFirstOrThrow();
  // The words themselves stay in Cairn: a notice is also mailed, and mail is no place for them.
  await tell(db, mailer, {
    orgId, personId: other, kind: 'mentoring.appreciation', title: `${author.name} left you an appreciation`,
    body: `${author.name} left you a few words of appreciation for your time together. You can read them on the relationship’s page in Cairn.`,
    link: `/mentoring/relationships/${relationshipId}`,
  });
  return id;
}
