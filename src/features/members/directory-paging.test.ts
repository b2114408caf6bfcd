import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrgWithAdmin, buildPerson, inviteByApi, signedIn, type BuiltPerson } from '../../../test/support/factories.ts';
import { addMember } from './service.ts';

interface Page { items: { personId: string; name: string; email: string; roles: string[] }[]; pageSize: number; total: number; nextCursor: string | null; previousCursor: string | null }

/*
 * The directory pages by cursor and takes its totals from counts the database keeps. These tests
 * walk a whole organization page by page, both ways and with filters, and keep the totals honest
 * through every way a membership comes and goes.
 */
describe('paging the member directory', () => {
  let t: TestApp;
  let orgId: string;
  let adminClient: ApiClient;
  let otherOrgId: string;
  const members: BuiltPerson[] = [];
  const FIRST_NAMES = ['Ana', 'ben', 'Chloé', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivo'];
  const SURNAMES = ['Garcia', 'Okafor', 'Nguyen', 'Smith'];

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrgWithAdmin(t);
    orgId = org.orgId;
    adminClient = org.adminClient;
    otherOrgId = (await buildOrgWithAdmin(t)).orgId;
    for (let i = 0; i < 47; i += 1) {
      // Repeated names on purpose: equal names must still page without gaps or repeats.
      const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[i % SURNAMES.length]}`;
      const person = await buildPerson(t, { name });
      await addMember(t.context.db, orgId, person.id, i % 3 === 0 ? ['mentor'] : ['member'], { title: i % 2 ? 'Data Engineer' : 'Analyst', department: i % 5 ? 'Operations' : 'Finance' });
      members.push(person);
    }
    // Namesakes in another organization, who must never show here.
    for (const name of ['Ana Garcia', 'Zelda Garcia']) await buildMember(t, otherOrgId, ['mentor'], { name });
  });
  afterAll(async () => { await t.close(); });

  const list = async (client: ApiClient, query: string): Promise<Page> => {
    const response = await client.get(`/api/orgs/${orgId}/members?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Page;
  };

  /** Every page forwards from the first, then every page backwards from the last. */
  const walk = async (client: ApiClient, query: string) => {
    const forwards: Page[] = [await list(client, query)];
    while (forwards.at(-1)!.nextCursor) forwards.push(await list(client, `${query}&cursor=${forwards.at(-1)!.nextCursor}`));
    const backwards: Page[] = [forwards.at(-1)!];
    while (backwards.at(-1)!.previousCursor) backwards.push(await list(client, `${query}&cursor=${backwards.at(-1)!.previousCursor}`));
    return { forwards, backwards };
  };
  const ids = (pages: Page[]) => pages.flatMap((page) => page.items.map((item) => item.personId));

  const directoryOrder = async (filter: (personId: string) => boolean = () => true) =>
    (await t.context.db.selectFrom('memberships').select('person_id').where('org_id', '=', orgId).where('status', '=', 'active').orderBy('sort_name').orderBy('person_id').execute())
      .map((row) => row.person_id).filter(filter);

  it('returns every active member exactly once, in directory order, forwards and backwards', async () => {
    const client = await signedIn(t, members[5]!);
    const { forwards, backwards } = await walk(client, 'pageSize=10');
    const expected = await directoryOrder();
    expect(expected).toHaveLength(48);
    expect(ids(forwards)).toEqual(expected);
    expect(forwards.map((page) => page.items.length)).toEqual([10, 10, 10, 10, 8]);
    expect(forwards.every((page) => page.total === 48)).toBe(true);
    // Going back from the last page gives the same pages, in reverse.
    expect(backwards.map((page) => page.items.map((item) => item.personId))).toEqual(forwards.map((page) => page.items.map((item) => item.personId)).reverse());
  });

  it('pages a role filter and a search the same way, with their own totals', async () => {
    const client = await signedIn(t, members[5]!);
    const mentors = new Set(members.filter((_, i) => i % 3 === 0).map((person) => person.id));
    const byRole = await walk(client, 'role=mentor&pageSize=4');
    expect(ids(byRole.forwards)).toEqual(await directoryOrder((id) => mentors.has(id)));
    expect(byRole.forwards[0]!.total).toBe(mentors.size);
    expect(ids(byRole.backwards.slice().reverse())).toEqual(ids(byRole.forwards));

    const garcias = new Set(members.filter((person) => person.name.endsWith('Garcia')).map((person) => person.id));
    const search = await walk(client, 'q=arci&pageSize=5');
    expect(ids(search.forwards)).toEqual(await directoryOrder((id) => garcias.has(id)));
    expect(search.forwards.every((page) => page.total === garcias.size)).toBe(true);

    const both = await walk(client, 'q=garcia&role=mentor&pageSize=2');
    expect(ids(both.forwards)).toEqual(await directoryOrder((id) => garcias.has(id) && mentors.has(id)));
  });

  it('finds members by part of a name, an email, a title or a department, and only in this organization', async () => {
    const client = await signedIn(t, members[5]!);
    const namesFor = async (q: string) => (await list(client, `q=${encodeURIComponent(q)}&pageSize=100`)).items.map((item) => item.name);
    expect(new Set(await namesFor('CHLOÉ'))).toEqual(new Set(members.filter((person) => person.name.startsWith('Chloé')).map((person) => person.name)));
    expect(await namesFor(members[7]!.email.slice(0, -4))).toEqual([members[7]!.name]);
    expect(await namesFor('engineer')).toHaveLength(23);
    expect(await namesFor('financ')).toHaveLength(10);
    // Two letters are too short for the trigram index; they still find what they always found.
    expect(await namesFor('ok')).toHaveLength(members.filter((person) => /ok/i.test(person.name) || /ok/i.test(person.email)).length);
    expect(await namesFor('zelda')).toEqual([]);
    // Several words match as one piece of text, as before: "Ana Garcia" and "Hana Garcia", never "Ana Nguyen".
    const withSpace = members.filter((person) => person.name.toLowerCase().includes('ana garcia')).map((person) => person.name);
    expect(new Set(withSpace)).toEqual(new Set(['Ana Garcia', 'Hana Garcia']));
    expect((await namesFor('ana garcia')).sort()).toEqual(withSpace.sort());
  });

  it('keeps the totals exact through deactivation, reactivation and an accepted invitation', async () => {
    const totals = async () => ({
      active: (await list(adminClient, 'pageSize=1')).total,
      deactivated: (await list(adminClient, 'status=deactivated&pageSize=1')).total,
      all: (await list(adminClient, 'status=all&pageSize=1')).total,
    });
    const before = await totals();
    expect(before).toEqual({ active: 48, deactivated: 0, all: 48 });

    const leaver = members[11]!;
    expect((await adminClient.post(`/api/orgs/${orgId}/members/${leaver.id}/deactivate`)).status).toBe(200);
    expect(await totals()).toEqual({ active: 47, deactivated: 1, all: 48 });
    expect((await adminClient.post(`/api/orgs/${orgId}/members/${leaver.id}/deactivate`)).status).toBe(200);
    expect(await totals()).toEqual({ active: 47, deactivated: 1, all: 48 });
    const { forwards } = await walk(adminClient, 'pageSize=9');
    expect(ids(forwards)).not.toContain(leaver.id);
    expect(ids(forwards)).toHaveLength(47);
    expect(ids((await walk(adminClient, 'status=all&pageSize=9')).forwards)).toHaveLength(48);

    expect((await adminClient.post(`/api/orgs/${orgId}/members/${leaver.id}/reactivate`)).status).toBe(200);
    expect(await totals()).toEqual(before);

    const { token } = await inviteByApi(t, adminClient, orgId, 'newcomer.paging@example.test', ['mentor']);
    const accepted = await t.client().post(`/api/invitations/${token}/accept`, { name: 'Nadia Newcomer', password: 'a long enough password' });
    expect(accepted.status).toBe(200);
    expect(await totals()).toEqual({ active: 49, deactivated: 0, all: 49 });
    expect((await list(adminClient, 'q=newcomer.pag')).items.map((item) => item.name)).toEqual(['Nadia Newcomer']);
    // The other organization's totals never moved.
    const otherTotal = await t.context.db.selectFrom('member_counts').select('members').where('org_id', '=', otherOrgId).where('status', '=', 'active').executeTakeFirstOrThrow();
    expect(otherTotal.members).toBe(3);
  });
});
