import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { agreementTerms, buildCoachingCast, type CoachingCast } from '../../../../test/support/coaching.ts';
import { buildMember, signedIn } from '../../../../test/support/factories.ts';

describe('coach directory and coaching requests', () => {
  let t: TestApp;
  let cast: CoachingCast;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => { cast = await buildCoachingCast(t); });
  afterAll(async () => { await t.close(); });

  it('lets a coach describe their practice and members filter the directory by specialty and language', async () => {
    const saved = await cast.as.coach.put(`/api/orgs/${cast.orgId}/coach-profile`, {
      specialties: ['Leadership transitions', 'Executive presence'], approach: 'Solution-focused', credentialsSummary: 'ICF PCC', kind: 'external', capacity: 4,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ specialties: ['Leadership transitions', 'Executive presence'], capacity: 4, available: true, kind: 'external' });
    const other = await buildMember(t, cast.orgId, ['coach'], { name: 'Zed Second Coach' });
    await t.context.db.updateTable('people').set({ languages: '["pt"]' }).where('id', '=', other.id).execute();

    const byLeadership = await cast.as.client.get(`/api/orgs/${cast.orgId}/coaches?specialty=leadership`);
    expect(byLeadership.body.items.map((c: { name: string }) => c.name)).toEqual(['Cora Coach']);
    const byPortuguese = await cast.as.client.get(`/api/orgs/${cast.orgId}/coaches?language=pt`);
    expect(byPortuguese.body.items.map((c: { name: string }) => c.name)).toEqual(['Zed Second Coach']);
    expect((await cast.as.client.put(`/api/orgs/${cast.orgId}/coach-profile`, { capacity: 3 })).status).toBe(403);
  });

  it('takes a member’s request to an admin, who assigns a coach and proposes the engagement', async () => {
    const asked = await cast.as.client.post(`/api/orgs/${cast.orgId}/coaching-requests`, { topic: 'Delegating without micromanaging', preferredCoachPersonId: cast.coach.id });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'open', preferredCoach: { name: 'Cora Coach' } });
    // Others cannot see it; the admin can.
    expect((await cast.as.outsider.get(`/api/orgs/${cast.orgId}/coaching-requests`)).body.items).toEqual([]);
    expect((await cast.as.admin.get(`/api/orgs/${cast.orgId}/coaching-requests?status=open`)).body.items).toHaveLength(1);

    const assigned = await cast.as.admin.post(`/api/orgs/${cast.orgId}/coaching-requests/${asked.body.id}/assign`, {
      coachPersonId: cast.coach.id, sponsorPersonId: cast.sponsor.id, agreement: agreementTerms(),
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.status).toBe('assigned');
    const engagement = await cast.as.client.get(`/api/orgs/${cast.orgId}/engagements/${assigned.body.engagementId}`);
    expect(engagement.body).toMatchObject({ state: 'proposed', title: 'Delegating without micromanaging', sponsor: { name: 'Spencer Sponsor' } });
    expect((await cast.as.client.post(`/api/orgs/${cast.orgId}/coaching-requests/${asked.body.id}/withdraw`)).status).toBe(409);
  });

  it('refuses to assign a coach who is not taking clients, and lets the member withdraw', async () => {
    await cast.as.coach.put(`/api/orgs/${cast.orgId}/coach-profile`, { acceptingClients: false });
    const asked = await cast.as.client.post(`/api/orgs/${cast.orgId}/coaching-requests`, { topic: 'Public speaking' });
    const refused = await cast.as.admin.post(`/api/orgs/${cast.orgId}/coaching-requests/${asked.body.id}/assign`, { coachPersonId: cast.coach.id, agreement: agreementTerms() });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/not taking new clients/);
    expect((await cast.as.client.get(`/api/orgs/${cast.orgId}/coaching-requests`)).body.items[0].status).toBe('open');
    const withdrawn = await cast.as.client.post(`/api/orgs/${cast.orgId}/coaching-requests/${asked.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('lets many clients accept at once against a coach’s last slot: exactly one engagement is agreed', async () => {
    await cast.as.coach.put(`/api/orgs/${cast.orgId}/coach-profile`, { capacity: 1 });
    const clients = [];
    for (let i = 0; i < 6; i += 1) {
      const person = await buildMember(t, cast.orgId, ['member']);
      const proposed = await cast.as.admin.post(`/api/orgs/${cast.orgId}/engagements`, {
        coachPersonId: cast.coach.id, clientPersonId: person.id, title: `Engagement ${i}`, agreement: agreementTerms(),
      });
      expect(proposed.status).toBe(201);
      await cast.as.coach.post(`/api/orgs/${cast.orgId}/engagements/${proposed.body.id}/agreement/accept`, { version: 1, ethicsAcknowledged: true });
      clients.push({ id: proposed.body.id as string, client: await signedIn(t, person) });
    }
    const answers = await Promise.all(clients.map(({ id, client }) => client.post(`/api/orgs/${cast.orgId}/engagements/${id}/agreement/accept`, { version: 1 })));
    expect(answers.filter((a) => a.status === 200 && a.body.state === 'agreed')).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.body.detail).toMatch(/no free coaching slot/);
    const agreed = await t.context.db.selectFrom('engagements').select('id').where('coach_person_id', '=', cast.coach.id).where('state', '=', 'agreed').execute();
    expect(agreed).toHaveLength(1);
  });
});
