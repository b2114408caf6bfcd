import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../platform/context.ts';
import { buildApp } from '../../../platform/http/app.ts';
import { Mailer } from '../../../platform/mail/outbox.ts';
import { BACKUP_TABLES } from '../../backup/tables.ts';
import { ApiClient, testConfig, type ApiResponse, type TestApp } from '../../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../../test/support/coaching.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildMember, buildOrganization, signedIn, type BuiltPerson } from '../../../../test/support/factories.ts';

/*
 * A coach's private notes are read by their author and by no one else: not the client, the
 * sponsor, an admin, another coach of the organization, nor anyone of another organization; not
 * through any route, export, audit entry, log line or error message. This suite writes notes
 * holding a unique marker, calls every GET route of the API as every one of those people, and
 * searches every answer, every other table and every log line for the marker.
 */
const MARKER = `PRIVATE-${crypto.randomBytes(8).toString('hex')}`;
const REWRITTEN = `REWRITTEN-${crypto.randomBytes(8).toString('hex')}`;
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

let t: TestApp;
const logLines: string[] = [];
let cast: CoachingCast;
let otherCoach: { person: BuiltPerson; client: ApiClient };
let foreigner: { person: BuiltPerson; client: ApiClient };
let engagementId: string;
let sessionId: string;
let noteId: string;
let itemId: string;
const feedTokens: string[] = [];

/** The test app, with every log line (down to trace) kept for searching. */
async function createLoggedTestApp(): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = testConfig({ logLevel: 'trace' });
  const stream = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
  const log = pino({ level: 'trace' }, stream);
  const context: AppContext = { config, database: testDb.database, db: testDb.database.db, dbKind: testDb.database.kind, mailer: new Mailer(testDb.database.db, log, undefined, config.mailFrom), log };
  const app = await buildApp(context);
  await app.ready();
  return {
    app, context, testDb,
    client: (options) => new ApiClient(app, options),
    async close() { await app.close(); context.mailer.close(); await testDb.drop(); },
  };
}

beforeAll(async () => {
  t = await createLoggedTestApp();
  cast = await buildCoachingCast(t);
  // The sponsor's agreement shares the most a sponsor can see: goals, progress and attendance.
  engagementId = await buildEngagement(cast, { terms: { sponsorVisibility: 'goals_progress_attendance' } });
  const coach2 = await buildMember(t, cast.orgId, ['coach'], { name: 'Otto Othercoach' });
  otherCoach = { person: coach2, client: await signedIn(t, coach2) };
  // The other coach coaches the same client in another engagement of the same organization.
  const created = await cast.as.admin.post(`/api/orgs/${cast.orgId}/engagements`, {
    coachPersonId: coach2.id, clientPersonId: cast.client.id, sponsorPersonId: null, title: 'Second engagement',
    agreement: { objectives: 'Presenting', plannedSessions: 3, startDate: '2026-11-01', plannedEndDate: '2027-03-01', cadence: 'monthly', sponsorVisibility: 'nothing' },
  });
  expect(created.status).toBe(201);
  const otherOrg = await buildOrganization(t);
  const stranger = await buildMember(t, otherOrg, ['admin', 'coach', 'mentor', 'member', 'sponsor'], { name: 'Fay Foreigner' });
  foreigner = { person: stranger, client: await signedIn(t, stranger) };

  const orgUrl = `/api/orgs/${cast.orgId}`;
  const session = await cast.as.client.post(`${orgUrl}/engagements/${engagementId}/sessions`, { startsAt: inHours(-0.5), durationMinutes: 60, location: 'Room 2' });
  sessionId = session.body.id;
  await cast.as.client.put(`${orgUrl}/sessions/${sessionId}/focus`, { focus: 'Handling the reorganisation' });
  await cast.as.coach.post(`${orgUrl}/sessions/${sessionId}/notes`, { kind: 'observation', body: 'Shared observation' });
  const written = await cast.as.coach.post(`${orgUrl}/sessions/${sessionId}/private-notes`, { body: `First impression ${MARKER}` });
  expect(written.status).toBe(201);
  noteId = written.body.id;
  const second = await cast.as.coach.post(`${orgUrl}/sessions/${sessionId}/private-notes`, { body: 'to be rewritten' });
  expect((await cast.as.coach.put(`${orgUrl}/private-notes/${second.body.id}`, { body: `Later thought ${REWRITTEN}` })).status).toBe(200);
  itemId = (await cast.as.client.post(`${orgUrl}/engagements/${engagementId}/action-items`, { title: 'Talk to HR', ownerPersonId: cast.client.id, sessionId })).body.id;
  for (const as of [cast.as.coach, cast.as.client]) {
    const feed = await as.post(`${orgUrl}/calendar-feed`);
    feedTokens.push(/\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(feed.body.url)![1]!);
  }
  await cast.as.coach.post(`${orgUrl}/sessions/${sessionId}/attendance`, { status: 'held' });
  await cast.as.client.put(`${orgUrl}/sessions/${sessionId}/rating`, { rating: 5, comment: 'Helpful' });
});
afterAll(async () => { await t?.close(); });

