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

  describe('mentoring', () => {
    const programs = async () => (await (await as('priya')).get(`/api/orgs/${demo.orgId}/mentoring/programs`)).body.items as { id: string; name: string; enrollmentWindow: string; mentors: number; mentees: number }[];

    it('runs an open program large enough to match, and a cohort', async () => {
      const items = await programs();
      expect(items.map((p) => [p.name, p.enrollmentWindow])).toEqual([['Grow Together', 'always'], ['New Managers Cohort', 'cohort']]);
      const grow = items.find((p) => p.name === 'Grow Together')!;
      const enrollments = (await (await as('priya')).get(`/api/orgs/${demo.orgId}/mentoring/programs/${grow.id}/enrollments`)).body.items as { side: string; status: string; answers: Record<string, unknown>; department: string }[];
      expect(enrollments.length).toBeGreaterThanOrEqual(60);
      expect(enrollments.filter((e) => e.status === 'pending').length).toBe(3);
      expect(new Set(enrollments.map((e) => e.department)).size).toBeGreaterThanOrEqual(8);
      // Every enrollment carries the answers the matching engine reads.
      for (const enrollment of enrollments) expect(Object.keys(enrollment.answers).length).toBeGreaterThanOrEqual(7);
      const inclusion = (await (await as('priya')).get(`/api/orgs/${demo.orgId}/mentoring/programs/${grow.id}/inclusion`)).body.items[0];
      expect(inclusion.rows).toEqual([{ answer: 'No', count: 5, suppressed: false }, { answer: 'Other answers (groups under 5)', count: null, suppressed: true }]);
    });

    it('lets the admin run matching on the open program from the first start: a meaningful proposal, every pair and absence explained', async () => {
      const grow = (await programs()).find((p) => p.name === 'Grow Together')!;
      const run = await (await as('priya')).post(`/api/orgs/${demo.orgId}/mentoring/programs/${grow.id}/matching/runs`);
      expect(run.status).toBe(201);
      const proposal = run.body as {
        counts: { mentees: number; pairs: number; alreadyPaired: number; unmatchedMentees: number }; proof: { certified: boolean };
        pairs: { reasons: string[]; explanation: string; mentor: { name: string } }[]; unmatchedMentees: { explanation: string }[];
      };
      expect(proposal.proof.certified).toBe(true);
      expect(proposal.counts.alreadyPaired).toBeGreaterThan(0);
      expect(proposal.counts.pairs).toBeGreaterThanOrEqual(10);
      expect(proposal.counts.pairs + proposal.counts.alreadyPaired + proposal.counts.unmatchedMentees).toBe(proposal.counts.mentees);
      for (const pair of proposal.pairs) {
        expect(pair.reasons.length).toBeGreaterThan(0);
        expect(pair.explanation.startsWith(pair.mentor.name)).toBe(true);
      }
      for (const person of proposal.unmatchedMentees) expect(person.explanation).toMatch(/\w$/);
    });

    it('gives the program admin pairs on track, slipping, stalled and paused, the unmatched and mentor load: health only', async () => {
      const grow = (await programs()).find((p) => p.name === 'Grow Together')!;
      const dashboard = (await (await as('priya')).get(`/api/orgs/${demo.orgId}/mentoring/programs/${grow.id}/dashboard`)).body;
      expect(dashboard.pairs.on_track.count).toBeGreaterThanOrEqual(5);
      expect(dashboard.pairs.slipping.count).toBeGreaterThanOrEqual(2);
      expect(dashboard.pairs.stalled.count).toBeGreaterThanOrEqual(2);
      expect(dashboard.pairs.paused.count).toBe(1);
      expect(dashboard.unmatched.count).toBeGreaterThanOrEqual(20);
      expect(dashboard.mentorLoad.mentors).toBeGreaterThanOrEqual(20);
      expect(JSON.stringify(dashboard)).not.toMatch(/design review|nervous|walk-away/);
      const cohort = (await programs()).find((p) => p.name === 'New Managers Cohort')!;
      const cohortView = (await (await as('priya')).get(`/api/orgs/${demo.orgId}/mentoring/programs/${cohort.id}/dashboard`)).body;
      expect(cohortView.pairs.on_track.count).toBe(3);
      expect(cohortView.unmatched.items.map((m: { name: string }) => m.name).sort()).toEqual(['Elif Yılmaz', 'Victoria Hughes']);
    });

    it('gives a mentor a full home: pairs with health, a request to answer, a review due, load against capacity', async () => {
      const sofia = await as('sofia');
      const home = (await sofia.get(`/api/orgs/${demo.orgId}/mentoring/home/mentor`)).body;
      expect(home.relationships.map((r: { mentee: { name: string }; health: string }) => [r.mentee.name, r.health]).sort()).toEqual([['Carlos Mendoza', 'slipping'], ['Lucas Moreau', 'on_track']]);
      expect(home.requests.map((r: { with: { name: string } }) => r.with.name)).toEqual(['Gabriel Laurent']);
      expect(home.pendingReviews.map((r: { with: { name: string } }) => r.with.name)).toEqual(['Lucas Moreau']);
      expect(home.load[0]).toMatchObject({ programName: 'Grow Together', capacity: 3, active: 2, status: 'room' });
      const lucasPair = home.relationships.find((r: { mentee: { name: string } }) => r.mentee.name === 'Lucas Moreau');
      const checkIns = (await sofia.get(`/api/orgs/${demo.orgId}/mentoring/relationships/${lucasPair.id}/check-ins`)).body.items;
      expect(checkIns.length).toBeGreaterThanOrEqual(6);
      const tools = (await sofia.get(`/api/orgs/${demo.orgId}/mentoring/relationships/${lucasPair.id}/coaching-tools`)).body;
      expect((await sofia.get(`/api/orgs/${demo.orgId}/engagements/${tools.engagementId}/goals`)).status).toBe(200);
    });

    it('gives a mentee their mentor, a review due, their own open request and programs; their reflection is theirs alone', async () => {
      const lucas = await as('lucas');
      const home = (await lucas.get(`/api/orgs/${demo.orgId}/mentoring/home/mentee`)).body;
      expect(home.relationships.map((r: { mentor: { name: string } }) => r.mentor.name)).toEqual(['Sofia Marchetti']);
      expect(home.pendingReviews).toHaveLength(1);
      expect(home.requests.map((r: { with: { name: string } }) => r.with.name)).toEqual(['Fatima Al-Sayed']);
      expect(home.programs.map((p: { name: string }) => p.name)).toEqual(['Grow Together']);
      const relationshipId = home.relationships[0].id;
      expect((await lucas.get(`/api/orgs/${demo.orgId}/mentoring/relationships/${relationshipId}/reflections`)).body.items[0].body).toMatch(/nervous/);
      expect((await (await as('sofia')).get(`/api/orgs/${demo.orgId}/mentoring/relationships/${relationshipId}/reflections`)).body.items.map((r: { body: string }) => r.body).join()).not.toMatch(/nervous/);
    });

    it('keeps a relationship that concluded at its review, with closing words and an appreciation', async () => {
      const rebecca = await as('rebecca');
      const home = (await rebecca.get(`/api/orgs/${demo.orgId}/mentoring/home/mentor`)).body;
      expect(home.toClose).toEqual([expect.objectContaining({ with: expect.objectContaining({ name: 'Ana Souza' }), closingReflectionWritten: true, appreciationWritten: false })]);
      const closing = (await rebecca.get(`/api/orgs/${demo.orgId}/mentoring/relationships/${home.toClose[0].relationshipId}/closing`)).body;
      expect(closing).toMatchObject({ state: 'concluded', appreciations: [expect.objectContaining({ from: expect.objectContaining({ name: 'Ana Souza' }) })] });
      const review = (await rebecca.get(`/api/orgs/${demo.orgId}/mentoring/relationships/${home.toClose[0].relationshipId}/review`)).body;
      expect(review.history.map((h: { outcome: string }) => h.outcome)).toEqual(['concluded', 'continued']);
      const mentors = (await rebecca.get(`/api/orgs/${demo.orgId}/mentoring/mentors`)).body.items;
      expect(mentors.length).toBeGreaterThanOrEqual(5);
    });
  });
});
