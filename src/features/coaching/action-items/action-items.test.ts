import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';

describe('action items through the API', () => {
  let t: TestApp;
  let cast: CoachingCast;
  let engagementId: string;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => {
    cast = await buildCoachingCast(t);
    engagementId = await buildEngagement(cast);
  });
  afterAll(async () => { await t.close(); });

  const itemsUrl = (rest = '') => `/api/orgs/${cast.orgId}/engagements/${engagementId}/action-items${rest}`;
  const itemUrl = (id: string, rest = '') => `/api/orgs/${cast.orgId}/action-items/${id}${rest}`;
  const newSession = async () => (await cast.as.coach.post(`/api/orgs/${cast.orgId}/engagements/${engagementId}/sessions`, {
    startsAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 60,
  })).body.id as string;

  it('are committed to at a session, owned by the client or the coach, and marked done, dropped or reopened', async () => {
    const sessionId = await newSession();
    const created = await cast.as.client.post(itemsUrl(), { title: 'Ask two peers for feedback', ownerPersonId: cast.client.id, dueDate: '2026-12-01', sessionId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sessionId, title: 'Ask two peers for feedback', owner: { personId: cast.client.id, name: 'Cliff Client' }, dueDate: '2026-12-01', status: 'open', completedAt: null });
    const coachOwned = await cast.as.coach.post(itemsUrl(), { title: 'Send the article on delegation', ownerPersonId: cast.coach.id });
    expect(coachOwned.body.sessionId).toBeNull();

    const done = await cast.as.client.post(itemUrl(created.body.id, '/status'), { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(done.body.completedAt).toBeTruthy();
    const doneAgain = await cast.as.coach.post(itemUrl(created.body.id, '/status'), { status: 'dropped' });
    expect(doneAgain.status).toBe(409);
    expect(doneAgain.body.detail).toMatch(/reopen it first/);
    const reopened = await cast.as.coach.post(itemUrl(created.body.id, '/status'), { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null });
    expect((await cast.as.coach.post(itemUrl(coachOwned.body.id, '/status'), { status: 'dropped' })).body.status).toBe('dropped');

    expect((await cast.as.client.get(itemsUrl('?status=open'))).body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect((await cast.as.client.get(itemsUrl('?status=dropped'))).body.items.map((i: { id: string }) => i.id)).toEqual([coachOwned.body.id]);
    expect((await cast.as.coach.get(itemsUrl())).body.items).toHaveLength(2);
    expect((await cast.as.coach.get(itemsUrl('?status=finished'))).body.errors[0].field).toBe('query.status');

    const edited = await cast.as.coach.patch(itemUrl(created.body.id), { title: 'Ask three peers', dueDate: null, ownerPersonId: cast.coach.id });
    expect(edited.body).toMatchObject({ title: 'Ask three peers', dueDate: null, owner: { personId: cast.coach.id } });
    expect((await cast.as.coach.patch(itemUrl(created.body.id), {})).status).toBe(400);
  });

  it('are for the engagement’s coach and client only; bad owners, dates and foreign ids are refused', async () => {
    const body = { title: 'Practise the opening', ownerPersonId: cast.client.id };
    expect((await cast.as.sponsor.post(itemsUrl(), body)).status).toBe(403);
    expect((await cast.as.admin.post(itemsUrl(), body)).status).toBe(403);
    expect((await cast.as.outsider.post(itemsUrl(), body)).status).toBe(404);
    expect((await cast.as.sponsor.get(itemsUrl())).status).toBe(403);
    expect((await cast.as.admin.get(itemsUrl())).status).toBe(403);

    const sponsorOwner = await cast.as.coach.post(itemsUrl(), { ...body, ownerPersonId: cast.sponsor.id });
    expect(sponsorOwner.status).toBe(400);
    expect(sponsorOwner.body.errors[0]).toEqual({ field: 'ownerPersonId', message: 'must be the client or the coach of this engagement' });
    for (const [bad, field] of [
      [{ ...body, dueDate: '2026-13-45' }, 'dueDate'], [{ ...body, title: ' ' }, 'title'], [{ ...body, title: 'x'.repeat(501) }, 'title'],
      [{ ...body, ownerPersonId: 'me' }, 'ownerPersonId'], [{ title: 'No owner' }, 'ownerPersonId'], [{ ...body, sessionId: 12 }, 'sessionId'],
    ] as [Record<string, unknown>, string][]) {
      const response = await cast.as.coach.post(itemsUrl(), bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }

    const other = await buildCoachingCast(t);
    const otherEngagement = await buildEngagement(other);
    const otherSession = (await other.as.coach.post(`/api/orgs/${other.orgId}/engagements/${otherEngagement}/sessions`, {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 60,
    })).body.id;
    const foreignSession = await cast.as.coach.post(itemsUrl(), { ...body, sessionId: otherSession });
    expect(foreignSession.status).toBe(404);
    expect(foreignSession.body.detail).toBe('Session was not found.');
    const otherItem = (await other.as.client.post(`/api/orgs/${other.orgId}/engagements/${otherEngagement}/action-items`, { title: 'Theirs', ownerPersonId: other.client.id })).body.id;
    const foreign = await cast.as.client.post(itemUrl(otherItem, '/status'), { status: 'done' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.detail).toBe('Action item was not found.');
    expect((await cast.as.outsider.post(itemUrl(otherItem, '/status'), { status: 'done' })).status).toBe(404);
  });

  it('are closed with the engagement: no new items or moves once it has ended', async () => {
    const item = (await cast.as.client.post(itemsUrl(), { title: 'Keep a journal', ownerPersonId: cast.client.id })).body.id;
    await cast.as.coach.post(`/api/orgs/${cast.orgId}/engagements/${engagementId}/end-early`, { reason: 'Left the company' });
    const after = await cast.as.client.get(itemsUrl());
    expect(after.body.items[0].status).toBe('dropped');
    const create = await cast.as.client.post(itemsUrl(), { title: 'Too late', ownerPersonId: cast.client.id });
    expect(create.status).toBe(409);
    expect(create.body.detail).toMatch(/ended early/);
    expect((await cast.as.client.post(itemUrl(item, '/status'), { status: 'open' })).status).toBe(409);
  });
});
