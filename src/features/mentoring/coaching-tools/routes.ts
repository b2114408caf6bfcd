import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { coachingToolsOf, openCoachingTools } from './service.ts';

const RelationshipParams = Type.Object({ orgId: Uuid, relationshipId: Uuid });

export const coachingToolRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = context;
  const path = '/api/orgs/:orgId/mentoring/relationships/:relationshipId/coaching-tools';

  app.get(path, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'The engagement that carries this relationship’s coaching tools, if opened (mentor or mentee)',
      params: RelationshipParams, response: { 200: Type.Object({ engagementId: Type.Union([Uuid, Type.Null()]) }), ...problemResponses },
    },
  }, async (request) => coachingToolsOf(db, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request)));

  app.post(path, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Open the coaching tools in this relationship (once): session focus, goals and action items',
      description: 'Answers with an engagement id of kind "mentoring" (the mentor as coach, the mentee as client, no sponsor). The coaching routes ' +
        '(/api/orgs/:orgId/engagements/:engagementId/goals, sessions, action items) then work on it as on any engagement; it appears in no coaching list, ' +
        'and the organization’s admin cannot open it.',
      params: RelationshipParams,
      response: { 200: Type.Object({ engagementId: Uuid }), 201: Type.Object({ engagementId: Uuid }), ...problemResponses },
    },
  }, async (request, reply) => {
    const result = await db.transaction().execute((trx) => openCoachingTools(trx, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request)));
    return reply.status(result.created ? 201 : 200).send({ engagementId: result.engagementId });
  });
};
