import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RELATIONSHIPS } from '../../domain/assessments/feedback-report.ts';
import type { AppContext } from '../../platform/context.ts';
import { personIdOf, PUBLIC } from '../../platform/http/access.ts';
import { EmailSchema, OkSchema, problemResponses, Uuid } from '../../platform/http/schemas.ts';
import { AnswersBody, DateSchema, InstrumentId } from '../assessments/schemas.ts';
import { viewerOf } from '../coaching/viewer.ts';
import { feedbackPolicy } from './policy.ts';
import { raterView, saveDraft, submitFeedback } from './rater.ts';
import { roundReport } from './report.ts';
import { addRaters, closeRound, myRounds, remind, removeRater, roundDetail, saveSelfAssessment, startRound } from './rounds.ts';
import { feedbackSettings, updateFeedbackSettings } from './settings.ts';

const tags = ['feedback-360'];
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const RelationshipSchema = literals(RELATIONSHIPS);
const GroupSchema = literals([...RELATIONSHIPS, 'combined'] as const);
const OrgParams = Type.Object({ orgId: Uuid });
const RoundParams = Type.Object({ orgId: Uuid, roundId: Uuid });
const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });
const PartsSchema = Type.Array(literals(['subject', 'coach'] as const), { description: 'Your part(s) in the round' });
const CommentSchema = Type.String({ maxLength: 3000, description: 'Shown without your name, mixed with the other comments' });

const SettingsSchema = Type.Object({
  minGroupSize: Type.Integer({ minimum: 3, maximum: 20, description: 'No group of raters is shown with fewer answers (3 at least)' }),
  managerShownAlone: Type.Boolean({ description: 'The manager group may be shown on its own, even with one manager (who is told when invited)' }),
}, { $id: 'FeedbackSettings' });

const RoundSummarySchema = Type.Object({
  id: Uuid, title: Type.String(), subject: Type.Object({ personId: Uuid, name: Type.String() }), engagementId: Nullable(Uuid),
  state: literals(['collecting', 'closed'] as const), closesOn: Type.String(), raters: Type.Integer(), responded: Type.Integer(), yourParts: PartsSchema,
}, { $id: 'FeedbackRoundSummary' });

const RoundSchema = Type.Object({
  id: Uuid, title: Type.String(), subject: Type.Object({ personId: Uuid, name: Type.String() }), engagementId: Nullable(Uuid),
  instrument: Type.Object({ id: Type.String(), version: Type.Integer(), name: Type.String() }),
  closesOn: Type.String(), closesAt: Type.String({ description: 'The end of the closing day in the subject’s time zone' }),
  state: literals(['collecting', 'closed'] as const), minGroupSize: Type.Integer(), managerShownAlone: Type.Boolean(),
  createdAt: Type.String(), closedAt: Nullable(Type.String()), yourParts: PartsSchema,
  raters: Type.Array(Type.Object({
    id: Uuid, name: Type.String(), email: Type.String(), relationship: RelationshipSchema, invitedAt: Type.String(), lastRemindedAt: Nullable(Type.String()),
    reminders: Type.Integer(), responded: Type.Boolean({ description: 'Whether they have answered: never what' }),
  })),
  counts: Type.Object({
    invited: Type.Integer(), responded: Type.Integer(),
    byRelationship: Type.Array(Type.Object({ relationship: RelationshipSchema, invited: Type.Integer(), responded: Type.Integer() })),
  }),
  selfAssessment: Type.Object({
    answered: Type.Integer(), items: Type.Integer(), submitted: Type.Boolean(),
    answers: Nullable(Type.Record(Type.String(), Type.Integer(), { description: 'Only for the subject' })),
    scores: Nullable(Type.Ref('AssessmentScores')),
  }),
  reportReady: Type.Boolean({ description: 'The report is available once the round has closed' }),
}, { $id: 'FeedbackRound' });

const GapSchema = Type.Object({ competencyId: Type.String(), name: Type.String(), self: Type.Number(), others: Type.Number(), gap: Type.Number() });
const ReportSchema = Type.Object({
  roundId: Uuid, title: Type.String(), subjectName: Type.String(), closesOn: Type.String(),
  minGroupSize: Type.Integer(), managerShownAlone: Type.Boolean(), scale: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  responses: Type.Integer({ description: 'Raters who answered' }),
  groups: Type.Array(Type.Object({ group: GroupSchema, label: Type.String(), responses: Type.Integer() }), { description: 'The rater groups shown; "combined" merges groups too small on their own' }),
  withheldResponses: Type.Integer({ description: 'Answers held back: their groups were too small even combined' }),
  competencies: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), self: Nullable(Type.Number()),
    others: Nullable(Type.Object({ mean: Type.Number(), n: Type.Integer() })),
    groups: Type.Array(Type.Object({ group: GroupSchema, label: Type.String(), mean: Type.Number(), n: Type.Integer() })),
    withheld: Type.Integer(), gap: Nullable(Type.Number({ description: 'self − others' })),
  }), { description: 'Self against others per competency: ready for a chart' }),
  blindSpots: Type.Array(GapSchema, { description: 'Rated higher by yourself than by others, largest gap first' }),
  hiddenStrengths: Type.Array(GapSchema, { description: 'Rated higher by others than by yourself, largest gap first' }),
  comments: Type.Array(Type.String(), { description: 'Without names or groups, in shuffled order' }),
  commentsWithheld: Type.Boolean(),
  notes: Type.Array(Type.String(), { description: 'What was combined or held back, and why' }),
}, { $id: 'FeedbackReport' });

