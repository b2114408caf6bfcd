import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrgWithAdmin, buildPerson, inviteByApi, signedIn } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';

/** Sends a request with the session cookie but without the CSRF cookie's value in the header (a forged cross-site write). */
async function withoutCsrfHeader(client: ApiClient, method: string, url: string, body?: unknown) {
  const csrf = client.cookies.get('cairn_csrf')!;
  client.cookies.delete('cairn_csrf');
  try {
    return await client.request(method, url, body);
  } finally {
    client.cookies.set('cairn_csrf', csrf);
  }
}

describe('CSRF protection of cookie-authenticated writes', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('refuses a write without the x-csrf-token header, and changes nothing', async () => {
    const person = await buildPerson(t, { name: 'Unchanged Name' });
    const client = await signedIn(t, person);
    const response = await withoutCsrfHeader(client, 'PATCH', '/api/me', { name: 'Forged Name' });
    expectProblem(response, 403);
    expect(response.body.detail).toContain('x-csrf-token');
    expect((await client.get('/api/me')).body.person.name).toBe('Unchanged Name');
  });

  it('refuses a write with a wrong token, or with the token of another session of the same person', async () => {
    const person = await buildPerson(t, { name: 'Still Unchanged' });
    const client = await signedIn(t, person);
    const otherDevice = await signedIn(t, person);
    expectProblem(await client.request('PATCH', '/api/me', { name: 'Forged' }, { 'x-csrf-token': 'not-the-token' }), 403);
    expectProblem(await client.request('PATCH', '/api/me', { name: 'Forged' }, { 'x-csrf-token': otherDevice.cookies.get('cairn_csrf')! }), 403);
    expect((await client.get('/api/me')).body.person.name).toBe('Still Unchanged');
    // The same request with the session's own token goes through.
    expect((await client.patch('/api/me', { name: 'Changed' })).body.person.name).toBe('Changed');
  });

  it('refuses creating an organization without the header; none is created', async () => {
    const person = await buildPerson(t);
    const client = await signedIn(t, person);
    expectProblem(await withoutCsrfHeader(client, 'POST', '/api/orgs', { name: 'Forged Org' }), 403);
    expect(await t.context.db.selectFrom('organizations').select('id').where('name', '=', 'Forged Org').execute()).toHaveLength(0);
    expect((await client.get('/api/me')).body.memberships).toEqual([]);
  });

  it('refuses admin actions without the header: roles, deactivation and revoking stay as they were', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { invitation } = await inviteByApi(t, adminClient, orgId, 'csrf.invitee@example.test');
    const member = await buildMember(t, orgId, ['mentor']);

    expectProblem(await withoutCsrfHeader(adminClient, 'PUT', `/api/orgs/${orgId}/members/${member.id}/roles`, { roles: ['admin'] }), 403);
    expectProblem(await withoutCsrfHeader(adminClient, 'POST', `/api/orgs/${orgId}/members/${member.id}/deactivate`), 403);
    expectProblem(await withoutCsrfHeader(adminClient, 'DELETE', `/api/orgs/${orgId}/invitations/${invitation.id}`), 403);

    const after = await adminClient.get(`/api/orgs/${orgId}/members/${member.id}`);
    expect(after.body).toMatchObject({ roles: ['mentor'], status: 'active' });
    const invitations = await adminClient.get(`/api/orgs/${orgId}/invitations`);
    expect(invitations.body.items.find((i: { id: string }) => i.id === invitation.id).state).toBe('pending');
  });

  it('refuses signing out without the header; the session stays', async () => {
    const client = await signedIn(t, await buildPerson(t));
    expectProblem(await withoutCsrfHeader(client, 'POST', '/api/auth/logout'), 403);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses accepting an invitation with the session cookie but without the header; no membership is made', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const invitee = await buildPerson(t);
    const { token } = await inviteByApi(t, adminClient, orgId, invitee.email);
    const client = await signedIn(t, invitee);
    expectProblem(await withoutCsrfHeader(client, 'POST', `/api/invitations/${token}/accept`, {}), 403);
    expect((await client.get('/api/me')).body.memberships).toEqual([]);
    // With the header the same acceptance works.
    expect((await client.post(`/api/invitations/${token}/accept`, {})).status).toBe(200);
  });

  it('lets reads through without the header', async () => {
    const client = await signedIn(t, await buildPerson(t));
    expect((await withoutCsrfHeader(client, 'GET', '/api/me')).status).toBe(200);
  });
});
