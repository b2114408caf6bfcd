import type { Kysely, Selectable } from 'kysely';
import { supportsRowLocks } from '../../db/locking.ts';
import type { Database, EngagementTable } from '../../db/schema.ts';
import type { SponsorVisibility } from '../../domain/coaching/agreement.ts';
import type { EngagementActor, EngagementState } from '../../domain/coaching/engagement-lifecycle.ts';
import { engagementActors, mayInEngagement, type EngagementPermission } from '../../domain/coaching/engagement-permissions.ts';
import type { Role } from '../../domain/roles.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';

export interface Viewer {
  personId: string;
  orgRoles: readonly Role[];
  ip?: string | null;
}

export interface EngagementInView {
  row: Selectable<EngagementTable>;
  state: EngagementState;
  actors: EngagementActor[];
  /** The sponsor visibility of the latest agreement every party accepted (null: none yet). */
  acceptedVisibility: SponsorVisibility | null;
}

/**
 * Loads an engagement for a viewer. Someone with no part in it (and not an admin of its
 * organization) gets "not found", exactly as for an engagement that does not exist.
 */
export async function loadEngagement(
  db: Kysely<Database>,
  orgId: string,
  engagementId: string,
  viewer: Viewer,
  permission: EngagementPermission = 'viewOverview',
  options: { forUpdate?: boolean } = {},
): Promise<EngagementInView> {
  let query = db.selectFrom('engagements').selectAll().where('org_id', '=', orgId).where('id', '=', engagementId);
  if (options.forUpdate && supportsRowLocks(db)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Engagement');
  const actors = engagementActors(
    { coachPersonId: row.coach_person_id, clientPersonId: row.client_person_id, sponsorPersonId: row.sponsor_person_id },
    viewer.personId,
    // A mentoring relationship's borrowed tools are its two people's alone: no admin part in them.
    viewer.orgRoles.includes('admin') && row.kind !== 'mentoring',
  );
  if (actors.length === 0) throw notFound('Engagement');
  if (!mayInEngagement(actors, permission)) {
    throw forbidden(`As ${actors.join(' and ')} in this engagement you may not do this (${permission}).`);
  }
  return { row, state: row.state as EngagementState, actors, acceptedVisibility: await acceptedVisibility(db, row.id, row.sponsor_person_id !== null) };
}

/** The newest agreement version that every required party accepted, if any. */
export async function acceptedAgreementId(db: Kysely<Database>, engagementId: string, hasSponsor: boolean): Promise<string | null> {
  const needed = hasSponsor ? 3 : 2;
  const row = await db
    .selectFrom('agreements as a')
    .innerJoin('agreement_acceptances as x', 'x.agreement_id', 'a.id')
    .select(['a.id', 'a.version'])
    .where('a.engagement_id', '=', engagementId)
    .groupBy(['a.id', 'a.version'])
    .having((eb) => eb.fn.countAll(), '>=', needed)
    .orderBy('a.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** What the sponsor may see under the newest agreement every party accepted (null: nothing yet). */
export async function acceptedVisibility(db: Kysely<Database>, engagementId: string, hasSponsor = true): Promise<SponsorVisibility | null> {
  if (!hasSponsor) return null;
  const id = await acceptedAgreementId(db, engagementId, hasSponsor);
  if (!id) return null;
  const row = await db.selectFrom('agreements').select('sponsor_visibility').where('id', '=', id).executeTakeFirstOrThrow();
  return row.sponsor_visibility as SponsorVisibility;
}