const RaterViewSchema = Type.Object({
  subjectName: Type.String(), title: Type.String(), closesOn: Type.String(), relationship: RelationshipSchema, relationshipLabel: Type.String(),
  anonymity: Type.Object({ minGroupSize: Type.Integer(), shownAlone: Type.Boolean(), text: Type.String() }),
  instrument: Type.Object({
    name: Type.String(), instructions: Type.String(),
    scale: Type.Object({ min: Type.Integer(), max: Type.Integer(), labels: Type.Array(Type.Object({ value: Type.Integer(), label: Type.String() })) }),
    competencies: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), description: Type.String() })),
    items: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), competency: Type.String() })),
  }),
  submitted: Type.Boolean(),
  draft: Nullable(Type.Object({ answers: Type.Record(Type.String(), Type.Integer()), comment: Type.String() }, {
    description: 'What you saved so far; gone once you submit',
  })),
}, { $id: 'FeedbackRaterView' });

export const feedbackRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  for (const schema of [SettingsSchema, RoundSummarySchema, RoundSchema, ReportSchema, RaterViewSchema]) app.addSchema(schema);
  const { db, mailer, config } = context;
  const participate = feedbackPolicy.access('participate');
  const detail = (orgId: string, roundId: string, request: Parameters<typeof viewerOf>[0]) => roundDetail(db, orgId, roundId, viewerOf(request));

  app.get('/api/orgs/:orgId/feedback/settings', {
    config: { access: feedbackPolicy.access('configure') },
    schema: { tags, summary: 'The organization’s 360 anonymity rules', params: OrgParams, response: { 200: Type.Ref('FeedbackSettings'), ...problemResponses } },
  }, async (request) => feedbackSettings(db, request.params.orgId));

  app.put('/api/orgs/:orgId/feedback/settings', {
    config: { access: feedbackPolicy.access('configure') },
    schema: {
      tags, summary: 'Set the organization’s 360 anonymity rules (for rounds started from now on)',
      description: 'The minimum group size can only be raised above 3. A running round keeps the rules its raters were told.',
      params: OrgParams,
      body: Type.Object({ minGroupSize: SettingsSchema.properties.minGroupSize, managerShownAlone: SettingsSchema.properties.managerShownAlone }, { additionalProperties: false }),
      response: { 200: Type.Ref('FeedbackSettings'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => updateFeedbackSettings(trx, request.params.orgId, { personId: personIdOf(request), ip: request.ip }, request.body));
    return feedbackSettings(db, request.params.orgId);
  });

  app.post('/api/orgs/:orgId/feedback/rounds', {
    config: { access: participate },
    schema: {
      tags, summary: 'Start a 360 feedback round about yourself, or (as their coach) about the client of your engagement',
      description: 'The competency set is the leadership competencies instrument (or another usable in 360). The organization’s anonymity rules are copied onto the round; minGroupSize may raise them.',
      params: OrgParams,
      body: Type.Object({
        closesOn: DateSchema,
        title: Type.Optional(Type.String({ maxLength: 200 })),
        engagementId: Type.Optional(Uuid),
        instrumentId: Type.Optional(InstrumentId),
        minGroupSize: Type.Optional(Type.Integer({ minimum: 3, maximum: 20 })),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('FeedbackRound'), ...problemResponses },
    },
  }, async (request, reply) => {
    const id = await db.transaction().execute((trx) => startRound(trx, request.params.orgId, viewerOf(request), request.body));
    return reply.status(201).send(await detail(request.params.orgId, id, request));
  });

  app.get('/api/orgs/:orgId/feedback/rounds', {
    config: { access: participate },
    schema: {
      tags, summary: 'Rounds about you, and rounds of the clients you coach',
      params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('FeedbackRoundSummary')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await myRounds(db, request.params.orgId, viewerOf(request)) }));

  app.get('/api/orgs/:orgId/feedback/rounds/:roundId', {
    config: { access: participate },
    schema: {
      tags, summary: 'One round: its raters and who has answered (never what), and the self-assessment',
      description: 'For its subject and the coach of its engagement only; to anyone else (admins included) it does not exist.',
      params: RoundParams, response: { 200: Type.Ref('FeedbackRound'), ...problemResponses },
    },
  }, async (request) => detail(request.params.orgId, request.params.roundId, request));

  app.post('/api/orgs/:orgId/feedback/rounds/:roundId/raters', {
    config: { access: participate },
    schema: {
      tags, summary: 'Nominate raters by email with their relationship; each gets a personal link by mail',
      params: RoundParams,
      body: Type.Object({
        raters: Type.Array(Type.Object({
          email: EmailSchema, name: Type.Optional(Type.String({ maxLength: 200 })), relationship: RelationshipSchema,
        }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('FeedbackRound'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => addRaters(trx, mailer, config, request.params.orgId, request.params.roundId, viewerOf(request), request.body.raters));
    void mailer.deliverPending();
    return detail(request.params.orgId, request.params.roundId, request);
  });

  app.delete('/api/orgs/:orgId/feedback/rounds/:roundId/raters/:raterId', {
    config: { access: participate },
    schema: {
      tags, summary: 'Take a rater who has not answered off the round',
      params: Type.Object({ orgId: Uuid, roundId: Uuid, raterId: Uuid }), response: { 200: Type.Ref('FeedbackRound'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => removeRater(trx, request.params.orgId, request.params.roundId, viewerOf(request), request.params.raterId));
    return detail(request.params.orgId, request.params.roundId, request);
  });

  app.put('/api/orgs/:orgId/feedback/rounds/:roundId/self-assessment', {
    config: { access: participate },
    schema: {
      tags, summary: 'Save (and, with submit, finish) your self-assessment on the same competencies',
      params: RoundParams,
      body: Type.Object({ answers: AnswersBody, submit: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Ref('FeedbackRound'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => saveSelfAssessment(trx, request.params.orgId, request.params.roundId, viewerOf(request), request.body));
    return detail(request.params.orgId, request.params.roundId, request);
  });

  app.post('/api/orgs/:orgId/feedback/rounds/:roundId/remind', {
    config: { access: participate },
    schema: {
      tags, summary: 'Remind the raters who have not answered (each at most once every 12 hours)',
      params: RoundParams,
      response: { 200: Type.Object({ reminded: Type.Integer(), skipped: Type.Integer({ description: 'Reminded less than 12 hours ago' }) }), ...problemResponses },
    },
  }, async (request) => {
    const result = await db.transaction().execute((trx) => remind(trx, mailer, config, request.params.orgId, request.params.roundId, viewerOf(request)));
    void mailer.deliverPending();
    return result;
  });

  app.post('/api/orgs/:orgId/feedback/rounds/:roundId/close', {
    config: { access: participate },
    schema: {
      tags, summary: 'Close the round now: no more answers, unsubmitted drafts are discarded, the report becomes available',
      params: RoundParams, response: { 200: Type.Ref('FeedbackRound'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => closeRound(trx, request.params.orgId, request.params.roundId, viewerOf(request)));
    return detail(request.params.orgId, request.params.roundId, request);
  });

  app.get('/api/orgs/:orgId/feedback/rounds/:roundId/report', {
    config: { access: participate },
    schema: {
      tags, summary: 'The report of a closed round: self against others per competency, blind spots and hidden strengths, anonymous comments',
      description: 'Aggregates only, computed in the data layer: a rater group appears with at least the round’s minimum of answers (the manager alone only where the organization allows it); smaller groups are combined, or held back when even combined they are too few. No route returns an individual rater’s answers. Answers 409 while the round is collecting.',
      params: RoundParams, response: { 200: Type.Ref('FeedbackReport'), ...problemResponses },
    },
  }, async (request) => db.transaction().execute((trx) => roundReport(trx, request.params.orgId, request.params.roundId, viewerOf(request))));

  app.get('/api/feedback/:token', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: 'For a rater, through their link: who the feedback is for, the anonymity promise, the behaviours to rate and their saved draft',
      description: 'No account needed. 404 for an unknown link, 410 once the round has closed. After submitting, the answers are no longer shown, to anyone.',
      params: TokenParams, response: { 200: Type.Ref('FeedbackRaterView'), ...problemResponses },
    },
  }, async (request) => raterView(db, request.params.token));

  app.put('/api/feedback/:token', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: 'For a rater: save answers and the comment as you go (merged; null clears an answer)',
      params: TokenParams,
      body: Type.Object({ answers: Type.Optional(AnswersBody), comment: Type.Optional(CommentSchema) }, { additionalProperties: false }),
      response: { 200: Type.Ref('FeedbackRaterView'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => saveDraft(trx, request.params.token, request.body));
    return raterView(db, request.params.token);
  });

  app.post('/api/feedback/:token/submit', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: 'For a rater: send the feedback (with any last answers); it can no longer be changed or seen',
      params: TokenParams,
      body: Type.Object({ answers: Type.Optional(AnswersBody), comment: Type.Optional(CommentSchema) }, { additionalProperties: false }),
      response: { 200: OkSchema, ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => submitFeedback(trx, request.params.token, request.body));
    return { ok: true as const };
  });
};
