import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { coachingRoutes } from './coaching/routes.ts';
import { assessmentCapabilityRoutes } from './assessments/capability-routes.ts';
import { fitGuideRoutes } from './fit-guide/routes.ts';
import { matchingRoutes } from './matching/routes.ts';
import { mentoringRoutes } from './mentoring/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { memberRoutes } from './members/routes.ts';
import { organizationRoutes } from './organizations/routes.ts';
import { outboxRoutes } from './outbox/routes.ts';
import { peopleRoutes } from './people/routes.ts';

/** Every capability's routes; a new feature folder adds its line here. */
export function featureRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    for (const routes of [healthRoutes, authRoutes, peopleRoutes, organizationRoutes, memberRoutes, invitationRoutes, auditRoutes, outboxRoutes, coachingRoutes, mentoringRoutes, matchingRoutes]) {
      await app.register(routes(context));
    }
    await app.register(fitGuideRoutes(context));
    await app.register(assessmentCapabilityRoutes(context));
  };
}
