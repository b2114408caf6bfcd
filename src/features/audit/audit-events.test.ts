import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrgWithAdmin, FACTORY_PASSWORD, signedIn, signedInThroughApi } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';

interface AuditItem { action: string; actorPersonId: string | null; actorName: string | null; subjectId: string | null; detail: Record<string, unknown>; ip: string | null; createdAt: string }

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('GET /api/orgs/:orgId/audit-events', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('shows an admin the organization’s security events, newest first', async () => {
    const { orgId, admin, adminClient } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['member'], { name: 'Audited Member' });
    await signedInThroughApi(t, member);
    await tick();
    await t.client({ remoteAddress: '192.0.2.7' }).post('/api/auth/login', { email: member.email, password: 'not the password' });
    await tick();
    await adminClient.put(`/api/orgs/${orgId}/members/${member.id}/roles`, { roles: ['mentor'] });
    await tick();
    await adminClient.post(`/api/orgs/${orgId}/invitations`, { email: 'audited.invitee@example.test', roles: ['coach'] });
    await tick();
    await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/deactivate`);

    const response = await adminClient.get(`/api/orgs/${orgId}/audit-events`);
    expect(response.status).toBe(200);
    const items = response.body.items as AuditItem[];
    expect(items.map((item) => item.action)).toEqual([
      'member.deactivated', 'invitation.created', 'member.roles_changed', 'auth.sign_in_failed', 'auth.signed_in',
    ]);
    expect(items.map((item) => item.createdAt)).toEqual([...items.map((item) => item.createdAt)].sort().reverse());
    expect(items[0]).toMatchObject({ actorPersonId: admin.id, actorName: admin.name, subjectId: member.id });
    expect(items[1]!.detail).toEqual({ email: 'audited.invitee@example.test', roles: ['coach'] });
    expect(items[2]!.detail).toEqual({ before: ['member'], after: ['mentor'] });
    // A failed sign-in has no actor, names the account tried, and where from; never the password.
    expect(items[3]).toMatchObject({ actorPersonId: null, actorName: null, subjectId: member.id, detail: { email: member.email }, ip: '192.0.2.7' });
    expect(JSON.stringify(items)).not.toContain('not the password');
    expect(JSON.stringify(items)).not.toContain(FACTORY_PASSWORD);
    expect(items[4]).toMatchObject({ actorPersonId: member.id, actorName: 'Audited Member' });
  });

  it('pages through the events, and filters by action', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    for (let i = 0; i < 5; i++) {
      await adminClient.post(`/api/orgs/${orgId}/invitations`, { email: `paged${i}@example.test`, roles: ['member'] });
      await tick();
    }
    const filtered = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=invitation.created&pageSize=2`);
    expect(filtered.body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(filtered.body.items.map((item: AuditItem) => item.detail.email)).toEqual(['paged4@example.test', 'paged3@example.test']);
    const last = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=invitation.created&pageSize=2&page=3`);
    expect(last.body.items.map((item: AuditItem) => item.detail.email)).toEqual(['paged0@example.test']);
    const beyond = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=invitation.created&pageSize=2&page=4`);
    expect(beyond.body).toMatchObject({ items: [], total: 5 });
    expect((await adminClient.get(`/api/orgs/${orgId}/audit-events?action=no.such.action`)).body).toMatchObject({ items: [], total: 0 });
  });

  it('keeps each organization’s events to itself', async () => {
    const a = await buildOrgWithAdmin(t);
    const b = await buildOrgWithAdmin(t);
    await a.adminClient.post(`/api/orgs/${a.orgId}/invitations`, { email: 'only.in.a@example.test', roles: ['member'] });
    const inB = await b.adminClient.get(`/api/orgs/${b.orgId}/audit-events?pageSize=100`);
    expect(JSON.stringify(inB.body)).not.toContain('only.in.a@example.test');
    const response = await b.adminClient.get(`/api/orgs/${a.orgId}/audit-events`);
    expectProblem(response, 404);
    expect(JSON.stringify(response.body)).not.toContain('only.in.a');
  });

  it('is refused to members who are not admins (403)', async () => {
    const { orgId } = await buildOrgWithAdmin(t);
    const member = await signedIn(t, await buildMember(t, orgId, ['coach', 'mentor', 'member', 'sponsor']));
    expectProblem(await member.get(`/api/orgs/${orgId}/audit-events`), 403);
    expectProblem(await t.client().get(`/api/orgs/${orgId}/audit-events`), 401);
  });

  it.each([
    ['a 65-character action', `?action=${'a'.repeat(65)}`, 'query.action'],
    ['a page size over 100', '?pageSize=500', 'query.pageSize'],
    ['an unknown parameter', '?actor=me', 'query.actor'],
  ])('refuses %s with 400 naming it', async (_case, query, field) => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/audit-events${query}`), 400, field);
  });
});
