import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { newId, nowIso } from '../../platform/ids.ts';

/** Tells a person something: an in-app notice, and the same words by mail. */
export async function tell(
  db: Kysely<Database>, mailer: Mailer | null,
  notice: { orgId: string; personId: string; kind: string; title: string; body: string; link?: string },
): Promise<void> {
  await db.insertInto('notices').values({
    id: newId(), org_id: notice.orgId, person_id: notice.personId, kind: notice.kind, title: notice.title, body: notice.body,
    link: notice.link ?? null, created_at: nowIso(), read_at: null,
  }).execute();
  if (!mailer) return;
  const person = await db.selectFrom('people').select(['email', 'name']).where('id', '=', notice.personId).executeTakeFirst();
  if (person) await mailer.queue(db, { orgId: notice.orgId, to: person.email, subject: notice.title, text: `Hello ${person.name},\n\n${notice.body}\n` });
}
