import type { Kysely } from 'kysely';
import type { ActionItemTable, Database } from '../../../db/schema.ts';
import { actionItemMove, type ActionItemStatus } from '../../../domain/coaching/action-items.ts';
import { SCHEDULING_STATES } from '../../../domain/coaching/session-rules.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { conflict, invalidField, notFound, Problem } from '../../../platform/http/problem.ts';
import { loadEngagement, type EngagementInView, type Viewer } from '../engagement-access.ts';

export interface ActionItemView {
  id: string;
  engagementId: string;
  sessionId: string | null;
  title: string;
  owner: { personId: string; name: string };
  dueDate: string | null;
  status: ActionItemStatus;
  completedAt: string | null;
  createdAt: string;
}

/** The presenter: what of an action item leaves the server. */
export async function presentActionItems(db: Kysely<Database>, rows: ActionItemTable[]): Promise<ActionItemView[]> {
  const ownerIds = [...new Set(rows.map((row) => row.owner_person_id))];
  const names = ownerIds.length ? await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ownerIds).execute() : [];
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  return rows.map((row) => ({
    id: row.id, engagementId: row.engagement_id, sessionId: row.session_id, title: row.title,
    owner: { personId: row.owner_person_id, name: nameOf.get(row.owner_person_id) ?? '' },
    dueDate: row.due_date, status: row.status, completedAt: row.completed_at, createdAt: row.created_at,
  }));
}

/** Every action item of an engagement, oldest first; callers have already checked the viewer. */
export async function engagementActionItems(db: Kysely<Database>, orgId: string, engagementId: string, status?: ActionItemStatus): Promise<ActionItemTable[]> {
  let query = db.selectFrom('action_items').selectAll().where('org_id', '=', orgId).where('engagement_id', '=', engagementId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('created_at').orderBy('id').limit(1000).execute();
}

function assertRunning(engagement: EngagementInView): void {
  if (!SCHEDULING_STATES.includes(engagement.state)) {
    throw conflict(`Action items are kept while the engagement runs; this one is ${engagement.state.replace('_', ' ')}.`);
  }
}

function assertOwner(engagement: EngagementInView, ownerPersonId: string): void {
  if (ownerPersonId !== engagement.row.client_person_id && ownerPersonId !== engagement.row.coach_person_id) {
    throw invalidField('ownerPersonId', 'must be the client or the coach of this engagement');
  }
}

export interface NewActionItem {
  title: string;
  ownerPersonId: string;
  dueDate?: string | null;
  sessionId?: string | null;
}

export async function createActionItem(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, input: NewActionItem): Promise<string> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'manageActionItems');
  assertRunning(engagement);
  assertOwner(engagement, input.ownerPersonId);
  if (input.sessionId) {
    const session = await db.selectFrom('coaching_sessions').select('id').where('org_id', '=', orgId)
      .where('engagement_id', '=', engagementId).where('id', '=', input.sessionId).executeTakeFirst();
    if (!session) throw notFound('Session');
  }
  const id = newId();
  await db.insertInto('action_items').values({
    id, org_id: orgId, engagement_id: engagementId, session_id: input.sessionId ?? null, title: input.title.trim(), owner_person_id: input.ownerPersonId,
    due_date: input.dueDate ?? null, status: 'open', completed_at: null, created_at: nowIso(),
  }).execute();
  return id;
}

export async function listActionItems(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, status?: ActionItemStatus): Promise<ActionItemView[]> {
  await loadEngagement(db, orgId, engagementId, viewer, 'viewContent');
  return presentActionItems(db, await engagementActionItems(db, orgId, engagementId, status));
}

/** An action item and its engagement as the viewer may act on it; unknown or foreign ids answer 404. */
async function loadItem(db: Kysely<Database>, orgId: string, itemId: string, viewer: Viewer) {
  const row = await db.selectFrom('action_items').selectAll().where('org_id', '=', orgId).where('id', '=', itemId).executeTakeFirst();
  if (!row) throw notFound('Action item');
  const engagement = await loadEngagement(db, orgId, row.engagement_id, viewer, 'manageActionItems').catch((error: unknown) => {
    throw error instanceof Problem && error.status === 404 ? notFound('Action item') : error;
  });
  return { row, engagement };
}

export async function getActionItem(db: Kysely<Database>, orgId: string, itemId: string, viewer: Viewer): Promise<ActionItemView> {
  const { row } = await loadItem(db, orgId, itemId, viewer);
  return (await presentActionItems(db, [row]))[0]!;
}

/** Done, dropped or reopened, by the client or the coach (one of whom owns it). */
export async function setActionItemStatus(db: Kysely<Database>, orgId: string, itemId: string, viewer: Viewer, status: ActionItemStatus): Promise<void> {
  const { row, engagement } = await loadItem(db, orgId, itemId, viewer);
  assertRunning(engagement);
  const verdict = actionItemMove(row.status, status);
  if (!verdict.ok) throw conflict(verdict.reason);
  const updated = await db.updateTable('action_items')
    .set({ status, completed_at: status === 'open' ? null : nowIso() })
    .where('id', '=', itemId).where('status', '=', row.status).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict('The action item changed meanwhile; reload and try again.');
}

export async function updateActionItem(
  db: Kysely<Database>, orgId: string, itemId: string, viewer: Viewer, input: { title?: string; ownerPersonId?: string; dueDate?: string | null },
): Promise<void> {
  const { engagement } = await loadItem(db, orgId, itemId, viewer);
  assertRunning(engagement);
  if (input.ownerPersonId !== undefined) assertOwner(engagement, input.ownerPersonId);
  await db.updateTable('action_items').set({
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.ownerPersonId !== undefined ? { owner_person_id: input.ownerPersonId } : {}),
    ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
  }).where('id', '=', itemId).execute();
}
