import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { CHECK_IN_STATES } from '../../../domain/mentoring/check-ins.ts';
import { addDays } from '../../../domain/time-zones.ts';
import { conflict } from '../../../platform/http/problem.ts';
import { openMentoringEngagement } from '../../coaching/engagements/mentoring-link.ts';
import { loadRelationship, type MentoringViewer } from '../relationship-access.ts';

/*
 * A mentor may use the coaching tools (session focus set by the mentee, goals, action items) in a
 * relationship. They are the coaching feature's own, reached through a linked engagement of kind
 * 'mentoring' that the coaching service makes; from then on the coaching routes serve it unchanged.
 */

const ORGANIC_LENGTH_WEEKS = 52;

export async function coachingToolsOf(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer): Promise<{ engagementId: string | null }> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true });
  return { engagementId: relationship.row.engagement_id };
}

/** Opens the tools once; asking again answers with the same engagement. */
export async function openCoachingTools(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer): Promise<{ engagementId: string; created: boolean }> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true, forUpdate: true });
  if (relationship.row.engagement_id) return { engagementId: relationship.row.engagement_id, created: false };
  if (!CHECK_IN_STATES.includes(relationship.state)) throw conflict(`The coaching tools open while a relationship runs; this one is ${relationship.state}.`);
  const { mentor_person_id: mentorId, mentee_person_id: menteeId, program_id: programId } = relationship.row;
  const names = new Map((await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [mentorId, menteeId]).execute()).map((p) => [p.id, p.name]));
  const weeks = programId
    ? (await db.selectFrom('mentoring_programs').select('suggested_length_weeks').where('id', '=', programId).executeTakeFirstOrThrow()).suggested_length_weeks
    : ORGANIC_LENGTH_WEEKS;
  const today = new Date().toISOString().slice(0, 10);
  const engagementId = await openMentoringEngagement(db, {
    orgId, mentorPersonId: mentorId, menteePersonId: menteeId, title: `Mentoring: ${names.get(mentorId)} & ${names.get(menteeId)}`.slice(0, 200),
    createdByPersonId: viewer.personId, startDate: today, plannedEndDate: addDays(today, weeks * 7),
  });
  const linked = await db.updateTable('mentoring_relationships').set({ engagement_id: engagementId }).where('id', '=', relationshipId).where('engagement_id', 'is', null).executeTakeFirst();
  if (Number(linked.numUpdatedRows) !== 1) throw conflict('The coaching tools were opened meanwhile; reload and try again.');
  return { engagementId, created: true };
}
