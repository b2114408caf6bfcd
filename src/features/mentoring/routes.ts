import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { ReflectionReceiptSchema, checkInRoutes } from './check-ins/routes.ts';
import { closingRoutes } from './closing/routes.ts';
import { coachingToolRoutes } from './coaching-tools/routes.ts';
import { homeRoutes } from './homes/routes.ts';
import { listingRoutes } from './listings/routes.ts';
import { noticeRoutes } from './notices/routes.ts';
import { programAdminRoutes } from './program-admin/routes.ts';
import { programRoutes } from './programs/routes.ts';
import { RelationshipSchema, relationshipRoutes } from './relationships/routes.ts';
import { reviewRoutes } from './reviews/routes.ts';

/** The mentoring capability's routes; each part of it adds its line here. */
export function mentoringRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    // Shared by several parts: relationships and the homes; check-in and closing reflections.
    app.addSchema(RelationshipSchema);
    app.addSchema(ReflectionReceiptSchema);
    for (const routes of [programRoutes, listingRoutes, relationshipRoutes, checkInRoutes, reviewRoutes, closingRoutes, coachingToolRoutes, homeRoutes, programAdminRoutes, noticeRoutes]) {
      await app.register(routes(context));
    }
  };
}
