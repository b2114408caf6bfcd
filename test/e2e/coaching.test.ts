import { describe, expect, it } from 'vitest';
import { browserStage, expectAbsent, expectAccessible, navigation, signInWithSession, tab } from '../support/browser.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { saveCoachProfile } from '../../src/features/coaching/coaches/service.ts';

/*
 * The coaching journey, four people in four browser profiles: a client asks for coaching; the
 * admin assigns a coach with a sponsor and the agreement's terms; coach (acknowledging the code of
 * ethics), client and sponsor each accept; the engagement starts; a goal and a session are set;
 * the client chooses the session's focus; the coach records shared notes, a private note and an
 * action item; the client completes it and reaches the target; both write their part of the
 * closure and the outcomes show. Along the way: the client and the sponsor never see the private
 * note, and the sponsor sees goals and progress only, as the agreement says.
 */

const PRIVATE_NOTE = 'Private: notice how the energy drops whenever the director comes up';
const SHARED_NOTE = 'Agreed to try a ten-minute agenda at the start of each one-to-one';
const OBSERVATION = 'You described the team as “them” until we talked about the launch';
const FOCUS = 'Preparing my first all-hands with the platform team';
const TITLE = 'Leading the platform team';
const GOAL = 'Hold a useful one-to-one with every report each fortnight';



