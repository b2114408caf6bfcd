import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { personIdOf } from '../../../platform/http/access.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { coachingPolicy } from '../policy.ts';
import { getCoach, listCoaches, saveCoachProfile } from './service.ts';

const CoachSchema = Type.Object({
  personId: Uuid, name: Type.String(), title: Type.String(), timeZone: Type.String(), languages: Type.Array(Type.String()), bio: Type.String(),
  specialties: Type.Array(Type.String()), approach: Type.String(), credentialsSummary: Type.String(),
  kind: Type.Union([Type.Literal('internal'), Type.Literal('external')]), capacity: Type.Integer(), acceptingClients: Type.Boolean(),
  activeClients: Type.Integer(), available: Type.Boolean({ description: 'Taking new clients and below capacity' }),
}, { $id: 'Coach' });

export const coachRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(CoachSchema);
  const { db } = context;

  app.get('/api/orgs/:orgId/coaches', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'The coach directory, filtered by specialty, language or availability',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({
        specialty: Type.Optional(Type.String({ maxLength: 100 })), language: Type.Optional(Type.String({ maxLength: 35 })),
        available: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('Coach')) }), ...problemResponses },
    },
  }, async (request) => ({
    items: await listCoaches(db, request.params.orgId, { specialty: request.query.specialty, language: request.query.language, availableOnly: request.query.available, q: request.query.q }),
  }));

  app.get('/api/orgs/:orgId/coaches/:personId', {
    config: { access: coachingPolicy.access('participate') },
    schema: { tags: ['coaching'], summary: 'One coach’s profile', params: Type.Object({ orgId: Uuid, personId: Uuid }), response: { 200: Type.Ref('Coach'), ...problemResponses } },
  }, async (request) => getCoach(db, request.params.orgId, request.params.personId));

  app.put('/api/orgs/:orgId/coach-profile', {
    config: { access: coachingPolicy.access('coach') },
    schema: {
      tags: ['coaching'], summary: 'Write your own coach profile: specialties, approach, credentials, capacity, whether you take new clients',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({
        specialties: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 20 })),
        approach: Type.Optional(Type.String({ maxLength: 3000 })),
        credentialsSummary: Type.Optional(Type.String({ maxLength: 1000 })),
        kind: Type.Optional(Type.Union([Type.Literal('internal'), Type.Literal('external')])),
        capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 200 })),
        acceptingClients: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('Coach'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => saveCoachProfile(trx, request.params.orgId, personIdOf(request), request.body));
    return getCoach(db, request.params.orgId, personIdOf(request));
  });
};
