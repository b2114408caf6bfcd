import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrganization, buildOrgWithAdmin, buildPerson, inviteByApi, signedIn } from '../../../test/support/factories.ts';
import { lastMailTo, tokenFromLink } from '../../../test/support/mail.ts';
import { expectProblem } from '../../../test/support/problems.ts';

interface InvitationItem { id: string; email: string; state: string }

describe('inviting people (admin side)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('lets an admin invite by email with roles; a mail with a link is queued and the invitation audited', async () => {
    const orgId = await buildOrganization(t, 'Harbour Mentors');
    const admin = await buildMember(t, orgId, ['admin'], { name: 'Ines Inviter' });
    const adminClient = await signedIn(t, admin);
    const before = Date.now();
    const response = await adminClient.post(`/api/orgs/${orgId}/invitations`, { email: 'New.Mentor@Example.test', roles: ['mentor', 'coach'], message: 'Welcome aboard!' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String), email: 'new.mentor@example.test', roles: ['coach', 'mentor'], state: 'pending', invitedByName: 'Ines Inviter',
      createdAt: expect.any(String), expiresAt: expect.any(String),
    });
    const lifetime = Date.parse(response.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);

    const mail = await lastMailTo(t, 'new.mentor@example.test');
    expect(mail).toMatchObject({ org_id: orgId, status: 'dev', subject: 'Ines Inviter invited you to Harbour Mentors on Cairn' });
    expect(mail.body_text).toContain('“Welcome aboard!”');
    expect(mail.body_text).toMatch(/http:\/\/cairn\.test\/invitations\/[A-Za-z0-9_-]{40,}/);
    const preview = await t.client().get(`/api/invitations/${tokenFromLink(mail.body_text, '/invitations/')}`);
    expect(preview.body).toMatchObject({ orgName: 'Harbour Mentors', email: 'new.mentor@example.test', state: 'pending' });

    const audit = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=invitation.created`);
    expect(audit.body.items).toEqual([expect.objectContaining({ actorPersonId: admin.id, subjectId: response.body.id, detail: { email: 'new.mentor@example.test', roles: ['coach', 'mentor'] } })]);
  });

  it('refuses to invite an active member (409) or a deactivated one (409, pointing to reactivation)', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['member']);
    const active = await adminClient.post(`/api/orgs/${orgId}/invitations`, { email: member.email.toUpperCase(), roles: ['coach'] });
    expectProblem(active, 409);
    await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/deactivate`);
    const deactivated = await adminClient.post(`/api/orgs/${orgId}/invitations`, { email: member.email, roles: ['coach'] });
    expectProblem(deactivated, 409);
    expect(deactivated.body.detail).toMatch(/reactivate/);
    expect((await adminClient.get(`/api/orgs/${orgId}/invitations`)).body.total).toBe(0);
  });

  it('replaces a pending invitation when the same address is invited again: the old link is void', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const first = await inviteByApi(t, adminClient, orgId, 'twice@example.test', ['member']);
    const second = await inviteByApi(t, adminClient, orgId, 'twice@example.test', ['mentor']);
    expect(second.token).not.toBe(first.token);

    expect((await t.client().get(`/api/invitations/${first.token}`)).body.state).toBe('revoked');
    expectProblem(await t.client().post(`/api/invitations/${first.token}/accept`, { name: 'Old Link', password: 'a fine password' }), 410);
    const list = await adminClient.get(`/api/orgs/${orgId}/invitations`);
    expect(list.body.items.map((i: InvitationItem) => [i.id, i.state])).toEqual([[second.invitation.id, 'pending'], [first.invitation.id, 'revoked']]);

    const accepted = await t.client().post(`/api/invitations/${second.token}/accept`, { name: 'New Link', password: 'a fine password' });
    expect(accepted.status).toBe(200);
    expect((await adminClient.get(`/api/orgs/${orgId}/members/${accepted.body.personId}`)).body.roles).toEqual(['mentor']);
  });

  it('lists invitations newest first, by state and by pages', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const pending = await inviteByApi(t, adminClient, orgId, 'pending@example.test');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const accepted = await inviteByApi(t, adminClient, orgId, 'accepted@example.test');
    await t.client().post(`/api/invitations/${accepted.token}/accept`, { name: 'Accepted', password: 'a fine password' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const revoked = await inviteByApi(t, adminClient, orgId, 'revoked@example.test');
    await adminClient.delete(`/api/orgs/${orgId}/invitations/${revoked.invitation.id}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const expired = await inviteByApi(t, adminClient, orgId, 'expired@example.test');
    await t.context.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.invitation.id).execute();

    const all = await adminClient.get(`/api/orgs/${orgId}/invitations`);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((i: InvitationItem) => `${i.email}:${i.state}`)).toEqual([
      'expired@example.test:expired', 'revoked@example.test:revoked', 'accepted@example.test:accepted', 'pending@example.test:pending',
    ]);
    for (const [state, id] of [['pending', pending], ['accepted', accepted], ['revoked', revoked], ['expired', expired]] as const) {
      const filtered = await adminClient.get(`/api/orgs/${orgId}/invitations?state=${state}`);
      expect(filtered.body.items.map((i: InvitationItem) => i.id)).toEqual([id.invitation.id]);
      expect(filtered.body.total).toBe(1);
    }
    const page2 = await adminClient.get(`/api/orgs/${orgId}/invitations?pageSize=3&page=2`);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(page2.body.items.map((i: InvitationItem) => i.email)).toEqual(['pending@example.test']);
  });

  it('lets an admin revoke a pending invitation: its link stops working, and the revocation is audited', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { invitation, token } = await inviteByApi(t, adminClient, orgId, 'withdrawn@example.test');
    expect((await adminClient.delete(`/api/orgs/${orgId}/invitations/${invitation.id}`)).body).toEqual({ ok: true });
    expect((await adminClient.delete(`/api/orgs/${orgId}/invitations/${invitation.id}`)).status).toBe(200);
    const refused = await t.client().post(`/api/invitations/${token}/accept`, { name: 'Too Late', password: 'a fine password' });
    expectProblem(refused, 410);
    expect(refused.body.detail).toMatch(/withdrawn/);
    expect(await t.context.db.selectFrom('people').select('id').where('email', '=', 'withdrawn@example.test').execute()).toHaveLength(0);
    const audit = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=invitation.revoked`);
    expect(audit.body.items).toEqual([expect.objectContaining({ subjectId: invitation.id })]);
  });

  it('refuses to revoke an accepted invitation (409)', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { invitation, token } = await inviteByApi(t, adminClient, orgId, 'joined@example.test');
    await t.client().post(`/api/invitations/${token}/accept`, { name: 'Joined', password: 'a fine password' });
    expectProblem(await adminClient.delete(`/api/orgs/${orgId}/invitations/${invitation.id}`), 409);
  });

  it('keeps invitations to admins of their organization: others get 403, other organizations 404', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const { invitation } = await inviteByApi(t, adminClient, orgId, 'guarded@example.test');
    const member = await signedIn(t, await buildMember(t, orgId, ['coach', 'mentor', 'member', 'sponsor']));
    expectProblem(await member.get(`/api/orgs/${orgId}/invitations`), 403);
    expectProblem(await member.post(`/api/orgs/${orgId}/invitations`, { email: 'friend@example.test', roles: ['admin'] }), 403);
    expectProblem(await member.delete(`/api/orgs/${orgId}/invitations/${invitation.id}`), 403);

    const other = await buildOrgWithAdmin(t);
    expectProblem(await other.adminClient.get(`/api/orgs/${orgId}/invitations`), 404);
    expectProblem(await other.adminClient.delete(`/api/orgs/${orgId}/invitations/${invitation.id}`), 404);
    // The other organization's own route does not reach this invitation either.
    expectProblem(await other.adminClient.delete(`/api/orgs/${other.orgId}/invitations/${invitation.id}`), 404);
    expectProblem(await adminClient.delete(`/api/orgs/${orgId}/invitations/${crypto.randomUUID()}`), 404);
    expectProblem(await adminClient.delete(`/api/orgs/${orgId}/invitations/nope`), 400, 'path.invitationId');
    expect((await adminClient.get(`/api/orgs/${orgId}/invitations?state=pending`)).body.total).toBe(1);
    expect(await t.context.db.selectFrom('invitations').select('id').where('email', '=', 'friend@example.test').execute()).toHaveLength(0);
  });

  it.each([
    ['no roles', { email: 'x@example.test', roles: [] }, 'roles'],
    ['an unknown role', { email: 'x@example.test', roles: ['owner'] }, 'roles.0'],
    ['a missing email', { roles: ['member'] }, 'email'],
    ['an invalid email', { email: 'x at example', roles: ['member'] }, 'email'],
    ['a 10,000-character email', { email: `${'x'.repeat(10_000)}@example.test`, roles: ['member'] }, 'email'],
    ['a 1,001-character message', { email: 'x@example.test', roles: ['member'], message: 'm'.repeat(1001) }, 'message'],
    ['an unknown field', { email: 'x@example.test', roles: ['member'], expiresAt: '2100-01-01T00:00:00Z' }, 'expiresAt'],
    ['roles that are not a list', { email: 'x@example.test', roles: 'member' }, 'roles'],
  ])('refuses an invitation with %s (400 naming the field), and queues no mail', async (_case, body, field) => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    expectProblem(await adminClient.post(`/api/orgs/${orgId}/invitations`, body), 400, field);
    expect((await adminClient.get(`/api/orgs/${orgId}/invitations`)).body.total).toBe(0);
    expect((await adminClient.get(`/api/orgs/${orgId}/outbox`)).body.total).toBe(0);
  });

  it('refuses bad list queries with 400 naming them', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/invitations?state=lost`), 400, 'query.state');
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/invitations?pageSize=-1`), 400, 'query.pageSize');
  });
});

