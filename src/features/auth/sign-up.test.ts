import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildPerson } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';

const PASSWORD = 'a long enough password';

function setCookie(headers: Record<string, unknown>, name: string): string {
  const all = [headers['set-cookie'] ?? []].flat() as string[];
  const found = all.find((cookie) => cookie.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${JSON.stringify(all)}`);
  return found;
}

describe('POST /api/auth/signup', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const count = async (table: 'people' | 'organizations' | 'memberships') =>
    Number((await t.context.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('creates the account and an organization with the founder as admin, and signs them in', async () => {
    const client = t.client();
    const response = await client.post('/api/auth/signup', {
      name: 'Ada Founder', email: 'Ada.Founder@Example.test', password: PASSWORD, organizationName: 'Summit Co', timeZone: 'Europe/Lisbon',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ personId: expect.any(String), orgId: expect.any(String), csrfToken: expect.any(String) });

    const session = setCookie(response.headers, 'cairn_session');
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\//);
    const csrf = setCookie(response.headers, 'cairn_csrf');
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
    expect(csrf.split(';')[0]).toBe(`cairn_csrf=${response.body.csrfToken}`);
    // Not https here, so the cookies are not marked Secure (they would never come back otherwise).
    expect(session).not.toMatch(/Secure/i);

    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.person).toMatchObject({ id: response.body.personId, email: 'ada.founder@example.test', name: 'Ada Founder', timeZone: 'Europe/Lisbon' });
    expect(me.body.memberships).toEqual([expect.objectContaining({ orgId: response.body.orgId, orgName: 'Summit Co', roles: ['admin'] })]);

    const org = await client.get(`/api/orgs/${response.body.orgId}`);
    expect(org.body).toMatchObject({ name: 'Summit Co', defaultTimeZone: 'Europe/Lisbon' });
  });

  it('marks the cookies Secure when Cairn is served over https', async () => {
    const secure = await createTestApp({ secureCookies: true, publicUrl: 'https://cairn.example' });
    try {
      const response = await secure.client().post('/api/auth/signup', { name: 'Sec', email: 'sec@example.test', password: PASSWORD, organizationName: 'Sec' });
      expect(response.status).toBe(201);
      expect(setCookie(response.headers, 'cairn_session')).toMatch(/; Secure/i);
      expect(setCookie(response.headers, 'cairn_csrf')).toMatch(/; Secure/i);
      expect(response.headers['strict-transport-security']).toBeDefined();
    } finally {
      await secure.close();
    }
  });

  it('refuses an email that already has an account, whatever its case, and creates nothing', async () => {
    const existing = await buildPerson(t);
    const [people, orgs] = [await count('people'), await count('organizations')];
    const response = await t.client().post('/api/auth/signup', {
      name: 'Again', email: existing.email.toUpperCase(), password: PASSWORD, organizationName: 'Second Try',
    });
    expectProblem(response, 409);
    expect(response.body.detail).toContain(existing.email);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect([await count('people'), await count('organizations')]).toEqual([people, orgs]);
  });

  it('refuses a weak password, naming the field', async () => {
    const response = await t.client().post('/api/auth/signup', { name: 'Weak', email: 'weak@example.test', password: 'short', organizationName: 'Weak Co' });
    expectProblem(response, 400, 'password');
    expect(response.body.detail).toMatch(/at least 10 characters/);
  });

  it('refuses an unknown time zone and writes nothing', async () => {
    const [people, orgs] = [await count('people'), await count('organizations')];
    const response = await t.client().post('/api/auth/signup', {
      name: 'Zone', email: 'zone@example.test', password: PASSWORD, organizationName: 'Zone Co', timeZone: 'Mars/Olympus_Mons',
    });
    expectProblem(response, 400, 'timeZone');
    expect([await count('people'), await count('organizations')]).toEqual([people, orgs]);
  });

  it('leaves no person behind when the organization cannot be created', async () => {
    const [people, orgs, memberships] = [await count('people'), await count('organizations'), await count('memberships')];
    // A NUL character is stored by SQLite but refused by PostgreSQL: it must be a 400 on both.
    const response = await t.client().post('/api/auth/signup', {
      name: 'Half Way', email: 'half.way@example.test', password: PASSWORD, organizationName: 'Broken\u0000Org',
    });
    expectProblem(response, 400, 'organizationName');
    expect([await count('people'), await count('organizations'), await count('memberships')]).toEqual([people, orgs, memberships]);
    expect(await t.context.db.selectFrom('people').select('id').where('email', '=', 'half.way@example.test').executeTakeFirst()).toBeUndefined();
  });

  it.each([
    ['a missing field', { name: 'No Org', email: 'no.org@example.test', password: PASSWORD }, 'organizationName'],
    ['an unknown field', { name: 'X', email: 'x@example.test', password: PASSWORD, organizationName: 'X', isAdmin: true }, 'isAdmin'],
    ['a wrong type', { name: 42, email: 'n@example.test', password: PASSWORD, organizationName: 'X' }, 'name'],
    ['an invalid email', { name: 'Y', email: 'not-an-email', password: PASSWORD, organizationName: 'Y' }, 'email'],
    ['an empty name', { name: '', email: 'e@example.test', password: PASSWORD, organizationName: 'Y' }, 'name'],
    ['a name of only spaces', { name: '   ', email: 'sp@example.test', password: PASSWORD, organizationName: 'Y' }, 'name'],
    ['a 10,000-character name', { name: 'n'.repeat(10_000), email: 'long@example.test', password: PASSWORD, organizationName: 'Y' }, 'name'],
    ['a 10,000-character organization name', { name: 'Z', email: 'z@example.test', password: PASSWORD, organizationName: 'o'.repeat(10_000) }, 'organizationName'],
    ['a 10,000-character password', { name: 'P', email: 'p@example.test', password: 'p'.repeat(10_000), organizationName: 'P' }, 'password'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_case, body, field) => {
    const people = await count('people');
    const response = await t.client().post('/api/auth/signup', body);
    expectProblem(response, 400, field);
    expect(await count('people')).toBe(people);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await t.client().request('POST', '/api/auth/signup', '{"name": "Ada", ');
    expectProblem(response, 400);
  });

  it('answers a body that is not a JSON object with 400', async () => {
    const response = await t.client().post('/api/auth/signup', [1, 2, 3]);
    expectProblem(response, 400, 'body');
  });

  it('answers a body that is not JSON at all with 415', async () => {
    const response = await t.client().request('POST', '/api/auth/signup', 'name=Ada', { 'content-type': 'application/x-www-form-urlencoded' });
    expectProblem(response, 415);
  });

  it('answers a 2 MB body with 413 and writes nothing', async () => {
    const people = await count('people');
    const response = await t.client().post('/api/auth/signup', {
      name: 'Big', email: 'big@example.test', password: PASSWORD, organizationName: 'Big', padding: 'x'.repeat(2 * 1024 * 1024),
    });
    expectProblem(response, 413);
    expect(await count('people')).toBe(people);
  });

  it('gives one account when sign-ups race for the same email; the others get 409', async () => {
    const body = { name: 'Racer', email: 'racer@example.test', password: PASSWORD, organizationName: 'Race Co' };
    const responses = await Promise.all(Array.from({ length: 4 }, () => t.client().post('/api/auth/signup', body)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) expectProblem(refused, 409);
    const rows = await t.context.db.selectFrom('people').select('id').where('email', '=', 'racer@example.test').execute();
    expect(rows).toHaveLength(1);
  });
});
