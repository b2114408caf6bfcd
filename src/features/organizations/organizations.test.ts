import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrgWithAdmin, buildPerson, signedIn } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';

describe('organizations', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('lets a signed-in person create another organization, of which they are the admin', async () => {
    const { orgId: first, admin, adminClient } = await buildOrgWithAdmin(t);
    const response = await adminClient.post('/api/orgs', { name: '  Second Practice ', defaultTimeZone: 'Australia/Sydney' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), name: 'Second Practice', defaultTimeZone: 'Australia/Sydney', createdAt: expect.any(String) });

    const me = await adminClient.get('/api/me');
    expect(me.body.memberships.map((m: { orgId: string; roles: string[] }) => [m.orgId, m.roles])).toEqual(
      expect.arrayContaining([[first, ['admin']], [response.body.id, ['admin']]]),
    );
    const events = await adminClient.get(`/api/orgs/${response.body.id}/audit-events?action=organization.created`);
    expect(events.body.items).toEqual([expect.objectContaining({ actorPersonId: admin.id, subjectId: response.body.id })]);
  });

  it('creates an organization in UTC when no time zone is given, and anyone signed in may create one', async () => {
    const client = await signedIn(t, await buildPerson(t));
    const response = await client.post('/api/orgs', { name: 'Solo Coach' });
    expect(response.status).toBe(201);
    expect(response.body.defaultTimeZone).toBe('UTC');
  });

  it.each([
    ['an unknown time zone', { name: 'Zoned', defaultTimeZone: 'Nowhere/Special' }, 'defaultTimeZone'],
    ['a missing name', {}, 'name'],
    ['a blank name', { name: '  ' }, 'name'],
    ['a 10,000-character name', { name: 'o'.repeat(10_000) }, 'name'],
    ['a name of the wrong type', { name: ['Org'] }, 'name'],
    ['an unknown field', { name: 'Org', plan: 'enterprise' }, 'plan'],
  ])('refuses creating one with %s (400 naming the field), and creates nothing', async (_case, body, field) => {
    const client = await signedIn(t, await buildPerson(t));
    expectProblem(await client.post('/api/orgs', body), 400, field);
    expect((await client.get('/api/me')).body.memberships).toEqual([]);
  });

  it('requires a session to create one (401)', async () => {
    expectProblem(await t.client().post('/api/orgs', { name: 'Anonymous' }), 401);
  });

  it('shows the organization to every member, whatever their role', async () => {
    const { orgId } = await buildOrgWithAdmin(t);
    for (const role of ['coach', 'mentor', 'member', 'sponsor'] as const) {
      const client = await signedIn(t, await buildMember(t, orgId, [role]));
      const response = await client.get(`/api/orgs/${orgId}`);
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(orgId);
    }
  });

  it('lets an admin change the settings, recorded in the audit log', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const response = await adminClient.patch(`/api/orgs/${orgId}`, { name: 'Renamed Guild', defaultTimeZone: 'Africa/Nairobi' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: orgId, name: 'Renamed Guild', defaultTimeZone: 'Africa/Nairobi' });
    expect((await adminClient.get(`/api/orgs/${orgId}`)).body).toMatchObject({ name: 'Renamed Guild', defaultTimeZone: 'Africa/Nairobi' });
    const events = await adminClient.get(`/api/orgs/${orgId}/audit-events?action=organization.updated`);
    expect(events.body.items[0].detail).toEqual({ fields: ['name', 'defaultTimeZone'] });
  });

  it('refuses settings changes by members who are not admins (403), and changes nothing', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const before = (await adminClient.get(`/api/orgs/${orgId}`)).body;
    const coach = await signedIn(t, await buildMember(t, orgId, ['coach', 'mentor', 'member', 'sponsor']));
    expectProblem(await coach.patch(`/api/orgs/${orgId}`, { name: 'Taken Over' }), 403);
    expect((await adminClient.get(`/api/orgs/${orgId}`)).body).toEqual(before);
  });

  it('refuses invalid settings naming the field, and changes nothing', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const before = (await adminClient.get(`/api/orgs/${orgId}`)).body;
    expectProblem(await adminClient.patch(`/api/orgs/${orgId}`, { name: 'Fine Name', defaultTimeZone: 'Mars/Base' }), 400, 'defaultTimeZone');
    expectProblem(await adminClient.patch(`/api/orgs/${orgId}`, { name: '' }), 400, 'name');
    expectProblem(await adminClient.patch(`/api/orgs/${orgId}`, { name: 'x'.repeat(201) }), 400, 'name');
    expectProblem(await adminClient.patch(`/api/orgs/${orgId}`, { id: crypto.randomUUID() }), 400, 'id');
    expect((await adminClient.get(`/api/orgs/${orgId}`)).body).toEqual(before);
  });

  it('answers a non-member exactly as for an organization that does not exist (404), for reads and writes', async () => {
    const { orgId } = await buildOrgWithAdmin(t);
    const stranger = await buildOrgWithAdmin(t);
    const missing = crypto.randomUUID();
    const notMember = await stranger.adminClient.get(`/api/orgs/${orgId}`);
    const nonexistent = await stranger.adminClient.get(`/api/orgs/${missing}`);
    expectProblem(notMember, 404);
    expect(notMember.body).toEqual(nonexistent.body);

    const write = await stranger.adminClient.patch(`/api/orgs/${orgId}`, { name: 'Hijacked' });
    expectProblem(write, 404);
    expect(write.body).toEqual((await stranger.adminClient.patch(`/api/orgs/${missing}`, { name: 'Hijacked' })).body);
  });

  it('answers a deactivated member as a non-member (404)', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['member']);
    const client = await signedIn(t, member);
    expect((await client.get(`/api/orgs/${orgId}`)).status).toBe(200);
    await adminClient.post(`/api/orgs/${orgId}/members/${member.id}/deactivate`);
    expectProblem(await client.get(`/api/orgs/${orgId}`), 404);
  });

  it.each(['not-a-uuid', '12345', `${crypto.randomUUID()}x`, "1' or '1'='1"])('answers a malformed organization id (%s) with a 4xx problem, not a 500', async (id) => {
    const { adminClient } = await buildOrgWithAdmin(t);
    const response = await adminClient.get(`/api/orgs/${encodeURIComponent(id)}`);
    expect([400, 404]).toContain(response.status);
    expectProblem(response, response.status);
  });

  it('requires a session to read one (401)', async () => {
    const { orgId } = await buildOrgWithAdmin(t);
    expectProblem(await t.client().get(`/api/orgs/${orgId}`), 401);
  });
});
