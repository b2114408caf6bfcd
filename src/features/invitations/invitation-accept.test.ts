import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrgWithAdmin, buildPerson, FACTORY_PASSWORD, inviteByApi, signedIn } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import { addMember } from '../members/service.ts';

const PASSWORD = 'my own new password';

describe('accepting an invitation', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const peopleWithEmail = (email: string) => t.context.db.selectFrom('people').select('id').where('email', '=', email).execute();

  it('creates the account of a newcomer (name and password), signs them in, and makes them a member with the invited roles', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { invitation, token } = await inviteByApi(t, adminClient, orgId, 'Newcomer@Example.test', ['mentor', 'member']);
    const client = t.client();
    const response = await client.post(`/api/invitations/${token}/accept`, { name: 'Nia Newcomer', password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ orgId, personId: expect.any(String), csrfToken: client.cookies.get('cairn_csrf') });
    expect(client.cookies.get('cairn_session')).toBeTruthy();

    const me = await client.get('/api/me');
    expect(me.body.person).toMatchObject({ id: response.body.personId, name: 'Nia Newcomer', email: 'newcomer@example.test' });
    expect(me.body.memberships).toEqual([expect.objectContaining({ orgId, roles: ['mentor', 'member'] })]);
    expect((await t.client().post('/api/auth/login', { email: 'newcomer@example.test', password: PASSWORD })).status).toBe(200);

    expect((await t.client().get(`/api/invitations/${token}`)).body.state).toBe('accepted');
    const audit = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=invitation.accepted`);
    expect(audit.body.items).toEqual([expect.objectContaining({ actorPersonId: response.body.personId, subjectId: invitation.id })]);
  });

  it.each([
    ['no name', { password: PASSWORD }, 'name'],
    ['no password', { name: 'Half Done' }, 'password'],
    ['a weak password', { name: 'Weak Pass', password: 'short' }, 'password'],
    ['a blank name', { name: '   ', password: PASSWORD }, 'name'],
    ['a 10,000-character name', { name: 'n'.repeat(10_000), password: PASSWORD }, 'name'],
    ['an unknown field', { name: 'Extra', password: PASSWORD, roles: ['admin'] }, 'roles'],
  ])('refuses a newcomer with %s (400 naming the field): no account, no membership, the link still works', async (_case, body, field) => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const email = `half.${Math.random().toString(36).slice(2)}@example.test`;
    const { token } = await inviteByApi(t, adminClient, orgId, email);
    expectProblem(await t.client().post(`/api/invitations/${token}/accept`, body), 400, field);
    expect(await peopleWithEmail(email)).toHaveLength(0);
    expect((await t.client().get(`/api/invitations/${token}`)).body.state).toBe('pending');
  });

  it('links an existing account proven by its password, and signs it in', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const person = await buildPerson(t);
    const { token } = await inviteByApi(t, adminClient, orgId, person.email, ['coach']);
    const client = t.client();
    const response = await client.post(`/api/invitations/${token}/accept`, { password: FACTORY_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.personId).toBe(person.id);
    expect((await client.get('/api/me')).body.memberships).toEqual([expect.objectContaining({ orgId, roles: ['coach'] })]);
    expect(await peopleWithEmail(person.email)).toHaveLength(1);
  });

  it('refuses an existing account’s wrong password (401) and a name and new password for it; nothing is linked', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const person = await buildPerson(t, { name: 'Real Owner' });
    const { token } = await inviteByApi(t, adminClient, orgId, person.email);
    expectProblem(await t.client().post(`/api/invitations/${token}/accept`, { password: 'not their password' }), 401);
    expectProblem(await t.client().post(`/api/invitations/${token}/accept`, { name: 'Impostor', password: 'impostor password' }), 401);
    expectProblem(await t.client().post(`/api/invitations/${token}/accept`, {}), 401);
    const owner = await signedIn(t, person);
    expect((await owner.get('/api/me')).body).toMatchObject({ person: { name: 'Real Owner' }, memberships: [] });
    expect((await t.client().post('/api/auth/login', { email: person.email, password: FACTORY_PASSWORD })).status).toBe(200);
  });

  it('accepts for the signed-in person with {} when the invitation is for their address', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const other = await buildOrgWithAdmin(t);
    const { token } = await inviteByApi(t, adminClient, orgId, other.admin.email, ['sponsor']);
    const sessionBefore = other.adminClient.cookies.get('cairn_session');
    const response = await other.adminClient.post(`/api/invitations/${token}/accept`, {});
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ orgId, personId: other.admin.id });
    expect(other.adminClient.cookies.get('cairn_session')).toBe(sessionBefore);
    const roles = (await other.adminClient.get('/api/me')).body.memberships.map((m: { orgId: string; roles: string[] }) => [m.orgId, m.roles]);
    expect(roles).toEqual(expect.arrayContaining([[orgId, ['sponsor']], [other.orgId, ['admin']]]));
  });

  it('refuses a signed-in person accepting someone else’s invitation (403), even with the right password', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const invitee = await buildPerson(t);
    const intruder = await signedIn(t, await buildPerson(t));
    const { token } = await inviteByApi(t, adminClient, orgId, invitee.email);
    expectProblem(await intruder.post(`/api/invitations/${token}/accept`, {}), 403);
    expectProblem(await intruder.post(`/api/invitations/${token}/accept`, { password: FACTORY_PASSWORD }), 403);
    expect((await intruder.get('/api/me')).body.memberships).toEqual([]);
    expect((await t.client().get(`/api/invitations/${token}`)).body.state).toBe('pending');
  });

  it('refuses an expired invitation (410), creating nothing', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { invitation, token } = await inviteByApi(t, adminClient, orgId, 'late@example.test');
    await t.context.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', invitation.id).execute();
    const response = await t.client().post(`/api/invitations/${token}/accept`, { name: 'Late Comer', password: PASSWORD });
    expectProblem(response, 410);
    expect(response.body.detail).toMatch(/expired/);
    expect(await peopleWithEmail('late@example.test')).toHaveLength(0);
    expect((await t.client().get(`/api/invitations/${token}`)).body.state).toBe('expired');
  });

  it('refuses a second acceptance (409)', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { token } = await inviteByApi(t, adminClient, orgId, 'once@example.test');
    expect((await t.client().post(`/api/invitations/${token}/accept`, { name: 'Once', password: PASSWORD })).status).toBe(200);
    expectProblem(await t.client().post(`/api/invitations/${token}/accept`, { password: PASSWORD }), 409);
    expectProblem(await t.client().post(`/api/invitations/${token}/accept`, { name: 'Twice', password: PASSWORD }), 409);
    expect(await peopleWithEmail('once@example.test')).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous acceptances by a newcomer succeed', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { token } = await inviteByApi(t, adminClient, orgId, 'racing.newcomer@example.test');
    const responses = await Promise.all([0, 1, 2].map((i) => t.client().post(`/api/invitations/${token}/accept`, { name: `Racer ${i}`, password: PASSWORD })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const refused of responses.filter((r) => r.status !== 200)) expectProblem(refused, 409);
    expect(await peopleWithEmail('racing.newcomer@example.test')).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous acceptances by an existing account succeed', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const person = await buildPerson(t);
    const { token } = await inviteByApi(t, adminClient, orgId, person.email, ['coach']);
    const responses = await Promise.all([0, 1, 2].map(() => t.client().post(`/api/invitations/${token}/accept`, { password: FACTORY_PASSWORD })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const refused of responses.filter((r) => r.status !== 200)) expectProblem(refused, 409);
    const member = await adminClient.get(`/api/orgs/${orgId}/members/${person.id}`);
    expect(member.body.roles).toEqual(['coach']);
  });

  it('refuses a person who joined by another way meanwhile (409)', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const person = await buildPerson(t);
    const { token } = await inviteByApi(t, adminClient, orgId, person.email, ['coach']);
    // Added directly (as an import would) after the invitation was sent.
    await addMember(t.context.db, orgId, person.id, ['member']);
    expectProblem(await t.client().post(`/api/invitations/${token}/accept`, { password: FACTORY_PASSWORD }), 409);
    expect((await adminClient.get(`/api/orgs/${orgId}/members/${person.id}`)).body.roles).toEqual(['member']);
    expect((await t.client().get(`/api/invitations/${token}`)).body.state).toBe('pending');
  });
});
