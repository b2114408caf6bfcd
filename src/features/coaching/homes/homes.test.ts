import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';
import { expectServedKept, expectWatchesWhatItReads } from '../../../../test/support/answer-cache.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { clientHome, coachHome, keptClientHomes, keptCoachHomes } from './service.ts';

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('coaching homes', () => {
  let t: TestApp;
  let cast: CoachingCast;
  let engagementId: string;

  async function addSession(startsAt: string, focus: string | null = null) {
    const id = newId();
    await t.context.db.insertInto('coaching_sessions').values({
      id, org_id: cast.orgId, engagement_id: engagementId, starts_at: startsAt, duration_minutes: 60, time_zone: 'UTC', location: 'Room 4', status: 'scheduled',
      focus, focus_set_at: focus ? nowIso() : null, cancelled_by_person_id: null, cancelled_at: null, cancel_reason: null, rating: null, rating_comment: null, rated_at: null, created_at: nowIso(),
    }).execute();
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    cast = await buildCoachingCast(t);
    // The coach lives in UTC here so that "today" is the test machine's UTC day.
    await t.context.db.updateTable('people').set({ time_zone: 'UTC' }).where('id', '=', cast.coach.id).execute();
    engagementId = await buildEngagement(cast, { terms: { plannedEndDate: daysFromToday(10), startDate: daysFromToday(-60), sponsorVisibility: 'goals_progress' } });
    await t.context.db.insertInto('goals').values({
      id: newId(), org_id: cast.orgId, engagement_id: engagementId, statement: 'Run calm one-to-ones', measure: 'self-rating', baseline_value: 3, target_value: 8, current_value: 8,
      final_value: null, unit: 'points', why_it_matters: 'Team trust', due_date: null, position: 0, created_at: nowIso(),
    }).execute();
    await t.context.db.insertInto('action_items').values([
      { id: newId(), org_id: cast.orgId, engagement_id: engagementId, session_id: null, title: 'Draft the team charter', owner_person_id: cast.client.id, due_date: daysFromToday(-2), status: 'open', completed_at: null, created_at: nowIso() },
      { id: newId(), org_id: cast.orgId, engagement_id: engagementId, session_id: null, title: 'Already done', owner_person_id: cast.client.id, due_date: daysFromToday(-5), status: 'done', completed_at: nowIso(), created_at: nowIso() },
    ]).execute();
  });
  afterAll(async () => { await t.close(); });

  it('shows the client the next session with a focus prompt, goals and open action items', async () => {
    await addSession(hoursFromNow(-48));
    const next = await addSession(hoursFromNow(30));
    await addSession(hoursFromNow(24 * 9));
    const home = await cast.as.client.get(`/api/orgs/${cast.orgId}/coaching/home/client`);
    expect(home.status).toBe(200);
    expect(home.body.nextSession).toMatchObject({ id: next, needsFocus: true, coachName: 'Cora Coach' });
    expect(home.body.goals).toEqual([expect.objectContaining({ statement: 'Run calm one-to-ones', met: true, progress: 1 })]);
    expect(home.body.openActionItems.map((a: { title: string }) => a.title)).toEqual(['Draft the team charter']);
  });

  it('shows the coach the week ahead, overdue actions and engagements to close or near their end', async () => {
    const home = await cast.as.coach.get(`/api/orgs/${cast.orgId}/coaching/home/coach`);
    expect(home.status).toBe(200);
    const all = [...home.body.todaysSessions, ...home.body.upcomingSessions];
    expect(all).toHaveLength(1);
    expect(all[0].clientName).toBe('Cliff Client');
    expect(home.body.overdueActionItems.map((a: { title: string }) => a.title)).toEqual(['Draft the team charter']);
    expect(home.body.attention).toEqual([expect.objectContaining({ engagementId, reason: 'all_goals_met' })]);
    expect(home.body.clients).toHaveLength(1);
    // A client is not a coach: the coach home is not theirs.
    expect((await cast.as.client.get(`/api/orgs/${cast.orgId}/coaching/home/coach`)).status).toBe(403);
  });

  it('shows the sponsor goals and progress, but not attendance, under a goals-and-progress agreement', async () => {
    const view = await cast.as.sponsor.get(`/api/orgs/${cast.orgId}/coaching/home/sponsor`);
    expect(view.status).toBe(200);
    expect(view.body.items).toHaveLength(1);
    const [item] = view.body.items;
    expect(item.sharing).toBe('goals_progress');
    expect(item.goals.map((g: { statement: string }) => g.statement)).toEqual(['Run calm one-to-ones']);
    expect(item.attendance).toBeNull();
    expect(JSON.stringify(view.body)).not.toContain('Room 4');
    expect(JSON.stringify(view.body)).not.toContain('Draft the team charter');
  });

  it('keeps a coach’s running engagement on the home behind years of finished ones', async () => {
    // Two hundred finished engagements, all newer than the running one (a person's list stops at 200).
    await t.context.db.insertInto('engagements').values(Array.from({ length: 200 }, (_, i) => ({
      id: newId(), org_id: cast.orgId, coach_person_id: cast.coach.id, client_person_id: cast.outsider.id, sponsor_person_id: null, state: 'completed',
      title: `Finished ${i}`, created_by_person_id: cast.admin.id, ended_reason: null, ended_by_person_id: null, client_reflection: 'Done', coach_reflection: 'Done',
      client_evaluation_rating: 5, client_evaluation_comment: '', created_at: hoursFromNow(1 + i), updated_at: hoursFromNow(1 + i), closed_at: hoursFromNow(1 + i),
    }))).execute();
    const home = await cast.as.coach.get(`/api/orgs/${cast.orgId}/coaching/home/coach`);
    expect(home.status).toBe(200);
    expect(home.body.clients.map((c: { engagementId: string }) => c.engagementId)).toEqual([engagementId]);
    expect(home.body.attention).toEqual([expect.objectContaining({ engagementId })]);
  });

  it('keeps each home between requests, and shows a change on the very next request', async () => {
    const path = `/api/orgs/${cast.orgId}/coaching/home/coach`;
    const overdueTitles = async () => (await cast.as.coach.get(path)).body.overdueActionItems.map((a: { title: string }) => a.title);
    expect(await overdueTitles()).toContain('Draft the team charter');
    await expectServedKept(() => cast.as.coach.get(path));
    await expectServedKept(() => cast.as.client.get(`/api/orgs/${cast.orgId}/coaching/home/client`));
    await t.context.db.updateTable('action_items').set({ status: 'done', completed_at: nowIso() }).where('title', '=', 'Draft the team charter').execute();
    expect(await overdueTitles()).not.toContain('Draft the team charter');
    await t.context.db.updateTable('action_items').set({ status: 'open', completed_at: null }).where('title', '=', 'Draft the team charter').execute();
    expect(await overdueTitles()).toContain('Draft the team charter');
  });

  it('keeps homes watching every table they read', async () => {
    const { db } = t.context;
    await expectWatchesWhatItReads(keptCoachHomes, () => coachHome(db, cast.orgId, cast.coach.id));
    await expectWatchesWhatItReads(keptClientHomes, () => clientHome(db, cast.orgId, cast.client.id));
  });
});
