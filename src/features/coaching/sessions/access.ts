import type { Kysely } from 'kysely';
import { supportsRowLocks } from '../../../db/locking.ts';
import type { CoachingSessionTable, Database } from '../../../db/schema.ts';
import type { EngagementPermission } from '../../../domain/coaching/engagement-permissions.ts';
import type { SessionStatus } from '../../../domain/coaching/session-rules.ts';
import { notFound, Problem } from '../../../platform/http/problem.ts';
import { loadEngagement, type EngagementInView, type Viewer } from '../engagement-access.ts';

export interface SessionInView {
  row: CoachingSessionTable;
  status: SessionStatus;
  engagement: EngagementInView;
}

/**
 * Loads a session for a viewer through its engagement: someone with no part in the engagement
 * gets "Session was not found", exactly as for a session that does not exist or belongs to
 * another organization; a party without the permission gets 403.
 */
export async function loadSession(
  db: Kysely<Database>,
  orgId: string,
  sessionId: string,
  viewer: Viewer,
  permission: EngagementPermission,
  options: { forUpdate?: boolean } = {},
): Promise<SessionInView> {
  let query = db.selectFrom('coaching_sessions').selectAll().where('org_id', '=', orgId).where('id', '=', sessionId);
  if (options.forUpdate && supportsRowLocks(db)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Session');
  const engagement = await loadEngagement(db, orgId, row.engagement_id, viewer, permission).catch((error: unknown) => {
    throw error instanceof Problem && error.status === 404 ? notFound('Session') : error;
  });
  return { row, status: row.status, engagement };
}
