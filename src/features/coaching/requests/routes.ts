import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { coachingPolicy } from '../policy.ts';
import { AgreementTermsSchema } from '../engagements/routes.ts';
import { PersonRef, RequiredText } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import { assignCoach, declineRequest, getRequest, listRequests, requestCoaching, withdrawRequest } from './service.ts';

const StatusSchema = Type.Union([Type.Literal('open'), Type.Literal('assigned'), Type.Literal('withdrawn'), Type.Literal('declined')]);
const RequestSchema = Type.Object({
  id: Uuid, client: PersonRef, preferredCoach: Type.Union([PersonRef, Type.Null()]), topic: Type.String(), status: StatusSchema,
  engagementId: Type.Union([Uuid, Type.Null()]), createdAt: Type.String(), resolvedAt: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'CoachingRequest' });
const RequestParams = Type.Object({ orgId: Uuid, requestId: Uuid });

export const requestRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(RequestSchema);
  const { db } = context;

  app.post('/api/orgs/:orgId/coaching-requests', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'Ask for coaching: what you want to work on, and optionally a coach you would like',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({ topic: RequiredText(2000), preferredCoachPersonId: Type.Optional(Type.Union([Uuid, Type.Null()])) }, { additionalProperties: false }),
      response: { 201: Type.Ref('CoachingRequest'), ...problemResponses },
    },
  }, async (request, reply) => {
    const id = await db.transaction().execute((trx) => requestCoaching(trx, request.params.orgId, viewerOf(request), request.body));
    return reply.status(201).send(await getRequest(db, request.params.orgId, viewerOf(request), id));
  });

  app.get('/api/orgs/:orgId/coaching-requests', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'Coaching requests: every one for admins, your own for everyone else',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ status: Type.Optional(StatusSchema) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('CoachingRequest')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listRequests(db, request.params.orgId, viewerOf(request), request.query.status) }));

  app.post('/api/orgs/:orgId/coaching-requests/:requestId/withdraw', {
    config: { access: coachingPolicy.access('participate') },
    schema: { tags: ['coaching'], summary: 'Withdraw your open request', params: RequestParams, response: { 200: Type.Ref('CoachingRequest'), ...problemResponses } },
  }, async (request) => {
    await db.transaction().execute((trx) => withdrawRequest(trx, request.params.orgId, viewerOf(request), request.params.requestId));
    return getRequest(db, request.params.orgId, viewerOf(request), request.params.requestId);
  });

  app.post('/api/orgs/:orgId/coaching-requests/:requestId/decline', {
    config: { access: coachingPolicy.access('administer') },
    schema: { tags: ['coaching'], summary: 'Decline an open request (admin)', params: RequestParams, response: { 200: Type.Ref('CoachingRequest'), ...problemResponses } },
  }, async (request) => {
    await db.transaction().execute((trx) => declineRequest(trx, request.params.orgId, viewerOf(request), request.params.requestId));
    return getRequest(db, request.params.orgId, viewerOf(request), request.params.requestId);
  });

  app.post('/api/orgs/:orgId/coaching-requests/:requestId/assign', {
    config: { access: coachingPolicy.access('administer') },
    schema: {
      tags: ['coaching'], summary: 'Answer a request by assigning a coach (and a sponsor): proposes the engagement',
      params: RequestParams,
      body: Type.Object({
        coachPersonId: Uuid, sponsorPersonId: Type.Optional(Type.Union([Uuid, Type.Null()])), title: Type.Optional(Type.String({ maxLength: 200 })),
        agreement: AgreementTermsSchema,
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('CoachingRequest'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => assignCoach(trx, request.params.orgId, viewerOf(request), request.params.requestId, request.body));
    return getRequest(db, request.params.orgId, viewerOf(request), request.params.requestId);
  });
};
