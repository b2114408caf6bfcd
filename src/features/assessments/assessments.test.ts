import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../test/support/coaching.ts';
import { lastMailTo } from '../../../test/support/mail.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import { INSTRUMENTS_DIR, loadInstruments } from './registry.ts';

const wheelAnswers = (career: number, fun: number) => ({ career, money: 5, health: 6, relationships: 8, love: 7, growth: 6, fun, environment: 9 });

describe('assessments', () => {
  let t: TestApp;
  let cast: CoachingCast;
  let engagementId: string;
  const url = (rest: string) => `/api/orgs/${cast.orgId}${rest}`;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await buildCoachingCast(t);
    engagementId = await buildEngagement(cast, { until: 'active' });
  });
  afterAll(async () => { await t.close(); });

  async function takeWheel(client: ApiClient, answers: Record<string, number>, extra: Record<string, unknown> = {}) {
    const started = await client.post(url('/assessments/attempts'), { instrumentId: 'wheel-of-life', ...extra });
    expect([200, 201]).toContain(started.status);
    expect((await client.patch(url(`/assessments/attempts/${started.body.id}`), { answers })).status).toBe(200);
    const done = await client.post(url(`/assessments/attempts/${started.body.id}/complete`));
    expect(done.status).toBe(200);
    return done.body;
  }

  it('lists the built-in instruments and shows one without revealing which items are reverse-keyed', async () => {
    const list = await cast.as.client.get(url('/assessments/instruments'));
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual(['ipip-big-five-50', 'leadership-competencies', 'wheel-of-life']);
    const bigFive = await cast.as.client.get(url('/assessments/instruments/ipip-big-five-50'));
    expect(bigFive.body).toMatchObject({ version: 1, itemCount: 50, scale: { min: 1, max: 5 }, source: { license: 'Public domain (International Personality Item Pool)' } });
    expect(bigFive.body.items[0]).toEqual({ id: 'q1', text: 'Am the life of the party.', subscale: 'extraversion' });
    expect(bigFive.body.items.filter((item: object) => 'reverse' in item)).toEqual([]);
    expectProblem(await cast.as.client.get(url('/assessments/instruments/no-such-thing')), 404);
    expectProblem(await cast.as.client.get(url('/assessments/instruments/ipip-big-five-50?version=9')), 404);
  });

  it('saves progress as you go, resumes it, checks every answer and scores on completion', async () => {
    const started = await cast.as.client.post(url('/assessments/attempts'), { instrumentId: 'ipip-big-five-50' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'in_progress', progress: { answered: 0, total: 50 }, answers: {}, scores: null, yourAccess: 'owner' });
    const id = started.body.id;
    const first = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`q${i + 1}`, 5]));
    expect((await cast.as.client.patch(url(`/assessments/attempts/${id}`), { answers: first })).body.progress).toEqual({ answered: 20, total: 50 });

    const resumed = await cast.as.client.post(url('/assessments/attempts'), { instrumentId: 'ipip-big-five-50' });
    expect(resumed.status).toBe(200);
    expect(resumed.body.id).toBe(id);
    expect(Object.keys(resumed.body.answers)).toHaveLength(20);

    expectProblem(await cast.as.client.patch(url(`/assessments/attempts/${id}`), { answers: { q21: 6 } }), 400, 'answers.q21');
    expectProblem(await cast.as.client.patch(url(`/assessments/attempts/${id}`), { answers: { q99: 3 } }), 400, 'answers.q99');
    expectProblem(await cast.as.client.patch(url(`/assessments/attempts/${id}`), { answers: { 'Q-1': 3 } }), 400);
    expectProblem(await cast.as.client.patch(url(`/assessments/attempts/${id}`), { itemLabels: { q1: 'Party' } }), 400, 'itemLabels.q1');
    expectProblem(await cast.as.client.post(url(`/assessments/attempts/${id}/complete`)), 400, 'answers');

    const rest = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`q${i + 21}`, 5]));
    await cast.as.client.patch(url(`/assessments/attempts/${id}`), { answers: { ...rest, q1: null } });
    expectProblem(await cast.as.client.post(url(`/assessments/attempts/${id}/complete`)), 400, 'answers');
    await cast.as.client.patch(url(`/assessments/attempts/${id}`), { answers: { q1: 5 } });
    const done = await cast.as.client.post(url(`/assessments/attempts/${id}/complete`));
    expect(done.status).toBe(200);
    // All 5s: E 30, A 34, C 34, ES 18, I 38 (see the domain's hand-scored sheets).
    expect(done.body.scores.subscales.map((s: { id: string; score: number }) => [s.id, s.score])).toEqual([
      ['extraversion', 30], ['agreeableness', 34], ['conscientiousness', 34], ['emotional_stability', 18], ['intellect', 38],
    ]);
    expectProblem(await cast.as.client.patch(url(`/assessments/attempts/${id}`), { answers: { q1: 1 } }), 409);
    expectProblem(await cast.as.client.post(url(`/assessments/attempts/${id}/complete`)), 409);
    // A new attempt starts fresh.
    const again = await cast.as.client.post(url('/assessments/attempts'), { instrumentId: 'ipip-big-five-50' });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(id);
    expect((await cast.as.client.delete(url(`/assessments/attempts/${again.body.id}`))).status).toBe(200);
    expectProblem(await cast.as.client.post(url('/assessments/attempts'), { instrumentId: 'no-such-thing' }), 400, 'instrumentId');
  });

  it('keeps a wheel of life over time, with the person’s own area names, for the comparison chart', async () => {
    await takeWheel(cast.as.outsider, wheelAnswers(3, 4));
    await takeWheel(cast.as.outsider, wheelAnswers(5, 4));
    const started = await cast.as.outsider.post(url('/assessments/attempts'), { instrumentId: 'wheel-of-life' });
    await cast.as.outsider.patch(url(`/assessments/attempts/${started.body.id}`), { answers: wheelAnswers(8, 2), itemLabels: { love: 'Community' } });
    const latest = await cast.as.outsider.post(url(`/assessments/attempts/${started.body.id}/complete`));
    expect(latest.body.itemLabels).toEqual({ love: 'Community' });
    expect(latest.body.scores.subscales.find((s: { id: string }) => s.id === 'love').name).toBe('Community');

    const history = await cast.as.outsider.get(url('/assessments/history/wheel-of-life'));
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ attempts: 3, instrument: { id: 'wheel-of-life', chart: 'wheel' }, scale: { min: 0, max: 10 } });
    expect(history.body.series.find((s: { subscaleId: string }) => s.subscaleId === 'career').points.map((p: { score: number }) => p.score)).toEqual([3, 5, 8]);
    expect(history.body.series.find((s: { subscaleId: string }) => s.subscaleId === 'love').name).toBe('Community');
    expect(history.body.changes.find((c: { subscaleId: string }) => c.subscaleId === 'fun')).toMatchObject({ first: 4, latest: 2, delta: -2, direction: 'down' });
    const mine = await cast.as.outsider.get(url('/assessments/attempts?instrumentId=wheel-of-life&status=completed'));
    expect(mine.body.items).toHaveLength(3);
    // Someone else's history is their own business: the client has no wheel yet.
    expect((await cast.as.client.get(url('/assessments/history/wheel-of-life'))).body.attempts).toBe(0);
  });

  it('lets the engagement’s coach assign an instrument and read the scores, never the answers; nobody else', async () => {
    expectProblem(await cast.as.client.post(url(`/engagements/${engagementId}/assessment-assignments`), { instrumentId: 'wheel-of-life' }), 403);
    expectProblem(await cast.as.admin.post(url(`/engagements/${engagementId}/assessment-assignments`), { instrumentId: 'wheel-of-life' }), 403);
    expectProblem(await cast.as.outsider.post(url(`/engagements/${engagementId}/assessment-assignments`), { instrumentId: 'wheel-of-life' }), 404);
    expectProblem(await cast.as.coach.post(url(`/engagements/${engagementId}/assessment-assignments`), { instrumentId: 'nope' }), 400, 'instrumentId');
    const assigned = await cast.as.coach.post(url(`/engagements/${engagementId}/assessment-assignments`), { instrumentId: 'wheel-of-life', note: 'Before our next session', dueOn: '2026-12-01' });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ status: 'not_started', client: { personId: cast.client.id }, assignedBy: { personId: cast.coach.id }, dueOn: '2026-12-01' });
    const mail = await lastMailTo(t, cast.client.email);
    expect(mail.subject).toBe('Cora Coach asked you to take: Wheel of life');
    expect(mail.body_text).toContain('visible to you and to Cora Coach only');

    const mine = await cast.as.client.get(url('/assessments/assignments'));
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([assigned.body.id]);
    const result = await takeWheel(cast.as.client, wheelAnswers(6, 3), { assignmentId: assigned.body.id });
    expect(result).toMatchObject({ engagementId, assignmentId: assigned.body.id, status: 'completed' });

    const seenByCoach = await cast.as.coach.get(url(`/assessments/attempts/${result.id}`));
    expect(seenByCoach.status).toBe(200);
    expect(seenByCoach.body).toMatchObject({ yourAccess: 'coach', answers: null, sharedWith: null, scores: { instrumentId: 'wheel-of-life' } });
    expectProblem(await cast.as.coach.patch(url(`/assessments/attempts/${result.id}`), { answers: { career: 1 } }), 403);
    expectProblem(await cast.as.coach.delete(url(`/assessments/attempts/${result.id}`)), 403);
    for (const other of [cast.as.admin, cast.as.sponsor, cast.as.outsider]) {
      expectProblem(await other.get(url(`/assessments/attempts/${result.id}`)), 404);
    }

    const view = await cast.as.coach.get(url(`/engagements/${engagementId}/assessments`));
    expect(view.status).toBe(200);
    expect(view.body.assignments[0]).toMatchObject({ id: assigned.body.id, status: 'completed', attemptId: result.id });
    expect(view.body.results.map((r: { id: string; answers: unknown }) => [r.id, r.answers])).toEqual([[result.id, null]]);
    expect(view.body.history[0]).toMatchObject({ instrument: { id: 'wheel-of-life' }, attempts: 1 });
    expectProblem(await cast.as.sponsor.get(url(`/engagements/${engagementId}/assessments`)), 403);
    expectProblem(await cast.as.admin.get(url(`/engagements/${engagementId}/assessments`)), 403);
    expectProblem(await cast.as.outsider.get(url(`/engagements/${engagementId}/assessments`)), 404);

    const audit = await t.context.db.selectFrom('audit_events').select(['actor_person_id', 'subject_type', 'subject_id']).where('action', '=', 'confidential.read').execute();
    expect(audit).toContainEqual({ actor_person_id: cast.coach.id, subject_type: 'assessment_attempt', subject_id: result.id });
  });

  it('keeps a private result from the coach until the person shares it', async () => {
    const privateResult = await takeWheel(cast.as.client, wheelAnswers(2, 2));
    expect(privateResult.engagementId).toBeNull();
    expectProblem(await cast.as.coach.get(url(`/assessments/attempts/${privateResult.id}`)), 404);
    const view = await cast.as.coach.get(url(`/engagements/${engagementId}/assessments`));
    expect(view.body.results.map((r: { id: string }) => r.id)).not.toContain(privateResult.id);

    const shared = await cast.as.client.put(url(`/assessments/attempts/${privateResult.id}/shares/${cast.coach.id}`), {});
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWith).toEqual([{ personId: cast.coach.id, name: 'Cora Coach' }]);
    expect((await cast.as.coach.get(url(`/assessments/attempts/${privateResult.id}`))).body).toMatchObject({ yourAccess: 'shared', answers: null });
    expect((await cast.as.coach.get(url('/assessments/shared-with-me'))).body.items.map((r: { id: string }) => r.id)).toEqual([privateResult.id]);
    expectProblem(await cast.as.coach.put(url(`/assessments/attempts/${privateResult.id}/shares/${cast.sponsor.id}`), {}), 403);
    expectProblem(await cast.as.client.put(url(`/assessments/attempts/${privateResult.id}/shares/${cast.client.id}`), {}), 400, 'path.personId');

    await cast.as.client.delete(url(`/assessments/attempts/${privateResult.id}/shares/${cast.coach.id}`));
    expectProblem(await cast.as.coach.get(url(`/assessments/attempts/${privateResult.id}`)), 404);

    const inProgress = await cast.as.client.post(url('/assessments/attempts'), { instrumentId: 'leadership-competencies' });
    expectProblem(await cast.as.client.put(url(`/assessments/attempts/${inProgress.body.id}/shares/${cast.coach.id}`), {}), 409);
  });

  it('starts within an engagement only for its client', async () => {
    expectProblem(await cast.as.outsider.post(url('/assessments/attempts'), { instrumentId: 'wheel-of-life', engagementId }), 400, 'engagementId');
    expectProblem(await cast.as.coach.post(url('/assessments/attempts'), { instrumentId: 'wheel-of-life', engagementId }), 400, 'engagementId');
    expectProblem(await cast.as.outsider.post(url('/assessments/attempts'), { instrumentId: 'wheel-of-life', assignmentId: crypto.randomUUID() }), 400, 'assignmentId');
  });
});

