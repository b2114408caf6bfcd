import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../platform/http/access.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildMentoringOrg, listMentor, type MentoringPerson } from '../../../test/support/mentoring.ts';
import { daysAgo, enrollIn, pair, reviewDueIn } from '../../../test/support/mentoring-activity.ts';

/*
 * The privacy sweep. Confidential and shared-within-a-pair content is written with unique markers;
 * then every GET route of the app (from its own route table, so a new route is covered the day it
 * is registered) is called with every id we know by every person, and no marker may appear in an
 * answer to anyone who may not read it: not the other side (reflections, own review answers,
 * self-identification), not the program's admin (who sees health and counts only), not a colleague
 * with no part, not a member of another organization.
 */
const tag = crypto.randomBytes(3).toString('hex');
const M = {
  shared: `SHARED-NOTES-${tag}`, topic: `TOPIC-${tag}`, menteeReflection: `MENTEE-REFLECTION-${tag}`, mentorReflection: `MENTOR-REFLECTION-${tag}`,
  menteeClosing: `MENTEE-CLOSING-${tag}`, mentorThreeClosing: `MENTOR3-CLOSING-${tag}`, appreciation: `APPRECIATION-${tag}`, request: `REQUEST-MESSAGE-${tag}`,
  identity: `IDENTITY-${tag}`, goal: `GOAL-${tag}`, focus: `FOCUS-${tag}`, action: `ACTION-${tag}`, privateNote: `COACH-PRIVATE-${tag}`,
  menteeAnswer: '"yourAnswer":"continue"', mentorThreeAnswer: '"yourAnswer":"conclude"',
} as const;
type Marker = keyof typeof M;

let t: TestApp;
let org: Awaited<ReturnType<typeof buildMentoringOrg>>;
let foreign: MentoringPerson;
let foreignOrgId: string;
let mentorTwo: MentoringPerson;
let mentorThree: MentoringPerson;
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestApp();
  org = await buildMentoringOrg(t);
  const elsewhere = await buildMentoringOrg(t);
  foreignOrgId = elsewhere.orgId;
  foreign = await elsewhere.make(['admin', 'coach', 'mentor', 'member', 'sponsor'], 'Fred Foreign');
  mentorTwo = await org.make(['mentor'], 'Tess Two');
  mentorThree = await org.make(['mentor'], 'Raj Three');
  const base = `/api/orgs/${org.orgId}/mentoring`;

  const program = await org.admin.as.post(`${base}/programs`, {
    name: 'Inclusion Circle', purpose: 'diversity_inclusion', enrollmentWindow: 'always', cadenceDays: 14, suggestedLengthWeeks: 26, reviewEveryWeeks: 12,
    defaultMentorCapacity: 3, pairingMode: 'admin_assigns', enrollmentApproval: 'automatic',
    questions: [
      { fieldType: 'skills_wanted', label: 'What would you like to learn?', askedOf: 'mentee' },
      { fieldType: 'self_identification', label: 'How do you self-identify (optional)?', askedOf: 'both', required: false },
    ],
  });
  const programId = program.body.id as string;
  const [skills, identity] = program.body.questions as { id: string }[];
  await enrollIn(org, programId, org.mentor, 'mentor');
  await enrollIn(org, programId, org.mentee, 'mentee', { answers: { [skills!.id]: ['Negotiation'] }, identity: { [identity!.id]: M.identity }, identityConsent: true });
  const enrollment = await t.context.db.selectFrom('enrollments').select('id').where('person_id', '=', org.mentee.person.id).executeTakeFirstOrThrow();

  // Relationship 1 (program): a check-in, reflections on both sides, the coaching tools with a goal, a focus, an action item and a coach-private note.
  const one = await pair(org, programId, org.mentor, org.mentee);
  const rel = (id: string, rest = '') => `${base}/relationships/${id}${rest}`;
  const checkIn = await org.mentee.as.post(rel(one, '/check-ins'), { metOn: daysAgo(0), topics: [M.topic], sharedNotes: M.shared });
  await org.mentee.as.post(rel(one, '/reflections'), { body: M.menteeReflection, checkInId: checkIn.body.id });
  await org.mentor.as.post(rel(one, '/reflections'), { body: M.mentorReflection });
  const { engagementId } = (await org.mentee.as.post(rel(one, '/coaching-tools'))).body;
  const goal = await org.mentee.as.post(`/api/orgs/${org.orgId}/engagements/${engagementId}/goals`, { statement: M.goal, measure: 'Count', baselineValue: 0, targetValue: 2 });
  const session = await org.mentor.as.post(`/api/orgs/${org.orgId}/engagements/${engagementId}/sessions`, { startsAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 30 });
  await org.mentee.as.put(`/api/orgs/${org.orgId}/sessions/${session.body.id}/focus`, { focus: M.focus });
  const item = await org.mentee.as.post(`/api/orgs/${org.orgId}/engagements/${engagementId}/action-items`, { title: M.action, ownerPersonId: org.mentee.person.id });
  const note = await org.mentor.as.post(`/api/orgs/${org.orgId}/sessions/${session.body.id}/private-notes`, { body: M.privateNote });

  // Relationship 2 (organic, asked with a message): the mentee answers the review privately.
  await listMentor(org, mentorTwo, 3);
  const asked = await org.mentee.as.post(`${base}/requests`, { mentorPersonId: mentorTwo.person.id, message: M.request });
  expect(asked.status).toBe(201);
  const two = asked.body.id as string;
  await mentorTwo.as.post(rel(two, '/accept'));
  await reviewDueIn(t, two, 1);
  await org.mentee.as.put(rel(two, '/review/answer'), { answer: 'continue' });

  // Relationship 3 (organic): the mentor concludes at the review; both leave closing words.
  await listMentor(org, mentorThree, 1);
  const three = (await org.mentee.as.post(`${base}/requests`, { mentorPersonId: mentorThree.person.id, message: 'Hello' })).body.id as string;
  await mentorThree.as.post(rel(three, '/accept'));
  await reviewDueIn(t, three, 0);
  const concluded = await mentorThree.as.put(rel(three, '/review/answer'), { answer: 'conclude' });
  expect(concluded.body.outcome).toBe('concluded');
  await org.mentee.as.post(rel(three, '/closing-reflection'), { body: M.menteeClosing });
  await org.mentee.as.post(rel(three, '/appreciations'), { body: M.appreciation });
  await mentorThree.as.post(rel(three, '/closing-reflection'), { body: M.mentorThreeClosing });

  Object.assign(ids, {
    relationshipId: [one, two, three], programId: [programId], checkInId: [checkIn.body.id], engagementId: [engagementId], sessionId: [session.body.id],
    goalId: [goal.body.id], itemId: [item.body.id], noteId: [note.body.id], enrollmentId: [enrollment.id],
    personId: [org.mentor.person.id, org.mentee.person.id, mentorTwo.person.id, mentorThree.person.id],
  });
});
afterAll(async () => { await t?.close(); });

