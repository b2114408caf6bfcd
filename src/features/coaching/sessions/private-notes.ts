import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { mayReadPrivateNote } from '../../../domain/coaching/engagement-permissions.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { notFound } from '../../../platform/http/problem.ts';
import type { Viewer } from '../engagement-access.ts';
import { loadSession } from './access.ts';

/*
 * The coach's private notes. This module is the only code in Cairn that touches the
 * private_session_notes table, and every one of its queries names the reader as the author: the
 * authorization is part of the query, so nobody but the author coach can read a note, whatever a
 * caller forgets. Every read is written to the audit log, with ids and counts, never the text.
 * Writes answer with a receipt (no body), so the only ways to see the text are the audited reads.
 */

export interface PrivateNoteView {
  id: string;
  sessionId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export type PrivateNoteReceipt = Omit<PrivateNoteView, 'body'>;

/** The one reader of the table: only rows the reader wrote, in this organization. */
async function readOwnPrivateNotes(db: Kysely<Database>, orgId: string, reader: Viewer, which: { sessionId: string } | { noteId: string }): Promise<PrivateNoteView[]> {
  let query = db.selectFrom('private_session_notes')
    .select(['id', 'session_id', 'author_person_id', 'body', 'created_at', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('author_person_id', '=', reader.personId);
  query = 'noteId' in which ? query.where('id', '=', which.noteId) : query.where('session_id', '=', which.sessionId);
  const rows = await query.orderBy('created_at').orderBy('id').limit(500).execute();
  return rows
    .filter((row) => mayReadPrivateNote({ authorPersonId: row.author_person_id }, reader.personId))
    .map((row) => ({ id: row.id, sessionId: row.session_id, body: row.body, createdAt: row.created_at, updatedAt: row.updated_at }));
}

const receipt = ({ body: _body, ...rest }: PrivateNoteView): PrivateNoteReceipt => rest;

/** The session's coach writes a private note; the answer carries no text. */
export async function writePrivateNote(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer, body: string): Promise<PrivateNoteReceipt> {
  await loadSession(db, orgId, sessionId, viewer, 'writePrivateNote');
  const now = nowIso();
  const id = newId();
  await db.insertInto('private_session_notes').values({
    id, org_id: orgId, session_id: sessionId, author_person_id: viewer.personId, body: body.trim(), created_at: now, updated_at: now,
  }).execute();
  return { id, sessionId, createdAt: now, updatedAt: now };
}

/** Rewrites the author's own note; anyone else is told it does not exist. */
export async function updatePrivateNote(db: Kysely<Database>, orgId: string, noteId: string, viewer: Viewer, body: string): Promise<PrivateNoteReceipt> {
  const result = await db.updateTable('private_session_notes').set({ body: body.trim(), updated_at: nowIso() })
    .where('org_id', '=', orgId).where('id', '=', noteId).where('author_person_id', '=', viewer.personId).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound('Private note');
  const [note] = await readOwnPrivateNotes(db, orgId, viewer, { noteId });
  return receipt(note!);
}

/** The author's private notes on one session; the read is audited. */
export async function listPrivateNotes(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer): Promise<PrivateNoteView[]> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'writePrivateNote');
  const notes = await readOwnPrivateNotes(db, orgId, viewer, { sessionId });
  await recordAudit(db, {
    orgId, actorPersonId: viewer.personId, action: 'confidential.read', subjectType: 'session', subjectId: sessionId, ip: viewer.ip ?? null,
    detail: { what: 'private_session_notes', engagementId: session.row.engagement_id, count: notes.length, noteIds: notes.map((note) => note.id) },
  });
  return notes;
}

/** One private note, for its author only (anyone else: 404); the read is audited. */
export async function getPrivateNote(db: Kysely<Database>, orgId: string, noteId: string, viewer: Viewer): Promise<PrivateNoteView> {
  const [note] = await readOwnPrivateNotes(db, orgId, viewer, { noteId });
  if (!note) throw notFound('Private note');
  await recordAudit(db, {
    orgId, actorPersonId: viewer.personId, action: 'confidential.read', subjectType: 'private_session_note', subjectId: note.id, ip: viewer.ip ?? null,
    detail: { what: 'private_session_note', sessionId: note.sessionId },
  });
  return note;
}
