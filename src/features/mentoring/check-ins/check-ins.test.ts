import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildActivePair, buildRelationship, type MentoringOrg } from '../../../../test/support/mentoring.ts';
import { backdate, daysAgo } from '../../../../test/support/mentoring-activity.ts';

describe('check-ins and private reflections', () => {
  let t: TestApp;
  let org: MentoringOrg;
  let relationshipId: string;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => ({ org, relationshipId } = await buildActivePair(t)));
  afterAll(async () => { await t.close(); });
  const url = (rest = '') => `/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}${rest}`;

  it('logs a check-in either side reads, newest first, and lets only its author correct it', async () => {
    const first = await org.mentee.as.post(url('/check-ins'), { metOn: daysAgo(0), topics: [' Hiring ', 'hiring', 'First 90 days'], sharedNotes: 'Agreed to shadow an interview.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ metOn: daysAgo(0), topics: ['Hiring', 'First 90 days'], sharedNotes: 'Agreed to shadow an interview.', loggedBy: { personId: org.mentee.person.id, name: 'Mo Mentee' }, editedAt: null });
    await org.mentor.as.post(url('/check-ins'), { metOn: daysAgo(0), topics: ['Feedback'] });
    const listed = await org.mentor.as.get(url('/check-ins'));
    expect(listed.body.items.map((c: { topics: string[] }) => c.topics[0])).toEqual(['Feedback', 'Hiring']);

    expect((await org.mentor.as.patch(url(`/check-ins/${first.body.id}`), { sharedNotes: 'mine now' })).status).toBe(403);
    const corrected = await org.mentee.as.patch(url(`/check-ins/${first.body.id}`), { sharedNotes: 'Agreed to shadow two interviews.' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.sharedNotes).toBe('Agreed to shadow two interviews.');
    expect(corrected.body.editedAt).not.toBeNull();
    expect((await org.mentee.as.patch(url(`/check-ins/${first.body.id}`), {})).status).toBe(400);
  });

  it('refuses a meeting in the future or before the relationship began, naming metOn', async () => {
    const future = await org.mentee.as.post(url('/check-ins'), { metOn: daysAgo(-3), topics: [] });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([{ field: 'metOn', message: expect.stringMatching(/future/) }]);
    const before = await org.mentee.as.post(url('/check-ins'), { metOn: daysAgo(30), topics: [] });
    expect(before.status).toBe(400);
    expect(before.body.errors[0].field).toBe('metOn');
    const badDate = await org.mentee.as.post(url('/check-ins'), { metOn: '2026-02-30', topics: [] });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe('metOn');
  });

  it('keeps the shared record from the admin (403), outsiders and other relationships (404), and closes it once concluded (409)', async () => {
    const logged = await org.mentee.as.post(url('/check-ins'), { metOn: daysAgo(0), topics: ['Career'] });
    expect((await org.admin.as.get(url('/check-ins'))).status).toBe(403);
    expect((await org.other.as.get(url('/check-ins'))).status).toBe(404);
    expect((await org.other.as.get(url(`/check-ins/${logged.body.id}`))).status).toBe(404);
    const otherMentee = await org.make(['member'], 'Nia Newcomer');
    const otherRelationship = await buildRelationship(org, org.mentor, otherMentee);
    expect((await org.mentor.as.get(`/api/orgs/${org.orgId}/mentoring/relationships/${otherRelationship}/check-ins/${logged.body.id}`)).status).toBe(404);
    await org.mentor.as.post(url('/conclude'));
    const late = await org.mentee.as.post(url('/check-ins'), { metOn: daysAgo(0), topics: [] });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/concluded/);
  });

  it('moves the relationship’s health with each check-in', async () => {
    await backdate(t, relationshipId, 60); // organic: a 28-day cadence
    expect((await org.mentee.as.get(url())).body).toMatchObject({ health: 'stalled', lastCheckInOn: null });
    let row = await t.context.db.selectFrom('mentoring_relationships').select(['last_check_in_on', 'check_in_due_on']).where('id', '=', relationshipId).executeTakeFirstOrThrow();
    expect(row.last_check_in_on).toBeNull();
    await org.mentor.as.post(url('/check-ins'), { metOn: daysAgo(35), topics: ['Goals'] });
    expect((await org.mentee.as.get(url())).body.health).toBe('slipping');
    await org.mentor.as.post(url('/check-ins'), { metOn: daysAgo(1), topics: ['Goals'] });
    const now = (await org.mentee.as.get(url())).body;
    expect(now).toMatchObject({ health: 'on_track', lastCheckInOn: daysAgo(1), checkIns: 2 });
    row = await t.context.db.selectFrom('mentoring_relationships').select(['last_check_in_on', 'check_in_due_on']).where('id', '=', relationshipId).executeTakeFirstOrThrow();
    expect(row).toEqual({ last_check_in_on: daysAgo(1), check_in_due_on: now.nextCheckInDue });
  });

  it('keeps each reflection for its author alone: the write echoes no text, the read is audited without it', async () => {
    const logged = await org.mentee.as.post(url('/check-ins'), { metOn: daysAgo(0), topics: ['Confidence'] });
    const written = await org.mentee.as.post(url('/reflections'), { body: 'I was nervous to admit I feel out of my depth.', checkInId: logged.body.id });
    expect(written.status).toBe(201);
    expect(written.body).toEqual({ id: expect.any(String), relationshipId, checkInId: logged.body.id, kind: 'check_in', createdAt: expect.any(String) });
    await org.mentee.as.post(url('/reflections'), { body: 'A free-standing thought.' });
    await org.mentor.as.post(url('/reflections'), { body: 'Mo is braver than they think.' });

    const mine = await org.mentee.as.get(url('/reflections'));
    expect(mine.body.items.map((r: { body: string }) => r.body).sort()).toEqual(['A free-standing thought.', 'I was nervous to admit I feel out of my depth.']);
    const theirs = await org.mentor.as.get(url('/reflections'));
    expect(theirs.body.items.map((r: { body: string }) => r.body)).toEqual(['Mo is braver than they think.']);
    expect((await org.admin.as.get(url('/reflections'))).status).toBe(403);
    expect((await org.other.as.get(url('/reflections'))).status).toBe(404);

    const audits = await t.context.db.selectFrom('audit_events').select(['actor_person_id', 'detail']).where('action', '=', 'confidential.read').where('subject_id', '=', relationshipId).execute();
    expect(audits).toHaveLength(2);
    expect(audits.find((a) => a.actor_person_id === org.mentee.person.id)!.detail).toContain('"count":2');
    expect(audits.map((a) => a.detail).join(' ')).not.toMatch(/nervous|braver|free-standing/);

    const foreignCheckIn = await org.mentor.as.post(url('/reflections'), { body: 'x', checkInId: crypto.randomUUID() });
    expect(foreignCheckIn.status).toBe(400);
    expect(foreignCheckIn.body.errors[0].field).toBe('checkInId');
  });
});
