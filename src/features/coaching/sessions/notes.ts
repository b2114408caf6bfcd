import type { Kysely } from 'kysely';
import type { Database, SessionNoteTable } from '../../../db/schema.ts';
import { mayInEngagement } from '../../../domain/coaching/engagement-permissions.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { Viewer } from '../engagement-access.ts';
import { loadSession, type SessionInView } from './access.ts';

/**
 * The shared record of a session, seen by its coach and its client: notes either of them writes,
 * and the coach's observations and the questions the coach asked. (The coach's private notes are
 * elsewhere: private-notes.ts.)
 */
export type NoteKind = SessionNoteTable['kind'];

export interface SharedNoteView {
  id: string;
  sessionId: string;
  kind: NoteKind;
  body: string;
  author: { personId: string; name: string };
  createdAt: string;
}

export async function addSharedNote(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer, input: { kind: NoteKind; body: string }): Promise<string> {
  const session = await loadSession(db, orgId, sessionId, viewer, 'writeSharedNote');
  if (input.kind !== 'note' && !mayInEngagement(session.engagement.actors, 'writeObservation')) {
    throw forbidden(`Only the coach records ${input.kind === 'observation' ? 'observations' : 'questions'}; write a note instead.`);
  }
  const id = newId();
  await db.insertInto('session_notes').values({
    id, org_id: orgId, session_id: sessionId, author_person_id: viewer.personId, kind: input.kind, body: input.body.trim(), created_at: nowIso(),
  }).execute();
  return id;
}

/** The shared notes of a session the caller has already loaded with `viewContent`. */
export async function listSharedNotes(db: Kysely<Database>, orgId: string, session: SessionInView): Promise<SharedNoteView[]> {
  const rows = await db.selectFrom('session_notes as n').innerJoin('people as p', 'p.id', 'n.author_person_id')
    .select(['n.id', 'n.session_id', 'n.kind', 'n.body', 'n.author_person_id', 'n.created_at', 'p.name'])
    .where('n.org_id', '=', orgId).where('n.session_id', '=', session.row.id).orderBy('n.created_at').orderBy('n.id').limit(1000).execute();
  return rows.map((row) => ({
    id: row.id, sessionId: row.session_id, kind: row.kind, body: row.body, author: { personId: row.author_person_id, name: row.name }, createdAt: row.created_at,
  }));
}

export async function sharedNotesOf(db: Kysely<Database>, orgId: string, sessionId: string, viewer: Viewer): Promise<SharedNoteView[]> {
  return listSharedNotes(db, orgId, await loadSession(db, orgId, sessionId, viewer, 'viewContent'));
}
