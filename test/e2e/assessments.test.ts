import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ServedTestApp } from '../support/app.ts';
import { browserStage, expectAccessible, navigation, signInWithSession } from '../support/browser.ts';
import { buildMember, buildOrganization, FACTORY_PASSWORD } from '../support/factories.ts';

/*
 * The fit guide, assessments and 360 feedback in the browser:
 * 1. a visitor (no account) takes the fit guide, reads the reasons traced to their answers, opens
 *    what each kind of help involves, then follows "request a coach" through sign-in into the app
 *    and keeps the result with explicit consent;
 * 2. a client takes the Big Five (50 statements, partly with the keyboard), leaves and comes back
 *    to find the answers saved, finishes, and sees the chart of the five domains;
 * 3. a client runs a 360 round with four raters, each in their own browser through their emailed
 *    link (one of them through the reminder's fresh link); the round shows who answered, never
 *    what; the report shows aggregates only: a rater's comment without any name, no rater's own
 *    scores, and the lone direct report held back with the reason given.
 */

const SHOTS = process.env.CAIRN_SHOTS;

/** With CAIRN_SHOTS=<dir>, keeps a screenshot of the page to look at (never in normal runs). */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Links mailed to an address (the dev outbox keeps every message), newest last. */
async function mailedLinks(served: ServedTestApp, email: string, pattern: RegExp): Promise<string[]> {
  const mails = await served.context.db.selectFrom('outbox_messages').select(['body_text', 'created_at'])
    .where('to_email', '=', email.toLowerCase()).orderBy('created_at').execute();
  return mails.flatMap((mail) => [...mail.body_text.matchAll(pattern)].map((match) => match[0]));
}

/** Waits until the page says everything is saved. */
const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved at / }).first().waitFor();

