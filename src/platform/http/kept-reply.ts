import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AnswerCache } from '../cache/answer-cache.ts';

/**
 * Answers a GET with a kept answer (platform/cache/answer-cache.ts), kept as the JSON the route's
 * response schema makes of it: serializing a page of 25 members costs more than finding it kept.
 * The schema still decides what leaves the server, once, when the answer is computed.
 */
export async function replyKept(
  reply: FastifyReply,
  cache: AnswerCache<KeptJson>,
  db: Kysely<Database>,
  key: readonly unknown[],
  compute: () => Promise<unknown>,
): Promise<FastifyReply> {
  const kept = await cache.get(db, key, async () => ({ json: Buffer.from(reply.serialize(await compute()) as string) }));
  return reply.type('application/json; charset=utf-8').send(kept.json);
}

/** A kept answer as sent: the bytes, so that they are not encoded again on every request. */
export interface KeptJson {
  json: Buffer;
}