const secrets = () => [MARKER, REWRITTEN];
const leaks = (text: string) => secrets().filter((secret) => text.includes(secret));
const textOf = (response: ApiResponse) => (typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''));

/** Every GET route of the API with this scenario's ids in it (a route about a person: about the author, then about oneself). */
function getUrls(selfId: string): string[] {
  const urls = new Set<string>();
  for (const route of t.app.apiRoutes.filter((r) => r.method === 'GET')) {
    for (const personId of [cast.coach.id, selfId]) {
      for (const token of feedTokens) {
        urls.add(route.url
          .replace(':orgId', cast.orgId).replace(':engagementId', engagementId).replace(':sessionId', sessionId).replace(':noteId', noteId)
          .replace(':itemId', itemId).replace(':personId', personId)
          .replace(':token', route.url.startsWith('/api/calendar/') ? token : crypto.randomBytes(16).toString('hex'))
          .replace(/:[A-Za-z]+/g, () => crypto.randomUUID()));
      }
    }
  }
  // Lists filtered as a screen would ask for them.
  urls.add(`/api/orgs/${cast.orgId}/engagements/${engagementId}/sessions?when=past`);
  urls.add(`/api/orgs/${cast.orgId}/audit-events?action=confidential.read&pageSize=100`);
  return [...urls];
}

