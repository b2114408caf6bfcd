import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/factories.ts';
import { loadDemo, type DemoResult } from './seed.ts';

describe('the demo organization’s assessments and 360 feedback', () => {
  let t: TestApp;
  let demo: DemoResult;
  const as = async (local: string): Promise<ApiClient> => {
    const person = await t.context.db.selectFrom('people').select(['id', 'email', 'name']).where('email', '=', `${local}@alderfinch.example`).executeTakeFirstOrThrow();
    return signedIn(t, person);
  };
  const url = (rest: string) => `/api/orgs/${demo.orgId}${rest}`;

  beforeAll(async () => {
    t = await createTestApp();
    demo = await loadDemo(t.context.db);
  });
  afterAll(async () => { await t.close(); });

  it('shows a client’s wheel of life changing over three attempts, with his own area name', async () => {
    const daniel = await as('daniel');
    const history = await daniel.get(url('/assessments/history/wheel-of-life'));
    expect(history.body.attempts).toBe(3);
    expect(history.body.changes.find((c: { subscaleId: string }) => c.subscaleId === 'career')).toMatchObject({ first: 5, latest: 7, direction: 'up' });
    expect(history.body.series.find((s: { subscaleId: string }) => s.subscaleId === 'fun').name).toBe('Running and music');
    const inProgress = await daniel.get(url('/assessments/attempts?status=in_progress'));
    expect(inProgress.body.items[0]).toMatchObject({ instrument: { id: 'ipip-big-five-50' }, progress: { answered: 20, total: 50 } });
    expect((await daniel.get(url('/assessments/shared-with-me'))).body.items[0]).toMatchObject({ person: { name: 'Mei Chen' }, answers: null });
  });

  it('gives the coach the client’s results within the engagement, with the assignment done', async () => {
    const amara = await as('amara');
    const { body: engagements } = await amara.get(url('/engagements/mine?as=coach'));
    const active = engagements.items.find((e: { state: string; client: { name: string } }) => e.client.name === 'Daniel Osei' && e.state === 'active');
    const view = await amara.get(url(`/engagements/${active.id}/assessments`));
    expect(view.body.assignments[0]).toMatchObject({ status: 'completed', instrument: { id: 'wheel-of-life' } });
    expect(view.body.results.every((r: { answers: unknown; yourAccess: string }) => r.answers === null && r.yourAccess === 'coach')).toBe(true);
    expect(view.body.history.map((h: { instrument: { id: string }; attempts: number }) => [h.instrument.id, h.attempts]).sort()).toEqual([['leadership-competencies', 2], ['wheel-of-life', 3]]);
  });

  it('has a closed 360 with a full report and a round still collecting', async () => {
    const daniel = await as('daniel');
    const rounds = (await daniel.get(url('/feedback/rounds'))).body.items;
    expect(rounds).toHaveLength(1);
    const report = await daniel.get(url(`/feedback/rounds/${rounds[0].id}/report`));
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ responses: 8, withheldResponses: 1, managerShownAlone: true });
    expect(report.body.groups.map((g: { group: string }) => g.group)).toEqual(['manager', 'peer', 'direct_report']);
    // Decisions: self 4 against (3 + 3 + 3 + 2 + 3 + 3 + 2) / 7 = 2.71; developing others: self 2 against 4.
    expect(report.body.blindSpots.map((g: { competencyId: string; gap: number }) => [g.competencyId, g.gap])).toEqual([['decision_making', 1.29], ['communication', 1], ['resilience', 0.71]]);
    expect(report.body.hiddenStrengths[0]).toMatchObject({ competencyId: 'developing_others', self: 2, others: 4, gap: -2 });
    expect(report.body.comments).toHaveLength(7);
    expect(JSON.stringify(report.body)).not.toContain('asks for feedback');

    const kwame = await as('kwame');
    const [open] = (await kwame.get(url('/feedback/rounds'))).body.items;
    expect(open).toMatchObject({ state: 'collecting', raters: 7, responded: 3 });
    expect((await kwame.get(url(`/feedback/rounds/${open.id}/report`))).status).toBe(409);
    expect((await (await as('priya')).get(url('/feedback/rounds'))).body.items).toEqual([]);
  });
});
