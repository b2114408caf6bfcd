import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PAIRING_MODES, PROGRAM_PURPOSES, QUESTION_TYPES } from '../../../domain/mentoring/programs.ts';
import type { AppContext } from '../../../platform/context.ts';
import { OkSchema, problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { replyKept } from '../../../platform/http/kept-reply.ts';
import { keptMentoringAnswers, viewerKey } from '../kept-answers.ts';
import { mentoringViewerOf } from '../viewer.ts';
import {
  createProgram, decideEnrollment, enroll, eraseMyIdentityAnswers, identityAggregates, listPrograms, listSkills, myIdentityAnswers, programDetail,
  programEnrollments, updateMyEnrollment, updateProgram,
} from './service.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DateSchema = Type.String({ format: 'date' });
const SideSchema = literals(['mentor', 'mentee'] as const);

const ProgramFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  purpose: literals(PROGRAM_PURPOSES),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  enrollmentWindow: literals(['always', 'cohort'] as const),
  cohortStartsOn: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  cohortEndsOn: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  cadenceDays: Type.Integer({ minimum: 1, maximum: 180, description: 'Expected days between check-ins' }),
  suggestedLengthWeeks: Type.Integer({ minimum: 1, maximum: 520, description: 'Suggested length; renewable at each review' }),
  reviewEveryWeeks: Type.Integer({ minimum: 1, maximum: 104, description: 'How often both sides are asked "shall we continue?"' }),
  defaultMentorCapacity: Type.Integer({ minimum: 1, maximum: 50 }),
  pairingMode: literals(PAIRING_MODES),
  enrollmentApproval: literals(['automatic', 'admin'] as const),
};

const QuestionSchema = Type.Object({
  fieldType: literals(QUESTION_TYPES), label: Type.String({ minLength: 1, maxLength: 300 }), askedOf: literals(['mentor', 'mentee', 'both'] as const),
  required: Type.Optional(Type.Boolean()), options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
}, { additionalProperties: false });

const ProgramSchema = Type.Object({
  id: Uuid, name: Type.String(), purpose: literals(PROGRAM_PURPOSES), description: Type.String(), enrollmentWindow: Type.String(),
  cohortStartsOn: Type.Union([Type.String(), Type.Null()]), cohortEndsOn: Type.Union([Type.String(), Type.Null()]), cadenceDays: Type.Integer(),
  suggestedLengthWeeks: Type.Integer(), reviewEveryWeeks: Type.Integer(), defaultMentorCapacity: Type.Integer(), pairingMode: literals(PAIRING_MODES),
  enrollmentApproval: Type.String(), status: Type.String(), enrollmentOpen: Type.Boolean(),
  questions: Type.Array(Type.Object({ id: Uuid, fieldType: literals(QUESTION_TYPES), label: Type.String(), askedOf: Type.String(), required: Type.Boolean(), options: Type.Array(Type.String()) })),
  mentors: Type.Integer(), mentees: Type.Integer(),
  yourEnrollments: Type.Array(Type.Object({ id: Uuid, side: SideSchema, status: Type.String(), capacity: Type.Union([Type.Integer(), Type.Null()]), paused: Type.Boolean() })),
}, { $id: 'MentoringProgram' });

const AnswerValue = Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 30 })]);
const ProgramParams = Type.Object({ orgId: Uuid, programId: Uuid });

