import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { buildOrgWithAdmin, buildPerson } from '../../../test/support/factories.ts';
import { addMember } from '../../features/members/service.ts';

/*
 * Kept answers as they leave the server: large ones gzipped for clients that accept it (browsers
 * all do), the same JSON for those that do not, and never a stale answer through the compressed copy.
 */
describe('kept answers on the wire', () => {
  let t: TestApp;
  let orgId: string;
  let adminClient: ApiClient;
  let cookie: string;
  let firstId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ orgId, adminClient } = await buildOrgWithAdmin(t));
    for (let i = 0; i < 30; i += 1) {
      const person = await buildPerson(t, { name: `Aaron Member ${String(i).padStart(2, '0')}` });
      await addMember(t.context.db, orgId, person.id, ['member'], { title: 'Analyst', department: 'Operations' });
      if (i === 0) firstId = person.id;
    }
    cookie = adminClient.cookieHeader();
  });
  afterAll(async () => { await t.close(); });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });
  const directory = () => `/api/orgs/${orgId}/members?pageSize=25`;

  it('sends a large answer gzipped to a client that accepts gzip, and the same JSON to one that does not', async () => {
    const plain = await get(directory());
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    for (const accepted of ['gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8, *;q=0.1']) {
      const gzipped = await get(directory(), accepted);
      expect(gzipped.statusCode).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(gzipped.headers.vary).toBe('accept-encoding');
      expect(Number(gzipped.headers['content-length'])).toBe(gzipped.rawPayload.length);
      expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(gunzipSync(gzipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
  });

  it.each([['gzip refused', 'gzip;q=0, identity'], ['only encodings Cairn does not make', 'br, zstd']])('sends plain JSON when %s', async (_case, accepted) => {
    const response = await get(directory(), accepted);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toMatchObject({ total: 31 });
  });

  it('never compresses a small answer', async () => {
    const me = await get('/api/me', 'gzip');
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json()).toMatchObject({ person: { email: expect.any(String) } });
  });

  it('shows a change on the next compressed answer', async () => {
    const before = JSON.parse(gunzipSync((await get(directory(), 'gzip')).rawPayload).toString()) as { items: { name: string }[] };
    expect(before.items[0]!.name).toBe('Aaron Member 00');
    await t.context.db.updateTable('people').set({ name: 'Aaron Renamed' }).where('id', '=', firstId).execute();
    const after = JSON.parse(gunzipSync((await get(directory(), 'gzip')).rawPayload).toString()) as { items: { name: string }[] };
    expect(after.items.map((item) => item.name)).toContain('Aaron Renamed');
    expect(after.items.map((item) => item.name)).not.toContain('Aaron Member 00');
  });
});
