import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { DEMO_PASSWORD } from './people.ts';
import { loadDemo, type DemoResult } from './seed.ts';

describe('the demo organization', () => {
  let t: TestApp;
  let demo: DemoResult;
  const as = async (local: string): Promise<ApiClient> => {
    const client = t.client();
    const response = await client.post('/api/auth/login', { email: `${local}@alderfinch.example`, password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp();
    demo = await loadDemo(t.context.db);
  });
  afterAll(async () => { await t.close(); });

  it('shows coaching alive: engagements in every state, with measured outcomes on the completed one', async () => {
    const admin = await as('priya');
    const all = await admin.get(`/api/orgs/${demo.orgId}/engagements?pageSize=50`);
    expect(all.status).toBe(200);
    expect(new Set(all.body.items.map((e: { state: string }) => e.state))).toEqual(new Set(['proposed', 'agreed', 'active', 'completed']));
    const completed = all.body.items.find((e: { state: string }) => e.state === 'completed');
    expect(completed.attainment).toMatchObject({ goals: 2, met: 2, allMet: true });
    const requests = await admin.get(`/api/orgs/${demo.orgId}/coaching-requests?status=open`);
    expect(requests.body.items).toHaveLength(1);
  });

  it('gives the client a next session, goals with history and open actions; the coach a full home', async () => {
    const client = await as('daniel');
    const home = await client.get(`/api/orgs/${demo.orgId}/coaching/home/client`);
    expect(home.body.nextSession).not.toBeNull();
    expect(home.body.goals.length).toBe(2);
    expect(home.body.openActionItems.length).toBe(2);
    const coach = await as('amara');
    const coachHome = await coach.get(`/api/orgs/${demo.orgId}/coaching/home/coach`);
    expect(coachHome.body.clients.length).toBeGreaterThanOrEqual(2);
    expect(coachHome.body.overdueActionItems.map((a: { title: string }) => a.title)).toContain('Write down three decisions I could hand over');
  });

  it('shows each sponsor only what the agreement shares', async () => {
    const sofia = await as('sofia');
    const view = await sofia.get(`/api/orgs/${demo.orgId}/coaching/home/sponsor`);
    const [item] = view.body.items;
    expect(item.sharing).toBe('goals_progress');
    expect(item.goals.length).toBe(2);
    expect(item.attendance).toBeNull();
    expect(JSON.stringify(view.body)).not.toMatch(/energy drop|design review\?/);
  });
});
