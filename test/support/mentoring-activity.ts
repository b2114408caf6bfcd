import type { TestApp } from './app.ts';
import type { MentoringPerson } from './mentoring.ts';
import { refreshCadence } from '../../src/features/mentoring/check-ins/service.ts';

/*
 * Helpers for the mentoring activity tests (check-ins, reviews, homes, the program dashboard):
 * programs made and joined through the API, and time moved back where a test needs history.
 */

export interface ProgramOrg { orgId: string; admin: MentoringPerson }

const url = (org: { orgId: string }, rest: string) => `/api/orgs/${org.orgId}/mentoring${rest}`;

export async function buildProgram(org: ProgramOrg, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await org.admin.as.post(url(org, '/programs'), {
    name: 'Career Growth Circle', purpose: 'career_growth', description: 'Open mentoring for growth', enrollmentWindow: 'always',
    cadenceDays: 14, suggestedLengthWeeks: 26, reviewEveryWeeks: 12, defaultMentorCapacity: 3, pairingMode: 'admin_assigns', enrollmentApproval: 'automatic',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildProgram: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function enrollIn(org: { orgId: string }, programId: string, person: MentoringPerson, side: 'mentor' | 'mentee', extra: Record<string, unknown> = {}): Promise<void> {
  const response = await person.as.post(url(org, `/programs/${programId}/enrollments`), { sides: [side], ...extra });
  if (response.status !== 201) throw new Error(`enrollIn: ${response.status} ${JSON.stringify(response.body)}`);
}

/** The admin pairs two enrolled people; answers the relationship's id. */
export async function pair(org: ProgramOrg, programId: string, mentor: MentoringPerson, mentee: MentoringPerson): Promise<string> {
  const response = await org.admin.as.post(url(org, `/programs/${programId}/pairs`), { mentorPersonId: mentor.person.id, menteePersonId: mentee.person.id });
  if (response.status !== 201) throw new Error(`pair: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export const daysAgo = (days: number, now = new Date()) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** Moves a relationship's start (and its check-ins' dates, when given) back in time, keeping its cadence marks true. */
export async function backdate(t: TestApp, relationshipId: string, startedDaysAgo: number, checkInsDaysAgo: number[] = []): Promise<void> {
  const startedAt = new Date(Date.now() - startedDaysAgo * 86_400_000).toISOString();
  await t.context.db.updateTable('mentoring_relationships').set({ started_at: startedAt, created_at: startedAt }).where('id', '=', relationshipId).execute();
  const rows = await t.context.db.selectFrom('check_ins').select('id').where('relationship_id', '=', relationshipId).orderBy('created_at').execute();
  for (const [index, row] of rows.entries()) {
    if (checkInsDaysAgo[index] !== undefined) await t.context.db.updateTable('check_ins').set({ met_on: daysAgo(checkInsDaysAgo[index]!) }).where('id', '=', row.id).execute();
  }
  const relationship = await t.context.db.selectFrom('mentoring_relationships').select(['id', 'cadence_days', 'started_at']).where('id', '=', relationshipId).executeTakeFirstOrThrow();
  await refreshCadence(t.context.db, relationship);
}

/** Brings the relationship's open review to its due date (or `inDays` from today). */
export async function reviewDueIn(t: TestApp, relationshipId: string, inDays = 0): Promise<void> {
  await t.context.db.updateTable('continuation_reviews').set({ due_on: daysAgo(-inDays) }).where('relationship_id', '=', relationshipId).where('outcome', 'is', null).execute();
}
