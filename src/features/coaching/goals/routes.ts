import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { OkSchema, problemResponses } from '../../../platform/http/schemas.ts';
import { coachingPolicy } from '../policy.ts';
import { EngagementParams } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import {
  GoalChangesBody, GoalListSchema, GoalParams, GoalSchema, GoalTimelineSchema, GrowBody, GrowHistorySchema, MilestoneChangesBody, MilestoneParams,
  NewGoalBody, NewMilestoneBody, NewObstacleBody, NewProgressBody, ObstacleListSchema, ObstacleParams, ProgressListSchema, ProgressParams,
  ResolveObstacleBody,
} from './schemas.ts';
import {
  addGrowRevision, addMilestone, changeMilestone, changeObstacle, createGoal, deleteGoal, deleteProgress, goalDetail, goalsTimeline, growHistory,
  listGoals, logObstacle, obstaclesOfGoal, progressOfGoal, recordProgress, updateGoal,
} from './service.ts';

const BASE = '/api/orgs/:orgId/engagements/:engagementId/goals';
const tags = ['coaching'];
const access = coachingPolicy.access('participate');
const WHO_READS = 'The coach and the client see everything; the sponsor sees goals and progress (never GROW worksheets, obstacles, notes or why it matters) only while the agreement every party accepted shares them; the admin sees attainment in the engagement overview instead (403 here).';
const WHO_WRITES = 'The coach or the client, while the engagement is proposed, agreed or active.';
const goalAnswer = { 200: Type.Ref('CoachingGoal'), ...problemResponses };
const goalCreated = { 201: Type.Ref('CoachingGoal'), ...problemResponses };

/**
 * Goals of a coaching engagement. Each handler: validate (schemas) → one transaction for the
 * command (the service opens the engagement for the viewer's part, locks it, and writes) → present
 * the result as the viewer may see it.
 */
