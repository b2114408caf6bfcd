import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ServedTestApp } from '../support/app.ts';
import { expectAccessible, factoryApp, launchBrowser, navigation, newPerson, serveWebApp, signInAs } from '../support/browser.ts';
import { buildMember, buildOrganization, FACTORY_PASSWORD } from '../support/factories.ts';

/*
 * Journeys about accounts: signing up and inviting a colleague who joins with a new account, and
 * resetting a forgotten password with the link from the (dev) outbox.
 */
describe('accounts in the browser', () => {
  let served: ServedTestApp;
  let browser: Browser;

  beforeAll(async () => {
    [served, browser] = await Promise.all([serveWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('signs up, invites a colleague, and the colleague joins from the emailed link', async () => {
    const admin = await newPerson(browser, served.url);
    const page = admin.page;

    await page.goto('/sign-up');
    await page.getByRole('heading', { name: 'Create your Cairn account' }).waitFor();
    await expectAccessible(page, 'sign-up page');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Work email').fill('ada@northwind.example');
    await page.getByRole('textbox', { name: 'Password' }).fill('analytical engine 1843');
    await page.getByLabel('Organization name').fill('Northwind Coaching');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    const orgPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /^Good (morning|afternoon|evening), Ada$/ }).waitFor();
    await page.getByRole('button', { name: /^Northwind Coaching: switch organization/ }).waitFor();
    await expectAccessible(page, 'home page');

    await page.getByRole('button', { name: 'Invite people' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Invite someone to Northwind Coaching' });
    await dialog.getByLabel('Email').fill('grace@northwind.example');
    // With the keyboard: type to filter the roles, Enter picks the one highlighted.
    await dialog.getByRole('combobox', { name: 'Roles' }).focus();
    await page.keyboard.type('Coa');
    await page.getByRole('option', { name: 'Coach' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.getByText('Coach', { exact: true }).waitFor();
    await dialog.getByLabel('Personal message').fill('Come and coach with us!');
    await expectAccessible(page, 'invite dialog');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('grace@northwind.example can now join Northwind Coaching.').waitFor();

    await navigation(page).getByRole('link', { name: 'Outbox' }).click();
    await page.getByText('No SMTP configured: mail stays here').waitFor();
    await expectAccessible(page, 'outbox page');
    await page.getByRole('button', { name: 'Ada Lovelace invited you to Northwind Coaching on Cairn' }).click();
    const message = page.getByRole('dialog', { name: 'Ada Lovelace invited you to Northwind Coaching on Cairn' });
    await message.getByText('Come and coach with us!').waitFor();
    const link = message.getByRole('link', { name: /\/invitations\// });
    const invitationUrl = (await link.getAttribute('href'))!;
    expect(invitationUrl.startsWith(`${served.url}/invitations/`)).toBe(true);
    await expectAccessible(page, 'outbox message');
    await page.keyboard.press('Escape');
    await message.waitFor({ state: 'detached' });

    const colleague = await newPerson(browser, served.url);
    await colleague.page.goto(invitationUrl);
    await colleague.page.getByRole('heading', { name: 'Join Northwind Coaching' }).waitFor();
    await colleague.page.getByText('Create your account for grace@northwind.example.').waitFor();
    await expectAccessible(colleague.page, 'accept invitation page');
    await colleague.page.getByLabel('Your name').fill('Grace Hopper');
    await colleague.page.getByRole('textbox', { name: 'Choose a password' }).fill('short');
    await colleague.page.getByRole('button', { name: 'Create account and join' }).click();
    await colleague.page.getByText('Use at least 10 characters').waitFor();
    await colleague.page.getByRole('textbox', { name: 'Choose a password' }).fill('compilers all the way down');
    await colleague.page.getByRole('button', { name: 'Create account and join' }).click();

    await colleague.page.waitForURL(`${served.url}${orgPath}`);
    await colleague.page.getByRole('heading', { name: /^Good (morning|afternoon|evening), Grace$/ }).waitFor();
    await colleague.page.getByRole('button', { name: /^Northwind Coaching: switch organization/ }).waitFor();
    await colleague.page.getByText('Coach', { exact: true }).first().waitFor();
    // Grace is a coach, not an admin: no administration in her navigation.
    expect(await navigation(colleague.page).getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    await expectAccessible(colleague.page, 'home page of a new member');

    // The link is spent: opening it again says so.
    await colleague.page.goto(invitationUrl);
    await colleague.page.getByText('This invitation has already been accepted').waitFor();

    await navigation(page).getByRole('link', { name: 'Invitations' }).click();
    const row = page.getByRole('row', { name: /grace@northwind\.example/ });
    await row.getByText('Accepted').waitFor();
    await expectAccessible(page, 'invitations page');
    await navigation(page).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Grace Hopper' }).waitFor();

    expect([...admin.errors, ...colleague.errors]).toEqual([]);
    await Promise.all([admin.context.close(), colleague.context.close()]);
  }, 120_000);

  it('resets a forgotten password with the emailed link; the old password stops working', async () => {
    const t = factoryApp(served);
    const orgId = await buildOrganization(t, 'Lighthouse Mentoring');
    const admin = await buildMember(t, orgId, ['admin'], { name: 'Olu Admin' });
    const priya = await buildMember(t, orgId, ['member'], { name: 'Priya Shah' });
    const newPassword = 'a brand new passphrase';

    const person = await newPerson(browser, served.url);
    const page = person.page;
    await page.goto('/sign-in');
    await expectAccessible(page, 'sign-in page');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${served.url}/forgot-password`);
    await expectAccessible(page, 'forgotten password page');
    await page.getByLabel('Email').fill(priya.email);
    await page.getByLabel('Email').press('Enter');
    await page.getByText(`If an account exists for ${priya.email}, we emailed a link`).waitFor();
    await expectAccessible(page, 'forgotten password confirmation');

    // An admin of Priya's organization can read the mail in the dev outbox.
    const reader = await newPerson(browser, served.url);
    await signInAs(reader.page, admin.email, FACTORY_PASSWORD);
    await reader.page.goto(`/orgs/${orgId}/outbox`);
    await reader.page.getByRole('row', { name: new RegExp(priya.email.replace(/\./g, '\\.')) }).getByRole('button', { name: 'Reset your Cairn password' }).click();
    const resetUrl = (await reader.page.getByRole('dialog').getByRole('link', { name: /reset-password\?token=/ }).getAttribute('href'))!;

    await page.goto(resetUrl);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await expectAccessible(page, 'reset password page');
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill('something else entirely');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('The two passwords differ').waitFor();
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.waitForURL(`${served.url}/orgs/${orgId}`);
    await page.getByText('Password changed').waitFor();

    await page.getByRole('button', { name: /Account menu for Priya Shah/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${served.url}/sign-in`);

    await page.getByLabel('Email').fill(priya.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(FACTORY_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an account.').waitFor();
    await expectAccessible(page, 'sign-in page with an error');

    await page.getByRole('textbox', { name: 'Password' }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${served.url}/orgs/${orgId}`);
    await page.getByRole('heading', { name: /, Priya$/ }).waitFor();

    // A reset link works once.
    await page.goto(resetUrl);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('yet another passphrase');
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill('yet another passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('This reset link cannot be used').waitFor();

    expect([...person.errors, ...reader.errors]).toEqual([]);
    await Promise.all([person.context.close(), reader.context.close()]);
  }, 120_000);
});
