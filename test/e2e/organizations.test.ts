import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ServedTestApp } from '../support/app.ts';
import { expectAccessible, factoryApp, launchBrowser, navigation, newPerson, serveWebApp, signInAs } from '../support/browser.ts';
import { buildMember, buildOrganization, buildPerson, FACTORY_PASSWORD } from '../support/factories.ts';
import { addMember } from '../../src/features/members/service.ts';

/*
 * Journeys inside organizations: a person in two organizations switches between them, and an
 * admin manages members (search, role filter, roles, deactivation with undo).
 */
describe('organizations in the browser', () => {
  let served: ServedTestApp;
  let browser: Browser;

  beforeAll(async () => {
    [served, browser] = await Promise.all([serveWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('switches between two organizations; the members list follows, and the choice is remembered', async () => {
    const t = factoryApp(served);
    const harbor = await buildOrganization(t, 'Harbor Mentoring');
    const northwind = await buildOrganization(t, 'Northwind Coaching');
    const sam = await buildPerson(t, { name: 'Sam Rivera' });
    await addMember(t.context.db, harbor, sam.id, ['mentor']);
    await addMember(t.context.db, northwind, sam.id, ['admin', 'coach']);
    await buildMember(t, harbor, ['member'], { name: 'Bruno Beaver' });
    await buildMember(t, northwind, ['member'], { name: 'Alice Aardvark' });

    const person = await newPerson(browser, served.url);
    const page = person.page;
    await signInAs(page, sam.email, FACTORY_PASSWORD);
    // No choice remembered yet: the first organization by name.
    expect(page.url()).toBe(`${served.url}/orgs/${harbor}`);
    await page.getByText('Welcome to Harbor Mentoring.').waitFor();

    await navigation(page).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Bruno Beaver' }).waitFor();
    expect(await page.getByRole('link', { name: 'Alice Aardvark' }).count()).toBe(0);
    // A mentor here: no administration.
    expect(await navigation(page).getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    await page.getByRole('button', { name: /^Harbor Mentoring: switch organization/ }).click();
    await page.getByRole('menu').waitFor();
    await expectAccessible(page, 'organization switcher');
    await page.getByRole('menuitem', { name: /Northwind Coaching/ }).click();

    await page.waitForURL(`${served.url}/orgs/${northwind}/members`);
    await page.getByRole('link', { name: 'Alice Aardvark' }).waitFor();
    await page.getByRole('link', { name: 'Bruno Beaver' }).waitFor({ state: 'detached' });
    await navigation(page).getByRole('link', { name: 'Audit log' }).waitFor();
    await expectAccessible(page, 'members page');

    // Coming back later lands in the organization chosen last.
    await page.goto('/');
    await page.waitForURL(`${served.url}/orgs/${northwind}`);
    await page.getByText('Welcome to Northwind Coaching.').waitFor();

    // On a phone the navigation hides behind a burger button.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await navigation(page).getByRole('link', { name: 'Members' }).click();
    await page.waitForURL(`${served.url}/orgs/${northwind}/members`);
    await page.getByRole('link', { name: 'Alice Aardvark' }).waitFor();
    await expectAccessible(page, 'members page on a phone');

    expect(person.errors).toEqual([]);
    await person.context.close();
  }, 120_000);

  it('lets an admin search, filter, change roles, and deactivate a member with undo', async () => {
    const t = factoryApp(served);
    const orgId = await buildOrganization(t, 'Summit Partners');
    const admin = await buildMember(t, orgId, ['admin'], { name: 'Ada Admin' });
    await buildMember(t, orgId, ['coach'], { name: 'Maya Patel' });
    await buildMember(t, orgId, ['member'], { name: 'Liam Walsh' });
    await buildMember(t, orgId, ['mentor'], { name: 'Noah Kim' });
    await buildMember(t, orgId, ['member', 'sponsor'], { name: 'Zoe Quinn' });

    const person = await newPerson(browser, served.url);
    const page = person.page;
    await signInAs(page, admin.email, FACTORY_PASSWORD);
    await navigation(page).getByRole('link', { name: 'Members' }).click();
    await page.getByText('Showing 1–5 of 5 members').waitFor();
    await expectAccessible(page, 'members page');

    const members = page.getByRole('table', { name: 'Members' });
    await page.getByRole('searchbox', { name: 'Search members' }).fill('maya');
    await page.getByText('Showing 1–1 of 1 members').waitFor();
    await members.getByRole('link', { name: 'Maya Patel' }).waitFor();
    expect(await members.getByRole('link', { name: 'Liam Walsh' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('maya');

    await page.getByRole('searchbox', { name: 'Search members' }).fill('nobody-like-this');
    await page.getByText('No members match').waitFor();
    await expectAccessible(page, 'members page with no match');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Showing 1–5 of 5 members').waitFor();

    await page.getByRole('combobox', { name: 'Filter by role' }).click();
    await page.getByRole('option', { name: 'Mentor' }).click();
    await page.getByText('Showing 1–1 of 1 members').waitFor();
    await members.getByRole('link', { name: 'Noah Kim' }).waitFor();
    expect(new URL(page.url()).searchParams.get('role')).toBe('mentor');
    await page.goto(`/orgs/${orgId}/members`);
    await page.getByText('Showing 1–5 of 5 members').waitFor();

    // Liam becomes a coach as well.
    await members.getByRole('link', { name: 'Liam Walsh' }).click();
    const drawer = page.getByRole('dialog', { name: 'Member details' });
    await drawer.getByRole('heading', { name: 'Liam Walsh' }).waitFor();
    await expectAccessible(page, 'member drawer');
    await drawer.getByRole('checkbox', { name: /^Coach/ }).check();
    await drawer.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText('Liam Walsh: Coach, Member.').waitFor();
    await members.getByRole('row', { name: /Liam Walsh/ }).getByText('Coach').waitFor();

    // Deactivated, he leaves the list of active members; Undo brings him back.
    await drawer.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Liam Walsh was deactivated').waitFor();
    await page.getByText('Showing 1–4 of 4 members').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Deactivation undone').waitFor();
    await page.getByText('Showing 1–5 of 5 members').waitFor();
    await drawer.getByRole('button', { name: 'Deactivate' }).waitFor();

    // Deactivated for good this time: admins find him under "Deactivated" and can reactivate him.
    await drawer.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Showing 1–4 of 4 members').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    // The status filter is a group of radio buttons; choose with the keyboard.
    await page.getByRole('radio', { name: 'Deactivated' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Showing 1–1 of 1 members').waitFor();
    await members.getByRole('link', { name: 'Liam Walsh' }).click();
    await drawer.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByText('Member reactivated').waitFor();
    await page.getByText('No members match').waitFor();

    expect(person.errors).toEqual([]);
    await person.context.close();
  }, 120_000);

  it('pages through a directory longer than a page, forwards and back, in name order', async () => {
    const t = factoryApp(served);
    const orgId = await buildOrganization(t, 'Long Directory');
    const admin = await buildMember(t, orgId, ['admin'], { name: 'Aaron Admin' });
    // Thirty more, named so that directory order is plain: Member 01 … Member 30.
    for (let n = 1; n <= 30; n++) await buildMember(t, orgId, ['member'], { name: `Member ${String(n).padStart(2, '0')}` });

    const person = await newPerson(browser, served.url);
    const page = person.page;
    await signInAs(page, admin.email, FACTORY_PASSWORD);
    await navigation(page).getByRole('link', { name: 'Members' }).click();
    await page.getByText('Showing 1–25 of 31 members').waitFor();
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByText('Member 24', { exact: true }).waitFor();
    expect(await members.getByText('Member 25', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Showing 26–31 of 31 members').waitFor();
    for (const name of ['Member 25', 'Member 30']) await members.getByText(name, { exact: true }).waitFor();
    expect(await members.getByText('Aaron Admin', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'members page, second page');

    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByText('Showing 1–25 of 31 members').waitFor();
    await members.getByText('Aaron Admin', { exact: true }).waitFor();
    expect(person.errors).toEqual([]);
    await person.context.close();
  }, 120_000);
});
