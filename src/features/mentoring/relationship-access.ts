import type { Kysely, Selectable } from 'kysely';
import { supportsRowLocks } from '../../db/locking.ts';
import type { Database, MentoringRelationshipTable } from '../../db/schema.ts';
import type { RelationshipActor, RelationshipState } from '../../domain/mentoring/relationship-lifecycle.ts';
import type { Role } from '../../domain/roles.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';

export interface MentoringViewer {
  personId: string;
  orgRoles: readonly Role[];
  ip?: string | null;
}

export interface RelationshipInView {
  row: Selectable<MentoringRelationshipTable>;
  state: RelationshipState;
  actors: RelationshipActor[];
  /** Mentor or mentee: may read the shared record (check-ins, notes). */
  isParty: boolean;
}

export function relationshipActors(row: Pick<MentoringRelationshipTable, 'mentor_person_id' | 'mentee_person_id' | 'requested_by_person_id'>, viewer: MentoringViewer): RelationshipActor[] {
  const actors: RelationshipActor[] = [];
  if (row.mentor_person_id === viewer.personId) actors.push('mentor');
  if (row.mentee_person_id === viewer.personId) actors.push('mentee');
  if (row.requested_by_person_id === viewer.personId) actors.push('requester');
  if (viewer.orgRoles.includes('admin')) actors.push('admin');
  return actors;
}

/**
 * Loads a relationship for a viewer; anyone with no part in it (and not an admin) gets "not
 * found". `partiesOnly` refuses the admin, who sees health and counts but never the content.
 */
export async function loadRelationship(
  db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer,
  options: { partiesOnly?: boolean; forUpdate?: boolean } = {},
): Promise<RelationshipInView> {
  let query = db.selectFrom('mentoring_relationships').selectAll().where('org_id', '=', orgId).where('id', '=', relationshipId);
  if (options.forUpdate && supportsRowLocks(db)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Mentoring relationship');
  const actors = relationshipActors(row, viewer);
  if (actors.length === 0) throw notFound('Mentoring relationship');
  const isParty = actors.includes('mentor') || actors.includes('mentee');
  if (options.partiesOnly && !isParty) throw forbidden('Only the mentor and the mentee read what happens inside a relationship; admins see its health.');
  return { row, state: row.state as RelationshipState, actors, isParty };
}
