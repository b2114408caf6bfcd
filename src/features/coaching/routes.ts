import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { actionItemRoutes } from './action-items/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { coachRoutes } from './coaches/routes.ts';
import { EngagementSummarySchema, engagementRoutes } from './engagements/routes.ts';
import { goalRoutes } from './goals/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { homeRoutes } from './homes/routes.ts';

/** The coaching capability's routes; each part of it adds its line here. */
export function coachingRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    // Shared by the engagement routes and the homes.
    app.addSchema(EngagementSummarySchema);
    for (const routes of [coachRoutes, engagementRoutes, goalRoutes, requestRoutes, homeRoutes, sessionRoutes, actionItemRoutes, calendarRoutes]) await app.register(routes(context));
  };
}
