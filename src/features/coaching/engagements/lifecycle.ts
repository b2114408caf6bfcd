import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { transition, type EngagementActor, type EngagementEvent, type EngagementState } from '../../../domain/coaching/engagement-lifecycle.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { conflict } from '../../../platform/http/problem.ts';
import type { EngagementInView } from '../engagement-access.ts';

/**
 * Moves an engagement along its lifecycle table, recording who and when. The update is guarded
 * by the expected current state, so two racing moves cannot both apply.
 */
export async function applyTransition(
  db: Kysely<Database>,
  engagement: Pick<EngagementInView, 'row' | 'state'>,
  event: EngagementEvent,
  actors: readonly EngagementActor[],
  actorPersonId: string | null,
  details: { reason?: string; note?: string } = {},
): Promise<EngagementState> {
  const result = transition(engagement.state, event, actors, details);
  if (!result.ok) throw conflict(result.reason);
  const now = nowIso();
  const ending = result.to === 'ended_early';
  const update = await db
    .updateTable('engagements')
    .set({
      state: result.to,
      updated_at: now,
      ...(ending ? { ended_reason: details.reason!.trim(), ended_by_person_id: actorPersonId, closed_at: now } : {}),
      ...(result.to === 'completed' ? { closed_at: now } : {}),
    })
    .where('id', '=', engagement.row.id)
    .where('state', '=', engagement.state)
    .executeTakeFirst();
  if (Number(update.numUpdatedRows) !== 1) throw conflict('The engagement changed meanwhile; reload and try again.');
  await db.insertInto('engagement_transitions').values({
    id: newId(), org_id: engagement.row.org_id, engagement_id: engagement.row.id, event, from_state: engagement.state, to_state: result.to,
    actor_person_id: actorPersonId, note: details.reason ?? details.note ?? null, created_at: now,
  }).execute();
  return result.to;
}
