import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { listingRoutes } from './listings/routes.ts';
import { programRoutes } from './programs/routes.ts';
import { relationshipRoutes } from './relationships/routes.ts';

/** The mentoring capability's routes; each part of it adds its line here. */
export function mentoringRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    for (const routes of [programRoutes, listingRoutes, relationshipRoutes]) await app.register(routes(context));
  };
}
