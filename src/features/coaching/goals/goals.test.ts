import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import { buildGoal, dayFromToday, goalBody, goalsUrl } from './test-support.ts';

describe('goals through the API', () => {
  let t: TestApp;
  let cast: CoachingCast;
  beforeAll(async () => { t = await createTestApp(); });
  // A fresh cast per test: one coach and client may hold only one open engagement.
  beforeEach(async () => { cast = await buildCoachingCast(t); });
  afterAll(async () => { await t.close(); });

  it('lets the client and the coach write SMART goals, listed in the order written with the baseline as current value', async () => {
    const id = await buildEngagement(cast);
    const first = await buildGoal(cast, id);
    expect(first).toMatchObject({
      engagementId: id, statement: goalBody().statement, measure: goalBody().measure, baselineValue: 2, targetValue: 8, currentValue: 2,
      finalValue: null, unit: 'meetings', whyItMatters: goalBody().whyItMatters, dueDate: '2027-02-01', position: 1, met: false, progressShare: 0,
      milestones: [], progress: [], grow: { latest: null, revisions: 0 }, obstacles: [],
    });
    await buildGoal(cast, id, { statement: 'Delegate the weekly report', baselineValue: 0, targetValue: 1, unit: '', whyItMatters: undefined, dueDate: null }, cast.as.coach);

    const list = await cast.as.client.get(goalsUrl(cast, id));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      engagementId: id, state: 'active', view: 'full', mayEdit: true, mayRecordProgress: true,
      attainment: { goals: 2, met: 0, meanProgress: 0, allMet: false }, closureProposed: false,
    });
    expect(list.body.items.map((g: { statement: string; position: number; dueDate: string | null; whyItMatters: string }) => [g.statement, g.position, g.dueDate, g.whyItMatters]))
      .toEqual([[goalBody().statement, 1, '2027-02-01', goalBody().whyItMatters], ['Delegate the weekly report', 2, null, '']]);
    const one = await cast.as.coach.get(goalsUrl(cast, id, `/${first.id}`));
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(first.id);
  });

  it('accepts goals while the engagement is proposed, agreed or active, and refuses them once it has ended', async () => {
    const proposed = await buildEngagement(cast, { until: 'proposed' });
    await buildGoal(cast, proposed);
    expect((await cast.as.coach.post(`/api/orgs/${cast.orgId}/engagements/${proposed}/end-early`, { reason: 'Client moved on' })).status).toBe(200);
    const refused = await cast.as.client.post(goalsUrl(cast, proposed), goalBody());
    expectProblem(refused, 409);
    expect(refused.body.detail).toMatch(/ended early/);
    const listed = await cast.as.client.get(goalsUrl(cast, proposed));
    expect(listed.body).toMatchObject({ state: 'ended_early', mayEdit: false, mayRecordProgress: false });
    expect(listed.body.items).toHaveLength(1);

    const agreed = await buildEngagement(cast, { until: 'agreed' });
    await buildGoal(cast, agreed, {}, cast.as.coach);
  });

  it('changes a goal; before any progress its current value follows a corrected baseline, after it the measure stands', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}`);
    const changed = await cast.as.coach.patch(url, { statement: '  Hold fortnightly one-to-ones  ', baselineValue: 3, dueDate: null, unit: 'per fortnight' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ statement: 'Hold fortnightly one-to-ones', baselineValue: 3, currentValue: 3, dueDate: null, unit: 'per fortnight', measure: goalBody().measure });

    expect((await cast.as.client.post(`${url}/progress`, { value: 5, recordedOn: dayFromToday(0) })).status).toBe(201);
    const after = await cast.as.client.patch(url, { baselineValue: 1, targetValue: 6 });
    expect(after.body).toMatchObject({ baselineValue: 1, targetValue: 6, currentValue: 5 });
    expect(after.body.progressShare).toBeCloseTo(0.8);
  });

  it('deletes a goal with nothing measured yet (its milestones, worksheet and obstacles with it), and keeps one with progress', async () => {
    const id = await buildEngagement(cast);
    const fresh = await buildGoal(cast, id);
    const freshUrl = goalsUrl(cast, id, `/${fresh.id}`);
    await cast.as.client.post(`${freshUrl}/milestones`, { title: 'First round booked', dueDate: '2026-12-01' });
    await cast.as.client.post(`${freshUrl}/grow`, { goal: 'Regular time', reality: 'Rarely', options: 'Calendar', will: 'Book' });
    await cast.as.client.post(`${freshUrl}/obstacles`, { description: 'Travel' });
    const deleted = await cast.as.client.delete(freshUrl);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ ok: true });
    expectProblem(await cast.as.client.get(freshUrl), 404);
    for (const table of ['goal_milestones', 'grow_worksheets', 'obstacles'] as const) {
      expect(await t.context.db.selectFrom(table).select('id').where('goal_id', '=', fresh.id).execute()).toEqual([]);
    }

    const measured = await buildGoal(cast, id);
    const measuredUrl = goalsUrl(cast, id, `/${measured.id}`);
    await cast.as.coach.post(`${measuredUrl}/progress`, { value: 4, recordedOn: dayFromToday(-1) });
    const kept = await cast.as.coach.delete(measuredUrl);
    expectProblem(kept, 409);
    expect(kept.body.detail).toMatch(/1 progress update.*Keep it/);
    expect((await cast.as.coach.get(measuredUrl)).status).toBe(200);
  });

  it('tracks milestones with due dates: add, rename and move, tick off, reopen, delete', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}/milestones`);
    const later = await cast.as.client.post(url, { title: 'All one-to-ones booked', dueDate: '2027-01-15' });
    expect(later.status).toBe(201);
    const added = await cast.as.coach.post(url, { title: 'Agenda template shared', dueDate: '2026-12-01' });
    expect(added.body.milestones.map((m: { title: string; dueDate: string; doneAt: null }) => [m.title, m.dueDate, m.doneAt]))
      .toEqual([['Agenda template shared', '2026-12-01', null], ['All one-to-ones booked', '2027-01-15', null]]);
    const milestoneId = added.body.milestones[0].id as string;

    const moved = await cast.as.client.patch(`${url}/${milestoneId}`, { title: 'Agenda shared with the team', dueDate: '2027-02-01' });
    expect(moved.status).toBe(200);
    expect(moved.body.milestones[1]).toMatchObject({ id: milestoneId, title: 'Agenda shared with the team', dueDate: '2027-02-01' });

    const done = await cast.as.client.post(`${url}/${milestoneId}/complete`);
    expect(done.status).toBe(200);
    const doneAt = done.body.milestones.find((m: { id: string }) => m.id === milestoneId).doneAt;
    expect(doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await cast.as.coach.post(`${url}/${milestoneId}/complete`);
    expect(again.body.milestones.find((m: { id: string }) => m.id === milestoneId).doneAt).toBe(doneAt);
    const reopened = await cast.as.coach.post(`${url}/${milestoneId}/reopen`);
    expect(reopened.body.milestones.find((m: { id: string }) => m.id === milestoneId).doneAt).toBeNull();

    const removed = await cast.as.client.delete(`${url}/${milestoneId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.milestones.map((m: { title: string }) => m.title)).toEqual(['All one-to-ones booked']);
    expectProblem(await cast.as.client.delete(`${url}/${milestoneId}`), 404);
  });

  it.each([
    ['an empty body', {}, 'statement'],
    ['a missing target', { ...goalBody(), targetValue: undefined }, 'targetValue'],
    ['a number sent as text', goalBody({ baselineValue: '2' }), 'baselineValue'],
    ['a value beyond the measurable', goalBody({ targetValue: 1e13 }), 'targetValue'],
    ['a blank statement', goalBody({ statement: '   ' }), 'statement'],
    ['a huge statement', goalBody({ statement: 'x'.repeat(501) }), 'statement'],
    ['a huge measure', goalBody({ measure: 'x'.repeat(1001) }), 'measure'],
    ['a long unit', goalBody({ unit: 'u'.repeat(41) }), 'unit'],
    ['a huge why', goalBody({ whyItMatters: 'w'.repeat(2001) }), 'whyItMatters'],
    ['a date that does not exist', goalBody({ dueDate: '2027-02-30' }), 'dueDate'],
    ['a date in another format', goalBody({ dueDate: '01/02/2027' }), 'dueDate'],
    ['an unknown field', goalBody({ ownerPersonId: 'me' }), 'ownerPersonId'],
    ['a NUL character', goalBody({ statement: 'a\u0000b' }), 'statement'],
  ])('refuses a goal with %s, naming the field', async (_name, body, field) => {
    const id = await buildEngagement(cast, { until: 'proposed' });
    expectProblem(await cast.as.client.post(goalsUrl(cast, id), body), 400, field);
    expect(await t.context.db.selectFrom('goals').select('id').where('engagement_id', '=', id).execute()).toEqual([]);
  });

  it('refuses bad changes and bad milestones with 400, never 500', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}`);
    expectProblem(await cast.as.client.patch(url, {}), 400);
    expectProblem(await cast.as.client.patch(url, { targetValue: null }), 400, 'targetValue');
    expectProblem(await cast.as.client.patch(url, { statement: '' }), 400, 'statement');
    expectProblem(await cast.as.client.post(`${url}/milestones`, {}), 400, 'title');
    expectProblem(await cast.as.client.post(`${url}/milestones`, { title: 'x', dueDate: '2027-13-01' }), 400, 'dueDate');
    expectProblem(await cast.as.client.post(`${url}/milestones`, { title: 'x'.repeat(301), dueDate: '2027-01-01' }), 400, 'title');
    expectProblem(await cast.as.client.post(`${url}/milestones`, '[1,2'), 400);
    expectProblem(await cast.as.client.post(goalsUrl(cast, id), []), 400);
    expectProblem(await cast.as.client.get(goalsUrl(cast, id, '/not-a-uuid')), 400, 'path.goalId');
  });

  it('answers 404 for unknown ids and for ids of another engagement or organization', async () => {
    const first = await buildEngagement(cast);
    const goal = await buildGoal(cast, first);
    const milestone = (await cast.as.client.post(goalsUrl(cast, first, `/${goal.id}/milestones`), { title: 'Booked', dueDate: '2026-12-01' })).body.milestones[0].id;
    await cast.as.client.post(`/api/orgs/${cast.orgId}/engagements/${first}/end-early`, { reason: 'Restart with new terms' });
    const second = await buildEngagement(cast);
    const other = await buildGoal(cast, second);
    const unknown = crypto.randomUUID();

    const goalNotFound = await cast.as.client.get(goalsUrl(cast, second, `/${goal.id}`));
    expectProblem(goalNotFound, 404);
    expect(goalNotFound.body.detail).toBe('Goal was not found.');
    expectProblem(await cast.as.client.patch(goalsUrl(cast, second, `/${goal.id}`), { statement: 'Moved' }), 404);
    expectProblem(await cast.as.client.post(goalsUrl(cast, second, `/${unknown}/progress`), { value: 3, recordedOn: dayFromToday(0) }), 404);
    expectProblem(await cast.as.client.post(goalsUrl(cast, second, `/${other.id}/milestones/${milestone}/complete`)), 404);
    expectProblem(await cast.as.client.delete(goalsUrl(cast, second, `/${other.id}/progress/${unknown}`)), 404);
    expectProblem(await cast.as.client.post(goalsUrl(cast, second, `/${other.id}/obstacles/${unknown}/reopen`)), 404);
    const engagementNotFound = await cast.as.client.get(goalsUrl(cast, unknown));
    expect(engagementNotFound.body.detail).toBe('Engagement was not found.');

    const elsewhere = await buildCoachingCast(t);
    const foreign = await buildEngagement(elsewhere);
    const foreignGoal = await buildGoal(elsewhere, foreign);
    // Another organization's engagement, through this organization's path: not found.
    expectProblem(await cast.as.client.get(`/api/orgs/${cast.orgId}/engagements/${foreign}/goals/${foreignGoal.id}`), 404);
    // This organization's goal, through the other organization's engagement: not found either.
    expectProblem(await elsewhere.as.client.get(goalsUrl(elsewhere, foreign, `/${other.id}`)), 404);
    expectProblem(await elsewhere.as.client.delete(goalsUrl(elsewhere, foreign, `/${other.id}`)), 404);
    // The other organization itself, to someone who is not a member of it.
    const orgNotFound = await cast.as.client.get(goalsUrl(elsewhere, foreign));
    expect(orgNotFound.body.detail).toBe('Organization was not found.');
  });

  it('caps the goals of one engagement', async () => {
    const id = await buildEngagement(cast);
    for (let i = 0; i < 20; i += 1) await buildGoal(cast, id, { statement: `Goal ${i}` });
    const refused = await cast.as.client.post(goalsUrl(cast, id), goalBody());
    expectProblem(refused, 409);
    expect(refused.body.detail).toMatch(/at most 20 goals/);
  });
});
