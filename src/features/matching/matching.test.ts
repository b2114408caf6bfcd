import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, signedIn } from '../../../test/support/factories.ts';
import { buildMatchingProgram, enrollProfile, matchingUrl, type MatchingOrg } from '../../../test/support/matching.ts';
import { assignPair } from '../mentoring/relationships/service.ts';

/*
 * Matching wired to a program, through the API: settings and the live preview, runs that respect
 * every hard constraint, review (lock, swap, remove, re-run) and publishing as relationships.
 */

type Pair = { id: string; mentee: { personId: string; name: string }; mentor: { personId: string; name: string }; locked: boolean; source: string; explanation: string; reasons: string[]; contributions: { criterion: string; points: number }[]; fit: number };
type Unmatched = { personId: string; name: string; reason: string; explanation: string };

describe('matching a program (admin)', () => {
  let t: TestApp;
  let org: MatchingOrg;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const id = (name: string) => org.people.get(name)!.id;
  const pairOf = (pairs: Pair[], mentee: string) => pairs.find((p) => p.mentee.name === mentee);

  beforeEach(async () => {
    org = await buildMatchingProgram(t);
    const mentors = [
      { name: 'Mira Mentor', skills: ['System design', 'Code review', 'Debugging'], goals: ['Get promoted'], fn: 'Engineering', years: 14, capacity: 2 },
      { name: 'Nils Mentor', skills: ['Negotiation', 'Public speaking'], goals: ['Build confidence'], fn: 'Sales', years: 11, capacity: 1 },
      { name: 'Olga Mentor', skills: ['Design critique', 'User research', 'Public speaking'], fn: 'Design', years: 9, capacity: 1 },
      { name: 'Pavel Paused', skills: ['System design', 'Code review'], fn: 'Engineering', years: 12, capacity: 2 },
      { name: 'Quinn Manager', skills: ['Negotiation'], fn: 'Sales', years: 20, capacity: 1 },
    ];
    for (const mentor of mentors) await enrollProfile(org, 'mentor', mentor);
    const mentees = [
      { name: 'Ana Mentee', skills: ['System design', 'Code review'], goals: ['Get promoted'], fn: 'Product', years: 3 },
      { name: 'Ben Mentee', skills: ['Negotiation'], goals: ['Build confidence'], fn: 'Product', years: 2 },
      { name: 'Cleo Mentee', skills: ['Design critique', 'User research'], fn: 'Engineering', years: 2 },
      { name: 'Dev Mentee', skills: ['System design', 'Debugging'], fn: 'Marketing', years: 4 },
      { name: 'Eve Mentee', skills: ['Negotiation', 'Public speaking'], fn: 'Data', years: 1 },
      { name: 'Finn Mentee', skills: ['Code review'], fn: 'Product', years: 2 },
      { name: 'Gus Paired', skills: ['Debugging'], fn: 'Support', years: 2 },
    ];
    for (const mentee of mentees) await enrollProfile(org, 'mentee', mentee);
    const db = t.context.db;
    await db.updateTable('enrollments').set({ paused: 1 }).where('program_id', '=', org.programId).where('person_id', '=', id('Pavel Paused')).execute();
    // The reporting line: Mira manages Dev, Quinn manages Cleo.
    await db.updateTable('memberships').set({ manager_person_id: id('Mira Mentor') }).where('org_id', '=', org.orgId).where('person_id', '=', id('Dev Mentee')).execute();
    await db.updateTable('memberships').set({ manager_person_id: id('Quinn Manager') }).where('org_id', '=', org.orgId).where('person_id', '=', id('Cleo Mentee')).execute();
    // Gus already has Mira (a running pair); Finn and Mira ended a relationship before.
    const admin = { personId: org.admin.person.id, orgRoles: ['admin' as const] };
    await assignPair(db, null, org.orgId, org.programId, admin, { mentorPersonId: id('Mira Mentor'), menteePersonId: id('Gus Paired') });
    const old = await assignPair(db, null, org.orgId, org.programId, admin, { mentorPersonId: id('Mira Mentor'), menteePersonId: id('Finn Mentee') });
    await db.updateTable('mentoring_relationships').set({ state: 'concluded', ended_at: new Date().toISOString() }).where('id', '=', old).execute();
  });

  it('keeps settings with the engine’s defaults, refuses bad ones naming the field, and previews without saving', async () => {
    const initial = await org.admin.as.get(matchingUrl(org, '/settings'));
    expect(initial.status).toBe(200);
    expect(initial.body.settings).toEqual(initial.body.defaults);
    expect(initial.body.settings.weights.skills).toBe(3);
    expect(initial.body.updatedAt).toBeNull();

    const saved = await org.admin.as.put(matchingUrl(org, '/settings'), { weights: { skills: 10, interests: 0 }, departmentPreference: 'none', experienceGap: { min: 2, max: 20 } });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({ weights: { skills: 10, interests: 0, goals: 2 }, departmentPreference: 'none', experienceGap: { min: 2, max: 20 }, objective: 'max_total' });

    const badGap = await org.admin.as.put(matchingUrl(org, '/settings'), { experienceGap: { min: 10, max: 2 } });
    expect(badGap.status).toBe(400);
    expect(badGap.body.errors[0].field).toBe('experienceGap.max');
    const badWeight = await org.admin.as.put(matchingUrl(org, '/settings'), { weights: { skills: 1000 } });
    expect(badWeight.status).toBe(400);
    expect(JSON.stringify(badWeight.body.errors)).toContain('skills');
    const unknown = await org.admin.as.put(matchingUrl(org, '/settings'), { weights: { charisma: 3 } });
    expect(unknown.status).toBe(400);

    const pair = await org.admin.as.post(matchingUrl(org, '/preview'), { settings: { weights: { skills: 50 } }, menteePersonId: id('Ana Mentee'), mentorPersonId: id('Mira Mentor') });
    expect(pair.status).toBe(200);
    expect(pair.body.pair.explanation).toMatch(/Mira Mentor offers both skills Ana Mentee wants: System design and Code review/);
    expect(pair.body.pair.contributions.find((c: { criterion: string }) => c.criterion === 'skills').weight).toBe(50);
    expect(pair.body.pair.blocker).toBe(null);
    const blocked = await org.admin.as.post(matchingUrl(org, '/preview'), { menteePersonId: id('Dev Mentee'), mentorPersonId: id('Mira Mentor') });
    expect(blocked.body.pair).toMatchObject({ blocker: 'reporting_line', blockerText: 'the two are in the same reporting line' });
    const top = await org.admin.as.post(matchingUrl(org, '/preview'), { menteePersonId: id('Ben Mentee'), limit: 3 });
    expect(top.body.candidates.length).toBeGreaterThan(0);
    expect(top.body.candidates[0].mentor.name).toBe('Nils Mentor');
    expect(top.body.candidates.map((c: { mentor: { name: string } }) => c.mentor.name)).not.toContain('Pavel Paused');
    // Nothing was saved by previewing.
    expect((await org.admin.as.get(matchingUrl(org, '/settings'))).body.settings.weights.skills).toBe(10);

    const notMentee = await org.admin.as.post(matchingUrl(org, '/preview'), { menteePersonId: id('Mira Mentor') });
    expect(notMentee.status).toBe(400);
    expect(notMentee.body.errors[0].field).toBe('menteePersonId');
  });

  it('runs over the program: capacity, running pairs, the reporting line, past pairs, pauses and exclusions hold; reasons for the unmatched', async () => {
    expect((await org.admin.as.get(matchingUrl(org, '/proposal'))).status).toBe(404);
    const exclusion = await org.admin.as.post(matchingUrl(org, '/exclusions'), { menteePersonId: id('Eve Mentee'), mentorPersonId: id('Nils Mentor') });
    expect(exclusion.status).toBe(201);
    expect((await org.admin.as.post(matchingUrl(org, '/exclusions'), { menteePersonId: id('Eve Mentee'), mentorPersonId: id('Nils Mentor') })).status).toBe(409);
    const wrongSide = await org.admin.as.post(matchingUrl(org, '/exclusions'), { menteePersonId: id('Nils Mentor'), mentorPersonId: id('Eve Mentee') });
    expect(wrongSide.status).toBe(400);
    expect(wrongSide.body.errors[0].field).toBe('menteePersonId');
    expect((await org.admin.as.get(matchingUrl(org, '/exclusions'))).body.items).toEqual([
      expect.objectContaining({ mentee: { personId: id('Eve Mentee'), name: 'Eve Mentee' }, mentor: { personId: id('Nils Mentor'), name: 'Nils Mentor' } }),
    ]);

    const run = await org.admin.as.post(matchingUrl(org, '/runs'));
    expect(run.status).toBe(201);
    const proposal = run.body;
    const pairs = proposal.pairs as Pair[];
    expect(proposal.status).toBe('draft');
    expect(proposal.counts).toMatchObject({ mentees: 7, mentors: 5, alreadyPaired: 1, pairs: 4, unmatchedMentees: 2 });
    // Mira has one place left (Gus uses the other), Nils, Olga and Quinn one each; Pavel paused.
    const byMentor = (name: string) => pairs.filter((p) => p.mentor.name === name).length;
    expect([byMentor('Mira Mentor'), byMentor('Nils Mentor'), byMentor('Olga Mentor'), byMentor('Quinn Manager'), byMentor('Pavel Paused')]).toEqual([1, 1, 1, 1, 0]);
    expect(pairOf(pairs, 'Gus Paired')).toBeUndefined();
    expect(pairOf(pairs, 'Dev Mentee')?.mentor.name).not.toBe('Mira Mentor');
    expect(pairOf(pairs, 'Cleo Mentee')?.mentor.name).not.toBe('Quinn Manager');
    expect(pairOf(pairs, 'Finn Mentee')?.mentor.name).not.toBe('Mira Mentor');
    expect(pairOf(pairs, 'Eve Mentee')?.mentor.name).not.toBe('Nils Mentor');
    expect(pairOf(pairs, 'Ana Mentee')?.mentor.name).toBe('Mira Mentor');
    const ana = pairOf(pairs, 'Ana Mentee')!;
    expect(ana.explanation).toMatch(/^Mira Mentor offers both skills Ana Mentee wants/);
    expect(ana.contributions.map((c) => c.criterion)).toEqual(['skills', 'goals', 'interests', 'experience', 'department', 'timeZone', 'language', 'preferences', 'inclusion']);
    expect(ana.source).toBe('proposed');
    expect(ana.locked).toBe(false);
    const unmatched = proposal.unmatchedMentees as Unmatched[];
    expect(unmatched).toHaveLength(2);
    for (const person of unmatched) expect(person.explanation.length).toBeGreaterThan(10);
    expect(proposal.unmatchedMentors).toEqual([expect.objectContaining({ name: 'Pavel Paused', reason: 'paused', explanation: 'Pavel Paused has paused mentoring' })]);
    expect(proposal.distribution.buckets).toHaveLength(10);
    expect(proposal.distribution.buckets.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(4);
    expect(proposal.distribution.median).toBeGreaterThan(0);
    expect(proposal.warnings.join(' ')).toMatch(/1 mentor has paused/);
    expect(proposal.proof.certified).toBe(true);
    expect((await org.admin.as.get(matchingUrl(org, '/proposal'))).body.id).toBe(proposal.id);

    const removed = await org.admin.as.delete(matchingUrl(org, `/exclusions/${exclusion.body.id}`));
    expect(removed.status).toBe(200);
    expect((await org.admin.as.delete(matchingUrl(org, `/exclusions/${exclusion.body.id}`))).status).toBe(404);
  });

  it('weighs a mentee’s wishes about their mentor, and never pairs against a language the mentee needs or the program requires', async () => {
    await enrollProfile(org, 'mentee', { name: 'Hana Mentee', skills: ['Negotiation'], fn: 'Product', years: 2, wants: { mentors: [' nils mentor', 'Nobody Known', 'Olga Mentor'], functions: ['Sales'], minYears: 10 } });
    await enrollProfile(org, 'mentee', { name: 'Ida Mentee', skills: ['Negotiation'], fn: 'Product', years: 2, languages: ['en', 'pt'], wants: { language: 'pt-BR' } });
    const hana = (await org.admin.as.post(matchingUrl(org, '/preview'), { menteePersonId: id('Hana Mentee'), mentorPersonId: id('Nils Mentor') })).body.pair;
    expect(hana.contributions.find((c: { criterion: string }) => c.criterion === 'preferences')).toMatchObject({ value: 1, points: 2 });
    expect(hana.explanation).toMatch(/is Hana Mentee’s first choice of mentor, comes from a function Hana Mentee asked for \(Sales\) and has the 10\+ years of experience Hana Mentee asked for/);
    const second = (await org.admin.as.post(matchingUrl(org, '/preview'), { menteePersonId: id('Hana Mentee'), mentorPersonId: id('Olga Mentor') })).body.pair;
    expect(second.contributions.find((c: { criterion: string }) => c.criterion === 'preferences').text).toBe('is one of the mentors Hana Mentee asked for');

    const first = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    expect(pairOf(first.pairs, 'Ida Mentee')).toBeUndefined();
    expect(first.unmatchedMentees).toContainEqual(expect.objectContaining({ name: 'Ida Mentee', explanation: 'no mentor can take Ida Mentee: 4 do not speak Portuguese, 1 has paused' }));

    await enrollProfile(org, 'mentor', { name: 'Rui Mentor', skills: ['Negotiation'], fn: 'Sales', years: 12, languages: ['en', 'pt'], capacity: 1 });
    expect(pairOf((await org.admin.as.post(matchingUrl(org, '/runs'))).body.pairs, 'Ida Mentee')?.mentor.name).toBe('Rui Mentor');

    // The program requires Portuguese: only the pair where both speak it is proposed.
    expect((await org.admin.as.put(matchingUrl(org, '/settings'), { requiredLanguage: 'pt' })).status).toBe(200);
    const portuguese = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    expect((portuguese.pairs as Pair[]).map((p) => [p.mentee.name, p.mentor.name])).toEqual([['Ida Mentee', 'Rui Mentor']]);
    expect(portuguese.unmatchedMentees).toContainEqual(expect.objectContaining({ name: 'Ana Mentee', explanation: 'Ana Mentee does not speak Portuguese, which the program requires' }));
  });

  it('runs for fairness when the program asks: as many matched, and a lowest score at least as high', async () => {
    const total = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    expect(total.objective.kind).toBe('max_total');
    expect((await org.admin.as.put(matchingUrl(org, '/settings'), { objective: 'max_min' })).status).toBe(200);
    const fair = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    expect(fair.objective.kind).toBe('max_min');
    expect(fair.proof.certified).toBe(true);
    expect(fair.objective.matched).toBe(total.objective.matched);
    expect(fair.objective.minScore).toBeGreaterThanOrEqual(total.objective.minScore);
    expect(fair.objective.totalScore).toBeLessThanOrEqual(total.objective.totalScore + 1e-9);
  });

  it('locks, swaps within the hard constraints, removes, re-runs keeping locks, and publishes all pairs as relationships', async () => {
    const first = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    const pairs = first.pairs as Pair[];
    const ana = pairOf(pairs, 'Ana Mentee')!;
    const locked = await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${ana.id}/lock`));
    expect(locked.status).toBe(200);
    expect(pairOf(locked.body.pairs, 'Ana Mentee')!.locked).toBe(true);

    // Remove another pair: its mentor gets room, its mentee waits, and a re-run does not propose it again.
    const other = pairs.find((p) => p.mentee.name !== 'Ana Mentee')!;
    const afterRemove = await org.admin.as.delete(matchingUrl(org, `/proposal/pairs/${other.id}`));
    expect(afterRemove.status).toBe(200);
    expect(afterRemove.body.counts.pairs).toBe(3);
    expect(afterRemove.body.unmatchedMentees).toContainEqual(expect.objectContaining({ personId: other.mentee.personId, reason: 'removed' }));
    const freed = other.mentor.personId;

    // Swap a third pair to the freed mentor: refused while excluded (naming the field), then done and locked.
    const third = (afterRemove.body.pairs as Pair[]).find((p) => p.id !== ana.id)!;
    const exclusion = await org.admin.as.post(matchingUrl(org, '/exclusions'), { menteePersonId: third.mentee.personId, mentorPersonId: freed });
    const refused = await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${third.id}/swap`), { mentorPersonId: freed });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'mentorPersonId', message: expect.stringMatching(/excluded/) });
    await org.admin.as.delete(matchingUrl(org, `/exclusions/${exclusion.body.id}`));
    const swapped = await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${third.id}/swap`), { mentorPersonId: freed });
    expect(swapped.status).toBe(200);
    const moved = (swapped.body.pairs as Pair[]).find((p) => p.id === third.id)!;
    expect(moved).toMatchObject({ mentor: { personId: freed }, source: 'swapped', locked: true });
    expect(moved.explanation).toContain(other.mentor.name);
    expect(swapped.body.unmatchedMentors).toContainEqual(expect.objectContaining({ personId: third.mentor.personId, reason: 'removed' }));

    // Full, paused, unknown and same mentor are refused; nothing changes.
    const fourth = (swapped.body.pairs as Pair[]).find((p) => p.id !== ana.id && p.id !== third.id)!;
    const full = await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${fourth.id}/swap`), { mentorPersonId: freed });
    expect(full.status).toBe(409);
    expect(full.body.detail).toMatch(/no capacity left/);
    expect((await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${fourth.id}/swap`), { mentorPersonId: id('Pavel Paused') })).status).toBe(409);
    const stranger = await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${fourth.id}/swap`), { mentorPersonId: id('Gus Paired') });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].field).toBe('mentorPersonId');
    expect((await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${fourth.id}/swap`), { mentorPersonId: fourth.mentor.personId })).status).toBe(400);
    expect((await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${crypto.randomUUID()}/lock`))).status).toBe(404);

    // Re-run: the lock and the swap stay, the removed pair is not proposed again, published pairs untouched.
    const rerun = await org.admin.as.post(matchingUrl(org, '/proposal/rerun'));
    expect(rerun.status).toBe(201);
    const again = rerun.body.pairs as Pair[];
    expect(pairOf(again, 'Ana Mentee')).toMatchObject({ mentor: { name: 'Mira Mentor' }, locked: true, source: 'locked' });
    expect(pairOf(again, third.mentee.name)).toMatchObject({ mentor: { personId: freed }, locked: true });
    expect(again.some((p) => p.mentee.personId === other.mentee.personId && p.mentor.personId === freed)).toBe(false);
    expect(pairOf(again, 'Gus Paired')).toBeUndefined();
    expect(rerun.body.counts.alreadyPaired).toBe(1);
    // The earlier draft is superseded: its pairs can no longer change.
    expect((await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${fourth.id}/unlock`))).status).toBe(409);
    expect((await org.admin.as.post(matchingUrl(org, '/proposal/publish'), { proposalId: first.id })).status).toBe(409);

    const published = await org.admin.as.post(matchingUrl(org, '/proposal/publish'), { proposalId: rerun.body.id });
    expect(published.status).toBe(200);
    expect(published.body.relationships).toBe(again.length);
    expect(published.body.proposal.status).toBe('published');
    const relationships = await t.context.db.selectFrom('mentoring_relationships').select(['id', 'mentor_person_id', 'mentee_person_id', 'state'])
      .where('program_id', '=', org.programId).where('origin', '=', 'matched').execute();
    expect(relationships).toHaveLength(again.length);
    expect(relationships.every((r) => r.state === 'active')).toBe(true);
    for (const pair of published.body.proposal.pairs as (Pair & { relationshipId: string })[]) {
      expect(relationships.find((r) => r.id === pair.relationshipId)).toMatchObject({ mentor_person_id: pair.mentor.personId, mentee_person_id: pair.mentee.personId });
      for (const personId of [pair.mentor.personId, pair.mentee.personId]) {
        const notice = await t.context.db.selectFrom('notices').select('title').where('person_id', '=', personId).where('kind', '=', 'mentoring.paired').execute();
        expect(notice.length).toBeGreaterThan(0);
      }
    }
    // The organization's audit log says who published, which proposal, and how many pairs.
    const audit = (await org.admin.as.get(`/api/orgs/${org.orgId}/audit-events?action=matching.published`)).body.items;
    expect(audit).toEqual([expect.objectContaining({
      actorPersonId: org.admin.person.id, subjectType: 'matching_proposal', subjectId: rerun.body.id,
      detail: { programId: org.programId, program: 'Northwind Growth', relationships: again.length },
    })]);
    expect((await org.admin.as.post(matchingUrl(org, '/proposal/publish'), { proposalId: rerun.body.id })).status).toBe(409);
    expect((await org.admin.as.post(matchingUrl(org, `/proposal/pairs/${again[0]!.id}/lock`))).status).toBe(409);
    expect((await org.admin.as.get(matchingUrl(org, '/proposal'))).body.status).toBe('published');

    // A later run leaves every published pair alone.
    const later = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    expect(later.counts.alreadyPaired).toBe(1 + again.length);
    for (const pair of later.pairs as Pair[]) expect(again.some((p) => p.mentee.personId === pair.mentee.personId)).toBe(false);
  });

  it('publishes all or nothing: a mentor filled meanwhile stops the whole publish', async () => {
    const proposal = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    const olga = (proposal.pairs as Pair[]).find((p) => p.mentor.name === 'Olga Mentor')!;
    // Meanwhile the admin pairs Olga by hand with someone left out of the proposal.
    const waiting = (proposal.unmatchedMentees as Unmatched[])[0]!;
    const manual = await org.admin.as.post(`/api/orgs/${org.orgId}/mentoring/programs/${org.programId}/pairs`, { mentorPersonId: id('Olga Mentor'), menteePersonId: waiting.personId });
    expect(manual.status).toBe(201);
    const refused = await org.admin.as.post(matchingUrl(org, '/proposal/publish'), { proposalId: proposal.id });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(olga.mentee.name);
    const matched = await t.context.db.selectFrom('mentoring_relationships').select('id').where('program_id', '=', org.programId).where('origin', '=', 'matched').execute();
    expect(matched).toHaveLength(0);
    expect((await org.admin.as.get(matchingUrl(org, '/proposal'))).body.status).toBe('draft');
    expect((await org.admin.as.get(`/api/orgs/${org.orgId}/audit-events?action=matching.published`)).body.items).toEqual([]);
  });

  it('is for the organization’s admins only, and 404 for another program or organization', async () => {
    const mentor = await signedIn(t, org.people.get('Mira Mentor')!);
    for (const [method, rest] of [['get', '/settings'], ['get', '/proposal'], ['post', '/runs'], ['get', '/exclusions']] as const) {
      expect((await mentor[method](matchingUrl(org, rest))).status, rest).toBe(403);
    }
    const elsewhere = await buildMatchingProgram(t, { name: 'Elsewhere' });
    const foreignUrl = `/api/orgs/${org.orgId}/mentoring/programs/${elsewhere.programId}/matching`;
    expect((await org.admin.as.get(`${foreignUrl}/settings`)).status).toBe(404);
    expect((await org.admin.as.post(`${foreignUrl}/runs`)).status).toBe(404);
    expect((await elsewhere.admin.as.get(`/api/orgs/${elsewhere.orgId}/mentoring/programs/${org.programId}/matching/proposal`)).status).toBe(404);
    // A pair of this program's proposal is unknown to another program of the same organization.
    const proposal = (await org.admin.as.post(matchingUrl(org, '/runs'))).body;
    const sibling = await buildMatchingProgram(t, { orgId: org.orgId, name: 'Sibling' });
    expect((await org.admin.as.post(matchingUrl(sibling, `/proposal/pairs/${proposal.pairs[0].id}/lock`))).status).toBe(404);
  });
});

describe('self-match suggestions (mentee)', () => {
  let t: TestApp;
  let org: MatchingOrg;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });
  const IDENTITY = 'Yes-IDENTITY-MARKER';

  beforeEach(async () => {
    org = await buildMatchingProgram(t, { pairingMode: 'mentee_choice' });
    const skills = ['Negotiation', 'Public speaking', 'Hiring', 'Budgeting', 'Strategy', 'Writing', 'Design critique'];
    for (const [index, name] of ['Ines', 'Jon', 'Kai', 'Lea', 'Max', 'Noor', 'Omar'].entries()) {
      await enrollProfile(org, 'mentor', { name: `${name} Mentor`, skills: [skills[index]!, skills[(index + 1) % skills.length]!], fn: 'Sales', years: 12, ...(name === 'Noor' ? { identity: IDENTITY } : {}) });
    }
    await enrollProfile(org, 'mentee', { name: 'Mo Mentee', skills: ['Negotiation', 'Public speaking', 'Strategy'], fn: 'Product', years: 2, identity: IDENTITY });
    // Omar manages Mo: never suggested.
    await t.context.db.updateTable('memberships').set({ manager_person_id: org.people.get('Omar Mentor')!.id }).where('org_id', '=', org.orgId).where('person_id', '=', org.people.get('Mo Mentee')!.id).execute();
  });

  it('gives an enrolled mentee five mentors with reasons in their words; asking one goes through requests', async () => {
    const mo = await signedIn(t, org.people.get('Mo Mentee')!);
    const response = await mo.get(matchingUrl(org, '/my-suggestions'));
    expect(response.status).toBe(200);
    const { suggestions } = response.body;
    expect(suggestions).toHaveLength(5);
    expect(suggestions[0].explanation).toMatch(/you want/);
    expect(suggestions[0].reasons.length).toBeGreaterThan(0);
    expect(suggestions.map((s: { mentor: { name: string } }) => s.mentor.name)).not.toContain('Omar Mentor');
    expect(response.body.inclusion).toEqual({ optedIn: false, hasSelfIdentification: true });

    const asked = await mo.post(`/api/orgs/${org.orgId}/mentoring/requests`, { mentorPersonId: suggestions[0].mentor.personId, message: 'Your reasons fit me well.', programId: org.programId });
    expect(asked.status).toBe(201);
    const after = (await mo.get(matchingUrl(org, '/my-suggestions'))).body;
    expect(after.suggestions.find((s: { mentor: { personId: string } }) => s.mentor.personId === suggestions[0].mentor.personId).requested).toBe(true);
  });

  it('says why fewer than five fit, and nothing when every mentor of the program is suggested', async () => {
    const mo = await signedIn(t, org.people.get('Mo Mentee')!);
    await t.context.db.updateTable('enrollments').set({ paused: 1 }).where('program_id', '=', org.programId)
      .where('person_id', 'in', ['Ines', 'Jon', 'Kai'].map((name) => org.people.get(`${name} Mentor`)!.id)).execute();
    const short = (await mo.get(matchingUrl(org, '/my-suggestions'))).body;
    expect(short.suggestions).toHaveLength(3);
    expect(short.shortfall).toBe('only 3 mentors fit; of the others, 3 have paused, 1 is in your reporting line');

    // A program with two mentors, both suggested: nothing is missing.
    const small = await buildMatchingProgram(t, { orgId: org.orgId, name: 'Small circle', pairingMode: 'mentee_choice' });
    const people = { ...small, people: org.people };
    for (const name of ['Lea Mentor', 'Max Mentor']) await enrollProfile(people, 'mentor', { name, skills: ['Negotiation'], fn: 'Sales', years: 12 });
    await enrollProfile(people, 'mentee', { name: 'Mo Mentee', skills: ['Negotiation'], fn: 'Product', years: 2 });
    const full = (await mo.get(matchingUrl(small, '/my-suggestions'))).body;
    expect(full.suggestions).toHaveLength(2);
    expect(full.shortfall).toBeNull();
    const preview = (await small.admin.as.post(matchingUrl(small, '/preview'), { menteePersonId: org.people.get('Mo Mentee')!.id })).body;
    expect(preview.candidates).toHaveLength(2);
    expect(preview.shortfall).toBeNull();
  });

  it('uses self-identification only for a mentee who opted in, and never shows the answer', async () => {
    const mo = await signedIn(t, org.people.get('Mo Mentee')!);
    const before = (await mo.get(matchingUrl(org, '/my-suggestions'))).body;
    expect(JSON.stringify(before)).not.toMatch(/inclusion preference/);
    const opted = await mo.put(matchingUrl(org, '/my-inclusion'), { optIn: true });
    expect(opted.status).toBe(200);
    expect(opted.body).toEqual({ optedIn: true, hasSelfIdentification: true });
    const after = (await mo.get(matchingUrl(org, '/my-suggestions'))).body;
    const noor = after.suggestions.find((s: { mentor: { name: string } }) => s.mentor.name === 'Noor Mentor');
    expect(noor.explanation).toMatch(/matches the inclusion preference you opted into/);
    const admin = org.admin.as;
    const texts = [
      JSON.stringify(after),
      JSON.stringify((await admin.post(matchingUrl(org, '/runs'))).body),
      JSON.stringify((await admin.post(matchingUrl(org, '/preview'), { menteePersonId: org.people.get('Mo Mentee')!.id, limit: 10 })).body),
    ];
    for (const text of texts) expect(text).not.toContain('IDENTITY-MARKER');
    expect((await mo.put(matchingUrl(org, '/my-inclusion'), { optIn: false })).body.optedIn).toBe(false);
    // A mentor has no inclusion choice here.
    const noorClient = await signedIn(t, org.people.get('Noor Mentor')!);
    expect((await noorClient.put(matchingUrl(org, '/my-inclusion'), { optIn: true })).status).toBe(403);
  });

  it('is only for approved mentees of a program where mentees choose', async () => {
    const stranger = await signedIn(t, await buildMember(t, org.orgId, ['member'], { name: 'Sam Stranger' }));
    expect((await stranger.get(matchingUrl(org, '/my-suggestions'))).status).toBe(403);
    const assigned = await buildMatchingProgram(t, { orgId: org.orgId, name: 'Assigned', pairingMode: 'admin_assigns' });
    await enrollProfile({ ...assigned, people: org.people }, 'mentee', { name: 'Mo Mentee', skills: ['Negotiation'] });
    const mo = await signedIn(t, org.people.get('Mo Mentee')!);
    expect((await mo.get(matchingUrl(assigned, '/my-suggestions'))).status).toBe(409);
  });
});
