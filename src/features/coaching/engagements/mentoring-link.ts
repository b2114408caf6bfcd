import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { DEFAULT_CONFIDENTIALITY_LIMITS } from '../../../domain/coaching/agreement.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { applyTransition } from './lifecycle.ts';

/*
 * A mentoring relationship may borrow the coaching tools (session focus, goals, action items). It
 * does so through an engagement of kind 'mentoring', made here and then used through the coaching
 * routes unchanged: the mentor is its coach, the mentee its client, there is no sponsor, and the
 * two have accepted a plain agreement. Such an engagement never appears in coaching lists, homes,
 * coach capacity or the admin's overview, and the organization's admin cannot open it
 * (engagement-access.ts): what happens in a mentoring relationship stays between its two people.
 */

export interface MentoringEngagementInput {
  orgId: string;
  mentorPersonId: string;
  menteePersonId: string;
  title: string;
  /** Who asked for the tools (the mentor or the mentee). */
  createdByPersonId: string;
  startDate: string;
  plannedEndDate: string;
}

export async function openMentoringEngagement(db: Kysely<Database>, input: MentoringEngagementInput): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db.insertInto('engagements').values({
    id, org_id: input.orgId, kind: 'mentoring', coach_person_id: input.mentorPersonId, client_person_id: input.menteePersonId, sponsor_person_id: null,
    state: 'active', title: input.title, created_by_person_id: input.createdByPersonId, ended_reason: null, ended_by_person_id: null,
    client_reflection: null, coach_reflection: null, client_evaluation_rating: null, client_evaluation_comment: null, created_at: now, updated_at: now, closed_at: null,
  }).execute();
  const agreementId = newId();
  await db.insertInto('agreements').values({
    id: agreementId, org_id: input.orgId, engagement_id: id, version: 1,
    objectives: 'Mentoring: the mentee sets the focus of each conversation; goals and action items are optional tools.',
    planned_sessions: 0, start_date: input.startDate, planned_end_date: input.plannedEndDate, cadence: 'as_needed', sponsor_visibility: 'nothing',
    confidentiality_limits: DEFAULT_CONFIDENTIALITY_LIMITS, created_by_person_id: input.createdByPersonId, created_at: now,
  }).execute();
  await db.insertInto('agreement_acceptances').values([
    { agreement_id: agreementId, org_id: input.orgId, party: 'coach', person_id: input.mentorPersonId, ethics_acknowledged: 0, accepted_at: now },
    { agreement_id: agreementId, org_id: input.orgId, party: 'client', person_id: input.menteePersonId, ethics_acknowledged: 0, accepted_at: now },
  ]).execute();
  await db.insertInto('engagement_transitions').values({
    id: newId(), org_id: input.orgId, engagement_id: id, event: 'start', from_state: 'active', to_state: 'active', actor_person_id: input.createdByPersonId,
    note: 'Coaching tools opened for a mentoring relationship', created_at: now,
  }).execute();
  return id;
}

/** When the relationship ends, its borrowed tools close with it (on behalf of both people). */
export async function endMentoringEngagement(db: Kysely<Database>, orgId: string, engagementId: string): Promise<void> {
  const row = await db.selectFrom('engagements').selectAll().where('org_id', '=', orgId).where('id', '=', engagementId).where('kind', '=', 'mentoring').executeTakeFirst();
  if (!row || row.state !== 'active') return;
  await applyTransition(db, { row, state: 'active' }, 'end_early', ['coach', 'client'], null, { reason: 'The mentoring relationship came to a close.' });
  await db.updateTable('action_items').set({ status: 'dropped' }).where('engagement_id', '=', engagementId).where('status', '=', 'open').execute();
}
