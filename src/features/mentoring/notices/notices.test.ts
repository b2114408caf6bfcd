import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildMentoringOrg, buildRelationship, listMentor } from '../../../../test/support/mentoring.ts';

describe('notices', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof buildMentoringOrg>>;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => {
    org = await buildMentoringOrg(t);
    await listMentor(org, org.mentor);
  });
  afterAll(async () => { await t.close(); });
  const url = (rest = '') => `/api/orgs/${org.orgId}/notices${rest}`;

  it('lists my notices newest first with the unread count; marks one or all read; others’ notices are not found', async () => {
    const relationshipId = await buildRelationship(org, org.mentor, org.mentee);
    await org.mentor.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}/conclude`);
    const list = await org.mentee.as.get(url());
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(list.body.items.map((n: { kind: string }) => n.kind)).toEqual(['mentoring.concluded', 'mentoring.accepted']);
    expect(list.body.items[0]).toMatchObject({ readAt: null, link: `/mentoring/relationships/${relationshipId}` });

    const [newest, oldest] = list.body.items;
    expect((await org.mentor.as.post(url(`/${newest.id}/read`))).status).toBe(404);
    expect((await org.mentee.as.post(url(`/${newest.id}/read`))).body).toEqual({ unread: 1 });
    expect((await org.mentee.as.get(url('?unreadOnly=true'))).body.items.map((n: { id: string }) => n.id)).toEqual([oldest.id]);
    expect((await org.mentee.as.post(url('/read-all'))).body).toEqual({ marked: 1, unread: 0 });
    expect((await org.mentee.as.get(url())).body).toMatchObject({ total: 2, unread: 0 });
    // The mentor's own notices are theirs alone.
    const mentorNotices = await org.mentor.as.get(url());
    expect(mentorNotices.body.items.map((n: { kind: string }) => n.kind)).toEqual(['mentoring.request']);
    expect((await org.admin.as.get(url())).body.total).toBe(0);
  });

  it('keeps notices to their organization', async () => {
    await org.mentee.as.post(`/api/orgs/${org.orgId}/mentoring/requests`, { mentorPersonId: org.mentor.person.id, message: 'Hello' });
    const other = await buildMentoringOrg(t);
    expect((await org.mentor.as.get(`/api/orgs/${other.orgId}/notices`)).status).toBe(404);
    expect((await org.mentor.as.get(url('?pageSize=1&page=1'))).body).toMatchObject({ total: 1, pageSize: 1 });
  });
});
