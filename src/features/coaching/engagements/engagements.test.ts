import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { agreementTerms, buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';

describe('engagement lifecycle through the API', () => {
  let t: TestApp;
  let cast: CoachingCast;
  beforeAll(async () => { t = await createTestApp(); });
  // A fresh cast per test: one coach and client may hold only one open engagement.
  beforeEach(async () => { cast = await buildCoachingCast(t); });
  afterAll(async () => { await t.close(); });

  const url = (id: string, rest = '') => `/api/orgs/${cast.orgId}/engagements/${id}${rest}`;

  it('becomes agreed only when coach, client and sponsor have all accepted the same version', async () => {
    const id = await buildEngagement(cast, { until: 'proposed' });
    const coachAccept = await cast.as.coach.post(url(id, '/agreement/accept'), { version: 1 });
    expect(coachAccept.status).toBe(400);
    expect(coachAccept.body.errors[0].field).toBe('ethicsAcknowledged');
    expect((await cast.as.coach.post(url(id, '/agreement/accept'), { version: 1, ethicsAcknowledged: true })).body.state).toBe('proposed');
    expect((await cast.as.client.post(url(id, '/agreement/accept'), { version: 1 })).body.state).toBe('proposed');
    const last = await cast.as.sponsor.post(url(id, '/agreement/accept'), { version: 1 });
    expect(last.status).toBe(200);
    expect(last.body.state).toBe('agreed');
    expect(last.body.agreement.fullyAccepted).toBe(true);
    expect(last.body.history.map((h: { event: string }) => h.event)).toEqual(['propose', 'all_accepted']);
  });

  it('needs re-acceptance after the agreement changes, and refuses acceptance of a stale version', async () => {
    const id = await buildEngagement(cast, { until: 'agreed' });
    const amended = await cast.as.coach.put(url(id, '/agreement'), agreementTerms({ plannedSessions: 8 }));
    expect(amended.status).toBe(200);
    expect(amended.body.state).toBe('proposed');
    expect(amended.body.agreement.version).toBe(2);
    expect(amended.body.agreement.fullyAccepted).toBe(false);
    const stale = await cast.as.client.post(url(id, '/agreement/accept'), { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/version 2/);
  });

  it('refuses moves the lifecycle table does not allow, with 409 and a clear message', async () => {
    const id = await buildEngagement(cast, { until: 'proposed' });
    const start = await cast.as.coach.post(url(id, '/start'));
    expect(start.status).toBe(409);
    expect(start.body.detail).toMatch(/proposed cannot start/);
    const noReason = await cast.as.client.post(url(id, '/end-early'), { reason: ' ' });
    expect(noReason.status).toBe(409);
    const ended = await cast.as.client.post(url(id, '/end-early'), { reason: 'Changed roles' });
    expect(ended.body.state).toBe('ended_early');
    expect(ended.body.endedReason).toBe('Changed roles');
    expect((await cast.as.coach.post(url(id, '/start'))).status).toBe(409);
  });

  it('hides an engagement from members who take no part in it, as if it did not exist', async () => {
    const id = await buildEngagement(cast, { until: 'proposed' });
    const peek = await cast.as.outsider.get(url(id));
    expect(peek.status).toBe(404);
    expect(peek.body.detail).toBe('Engagement was not found.');
  });
});
