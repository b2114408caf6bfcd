import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SHARE_CODE_PATTERN } from '../../domain/fit-guide/share-code.ts';
import { RECOMMENDATIONS } from '../../domain/fit-guide/recommend.ts';
import type { AppContext } from '../../platform/context.ts';
import { personIdOf, PUBLIC } from '../../platform/http/access.ts';
import { OkSchema, problemResponses, Uuid } from '../../platform/http/schemas.ts';
import { fitGuidePolicy } from './policy.ts';
import { deleteSavedResult, guide, resultFor, resultForCode, saveResult, savedResults } from './service.ts';

const tags = ['fit-guide'];
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const AnswersSchema = Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Type.String({ minLength: 1, maxLength: 40 }), {
  additionalProperties: false, maxProperties: 30,
  description: 'Question id → option id. Questions may be left out (they count as "not sure").',
});
const CodeSchema = Type.String({ pattern: SHARE_CODE_PATTERN, maxLength: 64, description: 'A result code (it encodes the answers)' });

const ReasonSchema = Type.Object({
  id: Type.String(), text: Type.String(),
  supports: literals(['coaching', 'mentoring', 'coaching_style', 'either'] as const),
  weight: Type.Number({ description: 'How much evidence these answers gave' }),
  fromQuestions: Type.Array(Type.String(), { description: 'The questions whose answers produced this reason' }),
});

const ResultSchema = Type.Object({
  version: Type.Integer(),
  recommendation: literals(RECOMMENDATIONS),
  headline: Type.String(), summary: Type.String(),
  confidence: Type.Object({ value: Type.Number({ minimum: 0, maximum: 1 }), label: literals(['high', 'medium', 'low'] as const) }),
  reasons: Type.Array(ReasonSchema, { description: 'What points toward the recommendation, strongest first' }),
  considerations: Type.Array(ReasonSchema, { description: 'What points the other way' }),
  nextSteps: Type.Array(Type.Object({
    id: literals(['request_coach', 'join_mentoring_program', 'browse_mentors', 'read_about_coaching', 'read_about_mentoring'] as const),
    label: Type.String(), description: Type.String(), requiresSignIn: Type.Boolean(),
  }), { description: 'In the order to offer them; the reading steps come first when confidence is low' }),
  totals: Type.Object({ coaching: Type.Number(), mentoring: Type.Number(), coachingStyle: Type.Number() }),
  questionCount: Type.Integer(), informativeAnswers: Type.Integer(),
  code: Type.String({ description: 'Share it as a link: GET /api/fit-guide/results/{code} recomputes this result; nothing is stored' }),
  answers: Type.Record(Type.String(), Type.String()),
}, { $id: 'FitGuideResult' });

const SavedSchema = Type.Object({
  id: Uuid, code: Type.String(), guideVersion: Type.Integer(), recommendation: Type.String(), confidence: Type.Number(),
  consentedAt: Type.String(), createdAt: Type.String(),
  result: Type.Union([Type.Ref('FitGuideResult'), Type.Null()], { description: 'Null when the guide changed since: take it again' }),
}, { $id: 'FitGuideSavedResult' });

export const fitGuideRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(ResultSchema);
  app.addSchema(SavedSchema);
  const { db } = context;

  app.get('/api/fit-guide', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: 'The fit guide: its questions and options, and what coaching and mentoring each involve (no account needed)',
      description: 'Each question is drawn from a distinction between coaching and mentoring (aim, outcome, time, shape, who, each meeting, tools, the organization’s use).',
      response: {
        200: Type.Object({
          version: Type.Integer(),
          questions: Type.Array(Type.Object({
            id: Type.String(), distinction: Type.String(), prompt: Type.String(), help: Type.String(),
            options: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
          })),
          explainers: Type.Array(Type.Object({
            kind: literals(['coaching', 'mentoring'] as const), title: Type.String(), summary: Type.String(),
            rows: Type.Array(Type.Object({ aspect: Type.String(), text: Type.String() })),
          }), { description: '"Read what each involves"' }),
        }),
        ...problemResponses,
      },
    },
  }, async () => guide());

  app.post('/api/fit-guide/result', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: 'Your recommendation: coaching, mentoring, both, or mentoring with a coach-like mentor, with a confidence, the reasons traced to your answers and the next steps',
      description: 'Nothing is stored. The result carries a code to share it as a link.',
      body: Type.Object({ answers: AnswersSchema }, { additionalProperties: false }),
      response: { 200: Type.Ref('FitGuideResult'), ...problemResponses },
    },
  }, async (request) => resultFor(request.body.answers));

  app.get('/api/fit-guide/results/:code', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: 'A shared result, recomputed from its code',
      description: 'A malformed code answers 400; a code from an earlier version of the guide answers 410 (take it again).',
      params: Type.Object({ code: CodeSchema }),
      response: { 200: Type.Ref('FitGuideResult'), ...problemResponses },
    },
  }, async (request) => resultForCode(request.params.code));

  app.post('/api/orgs/:orgId/fit-guide/saved', {
    config: { access: fitGuidePolicy.access('keepOwnResults') },
    schema: {
      tags, summary: 'Keep a result in your account, with your explicit consent',
      description: 'Send the answers or a result code, and consent: true. Only you can read or delete what you keep.',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({
        answers: Type.Optional(AnswersSchema), code: Type.Optional(CodeSchema),
        consent: Type.Boolean({ description: 'Must be true: you agree to keep this result in your account' }),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('FitGuideSavedResult'), ...problemResponses },
    },
  }, async (request, reply) => {
    const personId = personIdOf(request);
    const id = await db.transaction().execute((trx) => saveResult(trx, request.params.orgId, personId, request.body));
    return reply.status(201).send((await savedResults(db, request.params.orgId, personId, id))[0]);
  });

  app.get('/api/orgs/:orgId/fit-guide/saved', {
    config: { access: fitGuidePolicy.access('keepOwnResults') },
    schema: {
      tags, summary: 'The fit guide results you kept, newest first (yours only; nobody else can read them)',
      params: Type.Object({ orgId: Uuid }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('FitGuideSavedResult')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await savedResults(db, request.params.orgId, personIdOf(request)) }));

  app.delete('/api/orgs/:orgId/fit-guide/saved/:resultId', {
    config: { access: fitGuidePolicy.access('keepOwnResults') },
    schema: {
      tags, summary: 'Delete a result you kept',
      params: Type.Object({ orgId: Uuid, resultId: Uuid }), response: { 200: OkSchema, ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => deleteSavedResult(trx, request.params.orgId, personIdOf(request), request.params.resultId));
    return { ok: true as const };
  });
};
