import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrgWithAdmin, signedIn } from '../../../test/support/factories.ts';
import { tokenFromLink } from '../../../test/support/mail.ts';
import { expectProblem } from '../../../test/support/problems.ts';

interface OutboxItem { to: string; subject: string; text: string; status: string }

describe('the dev outbox (no SMTP configured)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const requestReset = async (email: string) => expect((await t.client().post('/api/auth/password-reset', { email })).status).toBe(202);

  it('keeps a reset message with status "dev" that an admin of the person’s organization can read, and its link works', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['mentor']);
    await requestReset(member.email);

    const outbox = await adminClient.get(`/api/orgs/${orgId}/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.body.devMode).toBe(true);
    const message = outbox.body.items.find((item: OutboxItem) => item.to === member.email);
    expect(message).toMatchObject({ subject: 'Reset your Cairn password', status: 'dev', sentAt: null });

    const token = tokenFromLink(message.text, '/reset-password');
    expect((await t.client().post('/api/auth/password-reset/complete', { token, password: 'a new password for me' })).status).toBe(200);
    expect((await t.client().post('/api/auth/login', { email: member.email, password: 'a new password for me' })).status).toBe(200);
  });

  it('is refused to members who are not admins (403)', async () => {
    const { orgId } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['coach', 'mentor', 'member', 'sponsor']);
    await requestReset(member.email);
    const response = await (await signedIn(t, member)).get(`/api/orgs/${orgId}/outbox`);
    expectProblem(response, 403);
    expect(JSON.stringify(response.body)).not.toContain('reset-password');
  });

  it('does not show a person’s mail to admins of an organization they are not in, and hides other organizations (404)', async () => {
    const a = await buildOrgWithAdmin(t);
    const b = await buildOrgWithAdmin(t);
    const member = await buildMember(t, a.orgId, ['member']);
    await requestReset(member.email);

    const own = await b.adminClient.get(`/api/orgs/${b.orgId}/outbox`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((item: OutboxItem) => item.to)).not.toContain(member.email);
    expectProblem(await b.adminClient.get(`/api/orgs/${a.orgId}/outbox`), 404);
  });

  it('stops showing a person’s personal mail once they are deactivated', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['member']);
    expect((await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/deactivate`)).status).toBe(200);
    await requestReset(member.email);
    const outbox = await adminClient.get(`/api/orgs/${orgId}/outbox`);
    expect(outbox.body.items.map((item: OutboxItem) => item.to)).not.toContain(member.email);
  });

  it('lists the organization’s own mail (invitations) newest first, by pages', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const other = await buildOrgWithAdmin(t);
    for (const name of ['first', 'second', 'third']) {
      expect((await adminClient.post(`/api/orgs/${orgId}/invitations`, { email: `${name}.outbox@example.test`, roles: ['member'] })).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const page1 = await adminClient.get(`/api/orgs/${orgId}/outbox?pageSize=2`);
    expect(page1.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page1.body.items.map((item: OutboxItem) => item.to)).toEqual(['third.outbox@example.test', 'second.outbox@example.test']);
    const page2 = await adminClient.get(`/api/orgs/${orgId}/outbox?pageSize=2&page=2`);
    expect(page2.body.items.map((item: OutboxItem) => item.to)).toEqual(['first.outbox@example.test']);
    expect(page2.body.items[0].subject).toMatch(/invited you to/);

    const elsewhere = await other.adminClient.get(`/api/orgs/${other.orgId}/outbox`);
    expect(elsewhere.body.total).toBe(0);
  });

  it('refuses bad paging with 400 naming the field, and strangers with 401', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/outbox?pageSize=1000`), 400, 'query.pageSize');
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/outbox?page=0`), 400, 'query.page');
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/outbox?page=abc`), 400, 'query.page');
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/outbox?status=sent`), 400, 'query.status');
    expectProblem(await t.client().get(`/api/orgs/${orgId}/outbox`), 401);
  });
});
