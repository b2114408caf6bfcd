import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { PageOf, PageQuery, problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { ENGAGEMENT_EVENTS } from '../../../domain/coaching/engagement-lifecycle.ts';
import { coachingPolicy } from '../policy.ts';
import { CadenceSchema, DateSchema, EngagementParams, EngagementStateSchema, LongText, PersonRef, RequiredText, SponsorVisibilitySchema } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import {
  acceptAgreement, amendAgreement, endEarly, engagementDetail, myEngagements, organizationEngagements, proposeEngagement, startEngagement, submitClosure,
} from './service.ts';

export const AgreementTermsSchema = Type.Object({
  objectives: RequiredText(5000),
  plannedSessions: Type.Integer({ minimum: 1, maximum: 200 }),
  startDate: DateSchema,
  plannedEndDate: DateSchema,
  cadence: CadenceSchema,
  sponsorVisibility: SponsorVisibilitySchema,
  confidentialityLimits: Type.Optional(LongText(3000)),
}, { additionalProperties: false });

const AttainmentSchema = Type.Object({
  goals: Type.Integer(), met: Type.Integer(), meanProgress: Type.Union([Type.Number(), Type.Null()]), allMet: Type.Boolean(),
});

export const EngagementSummarySchema = Type.Object({
  id: Uuid, title: Type.String(), state: EngagementStateSchema, coach: PersonRef, client: PersonRef, sponsor: Type.Union([PersonRef, Type.Null()]),
  startDate: Type.String(), plannedEndDate: Type.String(), attainment: AttainmentSchema,
  closureProposed: Type.Boolean({ description: 'Every goal has reached its target: Cairn proposes closing the engagement' }),
  createdAt: Type.String(), closedAt: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'EngagementSummary' });

const PartSchema = Type.Union(['coach', 'client', 'sponsor', 'admin', 'system'].map((p) => Type.Literal(p)));

const EngagementDetailSchema = Type.Object({
  ...EngagementSummarySchema.properties,
  attainment: Type.Union([AttainmentSchema, Type.Null()]),
  yourParts: Type.Array(PartSchema, { description: 'Your part(s) in this engagement' }),
  availableEvents: Type.Array(Type.Union(ENGAGEMENT_EVENTS.map((e) => Type.Literal(e))), { description: 'The lifecycle moves you may make now' }),
  sponsorVisibility: Type.Union([SponsorVisibilitySchema, Type.Null()]),
  agreement: Type.Object({
    version: Type.Integer(), objectives: Type.String(), plannedSessions: Type.Integer(), startDate: Type.String(), plannedEndDate: Type.String(),
    cadence: CadenceSchema, sponsorVisibility: SponsorVisibilitySchema, confidentialityLimits: Type.String(),
    acceptances: Type.Array(Type.Object({ party: Type.String(), acceptedAt: Type.Union([Type.String(), Type.Null()]) })),
    fullyAccepted: Type.Boolean(),
  }),
  history: Type.Array(Type.Object({ event: Type.String(), from: Type.String(), to: Type.String(), by: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), at: Type.String() })),
  endedReason: Type.Union([Type.String(), Type.Null()]),
  closure: Type.Union([Type.Null(), Type.Object({
    clientReflection: Type.Union([Type.String(), Type.Null()]), coachReflection: Type.Union([Type.String(), Type.Null()]),
    clientEvaluation: Type.Union([Type.Null(), Type.Object({ rating: Type.Integer(), comment: Type.String() })]),
  })]),
}, { $id: 'EngagementDetail' });

