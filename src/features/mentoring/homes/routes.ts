import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { replyKept } from '../../../platform/http/kept-reply.ts';
import { keptMentoringAnswers, viewerKey } from '../kept-answers.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { menteeHome, mentorHome } from './service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const PersonRef = Type.Object({ personId: Uuid, name: Type.String() });

const OpenRequest = Type.Object({
  relationshipId: Uuid, programId: Nullable(Uuid), programName: Nullable(Type.String()), with: Type.Object({ personId: Uuid, name: Type.String(), title: Type.String() }),
  message: Type.String(), requestedAt: Type.String(), expiresAt: Nullable(Type.String()),
});
const PendingReview = Type.Object({ relationshipId: Uuid, reviewId: Uuid, dueOn: Type.String(), with: PersonRef, as: Type.Union([Type.Literal('mentor'), Type.Literal('mentee')]) });
const ToClose = Type.Object({ relationshipId: Uuid, with: PersonRef, endedAt: Type.String(), closingReflectionWritten: Type.Boolean(), appreciationWritten: Type.Boolean() });
const LoadStatus = Type.Union(['paused', 'room', 'full', 'over'].map((s) => Type.Literal(s)));

const common = {
  today: Type.String({ format: 'date' }),
  relationships: Type.Array(Type.Ref('MentoringRelationship')),
  requests: Type.Array(OpenRequest),
  pendingReviews: Type.Array(PendingReview),
  toClose: Type.Array(ToClose),
  unreadNotices: Type.Integer(),
};

export const homeRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = context;

  app.get('/api/orgs/:orgId/mentoring/home/mentor', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'The mentor’s home: relationships with health and the next check-in, requests to answer, reviews waiting, load against capacity',
      params: Type.Object({ orgId: Uuid }),
      response: {
        200: Type.Object({
          ...common,
          load: Type.Array(Type.Object({
            programId: Nullable(Uuid), programName: Nullable(Type.String()), capacity: Type.Integer(), active: Type.Integer(), paused: Type.Boolean(), openPlaces: Type.Integer(), status: LoadStatus,
          }, { description: 'One line per program you mentor in, and one for organic mentoring (programId null) when you offer it' })),
        }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const { orgId } = request.params;
    return replyKept(reply, keptMentoringAnswers.mentorHomes, db, viewerKey(orgId, viewer), () => mentorHome(db, orgId, viewer));
  });

  app.get('/api/orgs/:orgId/mentoring/home/mentee', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'The mentee’s home: relationships with health and the next check-in, your open requests, reviews waiting, your programs',
      params: Type.Object({ orgId: Uuid }),
      response: {
        200: Type.Object({
          ...common,
          programs: Type.Array(Type.Object({
            programId: Uuid, name: Type.String(), side: Type.Union([Type.Literal('mentor'), Type.Literal('mentee')]), status: Type.String(),
            enrollmentWindow: Type.String(), cohortEndsOn: Nullable(Type.String()),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const { orgId } = request.params;
    return replyKept(reply, keptMentoringAnswers.menteeHomes, db, viewerKey(orgId, viewer), () => menteeHome(db, orgId, viewer));
  });
};
