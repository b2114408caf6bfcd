import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { conflict, forbidden, invalidField, notFound } from '../../../platform/http/problem.ts';
import { getCoach } from '../coaches/service.ts';
import type { Viewer } from '../engagement-access.ts';
import { proposeEngagement, type AgreementTerms } from '../engagements/service.ts';

/** A member asks for coaching; an admin answers by assigning a coach (or declining, kindly). */
export interface CoachingRequestView {
  id: string;
  client: { personId: string; name: string };
  preferredCoach: { personId: string; name: string } | null;
  topic: string;
  status: 'open' | 'assigned' | 'withdrawn' | 'declined';
  engagementId: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

const OPEN_REQUESTS_PER_PERSON = 3;

export async function requestCoaching(db: Kysely<Database>, orgId: string, viewer: Viewer, input: { topic: string; preferredCoachPersonId?: string | null }): Promise<string> {
  if (input.preferredCoachPersonId) {
    if (input.preferredCoachPersonId === viewer.personId) throw invalidField('preferredCoachPersonId', 'must be someone other than yourself');
    await getCoach(db, orgId, input.preferredCoachPersonId).catch(() => {
      throw invalidField('preferredCoachPersonId', 'must be an active coach in this organization');
    });
  }
  const open = await db.selectFrom('coaching_requests').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId).where('client_person_id', '=', viewer.personId).where('status', '=', 'open').executeTakeFirstOrThrow();
  if (Number(open.n) >= OPEN_REQUESTS_PER_PERSON) throw conflict(`You already have ${OPEN_REQUESTS_PER_PERSON} open coaching requests; withdraw one first.`);
  const id = newId();
  await db.insertInto('coaching_requests').values({
    id, org_id: orgId, client_person_id: viewer.personId, preferred_coach_person_id: input.preferredCoachPersonId ?? null,
    topic: input.topic.trim(), status: 'open', engagement_id: null, created_at: nowIso(), resolved_at: null,
  }).execute();
  return id;
}

function requestQuery(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('coaching_requests as r')
    .innerJoin('people as c', 'c.id', 'r.client_person_id')
    .leftJoin('people as pc', 'pc.id', 'r.preferred_coach_person_id')
    .select(['r.id', 'r.client_person_id', 'c.name as client_name', 'r.preferred_coach_person_id', 'pc.name as coach_name', 'r.topic', 'r.status', 'r.engagement_id', 'r.created_at', 'r.resolved_at'])
    .where('r.org_id', '=', orgId);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

const present = (row: RequestRow): CoachingRequestView => ({
  id: row.id, client: { personId: row.client_person_id, name: row.client_name },
  preferredCoach: row.preferred_coach_person_id ? { personId: row.preferred_coach_person_id, name: row.coach_name ?? '' } : null,
  topic: row.topic, status: row.status, engagementId: row.engagement_id, createdAt: row.created_at, resolvedAt: row.resolved_at,
});

/** Admins see every request; others see their own. */
export async function listRequests(db: Kysely<Database>, orgId: string, viewer: Viewer, status?: CoachingRequestView['status']): Promise<CoachingRequestView[]> {
  let query = requestQuery(db, orgId);
  if (!viewer.orgRoles.includes('admin')) query = query.where('r.client_person_id', '=', viewer.personId);
  if (status) query = query.where('r.status', '=', status);
  return (await query.orderBy('r.created_at', 'desc').limit(500).execute()).map(present);
}

export async function getRequest(db: Kysely<Database>, orgId: string, viewer: Viewer, requestId: string): Promise<CoachingRequestView> {
  const row = await requestQuery(db, orgId).where('r.id', '=', requestId).executeTakeFirst();
  if (!row || (!viewer.orgRoles.includes('admin') && row.client_person_id !== viewer.personId)) throw notFound('Coaching request');
  return present(row);
}

async function openRequestFor(db: Kysely<Database>, orgId: string, viewer: Viewer, requestId: string) {
  const request = await getRequest(db, orgId, viewer, requestId);
  if (request.status !== 'open') throw conflict(`This request is already ${request.status}.`);
  return request;
}

async function resolve(db: Kysely<Database>, requestId: string, status: 'assigned' | 'withdrawn' | 'declined', engagementId: string | null = null) {
  const updated = await db.updateTable('coaching_requests').set({ status, engagement_id: engagementId, resolved_at: nowIso() })
    .where('id', '=', requestId).where('status', '=', 'open').executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict('This request was answered meanwhile; reload it.');
}

export async function withdrawRequest(db: Kysely<Database>, orgId: string, viewer: Viewer, requestId: string): Promise<void> {
  const request = await openRequestFor(db, orgId, viewer, requestId);
  if (request.client.personId !== viewer.personId) throw forbidden('Only the person who asked may withdraw a request.');
  await resolve(db, requestId, 'withdrawn');
}

export async function declineRequest(db: Kysely<Database>, orgId: string, viewer: Viewer, requestId: string): Promise<void> {
  await openRequestFor(db, orgId, viewer, requestId);
  await resolve(db, requestId, 'declined');
}

/** The admin's answer: a proposed engagement with the chosen coach (and sponsor), linked to the request. */
export async function assignCoach(
  db: Kysely<Database>, orgId: string, viewer: Viewer, requestId: string,
  input: { coachPersonId: string; sponsorPersonId?: string | null; title?: string; agreement: AgreementTerms },
): Promise<string> {
  const request = await openRequestFor(db, orgId, viewer, requestId);
  const engagementId = await proposeEngagement(db, orgId, viewer, {
    coachPersonId: input.coachPersonId, clientPersonId: request.client.personId, sponsorPersonId: input.sponsorPersonId ?? null,
    title: input.title?.trim() || request.topic.slice(0, 200), agreement: input.agreement,
  });
  await resolve(db, requestId, 'assigned', engagementId);
  return engagementId;
}