describe('the instrument registry', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-instruments-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('offers a new instrument, or a new version, by adding a file and no code', () => {
    for (const file of fs.readdirSync(INSTRUMENTS_DIR)) fs.copyFileSync(path.join(INSTRUMENTS_DIR, file), path.join(dir, file));
    const wheel = JSON.parse(fs.readFileSync(path.join(dir, 'wheel-of-life.v1.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'wheel-of-life.v2.json'), JSON.stringify({ ...wheel, version: 2, name: 'Wheel of life (revised)' }));
    fs.writeFileSync(path.join(dir, 'team-climate.v1.json'), JSON.stringify({
      id: 'team-climate', version: 1, name: 'Team climate', description: 'How the team feels.', instructions: 'Rate each statement.', chart: 'bars',
      source: { citation: 'Test', license: 'CC0' }, scale: { min: 1, max: 5 },
      items: [{ id: 'safety', text: 'I can take risks here.', subscale: 'climate' }, { id: 'blame', text: 'Mistakes are held against you.', subscale: 'climate', reverse: true }],
      subscales: [{ id: 'climate', name: 'Climate', scoring: 'mean', bands: [{ from: 1, label: 'Cool' }, { from: 3.5, label: 'Warm' }] }],
    }));
    const registry = loadInstruments(dir);
    expect(registry.list().map((i) => i.id)).toContain('team-climate');
    expect(registry.latest('wheel-of-life')!.version).toBe(2);
    expect(registry.version('wheel-of-life', 1)!.name).toBe('Wheel of life');
  });

  it('stops at start on a broken file, naming it and the mistake', () => {
    fs.writeFileSync(path.join(dir, 'broken.v1.json'), JSON.stringify({ id: 'broken', version: 1 }));
    expect(() => loadInstruments(dir)).toThrow(/broken\.v1\.json: instrument\.scale must be an object/);
    fs.writeFileSync(path.join(dir, 'broken.v1.json'), JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(INSTRUMENTS_DIR, 'wheel-of-life.v1.json'), 'utf8')) }));
    expect(() => loadInstruments(dir)).toThrow(/broken\.v1\.json holds wheel-of-life version 1: name it wheel-of-life\.v1\.json/);
  });
});
