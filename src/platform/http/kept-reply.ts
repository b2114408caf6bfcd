import { gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AnswerCache } from '../cache/answer-cache.ts';
import type { KeptJson } from '../cache/kept-json.ts';

/** Below this, gzip saves too little to pay for itself (an /api/me answer is about 500 bytes). */
const GZIP_FROM_BYTES = 1024;

const encodings = new Negotiator<'gzip' | 'identity'>({ supportedValues: ['gzip', 'identity'], cache: new Map() });

/**
 * Answers a GET with a kept answer (platform/cache/answer-cache.ts), kept as the JSON the route's
 * response schema makes of it: serializing a page of 25 members costs more than finding it kept.
 * The schema still decides what leaves the server, once, when the answer is computed. Browsers
 * accept gzip: a kept answer is compressed once, the first time one asks, and sent compressed to
 * every browser after (a directory page: 7 KB → 1.5 KB).
 */
export async function replyKept(
  reply: FastifyReply,
  cache: AnswerCache<KeptJson>,
  db: Kysely<Database>,
  key: readonly unknown[],
  compute: () => Promise<unknown>,
): Promise<FastifyReply> {
  const kept = await cache.get(db, key, async () => ({ json: Buffer.from(reply.serialize(await compute()) as string), gzipped: null }));
  reply.type('application/json; charset=utf-8');
  if (kept.json.length < GZIP_FROM_BYTES) return reply.send(kept.json);
  reply.header('vary', 'accept-encoding');
  const accepted = reply.request.headers['accept-encoding'];
  if (!accepted || encodings.negotiate(accepted) !== 'gzip') return reply.send(kept.json);
  kept.gzipped ??= gzipSync(kept.json);
  return reply.header('content-encoding', 'gzip').send(kept.gzipped);
}
