import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrganization, buildOrgWithAdmin, buildPerson, signedIn, type BuiltPerson } from '../../../test/support/factories.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import { expectServedKept, expectWatchesWhatItReads } from '../../../test/support/answer-cache.ts';
import { addMember, keptDirectoryPages, listMembers } from './service.ts';

interface MemberItem { personId: string; name: string; email: string; roles: string[]; status: string; joinedAt: string }

describe('the member directory', () => {
  let t: TestApp;
  let orgId: string;
  let admin: BuiltPerson;
  let adminClient: ApiClient;
  let memberClient: ApiClient;
  const people: Record<string, BuiltPerson> = {};

  beforeAll(async () => {
    t = await createTestApp();
    orgId = await buildOrganization(t);
    admin = await buildMember(t, orgId, ['admin'], { name: 'Zed Admin' });
    adminClient = await signedIn(t, admin);
    const directory: [string, Parameters<typeof addMember>[3], { title?: string; department?: string }, string?][] = [
      ['Alice Archer', ['coach'], { title: 'Lead Coach', department: 'Learning' }],
      ['bob brown', ['mentor', 'member'], { title: 'Engineer', department: 'Platform' }],
      ['Carla Cruz', ['member'], { title: 'Analyst', department: 'Finance' }, 'carla.unique.mailbox@example.test'],
      ['Dan 100% Dedicated', ['member'], { title: 'Sales', department: 'Growth' }],
      ['Eve snake_case', ['sponsor'], { title: 'Director', department: 'People' }],
      ['Frank Former', ['coach'], { title: 'Coach', department: 'Learning' }],
    ];
    for (const [name, roles, details, email] of directory) {
      const person = await buildPerson(t, { name, ...(email ? { email } : {}) });
      await addMember(t.context.db, orgId, person.id, roles, details);
      people[name.split(' ')[0]!.toLowerCase()] = person;
    }
    await t.context.db.updateTable('memberships').set({ status: 'deactivated', deactivated_at: new Date().toISOString() })
      .where('org_id', '=', orgId).where('person_id', '=', people.frank!.id).execute();
    memberClient = await signedIn(t, people.carla!);
    // A member of another organization, who must never appear here.
    const other = await buildOrgWithAdmin(t);
    await buildMember(t, other.orgId, ['coach'], { name: 'Alice Elsewhere' });
  });
  afterAll(async () => { await t.close(); });

  const names = (body: { items: MemberItem[] }) => body.items.map((item) => item.name);
  const list = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/orgs/${orgId}/members${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: MemberItem[]; pageSize: number; total: number; nextCursor: string | null; previousCursor: string | null };
  };

  it('lists active members by name, case-insensitively, with the page size and total', async () => {
    const all = await list(memberClient);
    expect(all).toMatchObject({ pageSize: 25, total: 6, nextCursor: null, previousCursor: null });
    expect(names(all)).toEqual(['Alice Archer', 'bob brown', 'Carla Cruz', 'Dan 100% Dedicated', 'Eve snake_case', 'Zed Admin']);
    // A directory entry is a summary; the member's own page has the rest.
    const entry = { personId: people.alice!.id, name: 'Alice Archer', email: people.alice!.email, title: 'Lead Coach', department: 'Learning', managerName: null, roles: ['coach'], status: 'active', joinedAt: expect.any(String) };
    expect(all.items[0]).toEqual(entry);
    expect((await memberClient.get(`/api/orgs/${orgId}/members/${people.alice!.id}`)).body).toEqual({
      ...entry, joinedAt: all.items[0]!.joinedAt, managerPersonId: null, timeZone: 'Europe/London', languages: ['en'], bio: '',
    });
  });

  it('pages through the list with cursors, forwards and back, without gaps or repeats', async () => {
    const first = await list(memberClient, '?pageSize=4');
    expect(first).toMatchObject({ pageSize: 4, total: 6, previousCursor: null });
    const second = await list(memberClient, `?pageSize=4&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ total: 6, nextCursor: null });
    expect([...names(first), ...names(second)]).toEqual(names(await list(memberClient)));
    const back = await list(memberClient, `?pageSize=4&cursor=${second.previousCursor}`);
    expect(back).toMatchObject({ total: 6, previousCursor: null, nextCursor: first.nextCursor });
    expect(names(back)).toEqual(names(first));
  });

  it.each([
    ['part of a name, in another case', 'ALICE', ['Alice Archer']],
    ['part of an email', 'unique.mailbox', ['Carla Cruz']],
    ['a title', 'engineer', ['bob brown']],
    ['a department', 'learn', ['Alice Archer']],
    ['a % sign, matched literally', '%', ['Dan 100% Dedicated']],
    ['an underscore, matched literally', '_', ['Eve snake_case']],
    ['a backslash, matched literally', '\\', []],
    ['a quote', "o'brien", []],
    ['something no one has', 'zzzz-nothing', []],
  ])('searches %s', async (_case, q, expected) => {
    const found = await list(memberClient, `?q=${encodeURIComponent(q)}`);
    expect(names(found)).toEqual(expected);
    expect(found.total).toBe(expected.length);
  });

  it('filters by role, and combines filters', async () => {
    expect(names(await list(memberClient, '?role=coach'))).toEqual(['Alice Archer']);
    expect(names(await list(memberClient, '?role=member'))).toEqual(['bob brown', 'Carla Cruz', 'Dan 100% Dedicated']);
    expect(names(await list(memberClient, '?role=member&q=platform'))).toEqual(['bob brown']);
    expect((await list(memberClient, '?role=admin')).items.map((item) => item.personId)).toEqual([admin.id]);
  });

  it('lets admins list deactivated members, or everyone', async () => {
    const deactivated = await list(adminClient, '?status=deactivated');
    expect(names(deactivated)).toEqual(['Frank Former']);
    expect(deactivated.items[0]!.status).toBe('deactivated');
    expect((await list(adminClient, '?status=all')).total).toBe(7);
    expect(names(await list(adminClient, '?status=all&role=coach'))).toEqual(['Alice Archer', 'Frank Former']);
  });

  it('never shows deactivated members to members who are not admins, whatever they ask', async () => {
    expect(names(await list(memberClient, '?status=deactivated'))).not.toContain('Frank Former');
    expect((await list(memberClient, '?status=all')).total).toBe(6);
    expect(names(await list(memberClient, '?q=frank'))).toEqual([]);
    expectProblem(await memberClient.get(`/api/orgs/${orgId}/members/${people.frank!.id}`), 404);
    expect((await adminClient.get(`/api/orgs/${orgId}/members/${people.frank!.id}`)).body.status).toBe('deactivated');
  });

  it('shows one member', async () => {
    const response = await memberClient.get(`/api/orgs/${orgId}/members/${people.bob!.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ personId: people.bob!.id, name: 'bob brown', roles: ['mentor', 'member'], title: 'Engineer' });
  });

  it('answers 404 for a person of another organization, or no one, exactly alike', async () => {
    const other = await buildOrgWithAdmin(t);
    const foreign = await adminClient.get(`/api/orgs/${orgId}/members/${other.admin.id}`);
    expectProblem(foreign, 404);
    expect(foreign.body).toEqual((await adminClient.get(`/api/orgs/${orgId}/members/${crypto.randomUUID()}`)).body);
  });

  it('answers a malformed person id with 400 naming it', async () => {
    expectProblem(await adminClient.get(`/api/orgs/${orgId}/members/not-a-uuid`), 400, 'path.personId');
  });

  it('is hidden from people outside the organization (404) and from strangers (401)', async () => {
    const outsider = await buildOrgWithAdmin(t);
    expectProblem(await outsider.adminClient.get(`/api/orgs/${orgId}/members`), 404);
    expectProblem(await outsider.adminClient.get(`/api/orgs/${orgId}/members/${people.alice!.id}`), 404);
    expectProblem(await t.client().get(`/api/orgs/${orgId}/members`), 401);
  });

  it.each([
    ['a page size over 100', '?pageSize=101', 'query.pageSize'],
    ['a page size of 0', '?pageSize=0', 'query.pageSize'],
    ['offset paging, which the directory no longer does', '?page=2', 'query.page'],
    ['a cursor that is not one', '?cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
    ['a cursor with characters no cursor has', '?cursor=a%2Bb', 'query.cursor'],
    ['an unknown role', '?role=superuser', 'query.role'],
    ['an unknown status', '?status=banned', 'query.status'],
    ['a 201-character search', `?q=${'q'.repeat(201)}`, 'query.q'],
    ['a NUL character in the search', '?q=a%00b', 'query.q'],
    ['an unknown parameter', '?sort=email', 'query.sort'],
  ])('refuses %s with 400 naming it', async (_case, query, field) => {
    expectProblem(await memberClient.get(`/api/orgs/${orgId}/members${query}`), 400, field);
  });

  it('keeps pages watching every table they read, and shows a rename on the next request', async () => {
    const admins = { personId: admin.id, roles: ['admin' as const] };
    for (const query of [{ pageSize: 3 }, { q: 'carla', pageSize: 3 }, { q: 'bo', pageSize: 3 }, { role: 'coach' as const, pageSize: 3 }, { status: 'all' as const, pageSize: 3 }]) {
      await expectWatchesWhatItReads(keptDirectoryPages, () => listMembers(t.context.db, orgId, query, admins));
    }
    const names = async () => (await adminClient.get(`/api/orgs/${orgId}/members?q=carla`)).body.items.map((m: MemberItem) => m.name);
    expect(await names()).toEqual(['Carla Cruz']);
    await expectServedKept(names);
    await t.context.db.updateTable('people').set({ name: 'Carla Cruz-Ortega' }).where('name', '=', 'Carla Cruz').execute();
    expect(await names()).toEqual(['Carla Cruz-Ortega']);
    await t.context.db.updateTable('people').set({ name: 'Carla Cruz' }).where('name', '=', 'Carla Cruz-Ortega').execute();
    expect(await names()).toEqual(['Carla Cruz']);
  });
});