describe('fit guide, assessments and 360 feedback in the browser', () => {
  const stage = browserStage();

  it('a visitor takes the fit guide, sees why, reads what each involves, and follows a next step through sign-in', async () => {
    const t = stage.factory;
    const orgId = await buildOrganization(t, 'Northwind Coaching');
    const member = await buildMember(t, orgId, ['member'], { name: 'Vera Visitor' });
    const visitor = await stage.person();
    const page = visitor.page;

    // The sign-in page points the unsure to the guide.
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Take the fit guide' }).click();
    await page.waitForURL(`${stage.served.url}/fit`);
    await page.getByRole('heading', { name: /Coaching or mentoring\? Find the help that fits you/ }).waitFor();
    await expectAccessible(page, 'fit guide introduction');
    await shot(page, 'fit-intro');
    await page.getByRole('button', { name: 'Start the guide' }).click();

    // Thirteen questions, one at a time. Answers lean to coaching; a few are "not sure".
    const choices: Record<number, RegExp> = {
      1: /^A specific skill or goal/, 2: /^A change others can observe/, 3: /^Within the next few months/, 4: /^Structured:/,
      5: /^When my goals are met/, 6: /^No: I would rather have a neutral outside view/, 7: /^Not really/, 8: /^Yes: trained and certified/,
      9: /^I want a written agreement/, 10: /^I do: I bring what matters/, 11: /^Being challenged with questions/, 12: /^Now and then, if they help/, 13: /^A leadership development program/,
    };
    for (let n = 1; n <= 13; n += 1) {
      await page.getByText(`Question ${n} of 13`).waitFor();
      if (n === 1) {
        await expectAccessible(page, 'fit guide question');
        await shot(page, 'fit-question');
      }
      const option = page.getByRole('radio', { name: choices[n]! });
      if (n % 3 === 0) {
        // With the keyboard: focus the choice, Space picks it, Enter goes on.
        await option.focus();
        await page.keyboard.press('Space');
        await expect.poll(() => option.isChecked()).toBe(true);
        await page.keyboard.press('Enter');
      } else {
        await option.check();
        if (n === 2) {
          // Going back keeps the answer given.
          await page.getByRole('button', { name: 'Back' }).click();
          await page.getByText('Question 1 of 13').waitFor();
          expect(await page.getByRole('radio', { name: choices[1]! }).isChecked()).toBe(true);
          await page.getByRole('button', { name: 'Next' }).click();
          await page.getByText('Question 2 of 13').waitFor();
          expect(await option.isChecked()).toBe(true);
        }
        await page.getByRole('button', { name: n === 13 ? 'See my result' : 'Next' }).click();
      }
    }

    await page.waitForURL(/\/fit\/results\/[A-Za-z0-9_-]+$/);
    const resultUrl = page.url();
    await page.getByRole('heading', { name: 'Coaching looks like the better fit' }).waitFor();
    await page.getByText(/^high · \d+%$/).waitFor();
    // Each reason names the answers that produced it.
    const why = page.getByRole('region', { name: 'Why' });
    const structure = why.getByRole('listitem').filter({ hasText: 'You want structure' });
    await structure.getByText('What kind of arrangement suits you?').waitFor();
    await structure.getByText('“Structured: agreed goals, regular sessions and a timeline with milestones”').waitFor();
    await why.getByRole('listitem').filter({ hasText: 'You want it time-bound' }).getByText('When should it end?').waitFor();
    await why.getByRole('button', { name: /^Show \d+ more reasons$/ }).click();
    await why.getByRole('listitem').filter({ hasText: 'This is part of a leadership development program' })
      .getByText('“A leadership development program”').waitFor();
    expect(await page.getByRole('textbox', { name: 'Link to this result' }).inputValue()).toBe(resultUrl);
    await expectAccessible(page, 'fit guide result');
    await shot(page, 'fit-result');

    // Read what each involves, then come back to the shared link: the same result, recomputed.
    await page.getByRole('link', { name: /^Read what coaching involves/ }).click();
    await page.waitForURL(`${stage.served.url}/fit/about#coaching`);
    await page.getByRole('heading', { name: 'Coaching and mentoring: what each involves' }).waitFor();
    await page.getByRole('cell', { name: 'Open-ended; lasts while both find it worthwhile', exact: false }).waitFor();
    await expectAccessible(page, 'what each involves');
    await shot(page, 'fit-about');
    await page.goto(resultUrl);
    await page.getByRole('heading', { name: 'Coaching looks like the better fit' }).waitFor();

    // Requesting a coach needs an account: sign in, and land on the coach directory.
    await page.getByRole('link', { name: /^Request a coach/ }).click();
    await page.waitForURL(/\/sign-in\?next=%2Ffit%2Fgo%2Frequest_coach$/);
    await expectAccessible(page, 'sign-in on the way to a next step');
    await page.getByLabel('Email').fill(member.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(FACTORY_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stage.served.url}/orgs/${orgId}/coaching/coaches`);

    // Signed in, the result can be kept, but only with consent.
    await page.goto(resultUrl);
    const keep = page.getByRole('region', { name: 'Keep it in your account' });
    await keep.getByRole('button', { name: 'Keep this result' }).click();
    await keep.getByText('Tick this to keep the result').waitFor();
    await keep.getByRole('checkbox', { name: 'I agree to keep this result in my Cairn account' }).check();
    await keep.getByRole('button', { name: 'Keep this result' }).click();
    await keep.getByText('Kept in your account').waitFor();
    await keep.getByRole('link', { name: 'See your saved results' }).click();
    await page.waitForURL(`${stage.served.url}/orgs/${orgId}/fit-guide`);
    await page.getByRole('list', { name: 'Your saved results' }).getByText('Coaching looks like the better fit').waitFor();
    await expectAccessible(page, 'saved fit guide results');

    expect(visitor.errors).toEqual([]);
  }, 180_000);

  it('a client takes the Big Five, leaves half-way and resumes, and sees the five domains charted', async () => {
    const t = stage.factory;
    const orgId = await buildOrganization(t, 'Lighthouse Mentoring');
    const client = await buildMember(t, orgId, ['member'], { name: 'Cliff Client' });
    await buildMember(t, orgId, ['mentor'], { name: 'Maren Mentor' });
    const person = await stage.person();
    const page = person.page;
    await signInWithSession(stage.served, person, client.id);

    await navigation(page).getByRole('link', { name: 'Assessments' }).click();
    await page.getByRole('heading', { name: 'Big Five personality (IPIP, 50 items)' }).waitFor();
    await expectAccessible(page, 'assessments list');
    await shot(page, 'assessments-list');
    await page.getByRole('button', { name: 'Start: Big Five personality (IPIP, 50 items)' }).click();
    await page.waitForURL(/\/assessments\/attempts\/[0-9a-f-]{36}$/);
    const attemptUrl = page.url();
    await page.getByRole('heading', { name: 'Statements 1–10 of 50' }).waitFor();
    await expectAccessible(page, 'taking the Big Five');

    // A pattern: the answer cycles through the scale, statement by statement.
    const LABELS = ['Very inaccurate', 'Moderately inaccurate', 'Neither accurate nor inaccurate', 'Moderately accurate', 'Very accurate'];
    const statement = (n: number): Locator => page.getByRole('group', { name: new RegExp(`^${n}\\. `) });
    const answer = async (n: number) => statement(n).getByRole('radio', { name: LABELS[(n * 2) % 5]!, exact: true }).check();

    // The first five with the keyboard: Tab into the group, the arrows choose.
    await statement(1).getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    for (let n = 2; n <= 5; n += 1) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
    }
    for (let n = 1; n <= 5; n += 1) expect(await statement(n).getByRole('radio', { checked: true }).count()).toBe(1);
    for (let n = 6; n <= 10; n += 1) await answer(n);
    await page.getByText('10 of 50 answered').waitFor();
    await saved(page);
    await shot(page, 'assessment-taking');
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByRole('heading', { name: 'Statements 11–20 of 50' }).waitFor();
    for (let n = 11; n <= 20; n += 1) await answer(n);
    await saved(page);

    // Leave and come back: the answers were saved, and it resumes where it was left.
    await page.goto(`/orgs/${orgId}/assessments`);
    await page.getByText('In progress: 20 of 50 answered').waitFor();
    await page.getByRole('link', { name: 'Resume Big Five personality (IPIP, 50 items)' }).click();
    await page.waitForURL(attemptUrl);
    await page.getByText('20 of 50 answered').waitFor();
    await page.getByRole('heading', { name: 'Statements 21–30 of 50' }).waitFor();
    for (let page3 = 0; page3 < 3; page3 += 1) {
      const first = 21 + page3 * 10;
      for (let n = first; n < first + 10; n += 1) await answer(n);
      if (page3 < 2) {
        await page.getByRole('button', { name: 'Next page' }).click();
        await page.getByRole('heading', { name: `Statements ${first + 10}–${first + 19} of 50` }).waitFor();
      }
    }
    await page.getByText('50 of 50 answered').waitFor();
    await page.getByRole('button', { name: 'See my results' }).click();

    await page.getByRole('heading', { name: 'Your scores' }).waitFor();
    const chart = page.getByRole('figure', { name: /Big Five personality \(IPIP, 50 items\): scores/ });
    for (const domain of ['Extraversion', 'Agreeableness', 'Conscientiousness', 'Emotional stability', 'Intellect / Imagination']) {
      await chart.getByText(domain, { exact: true }).waitFor();
    }
    // The bands are named along the chart.
    for (const band of ['Lower', 'Middle', 'Higher']) expect(await chart.getByText(band, { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'What the scores mean' }).waitFor();
    await page.getByText('This is the only completed result so far.').waitFor();
    await expectAccessible(page, 'Big Five result');
    await shot(page, 'assessment-result');

    // Share the result with a colleague found by name, then stop sharing.
    const sharing = page.getByRole('region', { name: 'Sharing' });
    await sharing.getByText('Not shared with anyone').waitFor();
    await sharing.getByRole('combobox', { name: 'Share with' }).fill('Maren');
    await page.getByRole('option', { name: 'Maren Mentor' }).click();
    await sharing.getByRole('button', { name: 'Share', exact: true }).click();
    await sharing.getByRole('list', { name: 'Shared with' }).getByText('Maren Mentor').waitFor();
    await sharing.getByRole('button', { name: 'Stop sharing with Maren Mentor' }).click();
    await sharing.getByText('Not shared with anyone').waitFor();

    await page.goto(`/orgs/${orgId}/assessments?view=results`);
    await page.getByRole('table', { name: 'Your assessments, newest first' }).getByText('Completed').waitFor();
    await expectAccessible(page, 'your results');

    expect(person.errors).toEqual([]);
  }, 180_000);

  it('runs a 360 round with four raters in their own browsers; the report holds aggregates only', async () => {
    const t = stage.factory;
    const orgId = await buildOrganization(t, 'Summit Partners');
    const subject = await buildMember(t, orgId, ['member'], { name: 'Sam Subject' });
    const raters = [
      { name: 'Petra Peer', email: 'petra.peer@summit.example', relationship: 'Peer', comment: 'Petra-7Q: your launch retrospectives made the whole team braver.' },
      { name: 'Paolo Peer', email: 'paolo.peer@summit.example', relationship: 'Peer', comment: '' },
      { name: 'Pia Peer', email: 'pia.peer@summit.example', relationship: 'Peer', comment: 'Pia-3K: decisions sometimes wait a week longer than they need to.' },
      { name: 'Dara Report', email: 'dara.report@summit.example', relationship: 'Direct report', comment: 'Dara-9Z: a lone voice that must stay unheard.' },
    ];
    const owner = await stage.person();
    const page = owner.page;
    await signInWithSession(stage.served, owner, subject.id);

    // Start a round.
    await navigation(page).getByRole('link', { name: '360° feedback' }).click();
    await page.getByRole('heading', { name: 'No feedback rounds yet' }).waitFor();
    await expectAccessible(page, '360 feedback, empty');
    await page.getByRole('button', { name: 'Start a round' }).first().click();
    const start = page.getByRole('dialog', { name: 'Start a 360° feedback round' });
    await start.getByLabel('Title (optional)').fill('Sam’s leadership 360');
    await expectAccessible(page, 'start a round dialog');
    await start.getByRole('button', { name: 'Start the round' }).click();
    await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
    const roundUrl = page.url();
    await page.getByRole('heading', { name: 'Sam’s leadership 360' }).waitFor();

    // Nominate four raters by email, with their relationship.
    const nominate = page.getByRole('region', { name: 'Nominate raters' });
    for (const [index, rater] of raters.entries()) {
      if (index > 0) await nominate.getByRole('button', { name: 'Add another rater' }).click();
      await nominate.getByLabel(`Email of rater ${index + 1}`).fill(rater.email);
      await nominate.getByLabel('Name (optional)').nth(index).fill(rater.name);
      await nominate.getByRole('combobox', { name: 'Relationship' }).nth(index).click();
      await page.getByRole('option', { name: rater.relationship, exact: true }).click();
    }
    await expectAccessible(page, 'nominating raters');
    await nominate.getByRole('button', { name: 'Send 4 invitations' }).click();
    await page.getByText('4 invitations were sent.').waitFor();
    const table = page.getByRole('table', { name: 'Raters of this round and whether they have answered' });
    await table.getByRole('row', { name: /Dara Report/ }).getByText('Waiting').waitFor();
    await expectAccessible(page, 'round collecting');
    await shot(page, 'round-collecting');

    // Each rater, in their own browser, through the link in their mail.
    const linkPattern = /http:\/\/[^\s]+\/feedback\/[A-Za-z0-9_-]+/g;
    const answerAsRater = async (link: string, rater: (typeof raters)[number], index: number) => {
      const browserOf = await stage.person();
      const r = browserOf.page;
      await r.goto(link);
      await r.getByRole('heading', { name: 'Feedback for Sam Subject' }).waitFor();
      await r.getByText(/^Your answers are anonymous\. They are shown only as an average/).waitFor();
      if (index === 0) await expectAccessible(r, 'rater page');
      // The first statement of each competency, rated with a pattern; the rest left unseen.
      const sections = r.getByRole('region');
      const count = await sections.count();
      for (let s = 0; s < count; s += 1) {
        const first = sections.nth(s).getByRole('group').first();
        if (!(await first.count())) continue;
        await first.getByRole('radio', { name: ['Often', 'Almost always', 'Sometimes', 'Seldom'][(s + index) % 4]!, exact: true }).check();
      }
      if (rater.comment) await r.getByLabel('A comment for Sam Subject (optional)').fill(rater.comment);
      // Saved as they go (shown once); sending carries the answers on screen anyway.
      if (index === 0) {
        await saved(r);
        await shot(r, 'rater-page');
      }
      await r.getByRole('button', { name: 'Send my feedback' }).click();
      const confirm = r.getByRole('dialog', { name: 'Send your feedback to Sam Subject?' });
      if (index === 0) await expectAccessible(r, 'rater confirmation');
      await confirm.getByRole('button', { name: 'Send' }).click();
      await r.getByRole('heading', { name: 'Thank you: your feedback was sent' }).waitFor();
      if (index === 0) await expectAccessible(r, 'rater thank-you');
      expect(browserOf.errors).toEqual([]);
      await browserOf.context.close();
    };
    for (const [index, rater] of raters.slice(0, 3).entries()) {
      const [link] = await mailedLinks(stage.served, rater.email, linkPattern);
      await answerAsRater(link!, rater, index);
    }

    // Three answered: the round shows who, never what. Remind the fourth.
    await page.reload();
    await page.getByText('3 of 4 answered').waitFor();
    await table.getByRole('row', { name: /Petra Peer/ }).getByText('Answered').waitFor();
    await page.getByRole('button', { name: 'Remind the rater' }).click();
    await page.getByText('Reminded 1 rater.').waitFor();
    const dara = raters[3]!;
    const [oldLink, freshLink] = await mailedLinks(stage.served, dara.email, linkPattern);
    expect(freshLink).toBeDefined();
    // The reminder's link replaces the first one.
    const stale = await stage.person();
    await stale.page.goto(oldLink!);
    await stale.page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await expectAccessible(stale.page, 'rater page with a replaced link');
    await stale.context.close();
    await answerAsRater(freshLink!, dara, 3);

    // The self-assessment, on the same behaviours.
    await page.reload();
    await page.getByRole('link', { name: 'Rate yourself' }).click();
    await page.getByRole('heading', { name: 'Your self-assessment' }).waitFor();
    await expectAccessible(page, 'self-assessment');
    const competencies = page.getByRole('region');
    const count = await competencies.count();
    for (let s = 0; s < count; s += 1) {
      const first = competencies.nth(s).getByRole('group').first();
      if (!(await first.count())) continue;
      await first.getByRole('radio', { name: s % 2 ? 'Almost always' : 'Seldom', exact: true }).check();
    }
    await saved(page);
    await page.getByRole('button', { name: 'Mark it done' }).click();
    await page.waitForURL(roundUrl);
    await page.getByText('4 of 4 answered').waitFor();

    // Close the round: the report appears, aggregates only.
    await page.getByRole('button', { name: 'Close the round' }).click();
    await page.getByRole('dialog', { name: 'Close the round now?' }).getByRole('button', { name: 'Close the round' }).click();
    await page.getByRole('link', { name: 'See the report' }).click();
    await page.getByRole('heading', { name: 'Self and others, per competency' }).waitFor();
    const comments = page.getByRole('list', { name: 'Comments from raters' });
    await comments.getByText(raters[0]!.comment).waitFor();
    await comments.getByText(raters[2]!.comment).waitFor();
    // The lone direct report is held back, comment included, and the report says why.
    await page.getByText('Held back: 1').waitFor();
    await page.getByText(/One response is held back: its group was too small to show, even combined/).waitFor();
    const html = await page.content();
    expect(html).not.toContain(raters[3]!.comment);
    for (const rater of raters) {
      expect(html, 'no rater is named in the report').not.toContain(rater.name);
      expect(html, 'no rater address in the report').not.toContain(rater.email);
    }
    // Columns are groups and averages, never raters.
    const scores = page.getByRole('table', { name: /The averages behind the chart/ });
    expect(await scores.getByRole('columnheader').allTextContents()).toEqual(['Competency', 'You', 'All others', 'Peers', 'Gap']);
    expect(await scores.getByRole('row').nth(1).getByRole('cell').nth(1).textContent()).toMatch(/^\d(\.\d+)? \(3\)$/);
    await page.getByRole('heading', { name: /Blind spots/ }).waitFor();
    await page.getByRole('heading', { name: /Hidden strengths/ }).waitFor();
    await expectAccessible(page, '360 report');
    await shot(page, 'report');

    expect(owner.errors).toEqual([]);
  }, 240_000);
});