export const engagementRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(EngagementDetailSchema);
  const { db } = context;
  const detail = (orgId: string, engagementId: string, request: Parameters<typeof viewerOf>[0]) => engagementDetail(db, orgId, engagementId, viewerOf(request));

  app.post('/api/orgs/:orgId/engagements', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'],
      summary: 'Propose an engagement: an admin assigns a coach, or a coach invites a client',
      description: 'Starts as proposed with version 1 of the agreement; each party accepts it. A sponsor makes the agreement three-way. Capacity and the coach’s availability are checked.',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({
        coachPersonId: Uuid, clientPersonId: Uuid, sponsorPersonId: Type.Optional(Type.Union([Uuid, Type.Null()])),
        title: RequiredText(200), agreement: AgreementTermsSchema,
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('EngagementDetail'), ...problemResponses },
    },
  }, async (request, reply) => {
    const id = await db.transaction().execute((trx) => proposeEngagement(trx, request.params.orgId, viewerOf(request), request.body));
    return reply.status(201).send(await detail(request.params.orgId, id, request));
  });

  app.get('/api/orgs/:orgId/engagements/mine', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'The engagements you take part in (as coach, client or sponsor)',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ as: Type.Optional(Type.Union([Type.Literal('coach'), Type.Literal('client'), Type.Literal('sponsor')])) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('EngagementSummary')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await myEngagements(db, request.params.orgId, viewerOf(request).personId, request.query.as) }));

  app.get('/api/orgs/:orgId/engagements', {
    config: { access: coachingPolicy.access('administer') },
    schema: {
      tags: ['coaching'], summary: 'Every engagement in the organization: state, people, dates and goal attainment, never session content',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ state: Type.Optional(EngagementStateSchema), coachPersonId: Type.Optional(Uuid), ...PageQuery }, { additionalProperties: false }),
      response: { 200: PageOf(Type.Ref('EngagementSummary')), ...problemResponses },
    },
  }, async (request) => {
    const { page = 1, pageSize = 25, ...filters } = request.query;
    return organizationEngagements(db, request.params.orgId, { ...filters, page, pageSize });
  });

  app.get('/api/orgs/:orgId/engagements/:engagementId', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'One engagement, as your part in it allows you to see it',
      params: EngagementParams, response: { 200: Type.Ref('EngagementDetail'), ...problemResponses },
    },
  }, async (request) => detail(request.params.orgId, request.params.engagementId, request));

  app.put('/api/orgs/:orgId/engagements/:engagementId/agreement', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'Amend the agreement: a new version that every party must accept again',
      params: EngagementParams, body: AgreementTermsSchema, response: { 200: Type.Ref('EngagementDetail'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => amendAgreement(trx, request.params.orgId, request.params.engagementId, viewerOf(request), request.body));
    return detail(request.params.orgId, request.params.engagementId, request);
  });

  app.post('/api/orgs/:orgId/engagements/:engagementId/agreement/accept', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'Accept the agreement version you read; the coach also acknowledges the code of ethics',
      description: 'When the last party accepts, the engagement becomes agreed (if the coach still has a free slot).',
      params: EngagementParams,
      body: Type.Object({ version: Type.Integer({ minimum: 1 }), ethicsAcknowledged: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Ref('EngagementDetail'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => acceptAgreement(trx, request.params.orgId, request.params.engagementId, viewerOf(request), request.body));
    return detail(request.params.orgId, request.params.engagementId, request);
  });

  app.post('/api/orgs/:orgId/engagements/:engagementId/start', {
    config: { access: coachingPolicy.access('participate') },
    schema: { tags: ['coaching'], summary: 'Start an agreed engagement', params: EngagementParams, response: { 200: Type.Ref('EngagementDetail'), ...problemResponses } },
  }, async (request) => {
    await db.transaction().execute((trx) => startEngagement(trx, request.params.orgId, request.params.engagementId, viewerOf(request)));
    return detail(request.params.orgId, request.params.engagementId, request);
  });

  app.post('/api/orgs/:orgId/engagements/:engagementId/end-early', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'End the engagement before its goals are met, with a reason', params: EngagementParams,
      body: Type.Object({ reason: RequiredText(2000) }, { additionalProperties: false }),
      response: { 200: Type.Ref('EngagementDetail'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => endEarly(trx, request.params.orgId, request.params.engagementId, viewerOf(request), request.body.reason));
    return detail(request.params.orgId, request.params.engagementId, request);
  });

  app.post('/api/orgs/:orgId/engagements/:engagementId/closure', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'],
      summary: 'Write your part of the closure: the client’s reflection and evaluation, or the coach’s reflection and every goal’s final value',
      description: 'With both parts written, the engagement is completed with its measured outcomes.',
      params: EngagementParams,
      body: Type.Object({
        client: Type.Optional(Type.Object({ reflection: RequiredText(5000), evaluationRating: Type.Integer({ minimum: 1, maximum: 5 }), evaluationComment: Type.Optional(LongText(3000)) }, { additionalProperties: false })),
        coach: Type.Optional(Type.Object({
          reflection: RequiredText(5000),
          finalValues: Type.Array(Type.Object({ goalId: Uuid, value: Type.Number() }, { additionalProperties: false }), { maxItems: 50 }),
        }, { additionalProperties: false })),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Type.Ref('EngagementDetail'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => submitClosure(trx, request.params.orgId, request.params.engagementId, viewerOf(request), request.body));
    return detail(request.params.orgId, request.params.engagementId, request);
  });
};
