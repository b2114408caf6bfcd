import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrganization, signedIn } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';

describe('the fit guide API', () => {
  let t: TestApp;
  let orgId: string;
  let member: ApiClient;
  let colleague: ApiClient;
  let admin: ApiClient;
  const answers = { aim: 'career_growth', structure: 'informal', same_path: 'essential', approach: 'questions', focus: 'me' };

  beforeAll(async () => {
    t = await createTestApp();
    orgId = await buildOrganization(t);
    member = await signedIn(t, await buildMember(t, orgId, ['member']));
    colleague = await signedIn(t, await buildMember(t, orgId, ['member', 'mentor']));
    admin = await signedIn(t, await buildMember(t, orgId, ['admin']));
  });
  afterAll(async () => { await t.close(); });

  it('serves the questions and what each kind of help involves, without an account', async () => {
    const response = await t.client().get('/api/fit-guide');
    expect(response.status).toBe(200);
    expect(response.body.questions.length).toBeGreaterThanOrEqual(10);
    expect(response.body.questions[0]).toMatchObject({ id: 'aim', options: expect.arrayContaining([{ id: 'specific_goal', label: expect.any(String) }]) });
    // The weights stay on the server: the page shows questions, not how they are scored.
    expect(JSON.stringify(response.body)).not.toMatch(/evidence|coachingStyle/);
    expect(response.body.explainers.map((e: { kind: string }) => e.kind)).toEqual(['coaching', 'mentoring']);
  });

  it('recommends, with reasons traced to the answers and a code that recomputes the same result', async () => {
    const result = await t.client().post('/api/fit-guide/result', { answers });
    expect(result.status).toBe(200);
    // C 4 (focus, approach), M 9, S 5: lean −0.38 → mentoring with a coaching style.
    expect(result.body).toMatchObject({ recommendation: 'mentoring_with_coaching_style', headline: 'Mentoring, with a mentor who uses a coaching style' });
    expect(result.body.reasons.find((r: { id: string }) => r.id === 'same_path').fromQuestions).toEqual(['same_path']);
    expect(result.body.nextSteps[0]).toMatchObject({ id: expect.any(String), requiresSignIn: expect.any(Boolean) });
    const shared = await t.client().get(`/api/fit-guide/results/${result.body.code}`);
    expect(shared.status).toBe(200);
    expect(shared.body).toEqual(result.body);
  });

  it('names unknown questions and options, and refuses malformed codes', async () => {
    const bad = await t.client().post('/api/fit-guide/result', { answers: { aim: 'world_peace' } });
    expectProblem(bad, 400, 'answers.aim');
    expectProblem(await t.client().post('/api/fit-guide/result', { answers: { colour: 'blue' } }), 400, 'answers.colour');
    expectProblem(await t.client().post('/api/fit-guide/result', { answers: { 'Not A Question': 'x' } }), 400);
    expectProblem(await t.client().get('/api/fit-guide/results/zzzz'), 400, 'path.code');
    expectProblem(await t.client().get('/api/fit-guide/results/has%20space'), 400);
  });

  it('keeps a result only with consent, for its owner alone', async () => {
    const refused = await member.post(`/api/orgs/${orgId}/fit-guide/saved`, { answers, consent: false });
    expectProblem(refused, 400, 'consent');
    expectProblem(await member.post(`/api/orgs/${orgId}/fit-guide/saved`, { answers }), 400, 'consent');
    expectProblem(await member.post(`/api/orgs/${orgId}/fit-guide/saved`, { consent: true }), 400, 'code');

    const { body: shared } = await t.client().post('/api/fit-guide/result', { answers });
    const saved = await member.post(`/api/orgs/${orgId}/fit-guide/saved`, { code: shared.code, consent: true });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ code: shared.code, recommendation: 'mentoring_with_coaching_style', result: { recommendation: 'mentoring_with_coaching_style' } });
    await member.post(`/api/orgs/${orgId}/fit-guide/saved`, { answers: { aim: 'specific_goal', structure: 'structured' }, consent: true });

    const mine = await member.get(`/api/orgs/${orgId}/fit-guide/saved`);
    expect(mine.body.items.map((i: { recommendation: string }) => i.recommendation).sort()).toEqual(['coaching', 'mentoring_with_coaching_style']);
    // Nobody else reads them: not a colleague, not an admin.
    expect((await colleague.get(`/api/orgs/${orgId}/fit-guide/saved`)).body.items).toEqual([]);
    expect((await admin.get(`/api/orgs/${orgId}/fit-guide/saved`)).body.items).toEqual([]);
    expectProblem(await admin.delete(`/api/orgs/${orgId}/fit-guide/saved/${saved.body.id}`), 404);

    expect((await member.delete(`/api/orgs/${orgId}/fit-guide/saved/${saved.body.id}`)).status).toBe(200);
    expect((await member.get(`/api/orgs/${orgId}/fit-guide/saved`)).body.items).toHaveLength(1);
  });
});
