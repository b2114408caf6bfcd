import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrganization, buildPerson, FACTORY_PASSWORD, signedIn, signedInThroughApi } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import { recordFailedSignIn } from './sign-in-throttle.ts';

describe('signing in and out', () => {
  let t: TestApp;
  let address = 0;
  /** A client calling from an address of its own, so failed attempts in one test do not count in another. */
  const freshClient = () => t.client({ remoteAddress: `10.0.0.${++address}` });
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('signs in with the right password (email in any case) and sets a new session cookie', async () => {
    const person = await buildPerson(t);
    const client = freshClient();
    const response = await client.post('/api/auth/login', { email: person.email.toUpperCase(), password: FACTORY_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ personId: person.id, csrfToken: expect.any(String) });
    expect(client.cookies.get('cairn_csrf')).toBe(response.body.csrfToken);
    expect(client.cookies.get('cairn_session')).toBeTruthy();
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.person.id).toBe(person.id);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const person = await buildPerson(t);
    const wrongPassword = await freshClient().post('/api/auth/login', { email: person.email, password: 'not the password at all' });
    const unknownEmail = await freshClient().post('/api/auth/login', { email: 'nobody.here@example.test', password: 'not the password at all' });
    expectProblem(wrongPassword, 401);
    expectProblem(unknownEmail, 401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it('refuses requests without a session with 401', async () => {
    expectProblem(await t.client().get('/api/me'), 401);
    expectProblem(await t.client().request('GET', '/api/me', undefined, { cookie: 'cairn_session=made-up-token' }), 401);
  });

  it('replaces the session presented at sign-in: the old cookie no longer works', async () => {
    const person = await buildPerson(t);
    const client = await signedIn(t, person);
    const before = client.cookies.get('cairn_session')!;
    const again = await client.post('/api/auth/login', { email: person.email, password: FACTORY_PASSWORD });
    expect(again.status).toBe(200);
    const after = client.cookies.get('cairn_session')!;
    expect(after).not.toBe(before);

    const stale = t.client();
    stale.cookies.set('cairn_session', before);
    expectProblem(await stale.get('/api/me'), 401);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('ends a session left unused past its lifetime', async () => {
    const person = await buildPerson(t);
    const client = await signedIn(t, person);
    await t.context.db.updateTable('auth_sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('person_id', '=', person.id).execute();
    expectProblem(await client.get('/api/me'), 401);
    expect(await t.context.db.selectFrom('auth_sessions').select('id').where('person_id', '=', person.id).execute()).toHaveLength(0);
  });

  it('keeps the person’s sessions on other devices when they sign in again', async () => {
    const person = await buildPerson(t);
    const laptop = await signedInThroughApi(t, person);
    const phone = await signedInThroughApi(t, person);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(200);
  });

  it('signs out: the session ends and the cookies are cleared', async () => {
    const person = await buildPerson(t);
    const client = await signedIn(t, person);
    const token = client.cookies.get('cairn_session')!;
    const response = await client.post('/api/auth/logout');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    const cleared = [response.headers['set-cookie']].flat().join('\n');
    expect(cleared).toMatch(/cairn_session=;/);
    expect(cleared).toMatch(/cairn_csrf=;/);
    expect(client.cookies.size).toBe(0);

    const replay = t.client();
    replay.cookies.set('cairn_session', token);
    expectProblem(await replay.get('/api/me'), 401);
    expect(await t.context.db.selectFrom('auth_sessions').select('id').where('person_id', '=', person.id).execute()).toHaveLength(0);
  });

  it('signing out needs a session', async () => {
    expectProblem(await t.client().post('/api/auth/logout'), 401);
  });

  it('records sign-ins and failed sign-ins in the audit log of the person’s organizations', async () => {
    const orgId = await buildOrganization(t);
    const person = await buildMember(t, orgId, ['member']);
    await signedInThroughApi(t, person);
    await freshClient().post('/api/auth/login', { email: person.email, password: 'wrong wrong wrong' });
    const events = await t.context.db.selectFrom('audit_events').select(['action', 'actor_person_id', 'subject_id']).where('org_id', '=', orgId).execute();
    expect(events).toEqual(expect.arrayContaining([
      { action: 'auth.signed_in', actor_person_id: person.id, subject_id: person.id },
      { action: 'auth.sign_in_failed', actor_person_id: null, subject_id: person.id },
    ]));
  });

  it.each([
    ['a missing password', { email: 'a@example.test' }, 'password'],
    ['an empty password', { email: 'a@example.test', password: '' }, 'password'],
    ['an invalid email', { email: 'not an email', password: 'whatever it is' }, 'email'],
    ['a wrong type', { email: ['a@example.test'], password: 'whatever it is' }, 'email'],
    ['an unknown field', { email: 'a@example.test', password: 'whatever it is', remember: true }, 'remember'],
    ['a 10,000-character password', { email: 'a@example.test', password: 'x'.repeat(10_000) }, 'password'],
  ])('refuses %s with 400 naming the field', async (_case, body, field) => {
    expectProblem(await freshClient().post('/api/auth/login', body), 400, field);
  });
});

describe('failed sign-in limits', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const login = (from: string, email: string, password: string) => t.client({ remoteAddress: from }).post('/api/auth/login', { email, password });

  it('after five failures for one account, the sixth attempt is refused with 429 even with the right password, from any address', async () => {
    const person = await buildPerson(t);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await login(`10.1.0.${attempt}`, person.email, `wrong password ${attempt}`), 401);
    }
    const refused = await login('10.1.0.1', person.email, FACTORY_PASSWORD);
    expectProblem(refused, 429);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expectProblem(await login('10.1.9.9', person.email.toUpperCase(), FACTORY_PASSWORD), 429);

    // Other accounts are not affected.
    const other = await buildPerson(t);
    expect((await login('10.1.0.1', other.email, FACTORY_PASSWORD)).status).toBe(200);

    // Once the window has passed, the right password works again.
    await t.context.db.updateTable('sign_in_attempts').set({ created_at: new Date(Date.now() - 16 * 60 * 1000).toISOString() }).execute();
    expect((await login('10.1.0.1', person.email, FACTORY_PASSWORD)).status).toBe(200);
  });

  it('a successful sign-in forgets the account’s earlier failures', async () => {
    const person = await buildPerson(t);
    for (let attempt = 1; attempt <= 4; attempt++) await recordFailedSignIn(t.context.db, person.email, '10.2.0.1');
    expect((await login('10.2.0.2', person.email, FACTORY_PASSWORD)).status).toBe(200);
    // Eight failures in the window, but only four since the last success: not throttled.
    for (let attempt = 1; attempt <= 4; attempt++) await recordFailedSignIn(t.context.db, person.email, '10.2.0.1');
    expect((await login('10.2.0.2', person.email, FACTORY_PASSWORD)).status).toBe(200);
  });

  it('after thirty failures from one address, that address is refused with 429 for every account; other addresses are not', async () => {
    const person = await buildPerson(t);
    // Twenty-nine failures recorded as the service records them (each costs a password hash through the API)…
    for (let i = 1; i <= 29; i++) await recordFailedSignIn(t.context.db, `stranger${i}@example.test`, '10.3.0.1');
    // …the thirtieth through the API still gets the ordinary answer…
    expectProblem(await login('10.3.0.1', 'stranger30@example.test', 'guessing a password'), 401);
    // …and from then on the address is refused, even for a real account with its right password.
    expectProblem(await login('10.3.0.1', person.email, FACTORY_PASSWORD), 429);
    expect((await login('10.3.0.2', person.email, FACTORY_PASSWORD)).status).toBe(200);
  });
});

const SECURITY_HEADERS = [
  'cache-control', 'content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'referrer-policy',
  'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'x-powered-by',
];
const securityHeaders = (headers: Record<string, unknown>) => Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers[name]]));

