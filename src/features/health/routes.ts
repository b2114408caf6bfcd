import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { PUBLIC } from '../../platform/http/access.ts';
import { problemResponses } from '../../platform/http/schemas.ts';

export const healthRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/health', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }), ...problemResponses },
    },
  }, async () => {
    await sql`select 1`.execute(context.db);
    return { status: 'ok' as const, database: context.dbKind };
  });
};
