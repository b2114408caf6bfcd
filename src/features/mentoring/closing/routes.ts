import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { NOT_BLANK } from '../../../platform/http/validation.ts';
import { mentoringPolicy } from '../policy.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { closingView, writeAppreciation, writeClosingReflection } from './service.ts';

const ClosingSchema = Type.Object({
  relationshipId: Uuid, state: Type.String(), yourClosingReflectionWritten: Type.Boolean(), yourAppreciationWritten: Type.Boolean(),
  mayWriteClosingReflection: Type.Boolean(), mayWriteAppreciation: Type.Boolean(),
  appreciations: Type.Array(Type.Object({ id: Uuid, from: Type.Object({ personId: Uuid, name: Type.String() }), body: Type.String(), createdAt: Type.String() })),
}, { $id: 'MentoringClosing' });

const RelationshipParams = Type.Object({ orgId: Uuid, relationshipId: Uuid });
const Text = Type.String({ minLength: 1, maxLength: 5000, pattern: NOT_BLANK });

export const closingRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(ClosingSchema);
  const { db, mailer } = context;
  const base = '/api/orgs/:orgId/mentoring/relationships/:relationshipId';

  app.get(`${base}/closing`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'After the relationship concluded: the appreciations between you, and whether you have left your closing words',
      params: RelationshipParams, response: { 200: Type.Ref('MentoringClosing'), ...problemResponses },
    },
  }, async (request) => closingView(db, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request)));

  app.post(`${base}/closing-reflection`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Leave a closing reflection, once, after the relationship concluded: private to you, like every reflection',
      params: RelationshipParams, body: Type.Object({ body: Text }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringReflectionReceipt'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const receipt = await db.transaction().execute((trx) => writeClosingReflection(trx, request.params.orgId, request.params.relationshipId, viewer, request.body.body));
    return reply.status(201).send(receipt);
  });

  app.post(`${base}/appreciations`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Leave an appreciation for the other person, once, after the relationship concluded; they are told',
      params: RelationshipParams, body: Type.Object({ body: Text }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringClosing'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    await db.transaction().execute((trx) => writeAppreciation(trx, mailer, request.params.orgId, request.params.relationshipId, viewer, request.body.body));
    void mailer.deliverPending();
    return reply.status(201).send(await closingView(db, request.params.orgId, request.params.relationshipId, viewer));
  });
};
