import { describe, expect, it, onTestFailed } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserStage, expectAbsent, expectAccessible, navigation, screenshot, signInWithSession, tab } from '../support/browser.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { reviewDueIn } from '../support/mentoring-activity.ts';
import { enroll } from '../../src/features/mentoring/programs/service.ts';

/*
 * The mentoring journeys, each person in their own browser profile.
 *
 * 1. Organic: a mentor offers to mentor; a member asks them; the mentor accepts; each logs a
 *    check-in (with a private reflection); at the review both continue; at the next one the
 *    mentee concludes; the mentor reads the kind words, with nobody blamed, and leaves an
 *    appreciation that the mentee reads.
 * 2. A program: the admin creates it with its questions; a mentor and a mentee enroll through
 *    the page (the mentee with self-identification and consent), the admin approves and pairs
 *    them; the relationship is active for both.
 *
 * Throughout: a private reflection never reaches the other person or the admin's browser.
 */

const MENTOR_REFLECTION = 'Private to Maya: I talked too much in the first half; ask more next time';
const MENTEE_REFLECTION = 'Private to Mo: I was afraid to say I want Maya’s job one day';
const SHARED_NOTES = 'Agreed Mo drafts a one-page pitch for the platform rewrite before we meet again';
const APPRECIATION = 'Thank you, Mo, for your honesty and for every question that made me think.';



/** Picks an option of a Mantine Select by typing part of it. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Adds tags to a Mantine TagsInput (within a dialog or form when given). */
async function tags(scope: Page | Locator, label: string, values: string[]) {
  const input = scope.getByRole('combobox', { name: label });
  for (const value of values) {
    await input.fill(value);
    await input.press('Enter');
  }
}

