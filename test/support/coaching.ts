import type { ApiClient, TestApp } from './app.ts';
import { buildMember, buildOrganization, signedIn, type BuiltPerson } from './factories.ts';

export interface CoachingCast {
  orgId: string;
  admin: BuiltPerson; coach: BuiltPerson; client: BuiltPerson; sponsor: BuiltPerson; outsider: BuiltPerson;
  as: { admin: ApiClient; coach: ApiClient; client: ApiClient; sponsor: ApiClient; outsider: ApiClient };
}

/** An organization with an admin, a coach, a client, the client's sponsor and an unrelated member. */
export async function buildCoachingCast(t: TestApp): Promise<CoachingCast> {
  const orgId = await buildOrganization(t);
  const admin = await buildMember(t, orgId, ['admin'], { name: 'Ada Admin' });
  const coach = await buildMember(t, orgId, ['coach'], { name: 'Cora Coach' });
  const client = await buildMember(t, orgId, ['member'], { name: 'Cliff Client' });
  const sponsor = await buildMember(t, orgId, ['sponsor'], { name: 'Spencer Sponsor' });
  const outsider = await buildMember(t, orgId, ['member', 'mentor'], { name: 'Olga Outsider' });
  return {
    orgId, admin, coach, client, sponsor, outsider,
    as: {
      admin: await signedIn(t, admin), coach: await signedIn(t, coach), client: await signedIn(t, client),
      sponsor: await signedIn(t, sponsor), outsider: await signedIn(t, outsider),
    },
  };
}

export const agreementTerms = (overrides: Record<string, unknown> = {}) => ({
  objectives: 'Lead the new team with confidence',
  plannedSessions: 6,
  startDate: '2026-11-01',
  plannedEndDate: '2027-03-01',
  cadence: 'fortnightly',
  sponsorVisibility: 'goals_progress',
  ...overrides,
});

/** Proposes an engagement (admin assigns the coach); optionally walks it to agreed or active. */
export async function buildEngagement(
  cast: CoachingCast,
  options: { sponsor?: boolean; until?: 'proposed' | 'agreed' | 'active'; terms?: Record<string, unknown> } = {},
): Promise<string> {
  const { orgId } = cast;
  const sponsor = options.sponsor ?? true;
  const created = await cast.as.admin.post(`/api/orgs/${orgId}/engagements`, {
    coachPersonId: cast.coach.id, clientPersonId: cast.client.id, sponsorPersonId: sponsor ? cast.sponsor.id : null,
    title: 'Leadership coaching', agreement: agreementTerms(options.terms),
  });
  if (created.status !== 201) throw new Error(`buildEngagement: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const until = options.until ?? 'active';
  if (until === 'proposed') return id;
  const accept = `/api/orgs/${orgId}/engagements/${id}/agreement/accept`;
  await cast.as.coach.post(accept, { version: 1, ethicsAcknowledged: true });
  await cast.as.client.post(accept, { version: 1 });
  if (sponsor) await cast.as.sponsor.post(accept, { version: 1 });
  if (until === 'agreed') return id;
  const started = await cast.as.coach.post(`/api/orgs/${orgId}/engagements/${id}/start`);
  if (started.status !== 200) throw new Error(`buildEngagement start: ${started.status} ${JSON.stringify(started.body)}`);
  return id;
}
