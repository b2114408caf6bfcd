import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/support/app.ts';
import { agreementTerms, buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import { buildGoal, dayFromToday, goalsUrl } from './test-support.ts';

describe('who sees an engagement’s goals', () => {
  let t: TestApp;
  let cast: CoachingCast;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => { cast = await buildCoachingCast(t); });
  afterAll(async () => { await t.close(); });

  const engagementUrl = (id: string, rest = '') => `/api/orgs/${cast.orgId}/engagements/${id}${rest}`;

  /** An active engagement with one goal carrying every kind of content. */
  async function engagementWithContent(sponsorVisibility: string) {
    const id = await buildEngagement(cast, { terms: { sponsorVisibility } });
    const goal = await buildGoal(cast, id);
    const url = goalsUrl(cast, id, `/${goal.id}`);
    await cast.as.client.post(`${url}/progress`, { value: 5, recordedOn: dayFromToday(0), note: 'Felt awkward in two of them' });
    await cast.as.client.post(`${url}/milestones`, { title: 'Agenda template shared', dueDate: '2026-12-15' });
    await cast.as.client.post(`${url}/grow`, { goal: 'Time with each report', reality: 'I cancel when busy', options: 'Block the calendar', will: 'Book them all by Friday' });
    await cast.as.coach.post(`${url}/obstacles`, { description: 'Fear of difficult conversations' });
    return { id, goalId: goal.id, url };
  }

  /** Every read of goal content, for one caller. */
  const reads = (as: ApiClient, id: string, url: string) => Promise.all([
    as.get(goalsUrl(cast, id)), as.get(goalsUrl(cast, id, '/timeline')), as.get(url), as.get(`${url}/progress`), as.get(`${url}/grow`), as.get(`${url}/obstacles`),
  ]);

  it('shows the coach and the client everything', async () => {
    const { id, url } = await engagementWithContent('nothing');
    for (const as of [cast.as.coach, cast.as.client]) {
      const answers = await reads(as, id, url);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const [list, , , progress, grow, obstacles] = answers;
      expect(list!.body.view).toBe('full');
      expect(list!.body.items[0]).toMatchObject({
        whyItMatters: 'My team told me they rarely get time with me', progress: [{ note: 'Felt awkward in two of them' }],
        grow: { latest: { revision: 1, reality: 'I cancel when busy' }, revisions: 1 }, obstacles: [{ description: 'Fear of difficult conversations' }],
      });
      expect(progress!.body.items[0].note).toBe('Felt awkward in two of them');
      expect(grow!.body.latest.will).toBe('Book them all by Friday');
      expect(obstacles!.body.items).toHaveLength(1);
    }
  });

  it('shows a sponsor whose accepted agreement shares goals and progress the goals, values and milestones, never the coaching content', async () => {
    const { id, goalId, url } = await engagementWithContent('goals_progress');
    const [list, timeline, one, progress, grow, obstacles] = await reads(cast.as.sponsor, id, url);
    expect(list!.status).toBe(200);
    expect(list!.body).toMatchObject({ view: 'sponsor', mayEdit: false, mayRecordProgress: false });
    expect(list!.body.items[0]).toMatchObject({
      id: goalId, statement: expect.any(String), measure: expect.any(String), baselineValue: 2, targetValue: 8, currentValue: 5, unit: 'meetings',
      milestones: [{ title: 'Agenda template shared' }], progress: [{ value: 5, note: null }],
      whyItMatters: null, grow: null, obstacles: null,
    });
    expect(JSON.stringify(list!.body)).not.toMatch(/awkward|cancel when busy|Fear of|rarely get time/);
    expect(timeline!.status).toBe(200);
    expect(timeline!.body.goals[0].points).toEqual([{ date: dayFromToday(0), value: 5 }]);
    expect(one!.body).toMatchObject({ id: goalId, grow: null, obstacles: null, whyItMatters: null });
    expect(progress!.body.items).toEqual([expect.objectContaining({ value: 5, note: null })]);
    for (const hidden of [grow!, obstacles!]) {
      expectProblem(hidden, 403);
      expect(hidden.body.detail).toMatch(/coaching content/);
    }
    // Following is not writing.
    expectProblem(await cast.as.sponsor.post(goalsUrl(cast, id), { statement: 'x', measure: 'y', baselineValue: 0, targetValue: 1 }), 403);
    expectProblem(await cast.as.sponsor.post(`${url}/obstacles`, { description: 'From the sponsor' }), 403);
  });

  it('refuses the sponsor every goal read when the agreement shares nothing', async () => {
    const { id, url } = await engagementWithContent('nothing');
    for (const answer of await reads(cast.as.sponsor, id, url)) {
      expectProblem(answer, 403);
      expect(answer.body.detail).toMatch(/does not share goals/);
    }
  });

  it('shows the sponsor nothing before every party has accepted the agreement', async () => {
    const id = await buildEngagement(cast, { until: 'proposed' });
    const goal = await buildGoal(cast, id);
    expectProblem(await cast.as.sponsor.get(goalsUrl(cast, id)), 403);
    expectProblem(await cast.as.sponsor.get(goalsUrl(cast, id, `/${goal.id}`)), 403);
  });

  it('does not widen the sponsor’s view on an amendment until every party accepts it again', async () => {
    const { id } = await engagementWithContent('nothing');
    const amended = await cast.as.coach.put(engagementUrl(id, '/agreement'), agreementTerms({ sponsorVisibility: 'goals_progress' }));
    expect(amended.body).toMatchObject({ state: 'active', agreement: { version: 2, sponsorVisibility: 'goals_progress', fullyAccepted: false } });
    await cast.as.coach.post(engagementUrl(id, '/agreement/accept'), { version: 2, ethicsAcknowledged: true });
    await cast.as.sponsor.post(engagementUrl(id, '/agreement/accept'), { version: 2 });
    // Coach and sponsor have accepted; the client has not: version 1 (nothing) still holds.
    expectProblem(await cast.as.sponsor.get(goalsUrl(cast, id)), 403);
    expectProblem(await cast.as.sponsor.get(goalsUrl(cast, id, '/timeline')), 403);

    await cast.as.client.post(engagementUrl(id, '/agreement/accept'), { version: 2 });
    const now = await cast.as.sponsor.get(goalsUrl(cast, id));
    expect(now.status).toBe(200);
    expect(now.body.view).toBe('sponsor');
  });

  it('narrows the sponsor’s view at once when an amendment shares less, before anyone accepts it', async () => {
    const { id } = await engagementWithContent('goals_progress_attendance');
    expect((await cast.as.sponsor.get(goalsUrl(cast, id))).status).toBe(200);
    await cast.as.coach.put(engagementUrl(id, '/agreement'), agreementTerms({ sponsorVisibility: 'nothing' }));
    expectProblem(await cast.as.sponsor.get(goalsUrl(cast, id)), 403);
  });

  it('refuses the admin any goal content with a clear reason, while the overview keeps the attainment figures', async () => {
    const { id, url } = await engagementWithContent('goals_progress');
    for (const answer of await reads(cast.as.admin, id, url)) {
      expectProblem(answer, 403);
      expect(answer.body.detail).toMatch(/as an admin you see their attainment in the engagement overview/);
    }
    const write = await cast.as.admin.post(goalsUrl(cast, id), { statement: 'x', measure: 'y', baselineValue: 0, targetValue: 1 });
    expectProblem(write, 403);
    expect(write.body.detail).toMatch(/admin/);
    expect((await cast.as.admin.get(engagementUrl(id))).body.attainment).toMatchObject({ goals: 1, met: 0 });
  });

  it('answers members who take no part in the engagement as if it did not exist', async () => {
    const { id, goalId, url } = await engagementWithContent('goals_progress');
    for (const answer of [
      ...(await reads(cast.as.outsider, id, url)),
      await cast.as.outsider.post(goalsUrl(cast, id), { statement: 'x', measure: 'y', baselineValue: 0, targetValue: 1 }),
      await cast.as.outsider.patch(url, { statement: 'Taken over' }),
      await cast.as.outsider.delete(url),
      await cast.as.outsider.post(`${url}/progress`, { value: 1, recordedOn: dayFromToday(0) }),
    ]) {
      expectProblem(answer, 404);
      expect(answer.body.detail).toBe('Engagement was not found.');
    }
    const stored = await t.context.db.selectFrom('goals').select(['statement', 'current_value']).where('id', '=', goalId).executeTakeFirstOrThrow();
    expect(stored.current_value).toBe(5);
  });
});