describe('mentoring in the browser', () => {
  const stage = browserStage();

  it('a member finds a mentor, they meet and review, and close kindly; nothing private leaks', async () => {
    const t = stage.factory;
    const orgId = await buildOrganization(t, 'Northwind Mentoring');
    const cast = {
      admin: await buildMember(t, orgId, ['admin'], { name: 'Ada Admin' }),
      mentor: await buildMember(t, orgId, ['mentor'], { name: 'Maya Mentor' }),
      mentee: await buildMember(t, orgId, ['member'], { name: 'Mo Mentee' }),
    };
    const [mentee, mentor, admin] = await Promise.all([0, 1, 2].map(() => stage.person()));
    onTestFailed(() => Promise.all([mentee!, mentor!, admin!].map((person, index) => screenshot(person.page, `failed-organic-${index}`))).then(() => undefined));
    await Promise.all([
      signInWithSession(stage.served, mentee!, cast.mentee.id),
      signInWithSession(stage.served, mentor!, cast.mentor.id),
      signInWithSession(stage.served, admin!, cast.admin.id),
    ]);
    const e = mentee!.page;
    const m = mentor!.page;
    const a = admin!.page;

    // 1. The mentor offers to mentor from the directory.
    await navigation(m).getByRole('link', { name: 'Find a mentor' }).click();
    await m.getByText('No mentors listed yet').waitFor();
    await m.getByRole('button', { name: 'Offer to mentor' }).first().click();
    const offer = m.getByRole('dialog', { name: 'Offer to mentor' });
    await tags(offer, 'Expertise', ['Platform engineering', 'Career moves']);
    await offer.getByLabel('Ask me about').fill('Moving from engineering into management, and staying technical while you do.');
    await offer.getByLabel('Availability').fill('Tuesday mornings, video or coffee');
    await offer.getByLabel('Capacity').fill('2');
    await expectAccessible(m, 'offer to mentor dialog over the empty directory');
    await offer.getByRole('button', { name: 'Offer to mentor' }).click();
    await m.getByText('You now appear in the mentor directory.').waitFor();
    await m.getByRole('listitem', { name: 'Maya Mentor' }).getByText('2 of 2 places open').waitFor();

    // 2. The member finds her and asks, with a message.
    await navigation(e).getByRole('link', { name: 'Find a mentor' }).click();
    await e.getByRole('heading', { name: 'Maya Mentor' }).waitFor();
    await e.getByRole('searchbox', { name: 'Search mentors' }).fill('management');
    await e.waitForURL(/q=management/);
    await e.getByRole('heading', { name: 'Maya Mentor' }).waitFor();
    await screenshot(e, 'mentoring-directory');
    await e.getByRole('button', { name: 'Ask Maya Mentor to mentor you' }).click();
    const ask = e.getByRole('dialog', { name: 'Ask Maya Mentor to mentor you' });
    await ask.getByLabel('Your message').fill('I lead the platform team since March and would love your perspective on growing into management.');
    await expectAccessible(e, 'ask a mentor dialog over the directory');
    await ask.getByRole('button', { name: 'Send request' }).click();
    const myRequest = e.getByRole('listitem', { name: 'Request to Maya Mentor' });
    await myRequest.getByText('Requested').waitFor();
    await myRequest.getByRole('button', { name: 'Withdraw your request to Maya Mentor' }).waitFor();

    // 3. The mentor sees the request on her home (and a notice) and accepts.
    await navigation(m).getByRole('link', { name: 'Mentoring', exact: true }).click();
    await m.getByRole('link', { name: 'Notices, 1 unread' }).waitFor();
    const request = m.getByRole('listitem', { name: 'Request from Mo Mentee' });
    await request.getByText('would love your perspective').waitFor();
    await expectAccessible(m, 'mentor home with a request');
    await screenshot(m, 'mentoring-mentor-home-request');
    await request.getByRole('button', { name: 'Accept Mo Mentee’s request' }).click();
    await m.waitForURL(/\/mentoring\/relationships\/[0-9a-f-]{36}$/);
    const relationshipPath = new URL(m.url()).pathname;
    const relationshipId = relationshipPath.split('/').at(-1)!;
    await m.getByRole('heading', { name: 'Mentoring Mo Mentee' }).waitFor();
    await m.getByText('No check-ins yet').waitFor();

    // 4. Two check-ins: the mentor logs the first, the mentee the second, each with a private reflection.
    await m.getByRole('button', { name: 'Log a check-in' }).click();
    const first = m.getByRole('form', { name: 'Log a check-in' });
    await tags(m, 'Topics', ['First conversation', 'Career path']);
    await first.getByLabel('Shared notes').fill('Got to know each other; Mo wants to grow into leading leads.');
    await first.getByLabel('Your private reflection (optional)').fill(MENTOR_REFLECTION);
    await expectAccessible(m, 'new relationship with the check-in form (mentor)');
    await first.getByRole('button', { name: 'Log check-in' }).click();
    await m.getByText('Check-in logged, with your private reflection.').waitFor();
    await m.getByRole('list', { name: 'Check-ins' }).getByText('Career path').waitFor();

    await e.goto(relationshipPath);
    await e.getByRole('heading', { name: 'Mentored by Maya Mentor' }).waitFor();
    await e.getByRole('list', { name: 'Check-ins' }).getByText('Career path').waitFor();
    await e.getByRole('button', { name: 'Log a check-in' }).click();
    const second = e.getByRole('form', { name: 'Log a check-in' });
    await tags(e, 'Topics', ['Platform rewrite pitch']);
    await second.getByLabel('Shared notes').fill(SHARED_NOTES);
    await second.getByLabel('Your private reflection (optional)').fill(MENTEE_REFLECTION);
    await second.getByRole('button', { name: 'Log check-in' }).click();
    await e.getByText('Check-in logged, with your private reflection.').waitFor();
    await e.getByRole('button', { name: 'Show your reflections' }).click();
    await e.getByText(MENTEE_REFLECTION).waitFor();
    await e.getByText('Only you can read this').first().waitFor();
    await expectAbsent(e, MENTOR_REFLECTION, 'the mentee’s relationship page');
    await expectAccessible(e, 'relationship with check-ins and a reflection (mentee)');
    await screenshot(e, 'mentoring-relationship-mentee');

    // The mentor reads the shared notes, and only her own reflection.
    await m.reload();
    await m.getByText(SHARED_NOTES).waitFor();
    await m.getByRole('button', { name: 'Show your reflections' }).click();
    await m.getByText(MENTOR_REFLECTION).waitFor();
    await expectAbsent(m, MENTEE_REFLECTION, 'the mentor’s relationship page');

    // The admin sees state and health only.
    await a.goto(relationshipPath);
    await a.getByText('As an admin you see this relationship’s state, health and counts.').waitFor();
    await expectAccessible(a, 'relationship (admin)');
    for (const secret of [MENTOR_REFLECTION, MENTEE_REFLECTION, SHARED_NOTES]) await expectAbsent(a, secret, 'the admin’s relationship page');

    // 5. The review comes due; both choose to continue, privately.
    await reviewDueIn(t, relationshipId, 0);
    await navigation(e).getByRole('link', { name: 'Mentoring', exact: true }).click();
    await e.getByRole('heading', { name: 'Shall we continue?' }).waitFor();
    await expectAccessible(e, 'mentee home with a review waiting');
    await screenshot(e, 'mentoring-mentee-home-review');
    await e.getByRole('link', { name: 'Answer the review with Maya Mentor' }).click();
    await e.getByText('nobody is at fault').first().waitFor();
    await e.getByRole('button', { name: 'Continue', exact: true }).click();
    await e.getByText('Your answer is saved privately.').waitFor();
    await e.getByText('Waiting for Maya’s answer').waitFor();

    await m.reload();
    await m.getByText('Review due').waitFor();
    await expectAbsent(m, 'You answered', 'the mentor’s review before she answers');
    await m.getByRole('button', { name: 'Continue', exact: true }).click();
    await m.getByText('You both chose to continue. The next review is set.').waitFor();

    // 6. At the next review the mentee concludes; the mentor reads the kind words, without blame.
    await reviewDueIn(t, relationshipId, 0);
    await e.reload();
    await e.getByRole('button', { name: 'Conclude', exact: true }).click();
    const conclude = e.getByRole('dialog', { name: 'Conclude at this review?' });
    await conclude.getByText('nobody is at fault').waitFor();
    await expectAccessible(e, 'conclude at the review dialog over the open review');
    await conclude.getByRole('button', { name: 'Conclude' }).click();
    await e.getByRole('heading', { name: 'Your mentoring relationship has come to a close' }).waitFor();

    await navigation(m).getByRole('link', { name: 'Mentoring', exact: true }).click();
    await m.getByRole('link', { name: /^Notices, \d+ unread$/ }).click();
    const kind = m.getByRole('listitem', { name: 'Your mentoring relationship has come to a close' });
    await kind.getByText('nobody is at fault').waitFor();
    await expectAccessible(m, 'notices');
    await screenshot(m, 'mentoring-notices');
    const noticeText = await kind.innerText();
    expect(noticeText).not.toMatch(/Mo Mentee|Mo chose|ended by|decided to/i);
    await kind.getByRole('button', { name: 'Open' }).click();
    await m.waitForURL(new RegExp(`${relationshipPath}$`));
    await m.getByRole('heading', { name: 'Your mentoring relationship has come to a close' }).waitFor();
    await m.getByText('Concluded', { exact: true }).first().waitFor();
    await m.getByLabel('An appreciation for Mo').fill(APPRECIATION);
    await m.getByRole('textbox', { name: 'Closing reflection' }).fill('Private to Maya: this one taught me to listen.');
    await expectAccessible(m, 'closing (mentor)');
    await m.getByRole('button', { name: 'Send appreciation' }).click();
    await m.getByText('From you').waitFor();
    await m.getByRole('button', { name: 'Save privately' }).click();
    await m.getByText('You wrote your closing reflection.').waitFor();
    await screenshot(m, 'mentoring-closing-mentor');

    // 7. The mentee reads the appreciation, never the mentor's reflections.
    await e.reload();
    await e.getByText(APPRECIATION).waitFor();
    await e.getByText('From Maya Mentor').waitFor();
    await e.getByRole('button', { name: 'Show your reflections' }).click();
    await e.getByText(MENTEE_REFLECTION).waitFor();
    for (const secret of [MENTOR_REFLECTION, 'this one taught me to listen']) await expectAbsent(e, secret, 'the mentee’s closing page');

    stage.expectNoPageErrors();
  }, 300_000);

  it('a program: people enroll, the admin approves and pairs them, and the pair is active for both', async () => {
    const t = stage.factory;
    const orgId = await buildOrganization(t, 'Northwind Programs');
    const cast = {
      admin: await buildMember(t, orgId, ['admin'], { name: 'Priya Program' }),
      mentor: await buildMember(t, orgId, ['mentor'], { name: 'Mira Mentor' }),
      mentee: await buildMember(t, orgId, ['member'], { name: 'Nia Newcomer' }),
      otherMentor: await buildMember(t, orgId, ['mentor'], { name: 'Omar Other' }),
    };
    const [admin, mentor, mentee] = await Promise.all([0, 1, 2].map(() => stage.person()));
    onTestFailed(() => Promise.all([admin!, mentor!, mentee!].map((person, index) => screenshot(person.page, `failed-program-${index}`))).then(() => undefined));
    await Promise.all([
      signInWithSession(stage.served, admin!, cast.admin.id),
      signInWithSession(stage.served, mentor!, cast.mentor.id),
      signInWithSession(stage.served, mentee!, cast.mentee.id),
    ]);
    const a = admin!.page;
    const m = mentor!.page;
    const e = mentee!.page;

    // 1. The admin creates the program, with its enrollment questions.
    await navigation(a).getByRole('link', { name: 'Manage programs' }).click();
    await a.getByText('No programs yet').waitFor();
    await expectAccessible(a, 'manage programs, none yet');
    await a.getByRole('link', { name: 'Create the first program' }).click();
    await a.getByLabel('Name').fill('New Joiners Circle');
    await choose(a, 'Purpose', 'Onboarding');
    await a.getByLabel('Description').fill('Every new joiner meets a colleague who has been here a while.');
    await a.getByRole('radio', { name: /Approved by the program team/ }).check();
    await a.getByRole('button', { name: 'Add a question' }).click();
    await a.getByRole('menuitem', { name: 'Skills offered (from the shared list)' }).click();
    await a.getByRole('button', { name: 'Add a question' }).click();
    await a.getByRole('menuitem', { name: 'Skills wanted (from the shared list)' }).click();
    await a.getByRole('button', { name: 'Add a question' }).click();
    await a.getByRole('menuitem', { name: 'Self-identification (confidential, optional)' }).click();
    await a.getByRole('listitem', { name: 'Question 3' }).getByText('Always optional').waitFor();
    await a.getByRole('button', { name: 'Add a question' }).click();
    await a.getByRole('menuitem', { name: 'Mentee’s need: a language the mentor speaks' }).click();
    await expectAccessible(a, 'new program form');
    await screenshot(a, 'mentoring-new-program');
    await a.getByRole('button', { name: 'Create program' }).click();
    await a.waitForURL(/\/mentoring\/admin\/programs\/[0-9a-f-]{36}$/);
    const programId = new URL(a.url()).pathname.split('/').at(-1)!;
    await a.getByRole('heading', { name: 'New Joiners Circle' }).waitFor();

    // 2. The mentor enrolls through the program page, answering the mentor's question.
    await navigation(m).getByRole('link', { name: 'Mentoring programs' }).click();
    await m.getByRole('listitem', { name: 'New Joiners Circle' }).getByText('Open to enroll').waitFor();
    await expectAccessible(m, 'programs');
    await m.getByRole('link', { name: 'Open New Joiners Circle' }).click();
    await m.getByRole('heading', { name: 'About this program' }).waitFor();
    await m.getByRole('button', { name: 'Enroll', exact: true }).first().click();
    await m.getByRole('checkbox', { name: /^Mentor:/ }).check();
    await m.getByLabel('How many mentees at once?').fill('2');
    await tags(m, 'What could you help a mentee with?', ['Finding your way around', 'Platform engineering']);
    await m.getByRole('button', { name: 'Enroll', exact: true }).last().click();
    await m.getByText('Enrollment sent. The program team will approve it.').waitFor();
    await m.getByText('Mentor · waiting for approval').first().waitFor();

    // 3. The mentee enrolls, with self-identification given with her explicit consent.
    await e.goto(`/orgs/${orgId}/mentoring/programs/${programId}`);
    await e.getByRole('button', { name: 'Enroll', exact: true }).first().click();
    const enrollment = e.getByRole('form', { name: 'Enroll in New Joiners Circle' });
    await enrollment.getByRole('checkbox', { name: /^Mentee:/ }).check();
    await tags(enrollment, 'What would you like to grow in?', ['Finding your way around']);
    await enrollment.getByText('are never shown next to your name').waitFor();
    await choose(e, 'A language your mentor must speak, if any', /^Portuguese$/);
    await choose(e, 'How do you describe your gender?', 'Woman');
    await e.getByRole('button', { name: 'Enroll', exact: true }).last().click();
    await e.getByText('Tick this to give your consent').waitFor();
    await e.getByRole('checkbox', { name: /I consent/ }).check();
    await expectAccessible(e, 'program page with the enroll form (mentee, self-identification)');
    await screenshot(e, 'mentoring-enroll-mentee');
    await e.getByRole('button', { name: 'Enroll', exact: true }).last().click();
    await e.getByText('Enrollment sent. The program team will approve it.').waitFor();
    await e.getByText('Only you can read these answers').waitFor();
    await e.getByText('Woman', { exact: true }).waitFor();

    // The language need reaches the enrollment, where matching reads it as a hard constraint.
    const languageNeed = await t.context.db.selectFrom('program_questions').select('id').where('program_id', '=', programId).where('field_type', '=', 'mentor_language').executeTakeFirstOrThrow();
    const menteeEnrollment = await t.context.db.selectFrom('enrollments').select('answers').where('program_id', '=', programId).where('person_id', '=', cast.mentee.id).executeTakeFirstOrThrow();
    expect(JSON.parse(menteeEnrollment.answers)).toMatchObject({ [languageNeed.id]: 'pt' });

    // Another mentor enrolls (set-up, not the journey), so the admin has a choice.
    const offered = await t.context.db.selectFrom('program_questions').select('id').where('program_id', '=', programId).where('field_type', '=', 'skills_offered').executeTakeFirstOrThrow();
    await enroll(t.context.db, orgId, programId, { personId: cast.otherMentor.id, orgRoles: ['mentor'] }, { sides: ['mentor'], capacity: 1, answers: { [offered.id]: ['Sales'] } });

    // 4. The admin approves the three, then pairs Nia with Mira.
    await a.reload();
    await tab(a, 'Enrollments').click();
    for (const [name, side] of [['Mira Mentor', 'mentor'], ['Nia Newcomer', 'mentee'], ['Omar Other', 'mentor']] as const) {
      await a.getByRole('button', { name: `Approve ${name} as ${side}` }).click();
      await a.getByText(`${name} is approved as ${side}.`).waitFor();
    }
    await expectAccessible(a, 'enrollments');
    await expectAbsent(a, 'Woman', 'the admin’s enrollment list');
    await tab(a, 'Overview').click();
    const waiting = a.getByRole('list', { name: 'Mentees waiting for a mentor' });
    await waiting.getByText('Nia Newcomer').waitFor();
    await waiting.getByRole('button', { name: 'Pair Nia Newcomer' }).click();
    await a.getByText('Finding your way around').first().waitFor();
    await choose(a, 'Mentor', /^Mira Mentor — 0 of 2 places used/);
    await expectAccessible(a, 'manual pairing');
    await screenshot(a, 'mentoring-pairing');
    await a.getByRole('button', { name: 'Pair them' }).click();
    await a.getByText('Mira Mentor and Nia Newcomer are paired. Both were told.').waitFor();
    await tab(a, 'Overview').click();
    await a.getByRole('table', { name: 'On track pairs' }).getByText('Mira Mentor → Nia Newcomer').waitFor();
    await a.getByText('Every approved mentee has a mentor.').waitFor();
    await expectAccessible(a, 'program overview with a pair');
    await screenshot(a, 'mentoring-program-overview');
    await tab(a, 'Inclusion').click();
    await a.getByText('fewer than 5').waitFor();
    await expectAbsent(a, 'Woman', 'the admin’s inclusion page');
    await expectAccessible(a, 'inclusion aggregates');

    // 5. The relationship is active for both.
    await navigation(e).getByRole('link', { name: 'Mentoring', exact: true }).click();
    await e.getByRole('link', { name: /Mira Mentor/ }).click();
    await e.getByRole('heading', { name: 'Mentored by Mira Mentor' }).waitFor();
    await e.getByText('Active', { exact: true }).waitFor();
    await e.getByText('New Joiners Circle program').waitFor();
    await expectAccessible(e, 'program relationship (mentee)');

    await navigation(m).getByRole('link', { name: 'Mentoring', exact: true }).click();
    await m.getByText('1 of 2 places used').waitFor();
    await expectAccessible(m, 'mentor home with a program mentee');
    await screenshot(m, 'mentoring-mentor-home');
    await m.getByRole('link', { name: /Nia Newcomer/ }).click();
    await m.getByRole('heading', { name: 'Mentoring Nia Newcomer' }).waitFor();
    await m.getByText('Active', { exact: true }).waitFor();

    // 6. The mentor borrows the coaching tools: a private engagement for the two of them, on its goals.
    await m.getByRole('button', { name: 'Use coaching tools' }).click();
    await m.waitForURL(/\/coaching\/engagements\/[0-9a-f-]{36}\?tab=goals$/);
    await tab(m, 'Goals').waitFor();
    expect(await m.getByRole('tab', { name: 'Sessions', exact: true }).count()).toBe(1);
    await expectAccessible(m, 'coaching tools opened from mentoring (goals)');
    await screenshot(m, 'mentoring-coaching-tools');

    stage.expectNoPageErrors();
  }, 300_000);
});
