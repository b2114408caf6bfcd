import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { answerReview, reviewView } from './service.ts';

const Answer = Type.Union([Type.Literal('continue'), Type.Literal('conclude')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const ReviewSchema = Type.Object({
  relationshipId: Uuid,
  current: Nullable(Type.Object({
    id: Uuid, dueOn: Type.String({ format: 'date' }), opensOn: Type.String({ format: 'date' }), pendingForYou: Type.Boolean(),
    yourAnswer: Nullable(Answer), answeredAt: Nullable(Type.String()),
  })),
  history: Type.Array(Type.Object({ id: Uuid, dueOn: Type.String(), outcome: Type.Union([Type.Literal('continued'), Type.Literal('concluded')]), resolvedAt: Nullable(Type.String()), yourAnswer: Nullable(Answer) })),
}, { $id: 'MentoringReview', description: 'Your side of the relationship’s reviews: your own answers and the shared outcomes, never the other side’s answer' });

const RelationshipParams = Type.Object({ orgId: Uuid, relationshipId: Uuid });

export const reviewRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(ReviewSchema);
  const { db, mailer } = context;
  const base = '/api/orgs/:orgId/mentoring/relationships/:relationshipId';

  app.get(`${base}/review`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: '“Shall we continue?”: the open review, your own answer and past outcomes (mentor or mentee)',
      params: RelationshipParams, response: { 200: Type.Ref('MentoringReview'), ...problemResponses },
    },
  }, async (request) => reviewView(db, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request)));

  app.put(`${base}/review/answer`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Answer the open review privately: continue or conclude (you may change it until it is settled)',
      description: 'From a week before the review is due. Both continue: the next review is scheduled. Either concludes: the relationship ends gracefully, ' +
        'both are told the same kind words, and nobody learns who chose to end it.',
      params: RelationshipParams,
      body: Type.Object({ answer: Answer }, { additionalProperties: false }),
      response: {
        200: Type.Object({ outcome: Type.Union([Type.Literal('pending'), Type.Literal('continued'), Type.Literal('concluded')]), review: Type.Ref('MentoringReview') }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, relationshipId } = request.params;
    const outcome = await db.transaction().execute((trx) => answerReview(trx, mailer, orgId, relationshipId, viewer, request.body.answer));
    void mailer.deliverPending();
    return { outcome, review: await reviewView(db, orgId, relationshipId, viewer) };
  });
};
