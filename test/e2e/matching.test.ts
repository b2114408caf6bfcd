import { describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { browserStage, expectAccessible, screenshot, signInAs,  } from '../support/browser.ts';
import { FACTORY_PASSWORD } from '../support/factories.ts';
import { buildMatchingProgram, enrollProfile } from '../support/matching.ts';

/*
 * Matching in the browser, each person in their own profile.
 *
 * 1. An admin tunes the weights of a program with twelve people enrolled (made through the
 *    services, fast), reads the live preview of a pair, runs matching, reads the explanations and
 *    the score distribution, locks a pair, re-runs (the lock holds), and publishes: the pairs
 *    become relationships.
 * 2. A mentee in a program where mentees choose reads their five suggestions with the reasons and
 *    requests one.
 */

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true })).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('matching in the browser', () => {
  const stage = browserStage();

  it('an admin configures weights, runs matching, reads explanations, locks a pair, re-runs and publishes', async () => {
    const t = stage.factory;
    const org = await buildMatchingProgram(t, { name: 'Northwind Growth', apiClient: false });
    const mentors = [
      { name: 'Mira Mentor', skills: ['System design', 'Code review'], goals: ['Get promoted'], fn: 'Engineering', years: 14, capacity: 2 },
      { name: 'Nils Mentor', skills: ['Negotiation', 'Public speaking'], goals: ['Build confidence'], fn: 'Sales', years: 11, capacity: 2 },
      { name: 'Olga Mentor', skills: ['Design critique', 'User research'], fn: 'Design', years: 9, capacity: 2 },
      { name: 'Paul Mentor', skills: ['Budgeting', 'Forecasting'], fn: 'Finance', years: 16, capacity: 2 },
    ];
    const mentees = [
      { name: 'Ana Mentee', skills: ['System design', 'Code review'], goals: ['Get promoted'], fn: 'Product', years: 3 },
      { name: 'Ben Mentee', skills: ['Negotiation'], goals: ['Build confidence'], fn: 'Product', years: 2 },
      { name: 'Cleo Mentee', skills: ['Design critique', 'User research'], fn: 'Engineering', years: 2 },
      { name: 'Dev Mentee', skills: ['Budgeting'], fn: 'Marketing', years: 4 },
      { name: 'Eve Mentee', skills: ['Public speaking'], fn: 'Data', years: 1 },
      { name: 'Finn Mentee', skills: ['Code review'], fn: 'Design', years: 2 },
      { name: 'Gia Mentee', skills: ['Forecasting'], fn: 'Sales', years: 3 },
      { name: 'Hal Mentee', skills: ['User research'], fn: 'Finance', years: 2 },
    ];
    for (const mentor of mentors) await enrollProfile(org, 'mentor', mentor);
    for (const mentee of mentees) await enrollProfile(org, 'mentee', mentee);

    const admin = await stage.person();
    onTestFailed(() => screenshot(admin.page, 'failed-matching-admin'));
    const a = admin.page;
    await signInAs(a, org.admin.person.email, FACTORY_PASSWORD);

    // From the program's admin page to its matching.
    await a.goto(`/orgs/${org.orgId}/mentoring/admin/programs/${org.programId}`);
    await a.getByRole('link', { name: 'Matching' }).click();
    await a.getByRole('heading', { name: 'Matching: Northwind Growth' }).waitFor();
    await a.getByText('No proposal yet').waitFor();
    await expectAccessible(a, 'matching with no proposal');

    // Weights: skills count more; the live preview follows the draft before it is saved.
    await a.getByRole('tab', { name: 'Weights and preview' }).click();
    await a.getByText('3 points (default)').first().waitFor();
    const skills = a.getByRole('slider', { name: 'Skills weight' });
    await skills.focus();
    for (let i = 0; i < 4; i += 1) await skills.press('ArrowRight');
    await a.getByText('5 points (default 3)').waitFor();
    await choose(a, 'Mentee', 'Ana Mentee');
    await choose(a, 'Mentor', 'Mira Mentor');
    const result = a.getByTestId('preview-result');
    await result.getByText(/Mira Mentor offers both skills Ana Mentee wants: System design and Code review/).waitFor();
    await result.getByRole('table', { name: /How Mira Mentor’s score adds up/ }).getByRole('row', { name: /Skills 100% 5 5\.00/ }).waitFor();
    await expectAccessible(a, 'weights and the live preview');
    await a.getByRole('button', { name: 'Save settings' }).click();
    await a.getByText('Matching settings saved. The next run uses them.').waitFor();

    // Run, and read the proposal.
    await a.getByRole('tab', { name: 'Proposal' }).click();
    await a.getByRole('button', { name: 'Run matching' }).click();
    await a.getByText(/Matching ran: 8 pairs proposed/).waitFor();
    const anaPair = a.getByRole('listitem', { name: 'Ana Mentee with Mira Mentor' });
    await anaPair.getByText(/^Mira Mentor offers both skills Ana Mentee wants/).waitFor();
    await anaPair.getByRole('button', { name: 'How the score adds up' }).click();
    await anaPair.getByRole('table', { name: /How the score of Ana Mentee with Mira Mentor adds up/ }).waitFor();
    await a.getByRole('img', { name: /Score distribution of the proposed pairs/ }).waitFor();
    await a.getByRole('heading', { name: 'Unmatched mentees (0)' }).waitFor();
    await expectAccessible(a, 'the proposal under review');

    // Lock Ana with Mira, re-run: the lock holds.
    await anaPair.getByRole('button', { name: 'Lock Ana Mentee with Mira Mentor' }).click();
    await anaPair.getByText('Locked').waitFor();
    await a.getByRole('button', { name: 'Re-run (keeps locked pairs)' }).click();
    await a.getByText(/Re-run done: 1 locked pair kept, 8 in all/).waitFor();
    await a.getByRole('listitem', { name: 'Ana Mentee with Mira Mentor' }).getByRole('button', { name: 'Unlock Ana Mentee with Mira Mentor' }).waitFor();

    // Publish, with a confirmation.
    await a.getByRole('button', { name: 'Publish…' }).click();
    const confirm = a.getByRole('dialog', { name: 'Publish 8 pairs?' });
    await confirm.waitFor();
    await expectAccessible(a, 'the publish confirmation');
    await confirm.getByRole('button', { name: 'Publish 8 pairs' }).click();
    await a.getByText(/Published: 8 relationships began/).waitFor();
    await a.getByText('Published', { exact: true }).waitFor();
    const relationships = await t.context.db.selectFrom('mentoring_relationships').select(['mentor_person_id', 'mentee_person_id', 'state', 'origin'])
      .where('program_id', '=', org.programId).execute();
    expect(relationships).toHaveLength(8);
    expect(relationships.every((r) => r.state === 'active' && r.origin === 'matched')).toBe(true);
    expect(relationships).toContainEqual(expect.objectContaining({ mentor_person_id: org.people.get('Mira Mentor')!.id, mentee_person_id: org.people.get('Ana Mentee')!.id }));
    await a.getByRole('listitem', { name: 'Ana Mentee with Mira Mentor' }).getByRole('link', { name: 'Open the relationship' }).click();
    await a.waitForURL(/\/mentoring\/relationships\/[0-9a-f-]{36}$/);
    expect(admin.errors).toEqual([]);
  }, 150_000);

  it('a mentee in self-match mode reads five suggestions with the reasons and requests one', async () => {
    const t = stage.factory;
    const org = await buildMatchingProgram(t, { name: 'Choose Your Mentor', pairingMode: 'mentee_choice', apiClient: false });
    const skills = ['Negotiation', 'Public speaking', 'Hiring', 'Strategy', 'Budgeting', 'Writing'];
    for (const [index, name] of ['Ines', 'Jon', 'Kai', 'Lea', 'Max', 'Noor'].entries()) {
      await enrollProfile(org, 'mentor', { name: `${name} Mentor`, skills: [skills[index]!, skills[(index + 2) % skills.length]!], fn: 'Sales', years: 10 + index });
    }
    await enrollProfile(org, 'mentee', { name: 'Mo Mentee', skills: ['Negotiation', 'Strategy'], fn: 'Product', years: 2 });

    const mentee = await stage.person();
    onTestFailed(() => screenshot(mentee.page, 'failed-matching-mentee'));
    const m = mentee.page;
    await signInAs(m, org.people.get('Mo Mentee')!.email, FACTORY_PASSWORD);
    await m.goto(`/orgs/${org.orgId}/mentoring/programs/${org.programId}`);
    await m.getByRole('link', { name: 'Suggested mentors' }).click();
    await m.getByRole('heading', { name: 'Suggested mentors', level: 1 }).waitFor();
    const list = m.getByRole('list', { name: 'Suggested mentors, best first' });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(5);
    const first = list.locator(':scope > li').first();
    await first.getByText(/skills you want/).first().waitFor();
    await expectAccessible(m, 'suggested mentors');

    const name = (await first.getByRole('button', { name: /^Request .* as your mentor$/ }).getAttribute('aria-label'))!.replace(/^Request (.*) as your mentor$/, '$1');
    await first.getByRole('button', { name: `Request ${name} as your mentor` }).click();
    const dialog = m.getByRole('dialog', { name: `Ask ${name} to mentor you` });
    await dialog.getByRole('textbox', { name: 'Your message' }).fill('Your reasons fit me well: could we talk about negotiation?');
    await expectAccessible(m, 'the request dialog');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await m.getByText(`Request sent to ${name}. They have 14 days to answer.`).waitFor();
    await first.getByText('Requested').waitFor();
    const request = await t.context.db.selectFrom('mentoring_relationships').select(['state', 'origin', 'mentor_person_id', 'program_id'])
      .where('mentee_person_id', '=', org.people.get('Mo Mentee')!.id).executeTakeFirstOrThrow();
    expect(request).toEqual({ state: 'requested', origin: 'program', mentor_person_id: org.people.get(name)!.id, program_id: org.programId });
    expect(mentee.errors).toEqual([]);
  }, 90_000);
});
