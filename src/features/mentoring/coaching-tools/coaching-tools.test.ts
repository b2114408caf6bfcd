import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildActivePair, buildRelationship, listMentor, type MentoringOrg } from '../../../../test/support/mentoring.ts';

describe('coaching tools in a mentoring relationship', () => {
  let t: TestApp;
  let org: MentoringOrg;
  let relationshipId: string;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => ({ org, relationshipId } = await buildActivePair(t)));
  afterAll(async () => { await t.close(); });
  const tools = () => `/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}/coaching-tools`;
  const api = (rest: string) => `/api/orgs/${org.orgId}${rest}`;

  it('opens once a linked engagement that the coaching routes serve unchanged: goals, sessions with the mentee’s focus, action items', async () => {
    expect((await org.mentee.as.get(tools())).body).toEqual({ engagementId: null });
    const opened = await org.mentor.as.post(tools());
    expect(opened.status).toBe(201);
    const { engagementId } = opened.body;
    const again = await org.mentee.as.post(tools());
    expect(again.status).toBe(200);
    expect(again.body.engagementId).toBe(engagementId);
    const row = await t.context.db.selectFrom('engagements').selectAll().where('id', '=', engagementId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'mentoring', state: 'active', coach_person_id: org.mentor.person.id, client_person_id: org.mentee.person.id, sponsor_person_id: null, title: 'Mentoring: Maya Mentor & Mo Mentee' });

    const overview = await org.mentee.as.get(api(`/engagements/${engagementId}`));
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ state: 'active', yourParts: ['client'], agreement: { fullyAccepted: true } });
    const goal = await org.mentee.as.post(api(`/engagements/${engagementId}/goals`), { statement: 'Run my first hiring loop', measure: 'Interviews led', baselineValue: 0, targetValue: 3 });
    expect(goal.status).toBe(201);
    const session = await org.mentor.as.post(api(`/engagements/${engagementId}/sessions`), { startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMinutes: 45 });
    expect(session.status).toBe(201);
    expect((await org.mentor.as.put(api(`/sessions/${session.body.id}/focus`), { focus: 'Mine' })).status).toBe(403);
    const focused = await org.mentee.as.put(api(`/sessions/${session.body.id}/focus`), { focus: 'How to say no to my manager' });
    expect(focused.status).toBe(200);
    expect(focused.body.focus).toBe('How to say no to my manager');
    const action = await org.mentee.as.post(api(`/engagements/${engagementId}/action-items`), { title: 'Draft the interview plan', ownerPersonId: org.mentee.person.id });
    expect(action.status).toBe(201);
    expect((await org.mentor.as.get(api(`/engagements/${engagementId}/action-items`))).body.items).toHaveLength(1);
  });

  it('keeps the organization’s admin and everyone else out, and out of every coaching list', async () => {
    const { engagementId } = (await org.mentee.as.post(tools())).body;
    const goal = await org.mentee.as.post(api(`/engagements/${engagementId}/goals`), { statement: 'Speak up in staff meetings', measure: 'Meetings where I spoke', baselineValue: 0, targetValue: 4 });
    const session = await org.mentor.as.post(api(`/engagements/${engagementId}/sessions`), { startsAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 30 });
    for (const path of [`/engagements/${engagementId}`, `/engagements/${engagementId}/goals`, `/engagements/${engagementId}/goals/${goal.body.id}`, `/engagements/${engagementId}/sessions`, `/sessions/${session.body.id}`, `/engagements/${engagementId}/action-items`]) {
      expect((await org.admin.as.get(api(path))).status, `admin ${path}`).toBe(404);
      expect((await org.other.as.get(api(path))).status, `outsider ${path}`).toBe(404);
    }
    expect((await org.admin.as.post(api(`/engagements/${engagementId}/end-early`), { reason: 'Admin override' })).status).toBe(404);
    const adminList = await org.admin.as.get(api('/engagements?pageSize=100'));
    expect(adminList.body.items.map((e: { id: string }) => e.id)).not.toContain(engagementId);
    const menteeOwn = await org.mentee.as.get(api('/engagements/mine'));
    expect(menteeOwn.body.items.map((e: { id: string }) => e.id)).not.toContain(engagementId);
    const clientHome = await org.mentee.as.get(api('/coaching/home/client'));
    expect(JSON.stringify(clientHome.body)).not.toContain(engagementId);
    expect((await org.other.as.get(tools())).status).toBe(404);
    expect((await org.admin.as.post(tools())).status).toBe(403);
  });

  it('still lets an admin who is the mentor use the tools, as the mentor', async () => {
    const adminMentor = await org.make(['admin', 'mentor'], 'Ana Admin-Mentor');
    await listMentor(org, adminMentor);
    relationshipId = await buildRelationship(org, adminMentor, org.other);
    const { engagementId } = (await adminMentor.as.post(tools())).body;
    const overview = await adminMentor.as.get(api(`/engagements/${engagementId}`));
    expect(overview.status).toBe(200);
    expect(overview.body.yourParts).toEqual(['coach']);
    expect((await org.admin.as.get(api(`/engagements/${engagementId}`))).status).toBe(404);
  });

  it('closes the tools with the relationship, and opens none for one that has ended', async () => {
    const { engagementId } = (await org.mentor.as.post(tools())).body;
    await org.mentee.as.post(api(`/engagements/${engagementId}/action-items`), { title: 'Read the book', ownerPersonId: org.mentee.person.id });
    await org.mentee.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}/conclude`);
    const ended = await org.mentor.as.get(api(`/engagements/${engagementId}`));
    expect(ended.body.state).toBe('ended_early');
    const items = await org.mentee.as.get(api(`/engagements/${engagementId}/action-items`));
    expect(items.body.items.map((i: { status: string }) => i.status)).toEqual(['dropped']);

    const second = await org.make(['member'], 'Sam Second');
    relationshipId = await buildRelationship(org, org.mentor, second);
    await second.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}/conclude`);
    const refused = await second.as.post(tools());
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/concluded/);
  });
});
