import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KIND_CONCLUSION_NOTICE } from '../../../domain/mentoring/continuation-review.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildActivePair, type MentoringOrg } from '../../../../test/support/mentoring.ts';
import { daysAgo, reviewDueIn } from '../../../../test/support/mentoring-activity.ts';

describe('“shall we continue?” reviews', () => {
  let t: TestApp;
  let org: MentoringOrg;
  let relationshipId: string;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => ({ org, relationshipId } = await buildActivePair(t)));
  afterAll(async () => { await t.close(); });
  const url = (rest = '') => `/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}${rest}`;
  const noticesOf = (personId: string, kind: string) =>
    t.context.db.selectFrom('notices').select(['title', 'body']).where('person_id', '=', personId).where('kind', '=', kind).execute();

  it('opens a week before it is due; until then an answer is refused with the date', async () => {
    const view = await org.mentee.as.get(url('/review'));
    expect(view.status).toBe(200);
    expect(view.body.current).toMatchObject({ pendingForYou: false, yourAnswer: null });
    const early = await org.mentee.as.put(url('/review/answer'), { answer: 'continue' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain(view.body.current.opensOn);
    await reviewDueIn(t, relationshipId, 7);
    expect((await org.mentee.as.get(url('/review'))).body.current.pendingForYou).toBe(true);
  });

  it('lets an answer change until settled, shows it to nobody else; both continue: the next review is scheduled and both are told', async () => {
    await reviewDueIn(t, relationshipId, 3);
    const dueOn = daysAgo(-3);
    const adminBefore = (await org.admin.as.get(url())).body;
    const answered = await org.mentee.as.put(url('/review/answer'), { answer: 'continue' });
    expect(answered.body).toMatchObject({ outcome: 'pending', review: { current: { dueOn, yourAnswer: 'continue', pendingForYou: false } } });
    const mentorView = await org.mentor.as.get(url('/review'));
    expect(mentorView.body.current).toMatchObject({ yourAnswer: null, answeredAt: null, pendingForYou: true });
    expect(JSON.stringify(mentorView.body)).not.toContain('continue');
    expect((await org.admin.as.get(url('/review'))).status).toBe(403);
    expect((await org.other.as.get(url('/review'))).status).toBe(404);
    // The admin's view of the relationship does not move when someone answers.
    expect((await org.admin.as.get(url())).body).toEqual(adminBefore);

    const both = await org.mentor.as.put(url('/review/answer'), { answer: 'continue' });
    expect(both.body.outcome).toBe('continued');
    expect(both.body.review.history).toEqual([{ id: expect.any(String), dueOn, outcome: 'continued', resolvedAt: expect.any(String), yourAnswer: 'continue' }]);
    const next = both.body.review.current;
    const expectedNext = new Date(`${dueOn}T00:00:00Z`);
    expectedNext.setUTCDate(expectedNext.getUTCDate() + 7 * 12);
    expect(next).toMatchObject({ dueOn: expectedNext.toISOString().slice(0, 10), yourAnswer: null, pendingForYou: false });
    expect((await org.mentee.as.get(url())).body).toMatchObject({ state: 'active', nextReviewDue: next.dueOn });
    for (const person of [org.mentor, org.mentee]) expect(await noticesOf(person.person.id, 'mentoring.continued')).toHaveLength(1);
    expect((await org.mentee.as.put(url('/review/answer'), { answer: 'conclude' })).status).toBe(409);
  });

  it('either concludes: the relationship ends with no actor, both get the same kind notice, and nobody learns who chose it', async () => {
    await reviewDueIn(t, relationshipId, 0);
    await org.mentor.as.put(url('/review/answer'), { answer: 'continue' });
    await org.mentor.as.put(url('/review/answer'), { answer: 'continue' });
    const ended = await org.mentee.as.put(url('/review/answer'), { answer: 'conclude' });
    expect(ended.body.outcome).toBe('concluded');
    const row = await t.context.db.selectFrom('mentoring_relationships').select(['state', 'ended_by_person_id', 'end_reason']).where('id', '=', relationshipId).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'concluded', ended_by_person_id: null, end_reason: 'review' });
    const transition = await t.context.db.selectFrom('relationship_transitions').select(['event', 'actor_person_id']).where('relationship_id', '=', relationshipId).where('event', '=', 'conclude').executeTakeFirstOrThrow();
    expect(transition.actor_person_id).toBeNull();
    const told = await Promise.all([org.mentor, org.mentee].map((p) => noticesOf(p.person.id, 'mentoring.concluded')));
    expect(told).toEqual([[KIND_CONCLUSION_NOTICE], [KIND_CONCLUSION_NOTICE]]);
    for (const notices of told) expect(JSON.stringify(notices)).not.toMatch(/Mo Mentee|Maya Mentor|chose|decided/);

    // Both sides read the same outcome; the admin reads the same relationship as for any other conclusion.
    const mentorView = (await org.mentor.as.get(url('/review'))).body;
    const menteeView = (await org.mentee.as.get(url('/review'))).body;
    expect(mentorView.current).toBeNull();
    expect(mentorView.history.map((h: { outcome: string }) => h.outcome)).toEqual(['concluded']);
    expect(menteeView.history.map((h: { outcome: string }) => h.outcome)).toEqual(['concluded']);
    expect(mentorView.history[0].yourAnswer).toBe('continue');
    expect(menteeView.history[0].yourAnswer).toBe('conclude');
    const adminView = (await org.admin.as.get(url())).body;
    expect(JSON.stringify(adminView)).not.toMatch(/conclude"|continue|review/);
    expect(adminView.state).toBe('concluded');
    expect((await org.mentor.as.put(url('/review/answer'), { answer: 'continue' })).status).toBe(409);
  });
});
