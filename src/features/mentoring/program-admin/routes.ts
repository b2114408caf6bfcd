import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { PageQuery, problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { relationshipDetail } from '../relationships/service.ts';
import { replyKept } from '../../../platform/http/kept-reply.ts';
import { keptMentoringAnswers } from '../kept-answers.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { concludePair, PAIR_GROUPS, programDashboard, programPairs, rePair } from './service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const PersonRef = Type.Object({ personId: Uuid, name: Type.String() });
const Group = Type.Union(PAIR_GROUPS.map((g) => Type.Literal(g)));
const LoadStatus = Type.Union(['paused', 'room', 'full', 'over'].map((s) => Type.Literal(s)));

const PairSchema = Type.Object({
  relationshipId: Uuid, origin: Type.String(), mentor: PersonRef, mentee: PersonRef, startedAt: Nullable(Type.String()), lastCheckInOn: Nullable(Type.String()),
  nextCheckInDue: Nullable(Type.String()), health: Group, checkIns: Type.Integer({ description: 'How many check-ins were logged (never what was said)' }),
}, { $id: 'MentoringPair', description: 'A pair as the program admin sees it: people, dates, health and counts only' });

const PairGroupSchema = Type.Object({ count: Type.Integer(), items: Type.Array(Type.Ref('MentoringPair')) });
const SideCounts = Type.Object({ pending: Type.Integer(), approved: Type.Integer() });

const DashboardSchema = Type.Object({
  program: Type.Object({
    id: Uuid, name: Type.String(), status: Type.String(), enrollmentWindow: Type.String(), cohortStartsOn: Nullable(Type.String()), cohortEndsOn: Nullable(Type.String()),
    cadenceDays: Type.Integer(), reviewEveryWeeks: Type.Integer(), pairingMode: Type.String(),
  }),
  today: Type.String({ format: 'date' }),
  enrollment: Type.Object({ mentor: SideCounts, mentee: SideCounts }),
  unmatched: Type.Object({
    count: Type.Integer(),
    items: Type.Array(Type.Object({
      personId: Uuid, name: Type.String(), title: Type.String(), department: Type.String(), waitingSince: Type.String(), daysWaiting: Type.Integer(), requestOpen: Type.Boolean(),
    }), { description: 'The longest waiting first (at most 25)' }),
  }),
  pairs: Type.Object({ on_track: PairGroupSchema, slipping: PairGroupSchema, stalled: PairGroupSchema, paused: PairGroupSchema }, {
    description: 'Running pairs by health (paused apart): each group’s count and its first ten, the longest without contact first',
  }),
  mentorLoad: Type.Object({
    mentors: Type.Integer(), capacity: Type.Integer(), placesUsed: Type.Integer(), openPlaces: Type.Integer(),
    byStatus: Type.Object({ over: Type.Integer(), full: Type.Integer(), room: Type.Integer(), paused: Type.Integer() }),
    items: Type.Array(Type.Object({
      personId: Uuid, name: Type.String(), capacity: Type.Integer(), active: Type.Integer(), paused: Type.Boolean(), openPlaces: Type.Integer(), status: LoadStatus,
    }), { description: 'The most loaded mentors first (at most 25)' }),
  }),
});

const ProgramParams = Type.Object({ orgId: Uuid, programId: Uuid });
const PairParams = Type.Object({ orgId: Uuid, programId: Uuid, relationshipId: Uuid });

export const programAdminRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(PairSchema);
  const { db, mailer } = context;

  app.get('/api/orgs/:orgId/mentoring/programs/:programId/dashboard', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'The program admin’s dashboard: enrollment, unmatched mentees and their wait, pairs by health, mentor load against capacity',
      description: 'Health and counts only: never check-in notes, reflections, review answers or self-identification.',
      params: ProgramParams, response: { 200: DashboardSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, programId } = request.params;
    // The same for every admin of the organization: nothing in it depends on who asks.
    return replyKept(reply, keptMentoringAnswers.programDashboards, db, [orgId, programId], () => programDashboard(db, orgId, programId));
  });

  app.get('/api/orgs/:orgId/mentoring/programs/:programId/pairs', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'One health group of the program’s pairs, page by page, the longest without contact first (admin)',
      params: ProgramParams,
      querystring: Type.Object({ health: Group, ...PageQuery }, { additionalProperties: false }),
      response: {
        200: Type.Object({ health: Group, today: Type.String(), items: Type.Array(Type.Ref('MentoringPair')), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const { health, page = 1, pageSize = 25 } = request.query;
    const { orgId, programId } = request.params;
    return replyKept(reply, keptMentoringAnswers.programPairs, db, [orgId, programId, health, page, pageSize], () => programPairs(db, orgId, programId, health, page, pageSize));
  });

  app.post('/api/orgs/:orgId/mentoring/programs/:programId/pairs/:relationshipId/conclude', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'Conclude a pair (admin): no fault; both people are told the same kind words',
      params: PairParams, response: { 200: Type.Ref('MentoringRelationship'), ...problemResponses },
    },
  }, async (request) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, programId, relationshipId } = request.params;
    await db.transaction().execute((trx) => concludePair(trx, mailer, orgId, programId, relationshipId, viewer));
    void mailer.deliverPending();
    return relationshipDetail(db, orgId, relationshipId, viewer);
  });

  app.post('/api/orgs/:orgId/mentoring/programs/:programId/pairs/:relationshipId/re-pair', {
    config: { access: mentoringPolicy.access('administer') },
    schema: {
      tags: ['mentoring'], summary: 'Re-pair the mentee with another mentor (admin): the pair concludes and the new one begins, or neither happens',
      params: PairParams, body: Type.Object({ mentorPersonId: Uuid }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringRelationship'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, programId, relationshipId } = request.params;
    const id = await db.transaction().execute((trx) => rePair(trx, mailer, orgId, programId, relationshipId, viewer, request.body.mentorPersonId));
    void mailer.deliverPending();
    return reply.status(201).send(await relationshipDetail(db, orgId, id, viewer));
  });
};
