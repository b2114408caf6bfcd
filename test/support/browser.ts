import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSession, CSRF_COOKIE, SESSION_COOKIE } from '../../src/platform/auth/sessions.ts';
import { serveTestApp, type ServedTestApp, type TestApp } from './app.ts';

/*
 * Browser tests drive Debian's Chromium through playwright-core (no browser is ever downloaded)
 * against the real server on a real port, and check every page they visit with axe-core.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const webIndex = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist/index.html');

/** Debian's Chromium, installed with apt when missing and we are root; otherwise a clear refusal. */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium`);
  }
  const apt = (...args: string[]) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt('install', '-y', 'chromium');
  } catch {
    apt('update');
    apt('install', '-y', 'chromium');
  }
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: LAUNCH_ARGS });
}

/**
 * The whole server with the built web app. Emailed links point at it, so a test can follow a link
 * from the outbox as a person follows one from their mailbox.
 */
export async function serveWebApp(): Promise<ServedTestApp> {
  if (!fs.existsSync(webIndex)) throw new Error(`${webIndex} is missing: run "npm run build:web" first (npm test does)`);
  const served = await serveTestApp();
  // The port is known only once the server listens; services read publicUrl when they write mail.
  served.context.config.publicUrl = served.url;
  return served;
}

/** The factories only use the database in the context, which the served app has too. */
export function factoryApp(served: ServedTestApp): TestApp {
  return { context: served.context, testDb: served.testDb } as TestApp;
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** JavaScript errors and refused resources (e.g. by the Content-Security-Policy) seen so far. */
  errors: string[];
}

/** A fresh browser profile (cookies, storage) for one person, with one tab. */
export async function newPerson(browser: Browser, baseURL: string, options: { mobile?: boolean } = {}): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/Lisbon',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    reducedMotion: 'reduce',
  });
  // Generous: the suite runs two databases side by side, often on a busy two-core machine.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Answers like 401 from /api/me are part of normal use; scripts failing or being refused are not.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/** Fails when axe-core finds a serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = severe.map((violation) =>
    `${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
  expect(report, `accessibility of ${what} (${page.url()})`).toEqual([]);
}

/** Signs in through the sign-in page, as a person would, and waits to land in an organization. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/orgs\/[0-9a-f-]{36}/);
}

/**
 * Signs a person in without the sign-in page: a fresh session's cookies in their browser profile,
 * as after signing in (no password check; the accounts journey covers the page), then opens `path`.
 */
export async function signInWithSession(served: ServedTestApp, person: Person, personId: string, path = '/'): Promise<void> {
  const session = await createSession(served.context.db, personId);
  await person.context.addCookies([
    { name: SESSION_COOKIE, value: session.token, url: served.url, httpOnly: true, sameSite: 'Lax' },
    { name: CSRF_COOKIE, value: session.csrfToken, url: served.url, sameSite: 'Strict' },
  ]);
  await person.page.goto(path);
  await person.page.waitForURL(/\/orgs\/[0-9a-f-]{36}/);
}

/** The main navigation (the sidebar, or the burger menu on small screens). */
export const navigation = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/**
 * Saves a full-page screenshot as `<name>.png` in the folder named by CAIRN_SCREENSHOTS, when set
 * (to look at what a journey showed); does nothing otherwise.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.CAIRN_SCREENSHOTS;
  if (!folder) return;
  fs.mkdirSync(folder, { recursive: true });
  // From the top, nothing focused: a scrolled page draws its fixed header mid-image, and a focused skip link shows.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await page.screenshot({ path: path.join(folder, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`), fullPage: true });
}

/**
 * A describe block's stage: one served app and one browser for its journeys, and a browser
 * profile of their own for each person who takes part; all closed when the block ends.
 */
export function browserStage() {
  let served: ServedTestApp | undefined;
  let browser: Browser | undefined;
  const people: Person[] = [];
  beforeAll(async () => {
    [served, browser] = await Promise.all([serveWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
  });
  const ready = () => {
    if (!served || !browser) throw new Error('the browser stage is set in beforeAll: use it inside a test');
    return { served, browser };
  };
  return {
    get served(): ServedTestApp {
      return ready().served;
    },
    /** A test app for the factories, on the served app's database. */
    get factory(): TestApp {
      return factoryApp(ready().served);
    },
    async person(options: { mobile?: boolean } = {}): Promise<Person> {
      const { served, browser } = ready();
      const person = await newPerson(browser, served.url, options);
      people.push(person);
      return person;
    },
    /** Every person's pages ran without script errors or refused resources. */
    expectNoPageErrors(): void {
      for (const person of people) expect(person.errors).toEqual([]);
    },
  };
}

/** Fails if the page's document holds the text anywhere, shown or hidden. */
export async function expectAbsent(page: Page, text: string, where: string): Promise<void> {
  expect(await page.content(), `${where} must not contain “${text}”`).not.toContain(text);
}

/** A tab of a tab list, by its exact name. */
export const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
