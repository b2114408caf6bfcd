import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { runCairn } from '../../../test/support/cli.ts';
import { buildMatchingProgram, enrollProfile, type MatchingOrg } from '../../../test/support/matching.ts';

/* `cairn match`, run as a person runs it: the real command in its own process, on the test database. */
describe('cairn match', () => {
  let t: TestApp;
  let org: MatchingOrg;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildMatchingProgram(t, { name: 'Terminal Program' });
    await enrollProfile(org, 'mentor', { name: 'Mira Mentor', skills: ['Negotiation', 'Hiring'], interests: ['Chess'], fn: 'Sales', years: 12, capacity: 1 });
    await enrollProfile(org, 'mentor', { name: 'Pavel Paused', skills: ['Hiring'], fn: 'People', years: 10, capacity: 1 });
    await enrollProfile(org, 'mentee', { name: 'Ana Mentee', skills: ['Negotiation'], interests: ['Chess'], fn: 'Product', years: 2 });
    await enrollProfile(org, 'mentee', { name: 'Ben Mentee', skills: ['Hiring'], fn: 'Product', years: 3 });
    await t.context.db.updateTable('enrollments').set({ paused: 1 }).where('person_id', '=', org.people.get('Pavel Paused')!.id).execute();
  });
  afterAll(async () => { await t.close(); });

  const proposals = () => t.context.db.selectFrom('matching_proposals').select(['id', 'status']).where('program_id', '=', org.programId).execute();

  it('prints machine-readable JSON on a dry run and stores nothing', async () => {
    const result = await runCairn(['match', '--program', org.programId, '--dry-run', '--json'], t.testDb.env);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ program: { id: org.programId, name: 'Terminal Program' }, dryRun: true, proposalId: null, counts: { mentees: 2, mentors: 2, matched: 1, unmatchedMentees: 1 } });
    expect(output.pairs[0]).toMatchObject({ mentee: 'Ana Mentee', mentor: 'Mira Mentor', explanation: expect.stringMatching(/^Mira Mentor offers the skill Ana Mentee wants: Negotiation/) });
    expect(output.unmatchedMentees[0]).toMatchObject({ name: 'Ben Mentee', explanation: expect.any(String) });
    expect(output.distribution.buckets).toHaveLength(10);
    expect(await proposals()).toEqual([]);
  });

  it('shows the progress bar on stderr, over the engine’s phases, when asked (small programs go without)', async () => {
    const quiet = await runCairn(['match', '--program', org.programId, '--dry-run', '--json'], t.testDb.env);
    expect(quiet.stderr).not.toMatch(/phases/);
    const result = await runCairn(['match', '--program', org.programId, '--dry-run', '--json', '--progress'], t.testDb.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Matching loading \|.*\| 0\/4 phases/);
    expect(result.stderr).toMatch(/Matching done \|.*\| 4\/4 phases/);
    // The bar never mixes into the JSON.
    expect(JSON.parse(result.stdout)).toMatchObject({ dryRun: true, counts: { matched: 1 } });
  }, 120_000); // two process starts on a loaded machine

  it('stores a proposal for review (unpublished) and prints the summary', async () => {
    const result = await runCairn(['match', '--program', org.programId], t.testDb.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Matched: 1 of 2 mentees waiting/);
    expect(result.stdout).toMatch(/Unmatched mentees \(1\):\n {2}Ben Mentee \[\w+\]: /);
    expect(result.stdout).toMatch(/Pavel Paused \[paused\]: Pavel Paused has paused mentoring/);
    expect(result.stdout).toMatch(/Score distribution/);
    const stored = await proposals();
    expect(stored).toEqual([{ id: expect.any(String), status: 'draft' }]);
    expect(result.stdout).toContain(`Proposal ${stored[0]!.id} stored for review (not published)`);
    const relationships = await t.context.db.selectFrom('mentoring_relationships').select('id').where('program_id', '=', org.programId).execute();
    expect(relationships).toEqual([]);
  });

  it('says so when the program does not exist', async () => {
    const result = await runCairn(['match', '--program', crypto.randomUUID()], t.testDb.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No mentoring program has the id/);
  });
});
