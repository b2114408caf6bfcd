import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';

/** An instant this many hours from now, as the API takes it. */
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('coaching sessions through the API', () => {
  let t: TestApp;
  let cast: CoachingCast;
  let engagementId: string;
  beforeAll(async () => { t = await createTestApp(); });
  // A fresh cast per test: one coach and client may hold only one open engagement.
  beforeEach(async () => {
    cast = await buildCoachingCast(t);
    engagementId = await buildEngagement(cast);
  });
  afterAll(async () => { await t.close(); });

  const engagementUrl = (rest = '') => `/api/orgs/${cast.orgId}/engagements/${engagementId}${rest}`;
  const sessionUrl = (id: string, rest = '') => `/api/orgs/${cast.orgId}/sessions/${id}${rest}`;
  async function schedule(by: ApiClient, startsInHours: number, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await by.post(engagementUrl('/sessions'), { startsAt: inHours(startsInHours), durationMinutes: 60, ...extra });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }

  it('is scheduled by the coach or the client, in the scheduler’s time zone unless another is given, and listed as upcoming or past', async () => {
    const day = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const created = await cast.as.client.post(engagementUrl('/sessions'), { startsAt: `${day}T09:30:00+01:00`, durationMinutes: 90, location: 'https://meet.example/abc' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      startsAt: `${day}T08:30:00.000Z`, endsAt: `${day}T10:00:00.000Z`, durationMinutes: 90, timeZone: 'Europe/London',
      location: 'https://meet.example/abc', status: 'scheduled', focus: null, coach: { name: 'Cora Coach' }, client: { name: 'Cliff Client' },
    });
    expect(created.body.availableActions).toEqual(['reschedule', 'cancel', 'set_focus']);
    const byCoach = await cast.as.coach.post(engagementUrl('/sessions'), { startsAt: inHours(-48), durationMinutes: 45, timeZone: 'America/New_York' });
    expect(byCoach.status).toBe(201);
    expect(byCoach.body.timeZone).toBe('America/New_York');
    expect(byCoach.body.availableActions).toEqual(['reschedule', 'record_attendance']);

    const upcoming = await cast.as.coach.get(engagementUrl('/sessions?when=upcoming'));
    expect(upcoming.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    const past = await cast.as.client.get(engagementUrl('/sessions?when=past'));
    expect(past.body.items.map((s: { id: string }) => s.id)).toEqual([byCoach.body.id]);
    expect((await cast.as.client.get(engagementUrl('/sessions'))).body.items).toHaveLength(2);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: 'tomorrow', durationMinutes: 60 }, 'startsAt'],
      [{ startsAt: '2030-01-15T09:30:00', durationMinutes: 60 }, 'startsAt'],
      [{ startsAt: inHours(24), durationMinutes: 10 }, 'durationMinutes'],
      [{ startsAt: inHours(24), durationMinutes: 481 }, 'durationMinutes'],
      [{ startsAt: inHours(24), durationMinutes: '60' }, 'durationMinutes'],
      [{ startsAt: inHours(24), durationMinutes: 60, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ startsAt: inHours(24), durationMinutes: 60, location: 'x'.repeat(501) }, 'location'],
      [{ startsAt: inHours(24), durationMinutes: 60, colour: 'blue' }, 'colour'],
      [{ durationMinutes: 60 }, 'startsAt'],
      [{ startsAt: inHours(-24 * 100), durationMinutes: 60 }, 'startsAt'],
      [{ startsAt: inHours(24 * 800), durationMinutes: 60 }, 'startsAt'],
    ];
    for (const [body, field] of cases) {
      const response = await cast.as.coach.post(engagementUrl('/sessions'), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    expect((await cast.as.coach.get(engagementUrl('/sessions'))).body.items).toHaveLength(0);
  });

  it('is scheduled only by the coach or the client, and only once the agreement holds', async () => {
    const body = { startsAt: inHours(72), durationMinutes: 60 };
    const sponsor = await cast.as.sponsor.post(engagementUrl('/sessions'), body);
    expect(sponsor.status).toBe(403);
    expect((await cast.as.admin.post(engagementUrl('/sessions'), body)).status).toBe(403);
    const outsider = await cast.as.outsider.post(engagementUrl('/sessions'), body);
    expect(outsider.status).toBe(404);
    expect(outsider.body.detail).toBe('Engagement was not found.');

    await cast.as.client.post(engagementUrl('/end-early'), { reason: 'Moved on' });
    const ended = await cast.as.coach.post(engagementUrl('/sessions'), body);
    expect(ended.status).toBe(409);
    expect(ended.body.detail).toMatch(/ended early/);
  });

  it('is rescheduled only while scheduled; cancelled a day or more ahead it is cancelled, closer than 24 hours it is a late cancellation', async () => {
    const early = await schedule(cast.as.coach, 72);
    const moved = await cast.as.client.post(sessionUrl(early, '/reschedule'), { startsAt: inHours(96), location: 'Room 4' });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.startsAt)).toBeGreaterThan(Date.now() + 95 * 3_600_000);
    expect(moved.body.location).toBe('Room 4');
    const onTime = await cast.as.client.post(sessionUrl(early, '/cancel'), { reason: 'Travelling' });
    expect(onTime.status).toBe(200);
    expect(onTime.body.status).toBe('cancelled');
    expect(onTime.body.cancellation).toMatchObject({ by: { name: 'Cliff Client' }, reason: 'Travelling', late: false });
    expect(onTime.body.availableActions).toEqual([]);

    const again = await cast.as.coach.post(sessionUrl(early, '/cancel'), { reason: 'Twice' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/only a scheduled session can be cancelled/);
    const reschedule = await cast.as.coach.post(sessionUrl(early, '/reschedule'), { startsAt: inHours(100) });
    expect(reschedule.status).toBe(409);
    expect(reschedule.body.detail).toMatch(/only a scheduled session can be rescheduled/);

    const soon = await schedule(cast.as.client, 3);
    const late = await cast.as.coach.post(sessionUrl(soon, '/cancel'), { reason: 'Ill' });
    expect(late.body.status).toBe('late_cancelled');
    expect(late.body.cancellation.late).toBe(true);

    const blank = await cast.as.coach.post(sessionUrl(await schedule(cast.as.coach, 30), '/cancel'), { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0]).toEqual({ field: 'reason', message: 'must not be blank' });
    expect((await cast.as.sponsor.post(sessionUrl(soon, '/cancel'), { reason: 'No' })).status).toBe(403);
  });

  it('is recorded as held or a no-show by the coach, once it has started', async () => {
    const started = await schedule(cast.as.coach, -1);
    const ahead = await schedule(cast.as.coach, 5);
    const tooEarly = await cast.as.coach.post(sessionUrl(ahead, '/attendance'), { status: 'held' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.detail).toMatch(/not started yet/);
    expect((await cast.as.client.post(sessionUrl(started, '/attendance'), { status: 'held' })).status).toBe(403);
    expect((await cast.as.coach.post(sessionUrl(started, '/attendance'), { status: 'late' })).status).toBe(400);
    const noShow = await cast.as.coach.post(sessionUrl(started, '/attendance'), { status: 'no_show' });
    expect(noShow.status).toBe(200);
    expect(noShow.body.status).toBe('no_show');
    const twice = await cast.as.coach.post(sessionUrl(started, '/attendance'), { status: 'held' });
    expect(twice.status).toBe(409);
    const over = await schedule(cast.as.coach, -3);
    const cancelOver = await cast.as.client.post(sessionUrl(over, '/cancel'), { reason: 'Forgot' });
    expect(cancelOver.status).toBe(409);
    expect(cancelOver.body.detail).toMatch(/over/);
  });

  it('takes its focus from the client only, until it ends, and the coach sees it in advance', async () => {
    const next = await schedule(cast.as.coach, 30);
    const byCoach = await cast.as.coach.put(sessionUrl(next, '/focus'), { focus: 'What the coach wants' });
    expect(byCoach.status).toBe(403);
    expect(byCoach.body.detail).toMatch(/setFocus/);
    const set = await cast.as.client.put(sessionUrl(next, '/focus'), { focus: 'Delegating to my two leads' });
    expect(set.status).toBe(200);
    expect(set.body.focus).toBe('Delegating to my two leads');
    expect(set.body.focusSetAt).toBeTruthy();
    const coachView = await cast.as.coach.get(sessionUrl(next));
    expect(coachView.body.focus).toBe('Delegating to my two leads');
    expect((await cast.as.coach.get(engagementUrl('/sessions?when=upcoming'))).body.items[0].focus).toBe('Delegating to my two leads');

    const running = await schedule(cast.as.coach, -0.25);
    const atStart = await cast.as.client.put(sessionUrl(running, '/focus'), { focus: 'Changed my mind: the budget talk' });
    expect(atStart.status).toBe(200);
    const ended = await schedule(cast.as.coach, -2);
    const late = await cast.as.client.put(sessionUrl(ended, '/focus'), { focus: 'Too late' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/ended/);
    expect((await cast.as.client.put(sessionUrl(next, '/focus'), { focus: 'x'.repeat(2001) })).body.errors[0].field).toBe('focus');
    expect((await cast.as.sponsor.get(sessionUrl(next))).status).toBe(403);
    expect((await cast.as.admin.get(sessionUrl(next))).status).toBe(403);
  });

  it('is rated 1–5 by the client once held; rating again replaces the rating', async () => {
    const id = await schedule(cast.as.coach, -2);
    const notYet = await cast.as.client.put(sessionUrl(id, '/rating'), { rating: 5 });
    expect(notYet.status).toBe(409);
    expect(notYet.body.detail).toMatch(/only a held session can be rated/);
    await cast.as.coach.post(sessionUrl(id, '/attendance'), { status: 'held' });
    expect((await cast.as.coach.put(sessionUrl(id, '/rating'), { rating: 5 })).status).toBe(403);
    for (const rating of [0, 6, 4.5, '5']) {
      const bad = await cast.as.client.put(sessionUrl(id, '/rating'), { rating });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('rating');
    }
    const rated = await cast.as.client.put(sessionUrl(id, '/rating'), { rating: 4, comment: 'Useful questions' });
    expect(rated.body.rating).toMatchObject({ rating: 4, comment: 'Useful questions' });
    const edited = await cast.as.client.put(sessionUrl(id, '/rating'), { rating: 5 });
    expect(edited.body.rating).toMatchObject({ rating: 5, comment: '' });
    const coachSees = await cast.as.coach.get(sessionUrl(id));
    expect(coachSees.body.rating.rating).toBe(5);
  });

  it('keeps a shared record: notes by either, observations and questions by the coach only', async () => {
    const id = await schedule(cast.as.coach, -1);
    expect((await cast.as.client.post(sessionUrl(id, '/notes'), { kind: 'note', body: 'I will talk to Sam first' })).status).toBe(201);
    const clientObservation = await cast.as.client.post(sessionUrl(id, '/notes'), { kind: 'observation', body: 'Not mine to make' });
    expect(clientObservation.status).toBe(403);
    expect(clientObservation.body.detail).toMatch(/Only the coach records observations/);
    expect((await cast.as.client.post(sessionUrl(id, '/notes'), { kind: 'question', body: 'x' })).status).toBe(403);
    const observation = await cast.as.coach.post(sessionUrl(id, '/notes'), { kind: 'observation', body: 'Spoke faster when budgets came up' });
    expect(observation.status).toBe(201);
    expect(observation.body).toMatchObject({ kind: 'observation', author: { name: 'Cora Coach' } });
    expect((await cast.as.coach.post(sessionUrl(id, '/notes'), { kind: 'question', body: 'What would a great outcome look like?' })).status).toBe(201);
    expect((await cast.as.coach.post(sessionUrl(id, '/notes'), { kind: 'gossip', body: 'x' })).body.errors[0].field).toBe('kind');
    expect((await cast.as.sponsor.post(sessionUrl(id, '/notes'), { kind: 'note', body: 'x' })).status).toBe(403);

    const list = await cast.as.client.get(sessionUrl(id, '/notes'));
    expect(list.body.items.map((n: { kind: string }) => n.kind)).toEqual(['note', 'observation', 'question']);
    const detail = await cast.as.coach.get(sessionUrl(id));
    expect(detail.body.notes).toHaveLength(3);
    expect((await cast.as.sponsor.get(sessionUrl(id, '/notes'))).status).toBe(403);
    expect((await cast.as.admin.get(sessionUrl(id, '/notes'))).status).toBe(403);
    expect((await cast.as.outsider.get(sessionUrl(id, '/notes'))).status).toBe(404);
  });

  it('reviews, at each session, the open action items and those finished since the previous session', async () => {
    const first = await schedule(cast.as.coach, -24 * 14);
    await cast.as.coach.post(sessionUrl(first, '/attendance'), { status: 'held' });
    const item = (title: string, sessionId: string | null) => cast.as.coach.post(engagementUrl('/action-items'), { title, ownerPersonId: cast.client.id, sessionId });
    const doneLongAgo = (await item('Read the book', null)).body.id;
    await cast.as.client.post(`/api/orgs/${cast.orgId}/action-items/${doneLongAgo}/status`, { status: 'done' });
    // Finished before the previous session began: out of the next review.
    await t.context.db.updateTable('action_items').set({ completed_at: new Date(Date.now() - 20 * 86_400_000).toISOString() }).where('id', '=', doneLongAgo).execute();
    const open = (await item('Ask Sam for feedback', first)).body.id;
    const doneSince = (await item('Draft the plan', first)).body.id;
    await cast.as.client.post(`/api/orgs/${cast.orgId}/action-items/${doneSince}/status`, { status: 'done' });

    const second = await schedule(cast.as.client, 24);
    const fromSecond = (await item('Book the offsite', second)).body.id;
    const detail = await cast.as.client.get(sessionUrl(second));
    expect(detail.body.previousSessionId).toBe(first);
    expect(detail.body.actionItemReview.map((i: { id: string }) => i.id).sort()).toEqual([open, doneSince].sort());
    expect(detail.body.actionItemsFromSession.map((i: { id: string }) => i.id)).toEqual([fromSecond]);
  });

  it('answers 404 for sessions of other engagements and organizations', async () => {
    const id = await schedule(cast.as.coach, 24);
    const other = await buildCoachingCast(t);
    const foreignEngagement = await buildEngagement(other);
    const foreignSession = (await other.as.coach.post(`/api/orgs/${other.orgId}/engagements/${foreignEngagement}/sessions`, { startsAt: inHours(24), durationMinutes: 60 })).body.id;
    const viaWrongOrg = await cast.as.coach.get(sessionUrl(foreignSession));
    expect(viaWrongOrg.status).toBe(404);
    expect(viaWrongOrg.body.detail).toBe('Session was not found.');
    expect((await other.as.coach.get(`/api/orgs/${other.orgId}/sessions/${id}`)).status).toBe(404);
    expect((await cast.as.coach.post(sessionUrl(foreignSession, '/cancel'), { reason: 'x' })).status).toBe(404);
    expect((await cast.as.coach.get(sessionUrl('not-a-uuid'))).body.errors[0].field).toBe('path.sessionId');
  });

  it('shows the sponsor attendance (dates and status, no content) only when the accepted agreement shares it', async () => {
    const id = await schedule(cast.as.coach, -2);
    await cast.as.coach.post(sessionUrl(id, '/attendance'), { status: 'held' });
    const hidden = await cast.as.sponsor.get(engagementUrl('/attendance'));
    expect(hidden.status).toBe(403);
    expect(hidden.body.detail).toMatch(/does not share session attendance/);
    expect((await cast.as.admin.get(engagementUrl('/attendance'))).status).toBe(403);
    expect((await cast.as.client.get(engagementUrl('/attendance'))).status).toBe(200);

    const shared = await buildCoachingCast(t);
    const sharedEngagement = await buildEngagement(shared, { terms: { sponsorVisibility: 'goals_progress_attendance' } });
    const session = await shared.as.client.post(`/api/orgs/${shared.orgId}/engagements/${sharedEngagement}/sessions`, { startsAt: inHours(-1), durationMinutes: 30 });
    await shared.as.client.put(`/api/orgs/${shared.orgId}/sessions/${session.body.id}/focus`, { focus: 'Confidential focus text' });
    const seen = await shared.as.sponsor.get(`/api/orgs/${shared.orgId}/engagements/${sharedEngagement}/attendance`);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([{ sessionId: session.body.id, startsAt: session.body.startsAt, durationMinutes: 30, status: 'scheduled' }]);
    expect(JSON.stringify(seen.body)).not.toContain('Confidential focus text');
    expect((await shared.as.sponsor.get(`/api/orgs/${shared.orgId}/sessions/${session.body.id}`)).status).toBe(403);
    expect((await shared.as.sponsor.get(`/api/orgs/${shared.orgId}/engagements/${sharedEngagement}/sessions`)).status).toBe(403);
  });
});