describe('an invitation link (public)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('previews the organization, inviter, roles and whether the address has an account', async () => {
    const orgId = await buildOrganization(t, 'Preview Partners');
    const admin = await buildMember(t, orgId, ['admin'], { name: 'Pat Preview' });
    const adminClient = await signedIn(t, admin);
    const fresh = await inviteByApi(t, adminClient, orgId, 'fresh@example.test', ['sponsor']);
    const preview = await t.client().get(`/api/invitations/${fresh.token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      orgName: 'Preview Partners', email: 'fresh@example.test', roles: ['sponsor'], invitedByName: 'Pat Preview',
      state: 'pending', expiresAt: expect.any(String), accountExists: false,
    });
    const existing = await buildPerson(t);
    const known = await inviteByApi(t, adminClient, orgId, existing.email);
    expect((await t.client().get(`/api/invitations/${known.token}`)).body.accountExists).toBe(true);
  });

  it('answers an unknown token with 404 and a malformed one with 400', async () => {
    expectProblem(await t.client().get(`/api/invitations/${'u'.repeat(43)}`), 404);
    expectProblem(await t.client().get('/api/invitations/short'), 400, 'path.token');
    // Longer than the router allows in a path segment: still a problem, not Fastify's own error shape.
    expectProblem(await t.client().get(`/api/invitations/${'l'.repeat(201)}`), 414);
    expectProblem(await t.client().get('/api/invitations/%E0%A4%A'), 400);
    expectProblem(await t.client().post(`/api/invitations/${'u'.repeat(43)}/accept`, { name: 'Nobody', password: 'a fine password' }), 404);
  });
});
