import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/ids.ts';
import { notFound } from '../../../platform/http/problem.ts';

/*
 * A person's notices (written by tell() in ../notices.ts): each person reads and marks only their
 * own, in the organization of the path; anyone else's is "not found".
 */

export interface NoticeView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export async function listNotices(db: Kysely<Database>, orgId: string, personId: string, filters: { unreadOnly?: boolean; page: number; pageSize: number }) {
  let query = db.selectFrom('notices').where('org_id', '=', orgId).where('person_id', '=', personId);
  if (filters.unreadOnly) query = query.where('read_at', 'is', null);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const { unread } = await db.selectFrom('notices').select((eb) => eb.fn.countAll<number>().as('unread'))
    .where('org_id', '=', orgId).where('person_id', '=', personId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  const rows = await query.select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filters.pageSize).offset((filters.page - 1) * filters.pageSize).execute();
  return {
    items: rows.map((row): NoticeView => ({ id: row.id, kind: row.kind, title: row.title, body: row.body, link: row.link, createdAt: row.created_at, readAt: row.read_at })),
    page: filters.page, pageSize: filters.pageSize, total: Number(total), unread: Number(unread),
  };
}

export async function markNoticeRead(db: Kysely<Database>, orgId: string, personId: string, noticeId: string): Promise<void> {
  const row = await db.selectFrom('notices').select('read_at').where('org_id', '=', orgId).where('person_id', '=', personId).where('id', '=', noticeId).executeTakeFirst();
  if (!row) throw notFound('Notice');
  if (row.read_at === null) await db.updateTable('notices').set({ read_at: nowIso() }).where('id', '=', noticeId).where('read_at', 'is', null).execute();
}

export async function markAllNoticesRead(db: Kysely<Database>, orgId: string, personId: string): Promise<number> {
  const result = await db.updateTable('notices').set({ read_at: nowIso() }).where('org_id', '=', orgId).where('person_id', '=', personId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