export const programRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(ProgramSchema);
  const { db } = context;

  app.post('/api/orgs/:orgId/mentoring/programs', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'Create a mentoring program with its enrollment questions',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({ ...ProgramFields, questions: Type.Optional(Type.Array(QuestionSchema, { maxItems: 30 })) }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringProgram'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const id = await db.transaction().execute((trx) => createProgram(trx, request.params.orgId, viewer, request.body));
    return reply.status(201).send(await programDetail(db, request.params.orgId, id, viewer));
  });

  app.get('/api/orgs/:orgId/mentoring/programs', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Mentoring programs, with your enrollment in each',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ includeArchived: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('MentoringProgram')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listPrograms(db, request.params.orgId, mentoringViewerOf(request), request.query.includeArchived ?? false) }));

  app.get('/api/orgs/:orgId/mentoring/programs/:programId', {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'One program', params: ProgramParams, response: { 200: Type.Ref('MentoringProgram'), ...problemResponses } },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, programId } = request.params;
    return replyKept(reply, keptMentoringAnswers.programs, db, viewerKey(orgId, viewer, programId), () => programDetail(db, orgId, programId, viewer));
  });

  app.patch('/api/orgs/:orgId/mentoring/programs/:programId', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'Change a program’s settings, or archive it', params: ProgramParams,
      body: Type.Partial(Type.Object({ ...ProgramFields, status: literals(['active', 'archived'] as const) }), { additionalProperties: false }),
      response: { 200: Type.Ref('MentoringProgram'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => updateProgram(trx, request.params.orgId, request.params.programId, request.body as never));
    return programDetail(db, request.params.orgId, request.params.programId, mentoringViewerOf(request));
  });

  app.post('/api/orgs/:orgId/mentoring/programs/:programId/enrollments', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Enroll yourself as mentor, mentee or both',
      description: 'Self-identification answers go in `identity` and are kept only with identityConsent: true; they are stored apart and shown only in aggregate.',
      params: ProgramParams,
      body: Type.Object({
        sides: Type.Array(SideSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
        answers: Type.Optional(Type.Record(Type.String({ format: 'uuid' }), AnswerValue)),
        identity: Type.Optional(Type.Record(Type.String({ format: 'uuid' }), Type.String({ minLength: 1, maxLength: 200 }))),
        identityConsent: Type.Optional(Type.Boolean()),
        capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringProgram'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    await db.transaction().execute((trx) => enroll(trx, request.params.orgId, request.params.programId, viewer, request.body));
    return reply.status(201).send(await programDetail(db, request.params.orgId, request.params.programId, viewer));
  });

  app.patch('/api/orgs/:orgId/mentoring/programs/:programId/enrollments/:enrollmentId', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Change your enrollment: a mentor’s capacity (up to the program’s cap), pause new mentees, or withdraw',
      params: Type.Object({ orgId: Uuid, programId: Uuid, enrollmentId: Uuid }),
      body: Type.Object({ capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })), paused: Type.Optional(Type.Boolean()), withdraw: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Ref('MentoringProgram'), ...problemResponses },
    },
  }, async (request) => {
    const viewer = mentoringViewerOf(request);
    await db.transaction().execute((trx) => updateMyEnrollment(trx, request.params.orgId, request.params.programId, request.params.enrollmentId, viewer, request.body));
    return programDetail(db, request.params.orgId, request.params.programId, viewer);
  });

  app.get('/api/orgs/:orgId/mentoring/programs/:programId/enrollments', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'Enrollments (admin): status, mentor load against capacity, and how long each mentee has waited unmatched',
      params: ProgramParams,
      querystring: Type.Object({ side: Type.Optional(SideSchema), status: Type.Optional(literals(['pending', 'approved', 'declined', 'withdrawn'] as const)) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            id: Uuid, personId: Uuid, name: Type.String(), title: Type.String(), department: Type.String(), side: SideSchema, status: Type.String(),
            capacity: Type.Union([Type.Integer(), Type.Null()]), paused: Type.Boolean(), activeRelationships: Type.Integer(),
            answers: Type.Record(Type.String(), Type.Unknown()), unmatchedDays: Type.Union([Type.Integer(), Type.Null()]), enrolledAt: Type.String(),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => ({ items: await programEnrollments(db, request.params.orgId, request.params.programId, request.query) }));

  for (const [verb, decision] of [['approve', 'approved'], ['decline', 'declined']] as const) {
    app.post(`/api/orgs/:orgId/mentoring/programs/:programId/enrollments/:enrollmentId/${verb}`, {
      config: { access: mentoringPolicy.access('administer') },
      schema: { tags: ['mentoring'], summary: `${verb === 'approve' ? 'Approve' : 'Decline'} a pending enrollment`, params: Type.Object({ orgId: Uuid, programId: Uuid, enrollmentId: Uuid }), response: { 200: OkSchema, ...problemResponses } },
    }, async (request) => {
      await db.transaction().execute((trx) => decideEnrollment(trx, request.params.orgId, request.params.programId, request.params.enrollmentId, decision));
      return { ok: true as const };
    });
  }

  app.get('/api/orgs/:orgId/mentoring/programs/:programId/inclusion', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'Self-identification in aggregate only: counts per answer, groups under 5 merged and hidden',
      params: ProgramParams,
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ questionId: Uuid, label: Type.String(), rows: Type.Array(Type.Object({ answer: Type.String(), count: Type.Union([Type.Integer(), Type.Null()]), suppressed: Type.Boolean() })) })) }),
        ...problemResponses,
      },
    },
  }, async (request) => ({ items: await identityAggregates(db, request.params.orgId, request.params.programId) }));

  app.get('/api/orgs/:orgId/mentoring/programs/:programId/my-identity', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Your own self-identification answers in this program (nobody else can read them)', params: ProgramParams,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ questionId: Uuid, answer: Type.String(), consentedAt: Type.String() })) }), ...problemResponses },
    },
  }, async (request) => ({ items: await myIdentityAnswers(db, request.params.programId, mentoringViewerOf(request).personId) }));

  app.delete('/api/orgs/:orgId/mentoring/programs/:programId/my-identity', {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'Erase your self-identification answers (withdraws consent)', params: ProgramParams, response: { 200: OkSchema, ...problemResponses } },
  }, async (request) => {
    await eraseMyIdentityAnswers(db, request.params.programId, mentoringViewerOf(request).personId);
    return { ok: true as const };
  });

  app.get('/api/orgs/:orgId/mentoring/skills', {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'The organization’s shared skills list', params: Type.Object({ orgId: Uuid }), response: { 200: Type.Object({ items: Type.Array(Type.String()) }), ...problemResponses } },
  }, async (request) => ({ items: await listSkills(db, request.params.orgId) }));
};