describe('coaching in the browser', () => {
  const stage = browserStage();

  it('runs an engagement from request to measured outcomes, each person in their own browser', async () => {
    const t = stage.factory;
    const orgId = await buildOrganization(t, 'Northwind Coaching');
    const cast = {
      admin: await buildMember(t, orgId, ['admin'], { name: 'Ada Admin' }),
      coach: await buildMember(t, orgId, ['coach'], { name: 'Cora Coach' }),
      client: await buildMember(t, orgId, ['member'], { name: 'Cliff Client' }),
      sponsor: await buildMember(t, orgId, ['sponsor'], { name: 'Spencer Sponsor' }),
    };
    // The coach's directory profile is set-up, not the journey under test.
    await saveCoachProfile(t.context.db, orgId, cast.coach.id, {
      specialties: ['New managers', 'Difficult conversations'], approach: 'Practical, with rehearsal of the conversations that matter.',
      credentialsSummary: 'ICF PCC', kind: 'internal', capacity: 4,
    });
    const [client, admin, coach, sponsor] = await Promise.all([0, 1, 2, 3].map(() => stage.person()));
    // Signing in is another journey (accounts.test.ts): each person starts with a session.
    await Promise.all([
      signInWithSession(stage.served, client!, cast.client.id),
      signInWithSession(stage.served, admin!, cast.admin.id),
      signInWithSession(stage.served, coach!, cast.coach.id),
      signInWithSession(stage.served, sponsor!, cast.sponsor.id),
    ]);
    const c = client!.page;
    const a = admin!.page;
    const k = coach!.page;
    const s = sponsor!.page;

    // 1. The client finds the coach and asks for coaching.
    await navigation(c).getByRole('link', { name: 'Find a coach' }).click();
    await c.getByRole('heading', { name: 'Cora Coach' }).waitFor();
    await expectAccessible(c, 'coach directory');
    await c.getByRole('button', { name: 'Request coaching with Cora Coach' }).click();
    const requestDialog = c.getByRole('dialog', { name: 'Request coaching' });
    await requestDialog.getByLabel('What would you like to work on?').fill('I lead a team for the first time and want my one-to-ones to be worth their time.');
    await requestDialog.getByRole('button', { name: 'Send request' }).click();
    await c.getByText('Waiting for an admin').waitFor();

    // 2. The admin assigns the coach, with the sponsor and the agreement's terms.
    await navigation(a).getByRole('link', { name: 'Coaching requests' }).click();
    const request = a.getByRole('listitem', { name: 'Request from Cliff Client' });
    await request.getByText('would like to work with').waitFor();
    await expectAccessible(a, 'coaching requests inbox');
    await request.getByRole('button', { name: 'Assign a coach' }).click();
    const assign = a.getByRole('dialog', { name: 'Assign a coach' });
    expect(await assign.getByRole('combobox', { name: 'Coach', exact: true }).inputValue()).toMatch(/^Cora Coach/);
    await assign.getByLabel('Sponsor (optional)').fill('Spencer');
    await a.getByRole('option', { name: 'Spencer Sponsor' }).click();
    await assign.getByLabel('Title').fill(TITLE);
    await assign.getByLabel('Objectives').fill('Run one-to-ones and team rituals with confidence.');
    await assign.getByRole('radio', { name: 'Goals and progress', exact: true }).check();
    await expectAccessible(a, 'assign a coach dialog');
    await assign.getByRole('button', { name: 'Assign and propose the agreement' }).click();
    await a.waitForURL(/\/coaching\/engagements\/[0-9a-f-]{36}$/);
    const engagementPath = new URL(a.url()).pathname;
    await a.getByText('Waiting for coach, client, sponsor to accept version 1 of the agreement').waitFor();
    await expectAccessible(a, 'proposed engagement (admin)');

    // 3. The coach accepts, acknowledging the code of ethics.
    await navigation(k).getByRole('link', { name: 'Coaching', exact: true }).click();
    await k.getByRole('table', { name: 'Your clients' }).getByRole('link', { name: TITLE }).click();
    await k.getByRole('heading', { name: 'Coaching agreement' }).waitFor();
    await expectAccessible(k, 'agreement (coach)');
    await k.getByRole('button', { name: 'Accept version 1' }).click();
    await k.getByText('Tick this to accept as the coach').waitFor();
    await k.getByRole('checkbox', { name: 'I acknowledge the code of ethics' }).check();
    await k.getByRole('button', { name: 'Accept version 1' }).click();
    await k.getByText('You accepted the agreement.').waitFor();

    // 4. The client accepts.
    await navigation(c).getByRole('link', { name: 'Coaching', exact: true }).click();
    await c.getByRole('link', { name: new RegExp(TITLE) }).click();
    await c.getByRole('button', { name: 'Accept version 1' }).click();
    await c.getByText('You accepted the agreement.').waitFor();

    // 5. The sponsor, who sees nothing before every party accepted, accepts last: agreed.
    await navigation(s).getByRole('link', { name: 'Coaching', exact: true }).click();
    await s.getByText('Nothing is shared yet').waitFor();
    await expectAccessible(s, 'sponsor home before acceptance');
    await s.getByRole('link', { name: TITLE }).click();
    await s.getByRole('button', { name: 'Accept version 1' }).click();
    await s.getByText('Every party has now accepted: the engagement is agreed.').waitFor();
    await s.getByText('Agreed', { exact: true }).waitFor();

    // 6. The coach starts it, writes the goal and books the session.
    await k.reload();
    await k.getByRole('button', { name: 'Start the engagement' }).click();
    await k.getByText('The engagement has started.').waitFor();
    await tab(k, 'Goals').click();
    await k.getByRole('button', { name: 'Write the first goal' }).click();
    const goalDialog = k.getByRole('dialog', { name: 'Add a goal' });
    await goalDialog.getByRole('textbox', { name: 'Goal', exact: true }).fill(GOAL);
    await goalDialog.getByLabel('Measure').fill('One-to-ones held per fortnight');
    await goalDialog.getByLabel('Baseline').fill('2');
    await goalDialog.getByLabel('Target').fill('5');
    await goalDialog.getByLabel('Unit').fill('meetings');
    await expectAccessible(k, 'goal dialog');
    await goalDialog.getByRole('button', { name: 'Add goal' }).click();
    await k.getByRole('heading', { name: GOAL }).waitFor();
    await tab(k, 'Sessions').click();
    await k.getByRole('button', { name: 'Schedule a session' }).click();
    const scheduleDialog = k.getByRole('dialog', { name: 'Schedule a session' });
    await scheduleDialog.getByLabel('Place or video link').fill('https://meet.example/cora-cliff');
    await scheduleDialog.getByRole('button', { name: 'Schedule' }).click();
    await k.getByText(/^Session scheduled for /).waitFor();
    await k.getByText('No focus set yet').waitFor();

    // 7. The client chooses the session's focus from their home.
    await navigation(c).getByRole('link', { name: 'Coaching', exact: true }).click();
    await c.getByText('What do you want to work on?').waitFor();
    await expectAccessible(c, 'client home asking for a focus');
    await c.getByLabel('Your focus').fill(FOCUS);
    await c.getByRole('button', { name: 'Set focus' }).click();
    await c.getByText('Focus saved. Your coach will see it before the session.').waitFor();

    // 8. The coach sees the focus, and records the session: notes, an observation, a private note, an action item.
    await navigation(k).getByRole('link', { name: 'Coaching', exact: true }).click();
    await k.getByText(FOCUS).waitFor();
    await expectAccessible(k, 'coach home');
    await k.getByRole('link', { name: 'Cliff Client' }).click();
    await k.getByRole('heading', { name: 'Focus' }).waitFor();
    await k.getByText(FOCUS).waitFor();
    await k.getByLabel('Add a note').fill(SHARED_NOTE);
    await k.getByRole('button', { name: 'Add to the shared record' }).click();
    await k.getByRole('list', { name: 'Shared notes' }).getByText(SHARED_NOTE).waitFor();
    await k.getByRole('radio', { name: 'Observation' }).focus();
    await k.keyboard.press('Space');
    await k.getByLabel('Add an observation').fill(OBSERVATION);
    await k.getByRole('button', { name: 'Add to the shared record' }).click();
    await k.getByRole('list', { name: 'Shared notes' }).getByText(OBSERVATION).waitFor();
    await k.getByLabel('New private note').fill(PRIVATE_NOTE);
    await k.getByRole('button', { name: 'Save private note' }).click();
    await k.getByText('Private note saved. Only you can read it.').waitFor();
    await k.getByRole('button', { name: 'Show your private notes' }).click();
    await k.getByRole('list', { name: 'Your private notes' }).getByText(PRIVATE_NOTE).waitFor();
    await k.getByLabel('New action item').fill('Draft the all-hands agenda');
    await k.getByRole('button', { name: 'Add action item' }).click();
    await k.getByRole('list', { name: 'Action items from this session' }).getByText('Draft the all-hands agenda').waitFor();
    await expectAccessible(k, 'session page (coach)');

    // 9. The client reads the shared record (never the private note), completes the action, and reaches the target.
    await navigation(c).getByRole('link', { name: 'Coaching', exact: true }).click();
    await c.getByRole('link', { name: 'Open session' }).click();
    await c.getByText(OBSERVATION).waitFor();
    await c.getByText(SHARED_NOTE).waitFor();
    expect(await c.getByRole('heading', { name: 'Your private notes' }).count()).toBe(0);
    await expectAbsent(c, PRIVATE_NOTE, 'the client’s session page');
    await c.getByRole('checkbox', { name: 'Done: Draft the all-hands agenda' }).click();
    await c.getByText('Done: Draft the all-hands agenda', { exact: true }).waitFor();
    await expectAccessible(c, 'session page (client)');
    await c.getByRole('link', { name: TITLE }).click();
    await tab(c, 'Goals').click();
    await c.getByRole('heading', { name: GOAL }).waitFor();
    await c.getByLabel(/^Value/).fill('5');
    await c.getByRole('button', { name: 'Record', exact: true }).click();
    await c.getByText('Progress recorded. The target is met!').waitFor();
    await c.getByText('All goals met — propose closure').waitFor();
    await expectAccessible(c, 'goals with the target met');
    await expectAbsent(c, PRIVATE_NOTE, 'the client’s goals page');
    await c.getByRole('button', { name: 'Go to closure' }).click();
    await c.getByRole('textbox', { name: 'Reflection', exact: true }).fill('I prepare each one-to-one now, and my team brings the agenda.');
    await c.getByRole('radio', { name: '5 — Made a real difference' }).check();
    await c.getByLabel('Comment on the coaching (optional)').fill('Cora asked the questions nobody else asked.');
    await expectAccessible(c, 'closure (client)');
    await c.getByRole('button', { name: 'Submit reflection and evaluation' }).click();
    await c.getByText('Your reflection and evaluation are saved.').waitFor();

    // 10. The sponsor sees goals and progress, as the agreement shares them, and nothing of the sessions.
    await navigation(s).getByRole('link', { name: 'Coaching', exact: true }).click();
    await s.getByText('Shared with you: goals and progress').waitFor();
    await s.getByText(GOAL).waitFor();
    await s.getByRole('progressbar', { name: new RegExp(`^${GOAL}: 100%`) }).waitFor();
    await expectAccessible(s, 'sponsor home');
    for (const secret of [PRIVATE_NOTE, SHARED_NOTE, OBSERVATION, FOCUS]) await expectAbsent(s, secret, 'the sponsor’s home');
    await s.goto(engagementPath);
    await tab(s, 'Goals').waitFor();
    expect(await s.getByRole('tablist', { name: 'Engagement sections' }).getByRole('tab').allInnerTexts()).toEqual(['Agreement', 'Goals', 'History']);
    await tab(s, 'Goals').click();
    await s.getByRole('heading', { name: GOAL }).waitFor();
    expect(await tab(s, 'GROW worksheet').count()).toBe(0);
    expect(await s.getByText('Why it matters').count()).toBe(0);
    await expectAccessible(s, 'engagement goals (sponsor)');
    for (const secret of [PRIVATE_NOTE, SHARED_NOTE, OBSERVATION, FOCUS]) await expectAbsent(s, secret, 'the sponsor’s engagement page');
    const sessionPath = new URL(k.url()).pathname;
    await s.goto(sessionPath);
    await s.getByRole('heading', { name: 'This session is private' }).waitFor();
    await expectAccessible(s, 'session page refused to the sponsor');
    for (const secret of [PRIVATE_NOTE, SHARED_NOTE, OBSERVATION, FOCUS]) await expectAbsent(s, secret, 'the sponsor’s session page');

    // 11. The coach, prompted on their home, writes the reflection and the final value: completed, with outcomes.
    await navigation(k).getByRole('link', { name: 'Coaching', exact: true }).click();
    await k.getByText('All goals met — propose closure with Cliff Client').waitFor();
    await k.getByRole('link', { name: 'Go to closure' }).click();
    await k.getByText('Reflection and evaluation (client)').waitFor();
    await k.getByRole('textbox', { name: 'Reflection', exact: true }).fill('Cliff met the goal early; the agenda habit made the difference.');
    expect(await k.getByLabel('Final value of goal 1').inputValue()).toBe('5');
    await expectAccessible(k, 'closure (coach)');
    await k.getByRole('button', { name: 'Submit reflection and final values' }).click();
    await k.getByText('The engagement is completed. Its outcomes are below.').waitFor();
    const outcomes = k.getByRole('table', { name: 'Outcomes per goal' });
    await outcomes.getByRole('row', { name: new RegExp(`${GOAL}.*2 meetings.*5 meetings.*5 meetings.*Target reached`) }).waitFor();
    await tab(k, 'Outcomes').waitFor();
    await expectAccessible(k, 'outcomes');

    // 12. The client sees the outcomes; the admin sees the completed engagement and its attainment, nothing more.
    await c.reload();
    await c.getByRole('heading', { name: 'Outcomes' }).waitFor();
    await c.getByText('Evaluation: 5 out of 5').waitFor();
    await expectAbsent(c, PRIVATE_NOTE, 'the client’s outcomes');
    await navigation(a).getByRole('link', { name: 'Engagements' }).click();
    const row = a.getByRole('table', { name: 'Engagements' }).getByRole('row', { name: new RegExp(TITLE) });
    await row.getByText('Completed').waitFor();
    await row.getByText('1 of 1 goals met').waitFor();
    await expectAccessible(a, 'engagements overview');

    stage.expectNoPageErrors();
  }, 300_000);
});
