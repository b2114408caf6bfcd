import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { feedbackRoutes } from '../feedback-360/routes.ts';
import { assessmentRoutes } from './routes.ts';
import { InstrumentSummarySchema, ScoresSchema } from './schemas.ts';

/** Assessments and 360 feedback: one capability (DESIGN §3.6), sharing its instruments and score schemas. */
export function assessmentCapabilityRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.addSchema(InstrumentSummarySchema);
    app.addSchema(ScoresSchema);
    for (const routes of [assessmentRoutes, feedbackRoutes]) await app.register(routes(context));
  };
}
