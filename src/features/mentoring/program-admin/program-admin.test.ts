import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildMentoringOrg, type MentoringPerson } from '../../../../test/support/mentoring.ts';
import { backdate, buildProgram, daysAgo, enrollIn, pair } from '../../../../test/support/mentoring-activity.ts';

describe('the program admin’s dashboard', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof buildMentoringOrg>>;
  let programId: string;
  let mentors: MentoringPerson[];
  let mentees: MentoringPerson[];
  let pairs: Record<'onTrack' | 'slipping' | 'stalled' | 'paused', string>;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });
  const url = (rest = '') => `/api/orgs/${org.orgId}/mentoring/programs/${programId}${rest}`;

  beforeEach(async () => {
    org = await buildMentoringOrg(t);
    programId = await buildProgram(org, { cadenceDays: 14, defaultMentorCapacity: 3 });
    mentors = [org.mentor, await org.make(['mentor'], 'Nadia Mentor'), await org.make(['mentor'], 'Omar Mentor')];
    await enrollIn(org, programId, mentors[0]!, 'mentor', { capacity: 2 });
    await enrollIn(org, programId, mentors[1]!, 'mentor', { capacity: 2 });
    await enrollIn(org, programId, mentors[2]!, 'mentor', { capacity: 1 });
    mentees = [org.mentee, ...(await Promise.all(['Ben', 'Cleo', 'Dev', 'Eve'].map((name) => org.make(['member'], `${name} Mentee`))))];
    for (const mentee of mentees) await enrollIn(org, programId, mentee, 'mentee');
    pairs = {
      onTrack: await pair(org, programId, mentors[0]!, mentees[0]!),
      slipping: await pair(org, programId, mentors[0]!, mentees[1]!),
      stalled: await pair(org, programId, mentors[1]!, mentees[2]!),
      paused: await pair(org, programId, mentors[1]!, mentees[3]!),
    };
    // Eve (mentees[4]) waits unmatched.
    await mentees[0]!.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${pairs.onTrack}/check-ins`, { metOn: daysAgo(0), topics: ['Promotion'], sharedNotes: 'SHARED-NOTES-MARKER' });
    await backdate(t, pairs.onTrack, 30, [2]);
    await backdate(t, pairs.slipping, 20);
    await backdate(t, pairs.stalled, 45);
    await mentees[3]!.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${pairs.paused}/pause`);
    await mentees[1]!.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${pairs.slipping}/reflections`, { body: 'REFLECTION-MARKER' });
  });

  it('shows enrollment, pairs by health with names and dates, the unmatched and mentor load: health and counts only', async () => {
    const response = await org.admin.as.get(url('/dashboard'));
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.enrollment).toEqual({ mentor: { pending: 0, approved: 3 }, mentee: { pending: 0, approved: 5 } });
    expect(Object.fromEntries(Object.entries(body.pairs).map(([group, g]) => [group, (g as { count: number }).count]))).toEqual({ on_track: 1, slipping: 1, stalled: 1, paused: 1 });
    expect(body.pairs.on_track.items).toEqual([{
      relationshipId: pairs.onTrack, origin: 'assigned', mentor: { personId: mentors[0]!.person.id, name: 'Maya Mentor' }, mentee: { personId: mentees[0]!.person.id, name: 'Mo Mentee' },
      startedAt: expect.any(String), lastCheckInOn: daysAgo(2), nextCheckInDue: daysAgo(-12), health: 'on_track', checkIns: 1,
    }]);
    expect(body.pairs.slipping.items[0]).toMatchObject({ relationshipId: pairs.slipping, lastCheckInOn: null, health: 'slipping', checkIns: 0 });
    expect(body.pairs.stalled.items[0]).toMatchObject({ relationshipId: pairs.stalled, health: 'stalled' });
    expect(body.pairs.paused.items[0]).toMatchObject({ relationshipId: pairs.paused, health: 'paused' });
    expect(body.unmatched).toEqual({ count: 1, items: [{ personId: mentees[4]!.person.id, name: 'Eve Mentee', title: '', department: '', waitingSince: expect.any(String), daysWaiting: 0, requestOpen: false }] });
    expect(body.mentorLoad).toMatchObject({ mentors: 3, capacity: 5, placesUsed: 4, openPlaces: 1, byStatus: { over: 0, full: 2, room: 1, paused: 0 } });
    expect(body.mentorLoad.items.map((m: { name: string; status: string; active: number }) => [m.name, m.status, m.active])).toEqual([
      ['Maya Mentor', 'full', 2], ['Nadia Mentor', 'full', 2], ['Omar Mentor', 'room', 0],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/SHARED-NOTES-MARKER|REFLECTION-MARKER|Promotion/);
  });

  it('agrees with the health each side of a pair reads', async () => {
    const dashboard = (await org.admin.as.get(url('/dashboard'))).body;
    for (const [index, relationshipId] of [pairs.onTrack, pairs.slipping, pairs.stalled].entries()) {
      const seen = (await mentees[index]!.as.get(`/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}`)).body;
      const row = ['on_track', 'slipping', 'stalled'].flatMap((g) => dashboard.pairs[g].items).find((p: { relationshipId: string }) => p.relationshipId === relationshipId);
      expect(row.health).toBe(seen.health);
      expect(row.nextCheckInDue).toBe(seen.nextCheckInDue);
    }
  });

  it('pages one health group, and is for admins of this program only', async () => {
    const page = await org.admin.as.get(url('/pairs?health=stalled&pageSize=5'));
    expect(page.body).toMatchObject({ health: 'stalled', total: 1, page: 1, pageSize: 5, items: [{ relationshipId: pairs.stalled }] });
    expect((await org.admin.as.get(url('/pairs?health=sideways'))).status).toBe(400);
    expect((await org.mentor.as.get(url('/dashboard'))).status).toBe(403);
    expect((await org.admin.as.get(`/api/orgs/${org.orgId}/mentoring/programs/${crypto.randomUUID()}/dashboard`)).status).toBe(404);
    const other = await buildProgram(org, { name: 'Another program' });
    expect((await org.admin.as.post(`/api/orgs/${org.orgId}/mentoring/programs/${other}/pairs/${pairs.stalled}/conclude`)).status).toBe(404);
  });

  it('concludes a pair: both told kindly, the counts move', async () => {
    const ended = await org.admin.as.post(url(`/pairs/${pairs.stalled}/conclude`));
    expect(ended.status).toBe(200);
    expect(ended.body.state).toBe('concluded');
    for (const person of [mentors[1]!, mentees[2]!]) {
      const notice = await t.context.db.selectFrom('notices').select('title').where('person_id', '=', person.person.id).where('kind', '=', 'mentoring.concluded').executeTakeFirst();
      expect(notice?.title).toBe('Your mentoring relationship has come to a close');
    }
    const dashboard = (await org.admin.as.get(url('/dashboard'))).body;
    expect(dashboard.pairs.stalled.count).toBe(0);
    expect(dashboard.unmatched.count).toBe(2);
    expect((await org.admin.as.post(url(`/pairs/${pairs.stalled}/conclude`))).status).toBe(409);
  });

  it('re-pairs a mentee with another mentor, or changes nothing when that mentor has no room', async () => {
    const full = await org.admin.as.post(url(`/pairs/${pairs.slipping}/re-pair`), { mentorPersonId: mentors[1]!.person.id });
    expect(full.status).toBe(409);
    expect(full.body.detail).toMatch(/capacity/);
    expect((await org.admin.as.get(`/api/orgs/${org.orgId}/mentoring/relationships/${pairs.slipping}`)).body.state).toBe('active');
    const same = await org.admin.as.post(url(`/pairs/${pairs.slipping}/re-pair`), { mentorPersonId: mentors[0]!.person.id });
    expect(same.status).toBe(400);
    expect(same.body.errors[0].field).toBe('mentorPersonId');

    const moved = await org.admin.as.post(url(`/pairs/${pairs.slipping}/re-pair`), { mentorPersonId: mentors[2]!.person.id });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ state: 'active', mentor: { personId: mentors[2]!.person.id }, mentee: { personId: mentees[1]!.person.id }, health: 'on_track' });
    expect((await org.admin.as.get(`/api/orgs/${org.orgId}/mentoring/relationships/${pairs.slipping}`)).body.state).toBe('concluded');
    const load = (await org.admin.as.get(url('/dashboard'))).body.mentorLoad;
    expect(load.items.map((m: { name: string; active: number }) => [m.name, m.active])).toEqual([['Nadia Mentor', 2], ['Omar Mentor', 1], ['Maya Mentor', 1]]);
  });

  it('keeps each enrollment’s running pairs and wait equal to a recount from the relationships', async () => {
    await org.admin.as.post(url(`/pairs/${pairs.stalled}/conclude`));
    await org.admin.as.post(url(`/pairs/${pairs.slipping}/re-pair`), { mentorPersonId: mentors[2]!.person.id });
    await mentees[3]!.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${pairs.paused}/resume`);
    const enrollments = await t.context.db.selectFrom('enrollments').select(['person_id', 'side', 'running_pairs', 'waiting_since']).where('program_id', '=', programId).execute();
    const relationships = await t.context.db.selectFrom('mentoring_relationships').select(['mentor_person_id', 'mentee_person_id', 'state', 'ended_at']).where('program_id', '=', programId).execute();
    for (const enrollment of enrollments) {
      const mine = relationships.filter((r) => (enrollment.side === 'mentor' ? r.mentor_person_id : r.mentee_person_id) === enrollment.person_id);
      const running = mine.filter((r) => r.state === 'active' || r.state === 'paused').length;
      const lastEnded = mine.filter((r) => r.state === 'concluded').map((r) => r.ended_at!).sort().at(-1) ?? null;
      expect(enrollment.running_pairs).toBe(running);
      expect(enrollment.waiting_since).toBe(enrollment.side === 'mentee' && running === 0 ? lastEnded : null);
    }
    const dashboard = (await org.admin.as.get(url('/dashboard'))).body;
    expect(dashboard.unmatched.items.map((m: { name: string }) => m.name)).toEqual(['Eve Mentee', 'Cleo Mentee']);
  });

  it('keeps the program’s enrollment counts equal to a recount through enrolling, decisions, withdrawal and pairing', async () => {
    const reviewed = await buildProgram(org, { name: 'Reviewed program', enrollmentApproval: 'admin' });
    const at = (rest = '') => `/api/orgs/${org.orgId}/mentoring/programs/${reviewed}${rest}`;
    const recount = async () => {
      const rows = await t.context.db.selectFrom('enrollments').select(['side', 'status', 'running_pairs']).where('program_id', '=', reviewed).execute();
      const n = (side: string, status: string) => rows.filter((r) => r.side === side && r.status === status).length;
      return {
        enrollment: { mentor: { pending: n('mentor', 'pending'), approved: n('mentor', 'approved') }, mentee: { pending: n('mentee', 'pending'), approved: n('mentee', 'approved') } },
        unmatched: rows.filter((r) => r.side === 'mentee' && r.status === 'approved' && r.running_pairs === 0).length,
      };
    };
    const shown = async () => {
      const dashboard = (await org.admin.as.get(at('/dashboard'))).body;
      const detail = (await org.admin.as.get(at())).body;
      expect([detail.mentors, detail.mentees]).toEqual([dashboard.enrollment.mentor.approved, dashboard.enrollment.mentee.approved]);
      const counts = { enrollment: dashboard.enrollment, unmatched: dashboard.unmatched.count };
      expect(counts).toEqual(await recount());
      return counts;
    };
    const enrollmentOf = async (person: MentoringPerson, side: 'mentor' | 'mentee') => (await t.context.db.selectFrom('enrollments').select('id')
      .where('program_id', '=', reviewed).where('person_id', '=', person.person.id).where('side', '=', side).executeTakeFirstOrThrow()).id;

    await enrollIn(org, reviewed, mentors[0]!, 'mentor');
    for (const mentee of mentees.slice(0, 3)) await enrollIn(org, reviewed, mentee, 'mentee');
    expect(await shown()).toEqual({ enrollment: { mentor: { pending: 1, approved: 0 }, mentee: { pending: 3, approved: 0 } }, unmatched: 0 });

    await org.admin.as.post(at(`/enrollments/${await enrollmentOf(mentors[0]!, 'mentor')}/approve`));
    await org.admin.as.post(at(`/enrollments/${await enrollmentOf(mentees[0]!, 'mentee')}/approve`));
    await org.admin.as.post(at(`/enrollments/${await enrollmentOf(mentees[1]!, 'mentee')}/approve`));
    await org.admin.as.post(at(`/enrollments/${await enrollmentOf(mentees[2]!, 'mentee')}/decline`));
    expect(await shown()).toEqual({ enrollment: { mentor: { pending: 0, approved: 1 }, mentee: { pending: 0, approved: 2 } }, unmatched: 2 });

    const paired = await pair(org, reviewed, mentors[0]!, mentees[0]!);
    expect((await shown()).unmatched).toBe(1);
    expect((await mentees[1]!.as.patch(at(`/enrollments/${await enrollmentOf(mentees[1]!, 'mentee')}`), { withdraw: true })).status).toBe(200);
    expect(await shown()).toEqual({ enrollment: { mentor: { pending: 0, approved: 1 }, mentee: { pending: 0, approved: 1 } }, unmatched: 0 });

    await org.admin.as.post(at(`/pairs/${paired}/conclude`));
    expect((await shown()).unmatched).toBe(1);
  });
});