/** Every concrete URL for a route: each known id in turn (unknown parameters get a fresh UUID). */
function urlsFor(route: RegisteredRoute, orgIds: string[]): string[] {
  let urls = [route.url];
  for (const [, name] of route.url.matchAll(/:([A-Za-z]+)/g)) {
    const values = name === 'orgId' ? orgIds : name === 'token' ? [crypto.randomBytes(16).toString('hex')] : ids[name!] ?? [crypto.randomUUID()];
    urls = urls.flatMap((url) => values.map((value) => url.replace(`:${name}`, value)));
  }
  return urls.flatMap((url) => (url.endsWith('/pairs') ? ['on_track', 'slipping', 'stalled', 'paused'].map((h) => `${url}?health=${h}`) : [url]));
}

async function sweep(client: ApiClient, orgIds: string[]): Promise<{ text: string; url: string }[]> {
  const answers = [];
  for (const route of t.app.apiRoutes.filter((r) => r.method === 'GET')) {
    for (const url of urlsFor(route, orgIds)) {
      const response = await client.get(url);
      expect(response.status, `GET ${url}`).toBeLessThan(500);
      answers.push({ url, text: typeof response.body === 'string' ? response.body : JSON.stringify(response.body) });
    }
  }
  return answers;
}

const everything = Object.keys(M) as Marker[];
const readers = (): { name: string; client: () => ApiClient; orgIds: () => string[]; may: Marker[] }[] => [
  { name: 'the mentee', client: () => org.mentee.as, orgIds: () => [org.orgId], may: ['shared', 'topic', 'menteeReflection', 'menteeClosing', 'appreciation', 'request', 'identity', 'goal', 'focus', 'action', 'menteeAnswer'] },
  { name: 'the program mentor', client: () => org.mentor.as, orgIds: () => [org.orgId], may: ['shared', 'topic', 'mentorReflection', 'goal', 'focus', 'action', 'privateNote'] },
  { name: 'the mentor asked with a message', client: () => mentorTwo.as, orgIds: () => [org.orgId], may: ['request'] },
  { name: 'the mentor who concluded', client: () => mentorThree.as, orgIds: () => [org.orgId], may: ['mentorThreeClosing', 'appreciation', 'mentorThreeAnswer'] },
  { name: 'the program admin', client: () => org.admin.as, orgIds: () => [org.orgId], may: [] },
  { name: 'a colleague with no part', client: () => org.other.as, orgIds: () => [org.orgId], may: [] },
  { name: 'a member of another organization (every role)', client: () => foreign.as, orgIds: () => [org.orgId, foreignOrgId], may: [] },
];

describe('privacy sweep over every GET route', () => {
  it.each(readers().map((r) => [r.name, r] as const))('%s reads nothing that is not theirs', async (_name, reader) => {
    const answers = await sweep(reader.client(), reader.orgIds());
    const seen = new Set(everything.filter((marker) => answers.some((a) => a.text.includes(M[marker]))));
    for (const marker of everything.filter((m) => !reader.may.includes(m))) {
      const leak = answers.find((a) => a.text.includes(M[marker]));
      expect(leak, `${marker} leaked to ${reader.name} through ${leak?.url}`).toBeUndefined();
    }
    // The sweep reaches the content: each reader finds what is theirs (self-identification through its own route).
    expect([...seen].sort()).toEqual([...reader.may].sort());
  });

  it('audits each read of reflections, without their text', async () => {
    const audits = await t.context.db.selectFrom('audit_events').select('detail').where('action', '=', 'confidential.read').where('org_id', '=', org.orgId).execute();
    expect(audits.length).toBeGreaterThan(0);
    const text = audits.map((a) => a.detail).join(' ');
    for (const marker of everything) expect(text).not.toContain(M[marker]);
  });
});