export const goalRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(GoalSchema);
  app.addSchema(GoalListSchema);
  app.addSchema(GoalTimelineSchema);
  app.addSchema(GrowHistorySchema);
  const { db } = context;
  const run = <T>(command: (trx: typeof db) => Promise<T>) => db.transaction().execute(command);
  const present = (request: FastifyRequest, params: { orgId: string; engagementId: string; goalId: string }) =>
    goalDetail(db, params.orgId, params.engagementId, viewerOf(request), params.goalId);

  app.get(BASE, {
    config: { access },
    schema: {
      tags, summary: 'The engagement’s goals with their milestones, progress, latest GROW worksheet and obstacles', description: WHO_READS,
      params: EngagementParams, response: { 200: Type.Ref('CoachingGoalList'), ...problemResponses },
    },
  }, async (request) => listGoals(db, request.params.orgId, request.params.engagementId, viewerOf(request)));

  app.post(BASE, {
    config: { access },
    schema: {
      tags, summary: 'Write a SMART goal: statement, measure, baseline, target, unit, why it matters, due date', description: WHO_WRITES,
      params: EngagementParams, body: NewGoalBody, response: goalCreated,
    },
  }, async (request, reply) => {
    const { orgId, engagementId } = request.params;
    const goalId = await run((trx) => createGoal(trx, orgId, engagementId, viewerOf(request), request.body));
    return reply.status(201).send(await present(request, { orgId, engagementId, goalId }));
  });

  app.get(`${BASE}/timeline`, {
    config: { access },
    schema: {
      tags, summary: 'The timeline: each goal’s milestones against the engagement’s dates, and its progress against the target line',
      description: `Dates come from the current agreement. ${WHO_READS}`,
      params: EngagementParams, response: { 200: Type.Ref('GoalTimeline'), ...problemResponses },
    },
  }, async (request) => goalsTimeline(db, request.params.orgId, request.params.engagementId, viewerOf(request)));

  app.get(`${BASE}/:goalId`, {
    config: { access },
    schema: { tags, summary: 'One goal', description: WHO_READS, params: GoalParams, response: goalAnswer },
  }, async (request) => present(request, request.params));

  app.patch(`${BASE}/:goalId`, {
    config: { access },
    schema: {
      tags, summary: 'Change a goal’s wording, measure, baseline, target, unit, why it matters or due date',
      description: `${WHO_WRITES} Before any progress update, the current value follows the baseline.`,
      params: GoalParams, body: GoalChangesBody, response: goalAnswer,
    },
  }, async (request) => {
    const { orgId, engagementId, goalId } = request.params;
    await run((trx) => updateGoal(trx, orgId, engagementId, viewerOf(request), goalId, request.body));
    return present(request, request.params);
  });

  app.delete(`${BASE}/:goalId`, {
    config: { access },
    schema: {
      tags, summary: 'Delete a goal that has no progress yet (409 once progress is recorded: keep it and change it instead)', description: WHO_WRITES,
      params: GoalParams, response: { 200: OkSchema, ...problemResponses },
    },
  }, async (request) => {
    const { orgId, engagementId, goalId } = request.params;
    await run((trx) => deleteGoal(trx, orgId, engagementId, viewerOf(request), goalId));
    return { ok: true as const };
  });

  // Milestones

  app.post(`${BASE}/:goalId/milestones`, {
    config: { access },
    schema: { tags, summary: 'Add a milestone with its due date', description: WHO_WRITES, params: GoalParams, body: NewMilestoneBody, response: goalCreated },
  }, async (request, reply) => {
    const { orgId, engagementId, goalId } = request.params;
    await run((trx) => addMilestone(trx, orgId, engagementId, viewerOf(request), goalId, request.body));
    return reply.status(201).send(await present(request, request.params));
  });

  app.patch(`${BASE}/:goalId/milestones/:milestoneId`, {
    config: { access },
    schema: { tags, summary: 'Rename a milestone or move its due date', description: WHO_WRITES, params: MilestoneParams, body: MilestoneChangesBody, response: goalAnswer },
  }, async (request) => {
    const { orgId, engagementId, goalId, milestoneId } = request.params;
    await run((trx) => changeMilestone(trx, orgId, engagementId, viewerOf(request), goalId, milestoneId, request.body));
    return present(request, request.params);
  });

  for (const [verb, done] of [['complete', true], ['reopen', false]] as const) {
    app.post(`${BASE}/:goalId/milestones/:milestoneId/${verb}`, {
      config: { access },
      schema: {
        tags, summary: done ? 'Tick off a milestone (again: no change)' : 'Reopen a milestone ticked off by mistake', description: WHO_WRITES,
        params: MilestoneParams, response: goalAnswer,
      },
    }, async (request) => {
      const { orgId, engagementId, goalId, milestoneId } = request.params;
      await run((trx) => changeMilestone(trx, orgId, engagementId, viewerOf(request), goalId, milestoneId, { done }));
      return present(request, request.params);
    });
  }

  app.delete(`${BASE}/:goalId/milestones/:milestoneId`, {
    config: { access },
    schema: { tags, summary: 'Delete a milestone', description: WHO_WRITES, params: MilestoneParams, response: goalAnswer },
  }, async (request) => {
    const { orgId, engagementId, goalId, milestoneId } = request.params;
    await run((trx) => changeMilestone(trx, orgId, engagementId, viewerOf(request), goalId, milestoneId, { delete: true }));
    return present(request, request.params);
  });

  // Progress

  app.get(`${BASE}/:goalId/progress`, {
    config: { access },
    schema: { tags, summary: 'The goal’s progress updates, oldest first', description: WHO_READS, params: GoalParams, response: { 200: ProgressListSchema, ...problemResponses } },
  }, async (request) => progressOfGoal(db, request.params.orgId, request.params.engagementId, viewerOf(request), request.params.goalId));

  app.post(`${BASE}/:goalId/progress`, {
    config: { access },
    schema: {
      tags, summary: 'Record a progress update: the value measured, on which date, with a note',
      description: `${WHO_WRITES} The update with the latest measured date becomes the goal’s current value; when every goal reaches its target, Cairn proposes closure.`,
      params: GoalParams, body: NewProgressBody, response: goalCreated,
    },
  }, async (request, reply) => {
    const { orgId, engagementId, goalId } = request.params;
    await run((trx) => recordProgress(trx, orgId, engagementId, viewerOf(request), goalId, request.body));
    return reply.status(201).send(await present(request, request.params));
  });

  app.delete(`${BASE}/:goalId/progress/:progressId`, {
    config: { access },
    schema: { tags, summary: 'Remove a progress update entered by mistake', description: WHO_WRITES, params: ProgressParams, response: goalAnswer },
  }, async (request) => {
    const { orgId, engagementId, goalId, progressId } = request.params;
    await run((trx) => deleteProgress(trx, orgId, engagementId, viewerOf(request), goalId, progressId));
    return present(request, request.params);
  });

  // GROW worksheet

  app.get(`${BASE}/:goalId/grow`, {
    config: { access },
    schema: {
      tags, summary: 'The goal’s GROW worksheet: the latest revision and every earlier one',
      description: 'Coaching content: the coach and the client only.', params: GoalParams, response: { 200: Type.Ref('GrowHistory'), ...problemResponses },
    },
  }, async (request) => growHistory(db, request.params.orgId, request.params.engagementId, viewerOf(request), request.params.goalId));

  app.post(`${BASE}/:goalId/grow`, {
    config: { access },
    schema: {
      tags, summary: 'Fill in or revisit the GROW worksheet (Goal, Reality, Options, Will): each time a new revision, the history kept',
      description: WHO_WRITES, params: GoalParams, body: GrowBody, response: { 201: Type.Ref('GrowHistory'), ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, engagementId, goalId } = request.params;
    await run((trx) => addGrowRevision(trx, orgId, engagementId, viewerOf(request), goalId, request.body));
    return reply.status(201).send(await growHistory(db, orgId, engagementId, viewerOf(request), goalId));
  });

  // Obstacles

  app.get(`${BASE}/:goalId/obstacles`, {
    config: { access },
    schema: {
      tags, summary: 'Obstacles logged against the goal, open and resolved', description: 'Coaching content: the coach and the client only.',
      params: GoalParams, response: { 200: ObstacleListSchema, ...problemResponses },
    },
  }, async (request) => obstaclesOfGoal(db, request.params.orgId, request.params.engagementId, viewerOf(request), request.params.goalId));

  app.post(`${BASE}/:goalId/obstacles`, {
    config: { access },
    schema: { tags, summary: 'Log an obstacle against the goal', description: WHO_WRITES, params: GoalParams, body: NewObstacleBody, response: goalCreated },
  }, async (request, reply) => {
    const { orgId, engagementId, goalId } = request.params;
    await run((trx) => logObstacle(trx, orgId, engagementId, viewerOf(request), goalId, request.body.description));
    return reply.status(201).send(await present(request, request.params));
  });

  app.post(`${BASE}/:goalId/obstacles/:obstacleId/resolve`, {
    config: { access },
    schema: {
      tags, summary: 'Mark an obstacle resolved, saying how (409 when already resolved)', description: WHO_WRITES,
      params: ObstacleParams, body: ResolveObstacleBody, response: goalAnswer,
    },
  }, async (request) => {
    const { orgId, engagementId, goalId, obstacleId } = request.params;
    await run((trx) => changeObstacle(trx, orgId, engagementId, viewerOf(request), goalId, obstacleId, { resolution: request.body.resolution }));
    return present(request, request.params);
  });

  app.post(`${BASE}/:goalId/obstacles/:obstacleId/reopen`, {
    config: { access },
    schema: { tags, summary: 'Reopen a resolved obstacle (its resolution is cleared)', description: WHO_WRITES, params: ObstacleParams, response: goalAnswer },
  }, async (request) => {
    const { orgId, engagementId, goalId, obstacleId } = request.params;
    await run((trx) => changeObstacle(trx, orgId, engagementId, viewerOf(request), goalId, obstacleId, { reopen: true }));
    return present(request, request.params);
  });
};
