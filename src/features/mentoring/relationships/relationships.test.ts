import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildMentoringOrg, listMentor } from '../../../../test/support/mentoring.ts';

describe('organic mentoring requests', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof buildMentoringOrg>>;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => {
    org = await buildMentoringOrg(t);
    await listMentor(org, org.mentor);
  });
  afterAll(async () => { await t.close(); });
  const url = (rest: string) => `/api/orgs/${org.orgId}/mentoring${rest}`;

  it('takes a request to the mentor, who accepts: the relationship is active and both see it', async () => {
    const asked = await org.mentee.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: 'I am new to leading people.' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: 'requested', availableEvents: ['withdraw'] });
    const notices = await t.context.db.selectFrom('notices').select('title').where('person_id', '=', org.mentor.person.id).execute();
    expect(notices.map((n) => n.title)).toEqual(['Mo Mentee would like you as a mentor']);
    const mentorView = await org.mentor.as.get(url(`/relationships/${asked.body.id}`));
    expect(mentorView.body.availableEvents).toEqual(['accept', 'decline']);
    const accepted = await org.mentor.as.post(url(`/relationships/${asked.body.id}/accept`));
    expect(accepted.body).toMatchObject({ state: 'active', health: 'on_track', checkIns: 0 });
    expect(accepted.body.nextReviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await org.mentee.as.get(url('/relationships'))).body.items.map((r: { state: string }) => r.state)).toEqual(['active']);
    expect((await org.other.as.get(url(`/relationships/${asked.body.id}`))).status).toBe(404);
  });

  it('refuses self-requests, duplicates and too many open requests, and lets the requester withdraw', async () => {
    expect((await org.mentor.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: 'me?' })).status).toBe(400);
    const first = await org.mentee.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: 'Hello' });
    const duplicate = await org.mentee.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: 'Hello again' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toMatch(/already have an open request/);
    for (const name of ['Second Mentor', 'Third Mentor', 'Fourth Mentor']) {
      const mentor = await org.make(['mentor'], name);
      await listMentor(org, mentor);
      const response = await org.mentee.as.post(url('/requests'), { mentorPersonId: mentor.person.id, message: 'Hi' });
      expect(response.status).toBe(name === 'Fourth Mentor' ? 409 : 201);
    }
    const withdrawn = await org.mentee.as.post(url(`/relationships/${first.body.id}/withdraw`));
    expect(withdrawn.body.state).toBe('withdrawn');
    expect((await org.mentor.as.post(url(`/relationships/${first.body.id}/accept`))).status).toBe(409);
  });

  it('declines kindly with a templated reason, and expires unanswered requests', async () => {
    const asked = await org.mentee.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: 'Hello' });
    const declined = await org.mentor.as.post(url(`/relationships/${asked.body.id}/decline`), { reason: 'timing' });
    expect(declined.body).toMatchObject({ state: 'declined', declineReason: 'timing' });
    const told = await t.context.db.selectFrom('notices').select('body').where('person_id', '=', org.mentee.person.id).executeTakeFirstOrThrow();
    expect(told.body).toMatch(/timing doesn’t work/);

    const again = await org.mentee.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: 'Later then?' });
    await t.context.db.updateTable('mentoring_relationships').set({ request_expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', again.body.id).execute();
    expect((await org.mentee.as.get(url(`/relationships/${again.body.id}`))).body.state).toBe('expired');
    expect((await org.mentor.as.post(url(`/relationships/${again.body.id}/accept`))).status).toBe(409);
  });

  it('lets many simultaneous accepts against the mentor’s last place leave exactly one accepted', async () => {
    await listMentor(org, org.mentor, 1);
    const requests = [];
    for (let i = 0; i < 6; i += 1) {
      const mentee = await org.make(['member'], `Mentee ${i}`);
      const asked = await mentee.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: `Request ${i}` });
      expect(asked.status).toBe(201);
      requests.push(asked.body.id as string);
    }
    const answers = await Promise.all(requests.map((id) => org.mentor.as.post(url(`/relationships/${id}/accept`))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
    const active = await t.context.db.selectFrom('mentoring_relationships').select('id').where('mentor_person_id', '=', org.mentor.person.id).where('state', '=', 'active').execute();
    expect(active).toHaveLength(1);
  });

  it('concludes gracefully: the other side gets the same kind notice whoever ended it', async () => {
    const asked = await org.mentee.as.post(url('/requests'), { mentorPersonId: org.mentor.person.id, message: 'Hello' });
    await org.mentor.as.post(url(`/relationships/${asked.body.id}/accept`));
    const ended = await org.mentee.as.post(url(`/relationships/${asked.body.id}/conclude`));
    expect(ended.body.state).toBe('concluded');
    const notice = await t.context.db.selectFrom('notices').select(['title', 'body']).where('person_id', '=', org.mentor.person.id).where('kind', '=', 'mentoring.concluded').executeTakeFirstOrThrow();
    expect(notice.title).toBe('Your mentoring relationship has come to a close');
    expect(notice.body).not.toMatch(/Mo Mentee/);
  });
});
