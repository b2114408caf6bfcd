import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';
import { buildMember, signedIn } from '../../../../test/support/factories.ts';

interface ParsedEvent { uid: string; summary: string; location: string | null; status: string | null; start: Date; end: Date; startUtc: boolean; raw: string }

/** Parses a feed with ical.js, as a calendar application would. */
function parseFeed(text: string): { name: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid, summary: event.summary, location: (vevent.getFirstPropertyValue('location') as string | null) ?? null,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      start: event.startDate.toJSDate(), end: event.endDate.toJSDate(), startUtc: event.startDate.zone?.tzid === 'UTC', raw: vevent.toString(),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname') as string | null, events };
}

describe('calendar feeds', () => {
  let t: TestApp;
  let cast: CoachingCast;
  let engagementId: string;
  beforeAll(async () => {
    t = await createTestApp();
    cast = await buildCoachingCast(t);
    engagementId = await buildEngagement(cast);
  });
  afterAll(async () => { await t.close(); });

  const feedPath = (url: string) => new URL(url).pathname;
  const schedule = async (as: ApiClient, startsAt: string, extra: Record<string, unknown> = {}) =>
    (await as.post(`/api/orgs/${cast.orgId}/engagements/${engagementId}/sessions`, { startsAt, durationMinutes: 90, ...extra })).body.id as string;
  const soon = (days: number, time = '09:30:00+01:00') => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

  it('gives each person a secret URL once, serving their sessions as iCalendar in UTC, without focus or notes', async () => {
    const first = await schedule(cast.as.client, soon(10), { location: 'https://video.example/room', timeZone: 'Europe/Lisbon' });
    const cancelled = await schedule(cast.as.coach, soon(12, '14:00:00Z'));
    await cast.as.client.post(`/api/orgs/${cast.orgId}/sessions/${cancelled}/cancel`, { reason: 'Holiday' });
    await cast.as.client.put(`/api/orgs/${cast.orgId}/sessions/${first}/focus`, { focus: 'FOCUS-TEXT-do-not-publish' });
    await cast.as.coach.post(`/api/orgs/${cast.orgId}/sessions/${first}/notes`, { kind: 'note', body: 'NOTE-TEXT-do-not-publish' });

    expect((await cast.as.client.get(`/api/orgs/${cast.orgId}/calendar-feed`)).body).toEqual({ active: false, createdAt: null });
    const made = await cast.as.client.post(`/api/orgs/${cast.orgId}/calendar-feed`);
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/^http:\/\/cairn\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.body.webcalUrl).toBe(made.body.url.replace('http:', 'webcal:'));
    expect(made.headers['cache-control']).toBe('no-store');
    const token = /calendar\/(.+)\.ics$/.exec(made.body.url)![1]!;
    const status = await cast.as.client.get(`/api/orgs/${cast.orgId}/calendar-feed`);
    expect(status.body.active).toBe(true);
    expect(JSON.stringify(status.body)).not.toContain(token);
    // Only the hash of the token is stored.
    const stored = await t.context.db.selectFrom('calendar_feeds').selectAll().where('person_id', '=', cast.client.id).execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const feed = await t.client().get(feedPath(made.body.url));
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = String(feed.body);
    expect(text).not.toContain('FOCUS-TEXT');
    expect(text).not.toContain('NOTE-TEXT');
    const parsed = parseFeed(text);
    expect(parsed.events).toHaveLength(2);
    const held = parsed.events.find((e) => e.uid === `${first}@cairn`)!;
    expect(held.summary).toBe('Coaching: Cora Coach');
    expect(held.location).toBe('https://video.example/room');
    expect(held.status).toBe('CONFIRMED');
    expect(held.startUtc).toBe(true);
    expect(held.start.toISOString()).toBe(`${soon(10).slice(0, 10)}T08:30:00.000Z`);
    expect(held.end.getTime() - held.start.getTime()).toBe(90 * 60_000);
    const gone = parsed.events.find((e) => e.uid === `${cancelled}@cairn`)!;
    expect(gone.status).toBe('CANCELLED');
    expect(gone.start.toISOString()).toBe(`${soon(12).slice(0, 10)}T14:00:00.000Z`);

    const coachFeed = await cast.as.coach.post(`/api/orgs/${cast.orgId}/calendar-feed`);
    const coachEvents = parseFeed(String((await t.client().get(feedPath(coachFeed.body.url))).body)).events;
    expect(coachEvents.map((e) => e.summary)).toEqual(['Coaching: Cliff Client', 'Coaching: Cliff Client']);
    // The sponsor does not attend sessions: the sponsor's feed is empty.
    const sponsorFeed = await cast.as.sponsor.post(`/api/orgs/${cast.orgId}/calendar-feed`);
    expect(parseFeed(String((await t.client().get(feedPath(sponsorFeed.body.url))).body)).events).toEqual([]);
  });

  it('stops working when revoked or replaced, and for unknown tokens, with 404', async () => {
    const first = await cast.as.coach.post(`/api/orgs/${cast.orgId}/calendar-feed`);
    const rotated = await cast.as.coach.post(`/api/orgs/${cast.orgId}/calendar-feed`);
    expect(rotated.body.url).not.toBe(first.body.url);
    const old = await t.client().get(feedPath(first.body.url));
    expect(old.status).toBe(404);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect((await t.client().get(feedPath(rotated.body.url))).status).toBe(200);

    const revoked = await cast.as.coach.delete(`/api/orgs/${cast.orgId}/calendar-feed`);
    expect(revoked.body).toEqual({ ok: true });
    expect((await t.client().get(feedPath(rotated.body.url))).status).toBe(404);
    expect((await cast.as.coach.get(`/api/orgs/${cast.orgId}/calendar-feed`)).body.active).toBe(false);
    expect((await t.client().get('/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
    expect((await t.client().get('/api/calendar/short.ics')).status).toBe(400);
  });

  it('stops serving a person who is no longer an active member, and keeps one organization’s feed to it', async () => {
    const extra = await buildMember(t, cast.orgId, ['member'], { name: 'Leaving Person' });
    const as = await signedIn(t, extra);
    const made = await as.post(`/api/orgs/${cast.orgId}/calendar-feed`);
    expect((await t.client().get(feedPath(made.body.url))).status).toBe(200);
    await t.context.db.updateTable('memberships').set({ status: 'deactivated', deactivated_at: new Date().toISOString() })
      .where('org_id', '=', cast.orgId).where('person_id', '=', extra.id).execute();
    expect((await t.client().get(feedPath(made.body.url))).status).toBe(404);

    // The client's feed in another organization does not carry this organization's sessions.
    const other = await buildCoachingCast(t);
    const otherFeed = await other.as.client.post(`/api/orgs/${other.orgId}/calendar-feed`);
    expect(parseFeed(String((await t.client().get(feedPath(otherFeed.body.url))).body)).events).toEqual([]);
  });
});
