import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectServedKept, expectWatchesWhatItReads } from '../../../test/support/answer-cache.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMentoringOrg, buildRelationship, listMentor, type MentoringOrg } from '../../../test/support/mentoring.ts';
import { backdate, buildProgram, daysAgo, enrollIn, pair } from '../../../test/support/mentoring-activity.ts';
import { menteeHome, mentorHome } from './homes/service.ts';
import { keptMentoringAnswers } from './kept-answers.ts';
import { listNotices } from './notices/service.ts';
import { programDashboard, programPairs } from './program-admin/service.ts';
import { programDetail } from './programs/service.ts';
import { myRelationships } from './relationships/service.ts';

describe('kept mentoring answers', () => {
  let t: TestApp;
  let org: MentoringOrg;
  let programId: string;
  let programPair: string;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildMentoringOrg(t);
    programId = await buildProgram(org, { cadenceDays: 14, defaultMentorCapacity: 3 });
    await enrollIn(org, programId, org.mentor, 'mentor', { capacity: 2 });
    await enrollIn(org, programId, org.mentee, 'mentee');
    programPair = await pair(org, programId, org.mentor, org.mentee);
    await backdate(t, programPair, 45);
    await listMentor(org, org.mentor);
    await buildRelationship(org, org.mentor, org.other);
  });
  afterAll(async () => { await t.close(); });

  const viewer = (person: MentoringOrg['mentor'], roles: ('admin' | 'mentor' | 'member')[]) => ({ personId: person.person.id, orgRoles: roles, ip: null });

  it('watch every table their computations read', async () => {
    const { db } = t.context;
    const { orgId } = org;
    const mentor = viewer(org.mentor, ['mentor']);
    const mentee = viewer(org.mentee, ['member']);
    await expectWatchesWhatItReads(keptMentoringAnswers.mentorHomes, () => mentorHome(db, orgId, mentor));
    await expectWatchesWhatItReads(keptMentoringAnswers.menteeHomes, () => menteeHome(db, orgId, mentee));
    await expectWatchesWhatItReads(keptMentoringAnswers.relationshipLists, () => myRelationships(db, orgId, mentor, { as: 'mentor' }));
    await expectWatchesWhatItReads(keptMentoringAnswers.notices, () => listNotices(db, orgId, mentor.personId, { page: 1, pageSize: 20 }));
    await expectWatchesWhatItReads(keptMentoringAnswers.programs, () => programDetail(db, orgId, programId, mentor));
    await expectWatchesWhatItReads(keptMentoringAnswers.programDashboards, () => programDashboard(db, orgId, programId));
    await expectWatchesWhatItReads(keptMentoringAnswers.programPairs, () => programPairs(db, orgId, programId, 'stalled', 1, 10));
  });

  it('show a check-in on the very next request: the stalled pair is back on track for both the admin and the mentor', async () => {
    const dashboard = async () => (await org.admin.as.get(`/api/orgs/${org.orgId}/mentoring/programs/${programId}/dashboard`)).body;
    const stalled = async () => (await org.admin.as.get(`/api/orgs/${org.orgId}/mentoring/programs/${programId}/pairs?health=stalled&page=1&pageSize=10`)).body;
    const mentorsView = async () => (await org.mentor.as.get(`/api/orgs/${org.orgId}/mentoring/home/mentor`)).body;
    const healthOnMentorHome = async () => (await mentorsView()).relationships.find((r: { id: string }) => r.id === programPair)?.health;
    expect((await dashboard()).pairs.stalled.count).toBe(1);
    expect((await stalled()).total).toBe(1);
    expect(await healthOnMentorHome()).toBe('stalled');
    await expectServedKept(dashboard);
    await expectServedKept(stalled);
    await expectServedKept(mentorsView);

    const logged = await org.mentee.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${programPair}/check-ins`, { metOn: daysAgo(0), topics: ['Scope'], sharedNotes: '' });
    expect(logged.status).toBe(201);
    expect((await dashboard()).pairs.stalled.count).toBe(0);
    expect((await dashboard()).pairs.on_track.count).toBe(1);
    expect((await stalled()).total).toBe(0);
    expect(await healthOnMentorHome()).toBe('on_track');
  });
});
