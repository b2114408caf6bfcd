import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import { buildGoal, goalsUrl } from './test-support.ts';

describe('GROW worksheets and obstacles', () => {
  let t: TestApp;
  let cast: CoachingCast;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => { cast = await buildCoachingCast(t); });
  afterAll(async () => { await t.close(); });

  const grow = (overrides: Record<string, unknown> = {}) => ({
    goal: 'Regular time with each report', reality: 'Two of eight a fortnight', options: 'Block time; group sessions; delegate', will: 'Block Tuesdays', ...overrides,
  });

  it('fills in the GROW worksheet and keeps every revision when it is revisited', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}/grow`);
    const empty = await cast.as.client.get(url);
    expect(empty.body).toEqual({ goalId: goal.id, latest: null, revisions: [] });

    const first = await cast.as.client.post(url, grow());
    expect(first.status).toBe(201);
    expect(first.body.latest).toMatchObject({ revision: 1, ...grow(), writtenBy: { personId: cast.client.id, name: 'Cliff Client' } });
    const revisited = await cast.as.coach.post(url, grow({ reality: '  Five of eight a fortnight  ', will: 'Keep Tuesdays; add Thursdays' }));
    expect(revisited.body.latest).toMatchObject({ revision: 2, reality: 'Five of eight a fortnight', writtenBy: { personId: cast.coach.id } });
    expect(revisited.body.revisions.map((r: { revision: number; reality: string }) => [r.revision, r.reality]))
      .toEqual([[2, 'Five of eight a fortnight'], [1, 'Two of eight a fortnight']]);

    const listed = await cast.as.client.get(goalsUrl(cast, id));
    expect(listed.body.items[0].grow).toMatchObject({ latest: { revision: 2, will: 'Keep Tuesdays; add Thursdays' }, revisions: 2 });
  });

  it.each([
    ['an empty body', {}, 'goal'],
    ['a part missing', { goal: 'g', reality: 'r', options: 'o' }, 'will'],
    ['a part that is not text', grow({ options: ['a', 'b'] }), 'options'],
    ['a huge part', grow({ reality: 'r'.repeat(5001) }), 'reality'],
    ['an unknown part', grow({ wish: 'more' }), 'wish'],
  ])('refuses a worksheet with %s', async (_name, body, field) => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    expectProblem(await cast.as.client.post(goalsUrl(cast, id, `/${goal.id}/grow`), body), 400, field);
  });

  it('refuses a worksheet with nothing written in it', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const blank = await cast.as.client.post(goalsUrl(cast, id, `/${goal.id}/grow`), { goal: ' ', reality: '', options: '\n', will: '' });
    expectProblem(blank, 400, 'body');
    expect(await t.context.db.selectFrom('grow_worksheets').select('id').where('goal_id', '=', goal.id).execute()).toEqual([]);
  });

  it('logs obstacles against a goal, resolves them with how, and reopens them', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}/obstacles`);
    const logged = await cast.as.client.post(url, { description: 'Back-to-back meetings on Tuesdays' });
    expect(logged.status).toBe(201);
    const obstacle = logged.body.obstacles[0];
    expect(obstacle).toMatchObject({ description: 'Back-to-back meetings on Tuesdays', loggedBy: { personId: cast.client.id }, resolvedAt: null, resolution: null });

    expectProblem(await cast.as.client.post(`${url}/${obstacle.id}/resolve`, {}), 400, 'resolution');
    expectProblem(await cast.as.client.post(`${url}/${obstacle.id}/resolve`, { resolution: ' ' }), 400, 'resolution');
    const resolved = await cast.as.coach.post(`${url}/${obstacle.id}/resolve`, { resolution: 'Moved the staff meeting to Monday' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.obstacles[0]).toMatchObject({ resolution: 'Moved the staff meeting to Monday', resolvedAt: expect.stringMatching(/^\d{4}-/) });
    const twice = await cast.as.client.post(`${url}/${obstacle.id}/resolve`, { resolution: 'Again' });
    expectProblem(twice, 409);
    expect(twice.body.detail).toMatch(/reopen it first/);

    const reopened = await cast.as.client.post(`${url}/${obstacle.id}/reopen`);
    expect(reopened.body.obstacles[0]).toMatchObject({ resolvedAt: null, resolution: null });
    expect((await cast.as.client.post(`${url}/${obstacle.id}/reopen`)).status).toBe(200);

    await cast.as.coach.post(url, { description: 'Unclear what "good" looks like' });
    const listed = await cast.as.client.get(url);
    expect(listed.body.items.map((o: { description: string }) => o.description)).toEqual(['Back-to-back meetings on Tuesdays', 'Unclear what "good" looks like']);
  });

  it('refuses bad obstacles, and obstacles of another goal', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const other = await buildGoal(cast, id, { statement: 'Another goal' });
    const url = goalsUrl(cast, id, `/${goal.id}/obstacles`);
    expectProblem(await cast.as.client.post(url, {}), 400, 'description');
    expectProblem(await cast.as.client.post(url, { description: 'd'.repeat(2001) }), 400, 'description');
    expectProblem(await cast.as.client.post(url, { description: 42 }), 400, 'description');
    const obstacle = (await cast.as.client.post(url, { description: 'Travel' })).body.obstacles[0];
    const elsewhere = await cast.as.client.post(goalsUrl(cast, id, `/${other.id}/obstacles/${obstacle.id}/resolve`), { resolution: 'x' });
    expectProblem(elsewhere, 404);
    expect(elsewhere.body.detail).toBe('Obstacle was not found.');
  });
});
