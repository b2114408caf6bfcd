import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { replyKept } from '../../../platform/http/kept-reply.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { coachingPolicy } from '../policy.ts';
import { EngagementStateSchema, PersonRef, SponsorVisibilitySchema } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import { clientHome, coachHome, keptClientHomes, keptCoachHomes, sponsorHome } from './service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const HomeSession = Type.Object({
  id: Uuid, engagementId: Uuid, engagementTitle: Type.String(), startsAt: Type.String(), durationMinutes: Type.Integer(), timeZone: Type.String(),
  location: Type.String(), status: Type.String(), focus: Nullable(Type.String()), coachName: Type.String(), clientName: Type.String(),
});
const HomeAction = Type.Object({ id: Uuid, engagementId: Uuid, engagementTitle: Type.String(), title: Type.String(), dueDate: Nullable(Type.String()), owner: PersonRef });
const HomeGoal = Type.Object({
  id: Uuid, engagementId: Uuid, statement: Type.String(), unit: Type.String(), baseline: Type.Number(), target: Type.Number(), current: Type.Number(),
  dueDate: Nullable(Type.String()), met: Type.Boolean(), progress: Type.Number({ description: 'Share of the way from baseline to target, 0..1' }),
});
const Attainment = Type.Object({ goals: Type.Integer(), met: Type.Integer(), meanProgress: Nullable(Type.Number()), allMet: Type.Boolean() });

export const homeRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = context;
  const params = Type.Object({ orgId: Uuid });

  app.get('/api/orgs/:orgId/coaching/home/client', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'Client home: your next session (with its focus prompt), your goals and your open action items', params,
      response: {
        200: Type.Object({
          timeZone: Type.String(),
          engagements: Type.Array(Type.Ref('EngagementSummary')),
          nextSession: Nullable(Type.Object({ ...HomeSession.properties, needsFocus: Type.Boolean({ description: 'You have not set this session’s focus yet' }) })),
          goals: Type.Array(HomeGoal),
          openActionItems: Type.Array(HomeAction),
        }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const { personId } = viewerOf(request);
    return replyKept(reply, keptClientHomes, db, [orgId, personId], () => clientHome(db, orgId, personId));
  });

  app.get('/api/orgs/:orgId/coaching/home/coach', {
    config: { access: coachingPolicy.access('coach') },
    schema: {
      tags: ['coaching'], summary: 'Coach home: today’s and the coming week’s sessions, clients, overdue action items, engagements near their end or with every goal met', params,
      response: {
        200: Type.Object({
          timeZone: Type.String(), today: Type.String(),
          todaysSessions: Type.Array(HomeSession), upcomingSessions: Type.Array(HomeSession),
          clients: Type.Array(Type.Object({ engagementId: Uuid, title: Type.String(), state: EngagementStateSchema, client: PersonRef, attainment: Attainment, plannedEndDate: Type.String() })),
          overdueActionItems: Type.Array(HomeAction),
          attention: Type.Array(Type.Object({
            engagementId: Uuid, title: Type.String(), client: PersonRef, plannedEndDate: Type.String(),
            reason: Type.Union([Type.Literal('all_goals_met'), Type.Literal('near_planned_end')]),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const { personId } = viewerOf(request);
    return replyKept(reply, keptCoachHomes, db, [orgId, personId], () => coachHome(db, orgId, personId));
  });

  app.get('/api/orgs/:orgId/coaching/home/sponsor', {
    config: { access: coachingPolicy.access('participate') },
    schema: {
      tags: ['coaching'], summary: 'Sponsor view: the engagements you sponsor, each showing only what its accepted agreement shares', params,
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            engagement: Type.Ref('EngagementSummary'),
            sharing: Nullable(SponsorVisibilitySchema),
            goals: Nullable(Type.Array(HomeGoal)),
            attendance: Nullable(Type.Array(Type.Object({ startsAt: Type.String(), status: Type.String(), durationMinutes: Type.Integer() }))),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => sponsorHome(db, request.params.orgId, viewerOf(request).personId));
};
