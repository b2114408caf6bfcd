import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../../../test/support/database.ts';
import { WriteClock } from './write-clock.ts';
import { listenForWrites } from './write-notices.ts';

/*
 * The write-notice listener on a connection that dies without a word. A TCP proxy stands between
 * it and PostgreSQL; partitioning it keeps every connection open but lets nothing through, as a
 * broken network does: no error, no end, no notice. (PostgreSQL only: SQLite has no listener.)
 */

interface PartitionableProxy {
  url: string;
  /** From now on, nothing passes on the connections open now; new connections pass. */
  partition(): void;
  close(): Promise<void>;
}

async function partitionableProxy(target: URL): Promise<PartitionableProxy> {
  const open = new Set<{ client: net.Socket; upstream: net.Socket; cut: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair = { client, upstream, cut: false };
    open.add(pair);
    client.on('data', (chunk) => { if (!pair.cut) upstream.write(chunk); });
    upstream.on('data', (chunk) => { if (!pair.cut) client.write(chunk); });
    const close = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    partition: () => { for (const pair of open) pair.cut = true; },
    close: async () => {
      for (const pair of open) { pair.client.destroy(); pair.upstream.destroy(); }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the write-notice listener', () => {
  let t: TestDatabase;
  let proxy: PartitionableProxy;
  beforeAll(async () => {
    [t, proxy] = await Promise.all([createTestDatabase(), partitionableProxy(new URL(TEST_POSTGRES_URL))]);
  });
  afterAll(async () => { await Promise.all([t.drop(), proxy.close()]); });

  const addOrganization = async () => {
    const id = `org-${crypto.randomBytes(6).toString('hex')}`;
    await t.database.db.insertInto('organizations').values({ id, name: id, default_time_zone: 'UTC', created_at: new Date().toISOString() }).execute();
  };

  it('gives up a connection that stops answering, so nothing kept is served, and hears again once reconnected', async () => {
    const clock = new WriteClock({ trusted: false });
    const listener = await listenForWrites({ url: proxy.url, schema: t.database.postgresSchema, clock, heartbeat: { everyMs: 100, deadlineMs: 300 } });
    const lastChange = () => clock.lastChange(['organizations']);
    try {
      const start = lastChange();
      expect(start).toBeLessThan(Infinity);
      await addOrganization();
      await expect.poll(lastChange, { timeout: 5_000, interval: 20 }).toBeGreaterThan(start);

      // The network breaks: the next write's notice is lost, and nothing says so but the silence.
      proxy.partition();
      const heard = lastChange();
      await addOrganization();
      await expect.poll(lastChange, { timeout: 3_000, interval: 20 }).toBe(Infinity);

      // A new connection gets through; the write missed meanwhile counts as made.
      await expect.poll(lastChange, { timeout: 5_000, interval: 50 }).toBeLessThan(Infinity);
      expect(lastChange()).toBeGreaterThan(heard);
      const reconnected = lastChange();
      await addOrganization();
      await expect.poll(lastChange, { timeout: 5_000, interval: 20 }).toBeGreaterThan(reconnected);
    } finally {
      await listener.close();
    }
  });
});
