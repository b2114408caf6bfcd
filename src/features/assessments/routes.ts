import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { OkSchema, problemResponses, Uuid } from '../../platform/http/schemas.ts';
import { viewerOf } from '../coaching/viewer.ts';
import { assignInstrument, assignmentById, engagementAssessments, myAssignments } from './assignments.ts';
import { assessmentsPolicy } from './policy.ts';
import { instruments } from './registry.ts';
import {
  AnswersBody, AssignmentSchema, AttemptSchema, DateSchema, HistorySchema, InstrumentId, InstrumentSchema, ITEM_ID_PATTERN,
} from './schemas.ts';
import {
  attemptDetail, completeAttempt, deleteAttempt, findInstrument, instrumentDetail, instrumentSummary, myAttempts, myHistory, saveAnswers, shareAttempt, sharedWithMe,
  startAttempt, unshareAttempt,
} from './service.ts';

const OrgParams = Type.Object({ orgId: Uuid });
const AttemptParams = Type.Object({ orgId: Uuid, attemptId: Uuid });
const ShareParams = Type.Object({ orgId: Uuid, attemptId: Uuid, personId: Uuid });
const EngagementParams = Type.Object({ orgId: Uuid, engagementId: Uuid });
const tags = ['assessments'];

export const assessmentRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  for (const schema of [InstrumentSchema, AttemptSchema, AssignmentSchema, HistorySchema]) app.addSchema(schema);
  const { db, mailer, config } = context;
  const access = assessmentsPolicy.access('take');
  const attempt = (orgId: string, attemptId: string, request: Parameters<typeof viewerOf>[0]) => attemptDetail(db, orgId, attemptId, viewerOf(request));

  app.get('/api/orgs/:orgId/assessments/instruments', {
    config: { access },
    schema: {
      tags, summary: 'The instruments you can take: Big Five personality (IPIP), wheel of life, leadership competencies, …',
      description: 'Each is versioned data; this lists the latest version of each.',
      params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('InstrumentSummary')) }), ...problemResponses },
    },
  }, async () => ({ items: instruments().list().map(instrumentSummary) }));

  app.get('/api/orgs/:orgId/assessments/instruments/:instrumentId', {
    config: { access },
    schema: {
      tags, summary: 'One instrument: its instructions, scale, items and subscales with their interpretation bands',
      description: 'The latest version, or the one asked for (to show an older result with the definition it was taken with).',
      params: Type.Object({ orgId: Uuid, instrumentId: InstrumentId }),
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
      response: { 200: Type.Ref('Instrument'), ...problemResponses },
    },
  }, async (request) => instrumentDetail(findInstrument(request.params.instrumentId, request.query.version)));

  app.post('/api/orgs/:orgId/assessments/attempts', {
    config: { access },
    schema: {
      tags, summary: 'Start an assessment, or resume the one you have in progress for the same instrument',
      description: 'Answers 201 with a new attempt or 200 with the one in progress (one at a time per instrument). With engagementId (you are its client) or assignmentId (your coach asked you), the result becomes visible to that engagement’s coach: its scores, never your item answers.',
      params: OrgParams,
      body: Type.Object({ instrumentId: InstrumentId, engagementId: Type.Optional(Uuid), assignmentId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: { 200: Type.Ref('AssessmentAttempt'), 201: Type.Ref('AssessmentAttempt'), ...problemResponses },
    },
  }, async (request, reply) => {
    const started = await db.transaction().execute((trx) => startAttempt(trx, request.params.orgId, viewerOf(request), request.body));
    return reply.status(started.resumed ? 200 : 201).send(await attempt(request.params.orgId, started.attemptId, request));
  });

  app.get('/api/orgs/:orgId/assessments/attempts', {
    config: { access },
    schema: {
      tags, summary: 'Your assessments, newest first: in progress and completed, with their scores',
      params: OrgParams,
      querystring: Type.Object({ instrumentId: Type.Optional(InstrumentId), status: Type.Optional(Type.Union([Type.Literal('in_progress'), Type.Literal('completed')])) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('AssessmentAttempt')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await myAttempts(db, request.params.orgId, viewerOf(request), request.query) }));

  app.get('/api/orgs/:orgId/assessments/attempts/:attemptId', {
    config: { access },
    schema: {
      tags, summary: 'One assessment: yours (with your answers, to resume), or a client’s or colleague’s result you may see (scores only)',
      description: 'Visible to the person who took it, to the coach of the engagement it was taken within, and to people it was shared with; to anyone else it does not exist (404). Admins included.',
      params: AttemptParams, response: { 200: Type.Ref('AssessmentAttempt'), ...problemResponses },
    },
  }, async (request) => attempt(request.params.orgId, request.params.attemptId, request));

  app.patch('/api/orgs/:orgId/assessments/attempts/:attemptId', {
    config: { access },
    schema: {
      tags, summary: 'Save answers as you go (and rename wheel of life areas)',
      description: 'Merged into what is saved; null clears an answer or a name. Each item id and value is checked against the instrument: an unknown item or a value off the scale is named in the answer.',
      params: AttemptParams,
      body: Type.Object({
        answers: Type.Optional(AnswersBody),
        itemLabels: Type.Optional(Type.Record(Type.String({ pattern: ITEM_ID_PATTERN }), Type.Union([Type.String({ maxLength: 60 }), Type.Null()]), {
          additionalProperties: false, maxProperties: 50, description: 'Item id → your own name for it, where the instrument allows renaming',
        })),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Type.Ref('AssessmentAttempt'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => saveAnswers(trx, request.params.orgId, request.params.attemptId, viewerOf(request), request.body));
    return attempt(request.params.orgId, request.params.attemptId, request);
  });

  app.post('/api/orgs/:orgId/assessments/attempts/:attemptId/complete', {
    config: { access },
    schema: {
      tags, summary: 'Complete an assessment: every item answered, it is scored and the scores are kept',
      params: AttemptParams, response: { 200: Type.Ref('AssessmentAttempt'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => completeAttempt(trx, request.params.orgId, request.params.attemptId, viewerOf(request)));
    return attempt(request.params.orgId, request.params.attemptId, request);
  });

  app.delete('/api/orgs/:orgId/assessments/attempts/:attemptId', {
    config: { access },
    schema: {
      tags, summary: 'Delete one of your assessments (in progress or completed), and its sharing',
      params: AttemptParams, response: { 200: OkSchema, ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => deleteAttempt(trx, request.params.orgId, request.params.attemptId, viewerOf(request)));
    return { ok: true as const };
  });

  app.get('/api/orgs/:orgId/assessments/history/:instrumentId', {
    config: { access },
    schema: {
      tags, summary: 'Your completed results of one instrument over time, per subscale, for the comparison chart',
      params: Type.Object({ orgId: Uuid, instrumentId: InstrumentId }), response: { 200: Type.Ref('AssessmentHistory'), ...problemResponses },
    },
  }, async (request) => myHistory(db, request.params.orgId, viewerOf(request), request.params.instrumentId));

  app.put('/api/orgs/:orgId/assessments/attempts/:attemptId/shares/:personId', {
    config: { access },
    schema: {
      tags, summary: 'Share one of your completed results with a member of the organization (they see the scores, not your answers)',
      params: ShareParams, response: { 200: Type.Ref('AssessmentAttempt'), ...problemResponses },
    },
  }, async (request) => {
    const { orgId, attemptId, personId } = request.params;
    await db.transaction().execute((trx) => shareAttempt(trx, orgId, attemptId, viewerOf(request), personId));
    return attempt(orgId, attemptId, request);
  });

  app.delete('/api/orgs/:orgId/assessments/attempts/:attemptId/shares/:personId', {
    config: { access },
    schema: { tags, summary: 'Stop sharing one of your results with someone', params: ShareParams, response: { 200: Type.Ref('AssessmentAttempt'), ...problemResponses } },
  }, async (request) => {
    const { orgId, attemptId, personId } = request.params;
    await db.transaction().execute((trx) => unshareAttempt(trx, orgId, attemptId, viewerOf(request), personId));
    return attempt(orgId, attemptId, request);
  });

  app.get('/api/orgs/:orgId/assessments/shared-with-me', {
    config: { access },
    schema: {
      tags, summary: 'Results colleagues shared with you (scores only)',
      params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('AssessmentAttempt')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await sharedWithMe(db, request.params.orgId, viewerOf(request)) }));

  app.get('/api/orgs/:orgId/assessments/assignments', {
    config: { access },
    schema: {
      tags, summary: 'Assessments your coaches asked you to take, with their state',
      params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('AssessmentAssignment')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await myAssignments(db, request.params.orgId, viewerOf(request)) }));

  app.post('/api/orgs/:orgId/engagements/:engagementId/assessment-assignments', {
    config: { access },
    schema: {
      tags, summary: 'As the engagement’s coach, ask the client to take an instrument',
      description: 'Only the coach of an agreed or active engagement (or the mentor of a mentoring relationship that borrows coaching tools). The client is told by mail; what they take for it is visible to that coach.',
      params: EngagementParams,
      body: Type.Object({ instrumentId: InstrumentId, note: Type.Optional(Type.String({ maxLength: 1000 })), dueOn: Type.Optional(DateSchema) }, { additionalProperties: false }),
      response: { 201: Type.Ref('AssessmentAssignment'), ...problemResponses },
    },
  }, async (request, reply) => {
    const id = await db.transaction().execute((trx) => assignInstrument(trx, mailer, config, request.params.orgId, request.params.engagementId, viewerOf(request), request.body));
    void mailer.deliverPending();
    return reply.status(201).send(await assignmentById(db, id));
  });

  app.get('/api/orgs/:orgId/engagements/:engagementId/assessments', {
    config: { access },
    schema: {
      tags, summary: 'An engagement’s assessments, for its coach and client: assignments, the client’s results taken within it, and their history',
      description: 'The coach sees scores, never item answers, and only of what was taken within this engagement or shared with them. The sponsor and admins have no access.',
      params: EngagementParams,
      response: {
        200: Type.Object({
          assignments: Type.Array(Type.Ref('AssessmentAssignment')),
          results: Type.Array(Type.Ref('AssessmentAttempt')),
          history: Type.Array(Type.Ref('AssessmentHistory')),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => engagementAssessments(db, request.params.orgId, request.params.engagementId, viewerOf(request)));
};
