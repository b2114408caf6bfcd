import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrganization, signedIn } from '../../../test/support/factories.ts';
import { encodeCursor } from './cursor.ts';
import { refreshDirectoryOrder } from './service.ts';

/*
 * Memberships carry their person's lower-cased name (sort_name) so that the directory's pages come
 * off an index. These tests keep that copy true when names change and after a restore.
 */
describe('the directory order', () => {
  let t: TestApp;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = await buildOrganization(t);
  });
  afterAll(async () => { await t.close(); });

  const namesIn = async (client: Awaited<ReturnType<typeof signedIn>>, query = '') => {
    const response = await client.get(`/api/orgs/${orgId}/members${query}`);
    expect(response.status).toBe(200);
    return (response.body as { items: { name: string }[] }).items.map((item) => item.name);
  };

  it('follows a rename, in every organization of the person, across pages', async () => {
    const admin = await buildMember(t, orgId, ['admin'], { name: 'Maria Admin' });
    const bob = await buildMember(t, orgId, ['member'], { name: 'bob Brown' });
    await buildMember(t, orgId, ['member'], { name: 'Carla Cruz' });
    const otherOrg = await buildOrganization(t);
    await t.context.db.insertInto('memberships').values({
      org_id: otherOrg, person_id: bob.id, title: '', department: '', manager_person_id: null, status: 'active', deactivated_at: null,
      created_at: new Date().toISOString(), sort_name: 'bob brown',
    }).execute();
    const client = await signedIn(t, admin);
    expect(await namesIn(client)).toEqual(['bob Brown', 'Carla Cruz', 'Maria Admin']);
    expect(await namesIn(client, '?pageSize=1&cursor=' + encodeCursor({ direction: 'after', sortName: 'bob brown', personId: bob.id }))).toEqual(['Carla Cruz']);

    const bobClient = await signedIn(t, bob);
    expect((await bobClient.patch('/api/me', { name: 'Zoran Brown' })).status).toBe(200);
    expect(await namesIn(client)).toEqual(['Carla Cruz', 'Maria Admin', 'Zoran Brown']);
    expect(await namesIn(client, '?pageSize=1&cursor=' + encodeCursor({ direction: 'after', sortName: 'maria admin', personId: admin.id }))).toEqual(['Zoran Brown']);
    // Search follows the rename too, in both organizations.
    expect(await namesIn(client, '?q=zoran')).toEqual(['Zoran Brown']);
    expect(await namesIn(client, '?q=bob%20brown')).toEqual([]);
    const elsewhere = await t.context.db.selectFrom('memberships').select('sort_name').where('org_id', '=', otherOrg).executeTakeFirstOrThrow();
    expect(elsewhere.sort_name).toBe('zoran brown');
  });

  it('is rebuilt from people by refreshDirectoryOrder (a restore of an older backup)', async () => {
    await t.context.db.updateTable('memberships').set({ sort_name: '' }).where('org_id', '=', orgId).execute();
    await refreshDirectoryOrder(t.context.db);
    const rows = await t.context.db.selectFrom('memberships').select('sort_name').where('org_id', '=', orgId).orderBy('sort_name').execute();
    expect(rows.map((row) => row.sort_name)).toEqual(['carla cruz', 'maria admin', 'zoran brown']);
  });
});
