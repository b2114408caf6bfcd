import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrgWithAdmin, signedIn } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';

describe('member administration', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const auditActions = async (adminClient: ApiClient, orgId: string, subjectId: string) =>
    ((await adminClient.get(`/api/orgs/${orgId}/audit-events?pageSize=100`)).body.items as { action: string; subjectId: string; detail: unknown }[])
      .filter((event) => event.subjectId === subjectId);

  describe('profiles (PATCH /members/:personId)', () => {
    it('lets members change their own title and department', async () => {
      const { orgId } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['member']);
      const client = await signedIn(t, member);
      const response = await client.patch(`/api/orgs/${orgId}/members/${member.id}`, { title: ' Product Designer ', department: 'Design' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ personId: member.id, title: 'Product Designer', department: 'Design' });
    });

    it('refuses changes to someone else’s profile by a non-admin (403), and changes nothing', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const [member, colleague] = [await buildMember(t, orgId, ['coach', 'mentor', 'sponsor']), await buildMember(t, orgId, ['member'])];
      const client = await signedIn(t, member);
      expectProblem(await client.patch(`/api/orgs/${orgId}/members/${colleague.id}`, { title: 'Intern' }), 403);
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${colleague.id}`)).body.title).toBe('');
    });

    it('lets admins change anyone’s profile and manager, recorded in the audit log', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const [member, manager] = [await buildMember(t, orgId, ['member']), await buildMember(t, orgId, ['member'], { name: 'Mona Manager' })];
      const response = await adminClient.patch(`/api/orgs/${orgId}/members/${member.id}`, { title: 'Analyst', managerPersonId: manager.id });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ title: 'Analyst', managerPersonId: manager.id, managerName: 'Mona Manager' });
      expect(await auditActions(adminClient, orgId, member.id)).toEqual([
        expect.objectContaining({ action: 'member.profile_changed', detail: { fields: ['title', 'managerPersonId'] } }),
      ]);
      // Clearing the manager.
      expect((await adminClient.patch(`/api/orgs/${orgId}/members/${member.id}`, { managerPersonId: null })).body).toMatchObject({ managerPersonId: null, managerName: null });
    });

    it('requires the manager to be an active member of the same organization (400 naming managerPersonId)', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['member']);
      const elsewhere = await buildOrgWithAdmin(t);
      const gone = await buildMember(t, orgId, ['member']);
      await adminClient.post(`/api/orgs/${orgId}/members/${gone.id}/deactivate`);
      for (const managerPersonId of [elsewhere.admin.id, gone.id, crypto.randomUUID()]) {
        expectProblem(await adminClient.patch(`/api/orgs/${orgId}/members/${member.id}`, { title: 'Changed', managerPersonId }), 400, 'managerPersonId');
      }
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${member.id}`)).body).toMatchObject({ title: '', managerPersonId: null });
    });

    it('refuses a reporting line that loops back (400), directly or through others', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const [a, b, c] = [await buildMember(t, orgId, ['member']), await buildMember(t, orgId, ['member']), await buildMember(t, orgId, ['member'])];
      expect((await adminClient.patch(`/api/orgs/${orgId}/members/${b.id}`, { managerPersonId: a.id })).status).toBe(200);
      expect((await adminClient.patch(`/api/orgs/${orgId}/members/${c.id}`, { managerPersonId: b.id })).status).toBe(200);
      expectProblem(await adminClient.patch(`/api/orgs/${orgId}/members/${a.id}`, { managerPersonId: c.id }), 400, 'managerPersonId');
      expectProblem(await adminClient.patch(`/api/orgs/${orgId}/members/${a.id}`, { managerPersonId: b.id }), 400, 'managerPersonId');
      expectProblem(await adminClient.patch(`/api/orgs/${orgId}/members/${a.id}`, { managerPersonId: a.id }), 400, 'managerPersonId');
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${a.id}`)).body.managerPersonId).toBeNull();
    });

    it('answers 404 for a person of another organization', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const other = await buildOrgWithAdmin(t);
      expectProblem(await adminClient.patch(`/api/orgs/${orgId}/members/${other.admin.id}`, { title: 'Poached' }), 404);
      expect((await other.adminClient.get(`/api/orgs/${other.orgId}/members/${other.admin.id}`)).body.title).toBe('');
    });

    it.each([
      ['a 201-character title', { title: 't'.repeat(201) }, 'title'],
      ['a 10,000-character department', { department: 'd'.repeat(10_000) }, 'department'],
      ['a manager id that is not an id', { managerPersonId: 'boss' }, 'managerPersonId'],
      ['a title of the wrong type', { title: 7 }, 'title'],
      ['a field members cannot set here', { roles: ['admin'] }, 'roles'],
    ])('refuses %s with 400 naming the field', async (_case, body, field) => {
      const { orgId, admin, adminClient } = await buildOrgWithAdmin(t);
      expectProblem(await adminClient.patch(`/api/orgs/${orgId}/members/${admin.id}`, body), 400, field);
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${admin.id}`)).body).toMatchObject({ title: '', department: '', roles: ['admin'] });
    });
  });

  describe('roles (PUT /members/:personId/roles)', () => {
    it('lets an admin replace a member’s roles; the change takes effect and is audited', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['member']);
      const client = await signedIn(t, member);
      expectProblem(await client.get(`/api/orgs/${orgId}/audit-events`), 403);

      const response = await adminClient.put(`/api/orgs/${orgId}/members/${member.id}/roles`, { roles: ['mentor', 'admin'] });
      expect(response.status).toBe(200);
      expect(response.body.roles).toEqual(['admin', 'mentor']);
      expect((await client.get(`/api/orgs/${orgId}/audit-events`)).status).toBe(200);
      expect(await auditActions(adminClient, orgId, member.id)).toEqual([
        expect.objectContaining({ action: 'member.roles_changed', detail: { before: ['member'], after: ['admin', 'mentor'] } }),
      ]);
    });

    it('refuses role changes by non-admins (403), including giving themselves admin', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['coach', 'mentor', 'member', 'sponsor']);
      const client = await signedIn(t, member);
      expectProblem(await client.put(`/api/orgs/${orgId}/members/${member.id}/roles`, { roles: ['admin'] }), 403);
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${member.id}`)).body.roles).toEqual(['coach', 'mentor', 'member', 'sponsor']);
    });

    it('refuses to take admin from the last admin (409); nothing changes and nothing is audited', async () => {
      const { orgId, admin, adminClient } = await buildOrgWithAdmin(t);
      const response = await adminClient.put(`/api/orgs/${orgId}/members/${admin.id}/roles`, { roles: ['coach'] });
      expectProblem(response, 409);
      expect(response.body.detail).toMatch(/last active admin/);
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${admin.id}`)).body.roles).toEqual(['admin']);
      expect((await auditActions(adminClient, orgId, admin.id)).map((e) => e.action)).not.toContain('member.roles_changed');
      // Adding roles while keeping admin is fine.
      expect((await adminClient.put(`/api/orgs/${orgId}/members/${admin.id}/roles`, { roles: ['admin', 'coach'] })).body.roles).toEqual(['admin', 'coach']);
    });

    it('lets one of two admins step down, but then not the other', async () => {
      const { orgId, admin, adminClient } = await buildOrgWithAdmin(t);
      const second = await buildMember(t, orgId, ['admin']);
      expect((await adminClient.put(`/api/orgs/${orgId}/members/${admin.id}/roles`, { roles: ['member'] })).status).toBe(200);
      const secondClient = await signedIn(t, second);
      expectProblem(await secondClient.put(`/api/orgs/${orgId}/members/${second.id}/roles`, { roles: ['member'] }), 409);
      // The former admin has lost admin powers at once.
      expectProblem(await adminClient.put(`/api/orgs/${orgId}/members/${second.id}/roles`, { roles: ['member'] }), 403);
    });

    it('lets an admin take admin from a deactivated former admin while another admin remains', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const former = await buildMember(t, orgId, ['admin', 'coach']);
      expect((await adminClient.post(`/api/orgs/${orgId}/members/${former.id}/deactivate`)).status).toBe(200);
      const response = await adminClient.put(`/api/orgs/${orgId}/members/${former.id}/roles`, { roles: ['coach'] });
      expect(response.status).toBe(200);
      expect(response.body.roles).toEqual(['coach']);
    });

    it('keeps one admin when the last two remove each other at the same moment', async () => {
      for (let round = 0; round < 3; round++) {
        const { orgId, admin, adminClient } = await buildOrgWithAdmin(t);
        const second = await buildMember(t, orgId, ['admin']);
        const secondClient = await signedIn(t, second);
        const [one, two] = await Promise.all([
          adminClient.put(`/api/orgs/${orgId}/members/${second.id}/roles`, { roles: ['member'] }),
          secondClient.post(`/api/orgs/${orgId}/members/${admin.id}/deactivate`),
        ]);
        // One goes through; the other is refused, as the last admin (409) or, when it arrives after
        // the first has finished, as someone who is no longer an admin (403).
        expect([one.status, two.status].filter((status) => status === 200)).toHaveLength(1);
        expect([one.status, two.status].filter((status) => status !== 200)).toEqual([expect.toSatisfy((status: number) => status === 403 || status === 409)]);
        const admins = await t.context.db.selectFrom('membership_roles as r')
          .innerJoin('memberships as m', (join) => join.onRef('m.org_id', '=', 'r.org_id').onRef('m.person_id', '=', 'r.person_id'))
          .select('r.person_id').where('r.org_id', '=', orgId).where('r.role', '=', 'admin').where('m.status', '=', 'active').execute();
        expect(admins).toHaveLength(1);
      }
    });

    it('answers 404 for a person of another organization, or no one', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const other = await buildOrgWithAdmin(t);
      expectProblem(await adminClient.put(`/api/orgs/${orgId}/members/${other.admin.id}/roles`, { roles: ['coach'] }), 404);
      expectProblem(await adminClient.put(`/api/orgs/${orgId}/members/${crypto.randomUUID()}/roles`, { roles: ['coach'] }), 404);
      expect((await other.adminClient.get(`/api/orgs/${other.orgId}/members/${other.admin.id}`)).body.roles).toEqual(['admin']);
    });

    it.each([
      ['an unknown role', { roles: ['owner'] }, 'roles.0'],
      ['a role list with repeats', { roles: ['coach', 'coach'] }, 'roles'],
      ['roles that are not a list', { roles: 'admin' }, 'roles'],
      ['no roles field', {}, 'roles'],
      ['more than five roles', { roles: ['admin', 'coach', 'mentor', 'member', 'sponsor', 'admin'] }, 'roles'],
      ['an unknown field', { roles: ['coach'], orgId: crypto.randomUUID() }, 'orgId'],
    ])('refuses %s with 400 naming the field', async (_case, body, field) => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['member']);
      expectProblem(await adminClient.put(`/api/orgs/${orgId}/members/${member.id}/roles`, body), 400, field);
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${member.id}`)).body.roles).toEqual(['member']);
    });
  });

  describe('deactivation and reactivation', () => {
    it('shuts a deactivated member out of the organization, keeps their history, and reactivation restores them', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['coach', 'mentor'], { name: 'Paused Person' });
      const client = await signedIn(t, member);
      expect((await client.patch(`/api/orgs/${orgId}/members/${member.id}`, { title: 'Senior Coach' })).status).toBe(200);

      expect((await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/deactivate`)).body).toEqual({ ok: true });
      expectProblem(await client.get(`/api/orgs/${orgId}`), 404);
      expectProblem(await client.get(`/api/orgs/${orgId}/members`), 404);
      expectProblem(await client.patch(`/api/orgs/${orgId}/members/${member.id}`, { title: 'Sneaky' }), 404);
      expect((await client.get('/api/me')).body.memberships).toEqual([]);
      const directory = await adminClient.get(`/api/orgs/${orgId}/members`);
      expect(directory.body.items.map((m: { personId: string }) => m.personId)).not.toContain(member.id);

      // History stays: the membership with its roles and title, and what they did.
      expect((await adminClient.get(`/api/orgs/${orgId}/members/${member.id}`)).body).toMatchObject({ status: 'deactivated', roles: ['coach', 'mentor'], title: 'Senior Coach' });
      const history = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=member.profile_changed`);
      expect(history.body.items).toEqual([expect.objectContaining({ actorPersonId: member.id, actorName: 'Paused Person' })]);
      expect((await auditActions(adminClient, orgId, member.id)).map((e) => e.action)).toContain('member.deactivated');

      expect((await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/reactivate`)).status).toBe(200);
      expect((await client.get(`/api/orgs/${orgId}`)).status).toBe(200);
      expect((await client.get('/api/me')).body.memberships).toEqual([expect.objectContaining({ orgId, roles: ['coach', 'mentor'], title: 'Senior Coach' })]);
      expect((await auditActions(adminClient, orgId, member.id)).map((e) => e.action)).toContain('member.reactivated');
    });

    it('does not deactivate the last admin (409), not even by their own hand', async () => {
      const { orgId, admin, adminClient } = await buildOrgWithAdmin(t);
      expectProblem(await adminClient.post(`/api/orgs/${orgId}/members/${admin.id}/deactivate`), 409);
      expect((await adminClient.get(`/api/orgs/${orgId}`)).status).toBe(200);
      // With a second admin, the first may leave.
      await buildMember(t, orgId, ['admin']);
      expect((await adminClient.post(`/api/orgs/${orgId}/members/${admin.id}/deactivate`)).status).toBe(200);
      expectProblem(await adminClient.get(`/api/orgs/${orgId}`), 404);
    });

    it('is idempotent: deactivating twice changes nothing more', async () => {
      const { orgId, adminClient } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['member']);
      expect((await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/deactivate`)).status).toBe(200);
      expect((await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/deactivate`)).status).toBe(200);
      expect((await auditActions(adminClient, orgId, member.id)).filter((e) => e.action === 'member.deactivated')).toHaveLength(1);
    });

    it('is for admins only (403), and answers 404 for other organizations’ people', async () => {
      const { orgId, admin, adminClient } = await buildOrgWithAdmin(t);
      const member = await buildMember(t, orgId, ['coach', 'mentor', 'member', 'sponsor']);
      const client = await signedIn(t, member);
      expectProblem(await client.post(`/api/orgs/${orgId}/members/${admin.id}/deactivate`), 403);
      expect((await adminClient.get(`/api/orgs/${orgId}`)).status).toBe(200);

      const other = await buildOrgWithAdmin(t);
      const theirs = await buildMember(t, other.orgId, ['member']);
      expectProblem(await adminClient.post(`/api/orgs/${orgId}/members/${theirs.id}/deactivate`), 404);
      expectProblem(await adminClient.post(`/api/orgs/${orgId}/members/not-an-id/deactivate`), 400, 'path.personId');
      expect((await other.adminClient.get(`/api/orgs/${other.orgId}/members/${theirs.id}`)).body.status).toBe('active');
    });
  });
});
