import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrganization, buildOrgWithAdmin, buildPerson, signedIn } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import { addMember } from '../members/service.ts';

describe('/api/me', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('shows the signed-in person and the organizations they belong to, with their roles in each', async () => {
    const alpha = await buildOrganization(t, 'Alpha Guild');
    const beta = await buildOrganization(t, 'Beta Circle');
    const person = await buildMember(t, alpha, ['mentor', 'admin'], { name: 'Multi Org', timeZone: 'America/Toronto' });
    await addMember(t.context.db, beta, person.id, ['coach'], { title: 'Coach', department: 'People' });

    const client = await signedIn(t, person);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      person: { id: person.id, email: person.email, name: 'Multi Org', timeZone: 'America/Toronto', languages: ['en'], bio: '' },
      memberships: [
        { orgId: alpha, orgName: 'Alpha Guild', roles: ['admin', 'mentor'], title: '', department: '' },
        { orgId: beta, orgName: 'Beta Circle', roles: ['coach'], title: 'Coach', department: 'People' },
      ],
      csrfToken: client.cookies.get('cairn_csrf'),
    });
    // Never the password hash, whatever else the person row holds.
    expect(JSON.stringify(me.body)).not.toContain('scrypt');
  });

  it('does not list organizations where the person was deactivated', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const stays = await buildOrganization(t, 'Still Here');
    const person = await buildMember(t, orgId, ['member']);
    await addMember(t.context.db, stays, person.id, ['member']);
    const client = await signedIn(t, person);
    expect((await client.get('/api/me')).body.memberships.map((m: { orgId: string }) => m.orgId).sort()).toEqual([orgId, stays].sort());

    expect((await adminClient.post(`/api/orgs/${orgId}/members/${person.id}/deactivate`)).status).toBe(200);
    expect((await client.get('/api/me')).body.memberships.map((m: { orgId: string }) => m.orgId)).toEqual([stays]);
  });

  it('lets the person change their name, time zone, languages and bio', async () => {
    const person = await buildPerson(t);
    const client = await signedIn(t, person);
    const response = await client.patch('/api/me', { name: '  New Name  ', timeZone: 'Asia/Kolkata', languages: ['pt-BR', 'en', 'pt-BR'], bio: 'Coach of coaches.' });
    expect(response.status).toBe(200);
    expect(response.body.person).toEqual({ id: person.id, email: person.email, name: 'New Name', timeZone: 'Asia/Kolkata', languages: ['pt-BR', 'en'], bio: 'Coach of coaches.' });
    expect((await client.get('/api/me')).body.person).toEqual(response.body.person);
    // An empty change is fine and changes nothing.
    expect((await client.patch('/api/me', {})).body.person).toEqual(response.body.person);
  });

  it('refuses an unknown time zone naming timeZone, and applies none of the other changes', async () => {
    const person = await buildPerson(t, { name: 'Before Zone' });
    const client = await signedIn(t, person);
    const response = await client.patch('/api/me', { name: 'After Zone', timeZone: 'Europe/Atlantis' });
    expectProblem(response, 400, 'timeZone');
    expect(response.body.detail).toContain('Europe/Atlantis');
    expect((await client.get('/api/me')).body.person).toMatchObject({ name: 'Before Zone', timeZone: 'Europe/London' });
  });

  it.each([
    ['a bad language tag', { languages: ['english!'] }, 'languages.0'],
    ['a language tag that is too short', { languages: ['e'] }, 'languages.0'],
    ['languages that are not a list', { languages: 'en' }, 'languages'],
    ['more than ten languages', { languages: Array.from({ length: 11 }, (_, i) => `l${String.fromCharCode(97 + i)}`) }, 'languages'],
    ['a time zone of the wrong type', { timeZone: 1 }, 'timeZone'],
    ['a name of the wrong type (not coerced to a string)', { name: 42 }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a 10,000-character name', { name: 'n'.repeat(10_000) }, 'name'],
    ['a 2,001-character bio', { bio: 'b'.repeat(2001) }, 'bio'],
    ['a NUL character in the bio', { bio: 'before\u0000after' }, 'bio'],
    ['an attempt to change the email', { email: 'new@example.test' }, 'email'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_case, body, field) => {
    const person = await buildPerson(t, { name: 'Untouched' });
    const client = await signedIn(t, person);
    const before = (await client.get('/api/me')).body.person;
    expectProblem(await client.patch('/api/me', body), 400, field);
    expect((await client.get('/api/me')).body.person).toEqual(before);
  });

  it('refuses malformed JSON (400), a JSON array (400) and a 2 MB body (413)', async () => {
    const client = await signedIn(t, await buildPerson(t));
    expectProblem(await client.request('PATCH', '/api/me', '{"name": '), 400);
    expectProblem(await client.patch('/api/me', [{ name: 'x' }]), 400, 'body');
    expectProblem(await client.patch('/api/me', { bio: 'x'.repeat(2 * 1024 * 1024) }), 413);
  });

  // Roles are read with the session on every request: none may outlive a change.
  it('shows a role change on the very next request, and org routes follow it at once', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const second = await buildMember(t, orgId, ['admin', 'coach']);
    const client = await signedIn(t, second);
    expect((await client.get(`/api/orgs/${orgId}/audit-events`)).status).toBe(200);

    expect((await adminClient.put(`/api/orgs/${orgId}/members/${second.id}/roles`, { roles: ['coach'] })).status).toBe(200);
    expect((await client.get('/api/me')).body.memberships).toEqual([expect.objectContaining({ orgId, roles: ['coach'] })]);
    expectProblem(await client.get(`/api/orgs/${orgId}/audit-events`), 403);

    expect((await adminClient.post(`/api/orgs/${orgId}/members/${second.id}/deactivate`)).status).toBe(200);
    expect((await client.get('/api/me')).body.memberships).toEqual([]);
    expectProblem(await client.get(`/api/orgs/${orgId}/audit-events`), 404);
  });

  it('requires a session (401)', async () => {
    expectProblem(await t.client().get('/api/me'), 401);
    expectProblem(await t.client().patch('/api/me', { name: 'Nobody' }), 401);
  });
});
