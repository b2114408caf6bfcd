import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { agreementTerms, buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import { buildGoal, dayFromToday, goalsUrl } from './test-support.ts';

describe('goal progress, attainment and the closure proposal', () => {
  let t: TestApp;
  let cast: CoachingCast;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => { cast = await buildCoachingCast(t); });
  afterAll(async () => { await t.close(); });

  const engagementUrl = (id: string, rest = '') => `/api/orgs/${cast.orgId}/engagements/${id}${rest}`;
  const storedCurrent = async (goalId: string) =>
    (await t.context.db.selectFrom('goals').select('current_value').where('id', '=', goalId).executeTakeFirstOrThrow()).current_value;

  it('keeps the current value at the latest update by measured date, whatever the order they are entered in', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}/progress`);

    const first = await cast.as.client.post(url, { value: 4, recordedOn: dayFromToday(-7), note: 'Four this fortnight' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ currentValue: 4, met: false });
    expect(first.body.progressShare).toBeCloseTo(2 / 6);
    expect(first.body.progress[0]).toMatchObject({ value: 4, recordedOn: dayFromToday(-7), note: 'Four this fortnight', recordedBy: { personId: cast.client.id, name: 'Cliff Client' } });

    // Entered later, measured earlier: part of the history, not the current value.
    const backdated = await cast.as.coach.post(url, { value: 3, recordedOn: dayFromToday(-14) });
    expect(backdated.body.currentValue).toBe(4);
    expect(backdated.body.progress.map((p: { value: number }) => p.value)).toEqual([3, 4]);
    expect(await storedCurrent(goal.id)).toBe(4);

    // A second update for the same date: the one written last stands.
    const corrected = await cast.as.client.post(url, { value: 5.5, recordedOn: dayFromToday(-7), note: 'Recounted' });
    expect(corrected.body.currentValue).toBe(5.5);

    const listed = await cast.as.coach.get(url);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { value: number; note: string }) => [p.value, p.note])).toEqual([[3, ''], [4, 'Four this fortnight'], [5.5, 'Recounted']]);

    // Removing the update that stood brings back the one before it.
    const removed = await cast.as.client.delete(goalsUrl(cast, id, `/${goal.id}/progress/${listed.body.items[2].id}`));
    expect(removed.status).toBe(200);
    expect(removed.body.currentValue).toBe(4);
    expect(await storedCurrent(goal.id)).toBe(4);
  });

  it('keeps the current value right when updates race each other', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}/progress`);
    const answers = await Promise.all([...Array(8).keys()].map((i) =>
      (i % 2 ? cast.as.coach : cast.as.client).post(url, { value: 10 + i, recordedOn: dayFromToday(-i) })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(await storedCurrent(goal.id)).toBe(10); // measured today; the others are older
    expect((await cast.as.client.get(url)).body.items).toHaveLength(8);
  });

  it('accepts updates dated up to one day after today, and refuses later ones naming recordedOn', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}/progress`);
    expect((await cast.as.client.post(url, { value: 5, recordedOn: dayFromToday(1) })).status).toBe(201);
    const future = await cast.as.client.post(url, { value: 9, recordedOn: dayFromToday(3) });
    expectProblem(future, 400, 'recordedOn');
    expect(future.body.detail).toMatch(/future/);
    expect(await storedCurrent(goal.id)).toBe(5);
  });

  it.each([
    ['an empty body', {}, 'value'],
    ['a value sent as text', { value: '5', recordedOn: '2026-11-01' }, 'value'],
    ['a value beyond the measurable', { value: -1e13, recordedOn: '2026-11-01' }, 'value'],
    ['no date', { value: 5 }, 'recordedOn'],
    ['a date that does not exist', { value: 5, recordedOn: '2026-11-31' }, 'recordedOn'],
    ['a huge note', { value: 5, recordedOn: '2026-11-01', note: 'n'.repeat(2001) }, 'note'],
    ['an unknown field', { value: 5, recordedOn: '2026-11-01', goalId: 'x' }, 'goalId'],
  ])('refuses progress with %s', async (_name, body, field) => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    expectProblem(await cast.as.client.post(goalsUrl(cast, id, `/${goal.id}/progress`), body), 400, field);
    expect(await storedCurrent(goal.id)).toBe(2);
  });

  it('lets only the coach and the client record progress', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}/progress`);
    const body = { value: 8, recordedOn: dayFromToday(0) };
    const sponsor = await cast.as.sponsor.post(url, body);
    expectProblem(sponsor, 403);
    expect(sponsor.body.detail).toMatch(/Only the coach and the client/);
    const admin = await cast.as.admin.post(url, body);
    expectProblem(admin, 403);
    expect(admin.body.detail).toMatch(/admin/);
    expectProblem(await cast.as.outsider.post(url, body), 404);
    expect(await storedCurrent(goal.id)).toBe(2);
  });

  it('proposes closure once every goal reaches its target, in either direction, while active', async () => {
    const id = await buildEngagement(cast);
    const detail = async () => (await cast.as.coach.get(engagementUrl(id))).body;
    expect((await detail()).closureProposed).toBe(false); // no goals: nothing to have met

    const more = await buildGoal(cast, id, { baselineValue: 2, targetValue: 8 });
    const fewer = await buildGoal(cast, id, { statement: 'Miss fewer deadlines', baselineValue: 6, targetValue: 1, unit: 'per month' });
    await cast.as.client.post(goalsUrl(cast, id, `/${more.id}/progress`), { value: 8, recordedOn: dayFromToday(-2) });
    let now = await detail();
    expect(now.attainment).toMatchObject({ goals: 2, met: 1, allMet: false });
    expect(now.closureProposed).toBe(false);

    await cast.as.client.post(goalsUrl(cast, id, `/${fewer.id}/progress`), { value: 1, recordedOn: dayFromToday(0) });
    now = await detail();
    expect(now.attainment).toMatchObject({ goals: 2, met: 2, meanProgress: 1, allMet: true });
    expect(now.closureProposed).toBe(true);
    const goals = (await cast.as.client.get(goalsUrl(cast, id))).body;
    expect(goals).toMatchObject({ closureProposed: true, attainment: { met: 2, allMet: true } });
    expect(goals.items.map((g: { met: boolean }) => g.met)).toEqual([true, true]);
    // The sponsor, whose agreement shares goals and progress, sees the proposal too.
    expect((await cast.as.sponsor.get(engagementUrl(id))).body.closureProposed).toBe(true);

    // A later measure below target withdraws the proposal.
    await cast.as.coach.post(goalsUrl(cast, id, `/${more.id}/progress`), { value: 7, recordedOn: dayFromToday(0) });
    expect((await detail()).closureProposed).toBe(false);
  });

  it('does not propose closure before the engagement is active', async () => {
    const id = await buildEngagement(cast, { until: 'agreed' });
    const goal = await buildGoal(cast, id);
    await cast.as.client.post(goalsUrl(cast, id, `/${goal.id}/progress`), { value: 9, recordedOn: dayFromToday(0) });
    const detail = (await cast.as.coach.get(engagementUrl(id))).body;
    expect(detail.attainment.allMet).toBe(true);
    expect(detail.closureProposed).toBe(false);
  });

  it('freezes goals once the engagement is completed, showing the final values written at closure', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id);
    await cast.as.client.post(goalsUrl(cast, id, `/${goal.id}/progress`), { value: 8, recordedOn: dayFromToday(0) });
    await cast.as.client.post(engagementUrl(id, '/closure'), { client: { reflection: 'I hold them now', evaluationRating: 5 } });
    const closed = await cast.as.coach.post(engagementUrl(id, '/closure'), { coach: { reflection: 'Done', finalValues: [{ goalId: goal.id, value: 9 }] } });
    expect(closed.body.state).toBe('completed');

    const listed = (await cast.as.client.get(goalsUrl(cast, id))).body;
    expect(listed).toMatchObject({ state: 'completed', mayEdit: false, mayRecordProgress: false, closureProposed: false });
    expect(listed.items[0]).toMatchObject({ finalValue: 9, currentValue: 9, met: true });
    const goalUrl = goalsUrl(cast, id, `/${goal.id}`);
    for (const refused of [
      await cast.as.client.post(`${goalUrl}/progress`, { value: 3, recordedOn: dayFromToday(0) }),
      await cast.as.coach.patch(goalUrl, { targetValue: 10 }),
      await cast.as.coach.post(`${goalUrl}/milestones`, { title: 'Late', dueDate: '2027-01-01' }),
      await cast.as.client.post(`${goalUrl}/grow`, { goal: 'g', reality: '', options: '', will: '' }),
      await cast.as.client.post(`${goalUrl}/obstacles`, { description: 'Late' }),
      await cast.as.client.delete(goalUrl),
    ]) {
      expectProblem(refused, 409);
      expect(refused.body.detail).toMatch(/completed/);
    }
    expect(await storedCurrent(goal.id)).toBe(9);
  });

  it('draws the timeline: milestones against the current agreement’s dates, progress against the target', async () => {
    const id = await buildEngagement(cast);
    const goal = await buildGoal(cast, id, { dueDate: null });
    const dated = await buildGoal(cast, id, { statement: 'Run the team retro', baselineValue: 0, targetValue: 3, dueDate: '2027-01-31' });
    const url = goalsUrl(cast, id, `/${goal.id}`);
    await cast.as.client.post(`${url}/progress`, { value: 3, recordedOn: dayFromToday(-10) });
    await cast.as.client.post(`${url}/progress`, { value: 5, recordedOn: dayFromToday(-3) });
    await cast.as.client.post(`${url}/progress`, { value: 6, recordedOn: dayFromToday(-3) });
    await cast.as.client.post(`${url}/milestones`, { title: 'Late and open', dueDate: dayFromToday(-1) });
    const done = await cast.as.client.post(`${url}/milestones`, { title: 'After the end', dueDate: '2027-06-01' });
    await cast.as.client.post(`${url}/milestones/${done.body.milestones[1].id}/complete`);

    const timeline = await cast.as.sponsor.get(goalsUrl(cast, id, '/timeline'));
    expect(timeline.status).toBe(200);
    expect(timeline.body).toMatchObject({ engagementId: id, startDate: '2026-11-01', plannedEndDate: '2027-03-01', today: dayFromToday(0) });
    const [first, second] = timeline.body.goals;
    expect(first).toMatchObject({
      goalId: goal.id, baseline: 2, target: 8, current: 6, unit: 'meetings', met: false, dueDate: null, targetDate: '2027-03-01',
      points: [{ date: dayFromToday(-10), value: 3 }, { date: dayFromToday(-3), value: 6 }],
      plannedPath: [{ date: '2026-11-01', value: 2 }, { date: '2027-03-01', value: 8 }],
    });
    expect(first.milestones.map((m: { title: string; status: string; withinEngagement: boolean }) => [m.title, m.status, m.withinEngagement]))
      .toEqual([['Late and open', 'overdue', true], ['After the end', 'done', false]]);
    expect(second).toMatchObject({ goalId: dated.id, targetDate: '2027-01-31', points: [], plannedPath: [{ date: '2026-11-01', value: 0 }, { date: '2027-01-31', value: 3 }] });

    // The dates are the current agreement's, even before everyone has accepted the amendment.
    await cast.as.coach.put(engagementUrl(id, '/agreement'), agreementTerms({ startDate: '2026-10-15', plannedEndDate: '2027-04-30' }));
    const amended = (await cast.as.client.get(goalsUrl(cast, id, '/timeline'))).body;
    expect([amended.startDate, amended.plannedEndDate, amended.goals[0].targetDate]).toEqual(['2026-10-15', '2027-04-30', '2027-04-30']);
  });
});
