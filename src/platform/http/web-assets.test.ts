import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';

/*
 * The built web app's files as the server sends them (npm test builds the app first): compressed
 * at build time, sent as built to browsers that accept it, and, under assets/ (names carrying a
 * hash of the content), kept by the browser for good.
 */
const assetsDir = path.resolve('web/dist/assets');

describe("the web app's files", () => {
  let t: TestApp;
  let script: { url: string; content: Buffer };

  beforeAll(async () => {
    expect(fs.existsSync(assetsDir), 'web/dist is missing: run `npm run build:web` first').toBe(true);
    const largest = fs.readdirSync(assetsDir).filter((name) => name.endsWith('.js'))
      .sort((a, b) => fs.statSync(path.join(assetsDir, b)).size - fs.statSync(path.join(assetsDir, a)).size)[0]!;
    script = { url: `/assets/${largest}`, content: fs.readFileSync(path.join(assetsDir, largest)) };
    t = await createTestApp({ serveWeb: true });
  });
  afterAll(async () => { await t?.close(); });

  const get = (url: string, acceptEncoding?: string) => t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it.each([
    ['brotli, to a browser that accepts it', 'gzip, deflate, br, zstd', 'br', (body: Buffer) => zlib.brotliDecompressSync(body)],
    ['gzip, to a client that accepts only gzip', 'gzip', 'gzip', (body: Buffer) => zlib.gunzipSync(body)],
  ])('are sent %s, compressed at build time', async (_case, accepted, encoding, decompress) => {
    const response = await get(script.url, accepted);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers['content-type']).toMatch(/^(?:text|application)\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/);
    expect(response.rawPayload.length).toBeLessThan(script.content.length / 2);
    expect(decompress(response.rawPayload).equals(script.content)).toBe(true);
  });

  it('are sent as they are to a client that accepts no compression', async () => {
    const response = await get(script.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.equals(script.content)).toBe(true);
  });

  it('under assets/ are kept for good (a new build has new names); files named as they are, like the icon, are checked each time', async () => {
    expect((await get(script.url, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });
});
