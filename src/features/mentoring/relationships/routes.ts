import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DECLINE_REASONS } from '../../../domain/mentoring/programs.ts';
import { RELATIONSHIP_EVENTS, RELATIONSHIP_STATES } from '../../../domain/mentoring/relationship-lifecycle.ts';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { loadRelationship } from '../relationship-access.ts';
import { replyKept } from '../../../platform/http/kept-reply.ts';
import { keptMentoringAnswers, viewerKey } from '../kept-answers.ts';
import { mentoringViewerOf } from '../viewer.ts';
import {
  acceptRequest, assignPair, concludeRelationship, declineRequest, myRelationships, pauseOrResume, relationshipDetail, requestMentor, withdrawRequest,
} from './service.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const PersonRef = Type.Object({ personId: Uuid, name: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const RelationshipSchema = Type.Object({
  id: Uuid, programId: Nullable(Uuid), programName: Nullable(Type.String()), origin: Type.String(), state: literals(RELATIONSHIP_STATES),
  mentor: PersonRef, mentee: PersonRef, requestMessage: Nullable(Type.String()), requestExpiresAt: Nullable(Type.String()), declineReason: Nullable(Type.String()),
  startedAt: Nullable(Type.String()), endedAt: Nullable(Type.String()), cadenceDays: Type.Integer(), lastCheckInOn: Nullable(Type.String()), checkIns: Type.Integer(),
  health: Nullable(literals(['on_track', 'slipping', 'stalled'] as const)), nextCheckInDue: Nullable(Type.String()), nextReviewDue: Nullable(Type.String()),
  yourParts: Type.Array(Type.String()), availableEvents: Type.Array(literals(RELATIONSHIP_EVENTS)),
}, { $id: 'MentoringRelationship' });

const RelationshipParams = Type.Object({ orgId: Uuid, relationshipId: Uuid });

// RelationshipSchema is added once for all of mentoring (../routes.ts): the homes answer with it too.
export const relationshipRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db, mailer } = context;
  const detail = (request: { params: { orgId: string; relationshipId: string } } & Parameters<typeof mentoringViewerOf>[0]) =>
    relationshipDetail(db, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request));
  const afterWrite = () => void mailer.deliverPending();

  app.post('/api/orgs/:orgId/mentoring/requests', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Ask a mentor (organic, or within a program where mentees choose); the request expires after 14 days',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({ mentorPersonId: Uuid, message: Type.String({ minLength: 1, maxLength: 2000 }), programId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringRelationship'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const id = await db.transaction().execute((trx) => requestMentor(trx, mailer, request.params.orgId, viewer, request.body));
    afterWrite();
    return reply.status(201).send(await relationshipDetail(db, request.params.orgId, id, viewer));
  });

  app.get('/api/orgs/:orgId/mentoring/relationships', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Your mentoring relationships and requests, with health',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ as: Type.Optional(literals(['mentor', 'mentee'] as const)), state: Type.Optional(literals(RELATIONSHIP_STATES)) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('MentoringRelationship')) }), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const { orgId } = request.params;
    const { as, state } = request.query;
    return replyKept(reply, keptMentoringAnswers.relationshipLists, db, viewerKey(orgId, viewer, as ?? '', state ?? ''), async () => ({ items: await myRelationships(db, orgId, viewer, { as, state }) }));
  });

  app.get('/api/orgs/:orgId/mentoring/relationships/:relationshipId', {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'One relationship (the admin sees its health and counts only)', params: RelationshipParams, response: { 200: Type.Ref('MentoringRelationship'), ...problemResponses } },
  }, async (request) => detail(request));

  app.post('/api/orgs/:orgId/mentoring/relationships/:relationshipId/accept', {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'Accept a request (the mentor); capacity is checked again at this moment', params: RelationshipParams, response: { 200: Type.Ref('MentoringRelationship'), ...problemResponses } },
  }, async (request) => {
    await db.transaction().execute((trx) => acceptRequest(trx, mailer, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request)));
    afterWrite();
    return detail(request);
  });

  app.post('/api/orgs/:orgId/mentoring/relationships/:relationshipId/decline', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Decline a request with a kind, templated reason (the mentor)', params: RelationshipParams,
      body: Type.Object({ reason: literals(Object.keys(DECLINE_REASONS) as (keyof typeof DECLINE_REASONS)[]) }, { additionalProperties: false }),
      response: { 200: Type.Ref('MentoringRelationship'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => declineRequest(trx, mailer, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request), request.body.reason));
    afterWrite();
    return detail(request);
  });

  app.post('/api/orgs/:orgId/mentoring/relationships/:relationshipId/withdraw', {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'Withdraw your request', params: RelationshipParams, response: { 200: Type.Ref('MentoringRelationship'), ...problemResponses } },
  }, async (request) => {
    await db.transaction().execute((trx) => withdrawRequest(trx, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request)));
    return detail(request);
  });

  for (const event of ['pause', 'resume'] as const) {
    app.post(`/api/orgs/:orgId/mentoring/relationships/:relationshipId/${event}`, {
      config: { access: mentoringPolicy.access('participate') },
      schema: { tags: ['mentoring'], summary: event === 'pause' ? 'Pause the relationship for a while' : 'Resume a paused relationship', params: RelationshipParams, response: { 200: Type.Ref('MentoringRelationship'), ...problemResponses } },
    }, async (request) => {
      await db.transaction().execute((trx) => pauseOrResume(trx, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request), event));
      return detail(request);
    });
  }

  app.post('/api/orgs/:orgId/mentoring/relationships/:relationshipId/conclude', {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'Conclude the relationship gracefully; the other side is told kindly, without blame', params: RelationshipParams, response: { 200: Type.Ref('MentoringRelationship'), ...problemResponses } },
  }, async (request) => {
    const viewer = mentoringViewerOf(request);
    await db.transaction().execute(async (trx) => {
      const relationship = await loadRelationship(trx, request.params.orgId, request.params.relationshipId, viewer);
      const reason = relationship.actors.includes('mentor') ? 'mentor' : relationship.actors.includes('mentee') ? 'mentee' : 'admin';
      await concludeRelationship(trx, mailer, request.params.orgId, request.params.relationshipId, viewer, reason);
    });
    afterWrite();
    return detail(request);
  });

  app.post('/api/orgs/:orgId/mentoring/programs/:programId/pairs', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'Pair a mentor and a mentee in a program (admin); both are told',
      params: Type.Object({ orgId: Uuid, programId: Uuid }),
      body: Type.Object({ mentorPersonId: Uuid, menteePersonId: Uuid }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringRelationship'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const id = await db.transaction().execute((trx) => assignPair(trx, mailer, request.params.orgId, request.params.programId, viewer, request.body));
    afterWrite();
    return reply.status(201).send(await relationshipDetail(db, request.params.orgId, id, viewer));
  });
};
