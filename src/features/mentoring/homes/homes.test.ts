import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildMentoringOrg, buildRelationship, listMentor } from '../../../../test/support/mentoring.ts';
import { backdate, buildProgram, daysAgo, enrollIn, pair, reviewDueIn } from '../../../../test/support/mentoring-activity.ts';

describe('mentor and mentee homes', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof buildMentoringOrg>>;
  let programId: string;
  let programPair: string;
  let organicPair: string;
  let asker: Awaited<ReturnType<typeof org.make>>;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => {
    org = await buildMentoringOrg(t);
    programId = await buildProgram(org, { name: 'New Managers', cadenceDays: 14, defaultMentorCapacity: 3 });
    await enrollIn(org, programId, org.mentor, 'mentor', { capacity: 3 });
    await enrollIn(org, programId, org.mentee, 'mentee');
    programPair = await pair(org, programId, org.mentor, org.mentee);
    await listMentor(org, org.mentor, 2);
    const organicMentee = await org.make(['member'], 'Olu Organic');
    organicPair = await buildRelationship(org, org.mentor, organicMentee);
    asker = await org.make(['member'], 'Asha Asker');
    await asker.as.post(`/api/orgs/${org.orgId}/mentoring/requests`, { mentorPersonId: org.mentor.person.id, message: 'Could you help me prepare for a promotion panel?' });
  });
  afterAll(async () => { await t.close(); });
  const home = (side: 'mentor' | 'mentee') => `/api/orgs/${org.orgId}/mentoring/home/${side}`;

  it('gives the mentor relationships with health and next check-in, requests to answer, reviews waiting and load per program and listing', async () => {
    await backdate(t, programPair, 20);
    await reviewDueIn(t, programPair, 2);
    const response = await org.mentor.as.get(home('mentor'));
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.today).toBe(daysAgo(0));
    expect(body.relationships.map((r: { mentee: { name: string }; health: string }) => [r.mentee.name, r.health]).sort()).toEqual([['Mo Mentee', 'slipping'], ['Olu Organic', 'on_track']]);
    expect(body.relationships.find((r: { id: string }) => r.id === programPair).nextCheckInDue).toBe(daysAgo(6));
    expect(body.requests).toEqual([expect.objectContaining({ with: { personId: asker.person.id, name: 'Asha Asker', title: '' }, message: 'Could you help me prepare for a promotion panel?', programId: null })]);
    expect(body.pendingReviews).toEqual([{ relationshipId: programPair, reviewId: expect.any(String), dueOn: daysAgo(-2), with: { personId: org.mentee.person.id, name: 'Mo Mentee' }, as: 'mentor' }]);
    expect(body.load).toEqual([
      { programId, programName: 'New Managers', capacity: 3, active: 1, paused: false, openPlaces: 2, status: 'room' },
      { programId: null, programName: null, capacity: 2, active: 1, paused: false, openPlaces: 1, status: 'room' },
    ]);
    expect(body.unreadNotices).toBeGreaterThanOrEqual(2);
    // The home reads health off the stored cadence marks; the relationship page computes it from the check-ins: they agree.
    await org.mentee.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${programPair}/check-ins`, { metOn: daysAgo(3), topics: ['Delegation'] });
    for (const relationship of (await org.mentor.as.get(home('mentor'))).body.relationships) {
      expect(relationship).toEqual((await org.mentor.as.get(`/api/orgs/${org.orgId}/mentoring/relationships/${relationship.id}`)).body);
    }

    await org.mentor.as.put(`/api/orgs/${org.orgId}/mentoring/relationships/${programPair}/review/answer`, { answer: 'continue' });
    expect((await org.mentor.as.get(home('mentor'))).body.pendingReviews).toEqual([]);
    expect((await org.mentee.as.get(home('mentee'))).body.pendingReviews).toHaveLength(1);
  });

  it('gives the mentee their relationships, their open requests, reviews waiting and their programs', async () => {
    const body = (await org.mentee.as.get(home('mentee'))).body;
    expect(body.relationships.map((r: { id: string; health: string; nextCheckInDue: string }) => [r.id, r.health])).toEqual([[programPair, 'on_track']]);
    expect(body.relationships[0].nextCheckInDue).toBe(daysAgo(-14));
    expect(body.programs).toEqual([{ programId, name: 'New Managers', side: 'mentee', status: 'approved', enrollmentWindow: 'always', cohortEndsOn: null }]);
    expect(body.requests).toEqual([]);
    const askerHome = (await asker.as.get(home('mentee'))).body;
    expect(askerHome.requests).toEqual([expect.objectContaining({ with: { personId: org.mentor.person.id, name: 'Maya Mentor', title: '' } })]);
    expect(askerHome.relationships).toEqual([]);
  });

  it('leaves out expired requests, and invites closing words for a month after a conclusion', async () => {
    await t.context.db.updateTable('mentoring_relationships').set({ request_expires_at: new Date(Date.now() - 1000).toISOString() }).where('state', '=', 'requested').where('org_id', '=', org.orgId).execute();
    expect((await org.mentor.as.get(home('mentor'))).body.requests).toEqual([]);
    await org.mentor.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${organicPair}/conclude`);
    let mentorHome = (await org.mentor.as.get(home('mentor'))).body;
    expect(mentorHome.toClose).toEqual([{ relationshipId: organicPair, with: { personId: expect.any(String), name: 'Olu Organic' }, endedAt: expect.any(String), closingReflectionWritten: false, appreciationWritten: false }]);
    expect(mentorHome.load[1]).toMatchObject({ programId: null, active: 0, openPlaces: 2 });
    await org.mentor.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${organicPair}/closing-reflection`, { body: 'Glad we met.' });
    mentorHome = (await org.mentor.as.get(home('mentor'))).body;
    expect(mentorHome.toClose[0]).toMatchObject({ closingReflectionWritten: true, appreciationWritten: false });
    await org.mentor.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${organicPair}/appreciations`, { body: 'Thank you, Olu.' });
    expect((await org.mentor.as.get(home('mentor'))).body.toClose).toEqual([]);
  });

  it('lists a person’s relationships (the homes’ past ones) newest first, by side and state, each as its own page shows it', async () => {
    const senior = await org.make(['mentor'], 'Sam Senior');
    await listMentor(org, senior, 2);
    const ownMentoring = await buildRelationship(org, senior, org.mentor);
    await org.mentee.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${programPair}/check-ins`, { metOn: daysAgo(3), topics: ['Delegation'] });
    await org.mentor.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${organicPair}/conclude`);
    const list = async (query: string) => (await org.mentor.as.get(`/api/orgs/${org.orgId}/mentoring/relationships${query}`)).body.items as { id: string; state: string }[];

    const asMentor = await list('?as=mentor');
    const request = asMentor.find((r) => r.state === 'requested')!;
    expect(asMentor.map((r) => [r.id, r.state])).toEqual([[request.id, 'requested'], [organicPair, 'concluded'], [programPair, 'active']]);
    for (const relationship of asMentor) {
      expect(relationship).toEqual((await org.mentor.as.get(`/api/orgs/${org.orgId}/mentoring/relationships/${relationship.id}`)).body);
    }
    expect((await list('?as=mentee')).map((r) => r.id)).toEqual([ownMentoring]);
    expect((await list('')).map((r) => r.id)).toEqual([ownMentoring, request.id, organicPair, programPair]);
    expect((await list('?as=mentor&state=concluded')).map((r) => r.id)).toEqual([organicPair]);
    expect((await list('?state=active')).map((r) => r.id)).toEqual([ownMentoring, programPair]);
    expect((await org.mentor.as.get(`/api/orgs/${org.orgId}/mentoring/relationships?state=sideways`)).status).toBe(400);
  });
});