describe('private session notes', () => {
  it('are read back by their author, and each read is audited with ids and counts but never the text', async () => {
    const before = await t.context.db.selectFrom('audit_events').selectAll().where('action', '=', 'confidential.read').execute();
    const list = await cast.as.coach.get(`/api/orgs/${cast.orgId}/sessions/${sessionId}/private-notes`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((note: { body: string }) => note.body)).toEqual([`First impression ${MARKER}`, `Later thought ${REWRITTEN}`]);
    const one = await cast.as.coach.get(`/api/orgs/${cast.orgId}/private-notes/${noteId}`);
    expect(one.body).toMatchObject({ id: noteId, sessionId, body: `First impression ${MARKER}` });

    const events = await t.context.db.selectFrom('audit_events').selectAll().where('action', '=', 'confidential.read').orderBy('created_at').execute();
    const added = events.filter((event) => !before.some((seen) => seen.id === event.id));
    expect(added).toHaveLength(2);
    const [listed, got] = [added.find((e) => e.subject_type === 'session')!, added.find((e) => e.subject_type === 'private_session_note')!];
    expect(listed).toMatchObject({ org_id: cast.orgId, actor_person_id: cast.coach.id, subject_id: sessionId });
    expect(JSON.parse(listed.detail)).toMatchObject({ what: 'private_session_notes', count: 2, engagementId });
    expect(got).toMatchObject({ actor_person_id: cast.coach.id, subject_id: noteId });
    for (const event of added) expect(leaks(JSON.stringify(event))).toEqual([]);
  });

  it('are refused to everyone but their author, on their own routes', async () => {
    const notes = `/api/orgs/${cast.orgId}/sessions/${sessionId}/private-notes`;
    const note = `/api/orgs/${cast.orgId}/private-notes/${noteId}`;
    const expectations: [ApiClient, number, number][] = [
      // caller, list answer, single note answer
      [cast.as.client, 403, 404], [cast.as.sponsor, 403, 404], [cast.as.admin, 403, 404],
      [cast.as.outsider, 404, 404], [otherCoach.client, 404, 404], [foreigner.client, 404, 404],
    ];
    for (const [as, listStatus, noteStatus] of expectations) {
      const list = await as.get(notes);
      expect(list.status).toBe(listStatus);
      expect((await as.get(note)).status).toBe(noteStatus);
      const rewrite = await as.put(note, { body: 'overwritten by someone else' });
      expect(rewrite.status).toBe(404);
      expect([403, 404]).toContain((await as.post(notes, { body: 'not theirs to write' })).status);
    }
    const stillThere = await cast.as.coach.get(note);
    expect(stillThere.body.body).toBe(`First impression ${MARKER}`);
    // Writes by the author answer with a receipt: the text comes back only through an audited read.
    const receipt = await cast.as.coach.post(notes, { body: `Receipt check ${MARKER}` });
    expect(receipt.status).toBe(201);
    expect(Object.keys(receipt.body).sort()).toEqual(['createdAt', 'id', 'sessionId', 'updatedAt']);
  });

  it('never appear in any answer of any GET route to anyone but the author', async () => {
    const callers: [string, ApiClient, string][] = [
      ['client', cast.as.client, cast.client.id], ['sponsor', cast.as.sponsor, cast.sponsor.id], ['admin', cast.as.admin, cast.admin.id],
      ['outsider', cast.as.outsider, cast.outsider.id], ['other coach', otherCoach.client, otherCoach.person.id],
      ['foreigner', foreigner.client, foreigner.person.id], ['anonymous', t.client(), crypto.randomUUID()],
    ];
    let calls = 0;
    const answered = new Map<string, number>();
    for (const [who, as, selfId] of callers) {
      for (const url of getUrls(selfId)) {
        const response = await as.get(url);
        calls += 1;
        answered.set(`${who} ${url}`, response.status);
        expect(response.status, `${who} GET ${url}`).toBeLessThan(500);
        expect(leaks(textOf(response)), `${who} GET ${url}`).toEqual([]);
      }
    }
    expect(calls).toBeGreaterThan(100);
    // The sweep reached the scenario's data: the client reads the session, the sponsor its attendance, anyone the feeds.
    expect(answered.get(`client /api/orgs/${cast.orgId}/sessions/${sessionId}`)).toBe(200);
    expect(answered.get(`sponsor /api/orgs/${cast.orgId}/engagements/${engagementId}/attendance`)).toBe(200);
    expect(answered.get(`anonymous /api/calendar/${feedTokens[0]}.ics`)).toBe(200);

    // The author sees the text on the private-note routes, and nowhere else (not in the calendar feed either).
    const seenOn: string[] = [];
    for (const url of getUrls(cast.coach.id)) {
      const response = await cast.as.coach.get(url);
      expect(response.status, `coach GET ${url}`).toBeLessThan(500);
      if (leaks(textOf(response)).length) seenOn.push(url.split('?')[0]!);
    }
    expect([...new Set(seenOn)].sort()).toEqual([`/api/orgs/${cast.orgId}/private-notes/${noteId}`, `/api/orgs/${cast.orgId}/sessions/${sessionId}/private-notes`]);
  });

  it('are not echoed by validation errors, whatever is wrong with the input', async () => {
    const notes = `/api/orgs/${cast.orgId}/sessions/${sessionId}/private-notes`;
    const bad: unknown[] = [
      { body: `${MARKER} ${'x'.repeat(20_001)}` },
      { body: [MARKER] },
      { body: `${MARKER}\u0000` },
      { body: `${MARKER}`, extra: MARKER },
      { text: MARKER },
      `{"body": "${MARKER}`,
      `{"body": ${MARKER}}`,
    ];
    for (const body of bad) {
      for (const [method, url] of [['POST', notes], ['PUT', `/api/orgs/${cast.orgId}/private-notes/${noteId}`]] as const) {
        const response = await cast.as.coach.request(method, url, body);
        expect(response.status, `${method} ${String(body).slice(0, 40)}`).toBe(400);
        expect(leaks(textOf(response))).toEqual([]);
      }
    }
    const list = await cast.as.coach.get(notes);
    expect(list.body.items.every((note: { body: string }) => !note.body.includes('x'.repeat(100)))).toBe(true);
  });

  it('leave no copy in any other table, nor in any log line', async () => {
    for (const { name } of BACKUP_TABLES.filter((table) => table.name !== 'private_session_notes')) {
      const rows = await t.context.db.selectFrom(name as 'people').selectAll().execute();
      expect(leaks(JSON.stringify(rows)), name).toEqual([]);
    }
    expect(logLines.length).toBeGreaterThan(100);
    expect(leaks(logLines.join('\n'))).toEqual([]);
    // The calendar feed's URL is a secret too: it stays out of the request log.
    for (const token of feedTokens) expect(logLines.filter((line) => line.includes(token))).toEqual([]);
  });
});