describe('security headers', () => {
  let t: TestApp;
  let secure: TestApp;
  beforeAll(async () => { [t, secure] = await Promise.all([createTestApp({ serveWeb: true }), createTestApp({ secureCookies: true })]); });
  afterAll(async () => { await Promise.all([t.close(), secure.close()]); });

  it.each([
    ['a successful answer', '/api/health', 200],
    ['an error answer', '/api/me', 401],
    ['an unknown route', '/api/no-such-thing', 404],
  ])('API answers: never stored, never run or framed as a page (%s)', async (_case, url, status) => {
    const response = await t.client().get(url);
    expect(response.status).toBe(status);
    expect(securityHeaders(response.headers)).toEqual({
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-opener-policy': undefined,
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      // Plain http here: HSTS would be ignored by browsers, and is only sent when cookies are Secure.
      'strict-transport-security': undefined,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'x-powered-by': undefined,
    });
  });

  it('pages of the web app get the policy the app runs under', async () => {
    const response = await t.client().get('/sign-in');
    // (Its cache-control depends on whether the web app is built: index.html, or a not-found page.)
    const { 'content-security-policy': csp, 'cache-control': _caching, ...others } = securityHeaders(response.headers);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(others).toEqual({
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': undefined,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'x-powered-by': undefined,
    });
  });

  it('HSTS goes with Secure cookies, on pages and API answers alike', async () => {
    for (const url of ['/sign-in', '/api/health']) {
      expect((await secure.client().get(url)).headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    }
  });
});
