import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../test/support/coaching.ts';
import { tokenFromLink } from '../../../test/support/mail.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import { addDays } from '../../domain/time-zones.ts';
import { closeDueRounds, sendDueReminders } from './rounds.ts';

const today = () => new Date().toISOString().slice(0, 10);
const answersAll = (value: number, items: { id: string }[]) => Object.fromEntries(items.map((item) => [item.id, value]));

describe('360 feedback rounds', () => {
  let t: TestApp;
  let cast: CoachingCast;
  let engagementId: string;
  const url = (rest: string) => `/api/orgs/${cast.orgId}/feedback${rest}`;

  /** Every link mailed to an address, newest last, read from the real outbox. */
  async function linksTo(email: string): Promise<string[]> {
    const rows = await t.context.db.selectFrom('outbox_messages').select(['body_text', 'org_id']).where('to_email', '=', email).orderBy('created_at').orderBy('id').execute();
    for (const row of rows) expect(row.org_id, 'rater mail is never organization mail (admins read that)').toBeNull();
    return rows.map((row) => tokenFromLink(row.body_text, '/feedback/'));
  }
  const rater = (relationship: string, n: number) => ({ email: `${relationship}.${n}.${Math.random().toString(36).slice(2, 8)}@raters.example`, name: `${relationship} ${n}`, relationship });

  beforeAll(async () => {
    t = await createTestApp();
    cast = await buildCoachingCast(t);
    engagementId = await buildEngagement(cast, { until: 'active' });
  });
  afterAll(async () => { await t.close(); });

  it('runs a round from nomination to report: links by mail, drafts, submissions, reminders to the silent, closing', async () => {
    const created = await cast.as.client.post(url('/rounds'), { closesOn: addDays(today(), 14), engagementId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'collecting', minGroupSize: 3, managerShownAlone: false, yourParts: ['subject'], subject: { personId: cast.client.id }, reportReady: false });
    const roundId = created.body.id;
    const raters = [rater('manager', 1), rater('peer', 1), rater('peer', 2), rater('peer', 3), rater('direct_report', 1), rater('direct_report', 2), rater('other', 1)];
    const added = await cast.as.client.post(url(`/rounds/${roundId}/raters`), { raters });
    expect(added.status).toBe(200);
    expect(added.body.counts).toMatchObject({ invited: 7, responded: 0 });

    const mail = await t.context.db.selectFrom('outbox_messages').selectAll().where('to_email', '=', raters[1]!.email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Cliff Client asked for your feedback');
    expect(mail.body_text).toContain('Your answers are anonymous');
    const tokens = new Map<string, string>();
    for (const r of raters) tokens.set(r.email, (await linksTo(r.email))[0]!);
    // Only the hash of a link is stored.
    const stored = await t.context.db.selectFrom('feedback_raters').select('token_hash').where('round_id', '=', roundId).execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(tokens.get(raters[1]!.email));

    const anonymous = t.client();
    const view = await anonymous.get(`/api/feedback/${tokens.get(raters[1]!.email)}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ subjectName: 'Cliff Client', relationship: 'peer', submitted: false, draft: { answers: {}, comment: '' }, anonymity: { minGroupSize: 3, shownAlone: false } });
    expect(view.body.instrument.instructions).toContain('How often does Cliff Client');
    const items = view.body.instrument.items as { id: string }[];
    expect(items).toHaveLength(26);

    // A draft is saved as the rater goes, checked item by item.
    const token = tokens.get(raters[1]!.email)!;
    expectProblem(await anonymous.put(`/api/feedback/${token}`, { answers: { direction_1: 9 } }), 400, 'answers.direction_1');
    expectProblem(await anonymous.put(`/api/feedback/${token}`, { answers: { nonsense: 3 } }), 400, 'answers.nonsense');
    const drafted = await anonymous.put(`/api/feedback/${token}`, { answers: { direction_1: 4, direction_2: 5 }, comment: 'Draft words' });
    expect(drafted.body.draft).toEqual({ answers: { direction_1: 4, direction_2: 5 }, comment: 'Draft words' });
    expectProblem(await anonymous.post(`/api/feedback/${tokens.get(raters[0]!.email)}/submit`, {}), 400, 'answers');

    // Four raters answer; the submission is unlinked and the link no longer shows it.
    for (const r of [raters[1]!, raters[2]!, raters[3]!, raters[4]!]) {
      const sent = await anonymous.post(`/api/feedback/${tokens.get(r.email)}/submit`, { answers: answersAll(4, items), comment: `From the ${r.relationship}` });
      expect(sent.status).toBe(200);
    }
    const after = await anonymous.get(`/api/feedback/${token}`);
    expect(after.body).toMatchObject({ submitted: true, draft: null });
    expectProblem(await anonymous.put(`/api/feedback/${token}`, { answers: { direction_1: 1 } }), 409);
    expectProblem(await anonymous.post(`/api/feedback/${token}/submit`, { answers: { direction_1: 1 } }), 409);
    const rows = await t.context.db.selectFrom('feedback_responses').selectAll().where('round_id', '=', roundId).execute();
    expect(rows).toHaveLength(4);
    expect(Object.keys(rows[0]!).sort()).toEqual(['answers', 'comment', 'id', 'org_id', 'relationship', 'round_id']);

    const detail = await cast.as.client.get(url(`/rounds/${roundId}`));
    expect(detail.body.counts).toMatchObject({ invited: 7, responded: 4 });
    expect(detail.body.raters.filter((r: { responded: boolean }) => r.responded).map((r: { email: string }) => r.email).sort()).toEqual([raters[1]!, raters[2]!, raters[3]!, raters[4]!].map((r) => r.email).sort());
    expectProblem(await cast.as.client.get(url(`/rounds/${roundId}/report`)), 409);

    // Reminders go to the three who have not answered, each with a new link; the old one stops working.
    const reminded = await cast.as.coach.post(url(`/rounds/${roundId}/remind`));
    expect(reminded.body).toEqual({ reminded: 3, skipped: 0 });
    for (const r of raters) {
      const links = await linksTo(r.email);
      const silent = [raters[0]!, raters[5]!, raters[6]!].includes(r);
      expect(links, r.email).toHaveLength(silent ? 2 : 1);
      if (silent) {
        expectProblem(await anonymous.get(`/api/feedback/${links[0]}`), 404);
        expect((await anonymous.get(`/api/feedback/${links[1]}`)).status).toBe(200);
        tokens.set(r.email, links[1]!);
      }
    }
    expect((await cast.as.client.post(url(`/rounds/${roundId}/remind`))).body).toEqual({ reminded: 0, skipped: 3 });

    // The subject rates themselves; only they may.
    expectProblem(await cast.as.coach.put(url(`/rounds/${roundId}/self-assessment`), { answers: { direction_1: 5 } }), 403);
    const self = await cast.as.client.put(url(`/rounds/${roundId}/self-assessment`), { answers: answersAll(5, items), submit: true });
    expect(self.body.selfAssessment).toMatchObject({ answered: 26, submitted: true });
    expect((await cast.as.coach.get(url(`/rounds/${roundId}`))).body.selfAssessment.answers).toBeNull();

    // A rater with a draft who never submits: the draft is discarded at closing, never counted.
    await anonymous.put(`/api/feedback/${tokens.get(raters[5]!.email)}`, { answers: { direction_1: 1 } });
    const closed = await cast.as.client.post(url(`/rounds/${roundId}/close`));
    expect(closed.body).toMatchObject({ state: 'closed', reportReady: true });
    expectProblem(await anonymous.get(`/api/feedback/${tokens.get(raters[5]!.email)}`), 410);
    expectProblem(await anonymous.put(`/api/feedback/${tokens.get(raters[5]!.email)}`, { answers: { direction_1: 2 } }), 410);
    const drafts = await t.context.db.selectFrom('feedback_raters').select(['draft_answers', 'draft_comment']).where('round_id', '=', roundId).execute();
    expect(drafts.every((d) => d.draft_answers === '{}' && d.draft_comment === '')).toBe(true);
    expectProblem(await cast.as.client.post(url(`/rounds/${roundId}/raters`), { raters: [rater('peer', 9)] }), 409);

    // Peers (3) shown; one direct report, no other, no manager answered: 1 response held back.
    const report = await cast.as.coach.get(url(`/rounds/${roundId}/report`));
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ responses: 4, withheldResponses: 1, groups: [{ group: 'peer', responses: 3 }] });
    expect(report.body.competencies[0]).toMatchObject({ id: 'direction', self: 5, others: { mean: 4, n: 3 }, gap: 1 });
    expect(report.body.blindSpots).toHaveLength(3);
    expect([...report.body.comments].sort()).toEqual(['From the peer', 'From the peer', 'From the peer']);
  });

  it('checks nominations: not the subject, not twice, a real relationship', async () => {
    const { body: round } = await cast.as.client.post(url('/rounds'), { closesOn: addDays(today(), 7) });
    expectProblem(await cast.as.client.post(url(`/rounds/${round.id}/raters`), { raters: [{ email: cast.client.email, relationship: 'peer' }] }), 400, 'raters.0.email');
    const one = rater('peer', 1);
    expect((await cast.as.client.post(url(`/rounds/${round.id}/raters`), { raters: [one] })).status).toBe(200);
    expectProblem(await cast.as.client.post(url(`/rounds/${round.id}/raters`), { raters: [{ ...one, email: one.email.toUpperCase() }] }), 400, 'raters.0.email');
    expectProblem(await cast.as.client.post(url(`/rounds/${round.id}/raters`), { raters: [{ email: 'x@raters.example', relationship: 'friend' }] }), 400, 'raters.0.relationship');
    expectProblem(await cast.as.client.post(url('/rounds'), { closesOn: addDays(today(), -2) }), 400, 'closesOn');
    expectProblem(await cast.as.client.post(url('/rounds'), { closesOn: addDays(today(), 7), instrumentId: 'wheel-of-life' }), 400, 'instrumentId');
    const listed = await cast.as.client.get(url(`/rounds/${round.id}`));
    const removed = await cast.as.client.delete(url(`/rounds/${round.id}/raters/${listed.body.raters[0].id}`));
    expect(removed.body.raters).toEqual([]);
  });

  it('lets a coach start a round for the client of their engagement; nobody else sees it', async () => {
    expectProblem(await cast.as.outsider.post(url('/rounds'), { closesOn: addDays(today(), 7), engagementId }), 400, 'engagementId');
    const created = await cast.as.coach.post(url('/rounds'), { closesOn: addDays(today(), 7), engagementId, title: 'Mid-engagement 360' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ subject: { personId: cast.client.id }, yourParts: ['coach'], title: 'Mid-engagement 360' });
    expect((await cast.as.client.get(url('/rounds'))).body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    expect((await cast.as.coach.get(url('/rounds'))).body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    for (const other of [cast.as.admin, cast.as.sponsor, cast.as.outsider]) {
      expectProblem(await other.get(url(`/rounds/${created.body.id}`)), 404);
      expectProblem(await other.get(url(`/rounds/${created.body.id}/report`)), 404);
      expect((await other.get(url('/rounds'))).body.items).toEqual([]);
    }
  });

  it('shows a lone manager only where the organization allows it, as the manager was told', async () => {
    expectProblem(await cast.as.admin.put(url('/settings'), { minGroupSize: 2, managerShownAlone: true }), 400, 'minGroupSize');
    expect((await cast.as.admin.get(url('/settings'))).body).toEqual({ minGroupSize: 3, managerShownAlone: false });
    expect((await cast.as.admin.put(url('/settings'), { minGroupSize: 4, managerShownAlone: true })).body).toEqual({ minGroupSize: 4, managerShownAlone: true });
    expectProblem(await cast.as.client.post(url('/rounds'), { closesOn: addDays(today(), 7), minGroupSize: 3 }), 400, 'minGroupSize');

    const { body: round } = await cast.as.outsider.post(url('/rounds'), { closesOn: addDays(today(), 7) });
    expect(round).toMatchObject({ minGroupSize: 4, managerShownAlone: true });
    const manager = rater('manager', 1);
    const peers = [1, 2, 3, 4].map((n) => rater('peer', n));
    await cast.as.outsider.post(url(`/rounds/${round.id}/raters`), { raters: [manager, ...peers] });
    const managerMail = await t.context.db.selectFrom('outbox_messages').select('body_text').where('to_email', '=', manager.email).executeTakeFirstOrThrow();
    expect(managerMail.body_text).toContain('your ratings may be shown on their own');
    const peerMail = await t.context.db.selectFrom('outbox_messages').select('body_text').where('to_email', '=', peers[0]!.email).executeTakeFirstOrThrow();
    expect(peerMail.body_text).toContain('at least 3 other people in your group');
    const anonymous = t.client();
    const managerToken = (await linksTo(manager.email))[0]!;
    const { body: view } = await anonymous.get(`/api/feedback/${managerToken}`);
    expect(view.anonymity).toMatchObject({ shownAlone: true });
    const items = view.instrument.items as { id: string }[];
    await anonymous.post(`/api/feedback/${managerToken}/submit`, { answers: answersAll(2, items) });
    for (const peer of peers) await anonymous.post(`/api/feedback/${(await linksTo(peer.email))[0]}/submit`, { answers: answersAll(4, items) });
    await cast.as.outsider.post(url(`/rounds/${round.id}/close`));
    const report = await cast.as.outsider.get(url(`/rounds/${round.id}/report`));
    expect(report.body.competencies[0].groups.map((g: { group: string; mean: number; n: number }) => [g.group, g.mean, g.n])).toEqual([['manager', 2, 1], ['peer', 4, 4]]);
    // "Communication" reverses one of its four items: peers answering 4 throughout score (4 + 4 + 4 + 2) / 4 = 3.5.
    expect(report.body.competencies[1].groups.map((g: { group: string; mean: number }) => [g.group, g.mean])).toEqual([['manager', 2.5], ['peer', 3.5]]);
    // "Setting direction" has no reverse-keyed item: (2 + 4 × 4) / 5 = 3.6.
    expect(report.body.competencies[0].others).toEqual({ mean: 3.6, n: 5 });

    // A running round keeps the rules its raters were told; new rounds follow the new ones.
    await cast.as.admin.put(url('/settings'), { minGroupSize: 3, managerShownAlone: false });
    expect((await cast.as.outsider.get(url(`/rounds/${round.id}`))).body).toMatchObject({ minGroupSize: 4, managerShownAlone: true });
  });

  it('offers a job closing rounds past their day and reminding the silent before it', async () => {
    const { body: round } = await cast.as.client.post(url('/rounds'), { closesOn: addDays(today(), 2) });
    const silent = rater('peer', 1);
    await cast.as.client.post(url(`/rounds/${round.id}/raters`), { raters: [silent] });
    // Invited more than a day ago, never reminded: due a reminder while the round closes within three days.
    await t.context.db.updateTable('feedback_raters').set({ invited_at: new Date(Date.now() - 3 * 86_400_000).toISOString() }).where('round_id', '=', round.id).execute();
    expect(await sendDueReminders(t.context.db, t.context.mailer, t.context.config)).toBeGreaterThanOrEqual(1);
    expect(await linksTo(silent.email)).toHaveLength(2);
    expect(await sendDueReminders(t.context.db, t.context.mailer, t.context.config)).toBe(0);

    await t.context.db.updateTable('feedback_rounds').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', round.id).execute();
    expect((await cast.as.client.get(url(`/rounds/${round.id}`))).body).toMatchObject({ state: 'closed', reportReady: true });
    expect(await closeDueRounds(t.context.db)).toBeGreaterThanOrEqual(1);
    const row = await t.context.db.selectFrom('feedback_rounds').select('status').where('id', '=', round.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    const report = await cast.as.client.get(url(`/rounds/${round.id}/report`));
    expect(report.body).toMatchObject({ responses: 0, comments: [], notes: expect.arrayContaining(['No rater answered in this round.']) });
  });
});
