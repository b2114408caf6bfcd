import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import { coachingPolicy } from '../policy.ts';
import { EngagementParams } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import { ActionItemParams, ActionItemPatchBody, ActionItemSchema, ActionItemStatusSchema, NewActionItemBody } from './schemas.ts';
import { createActionItem, getActionItem, listActionItems, setActionItemStatus, updateActionItem } from './service.ts';

const access = coachingPolicy.access('participate');
const tags = ['coaching'];

/** What the client (or coach) committed to, owned by one of them, reviewed at the next session. */
export const actionItemRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = context;
  const itemAnswer = { 200: ActionItemSchema, ...problemResponses };

  app.post('/api/orgs/:orgId/engagements/:engagementId/action-items', {
    config: { access },
    schema: {
      tags, summary: 'Add an action item (coach or client), owned by the client or the coach, optionally from a session',
      params: EngagementParams, body: NewActionItemBody, response: { 201: ActionItemSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, engagementId } = request.params;
    const id = await db.transaction().execute((trx) => createActionItem(trx, orgId, engagementId, viewerOf(request), request.body));
    return reply.status(201).send(await getActionItem(db, orgId, id, viewerOf(request)));
  });

  app.get('/api/orgs/:orgId/engagements/:engagementId/action-items', {
    config: { access },
    schema: {
      tags, summary: 'The engagement’s action items (coach and client), optionally only open, done or dropped ones',
      params: EngagementParams,
      querystring: Type.Object({ status: Type.Optional(ActionItemStatusSchema) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ActionItemSchema) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listActionItems(db, request.params.orgId, request.params.engagementId, viewerOf(request), request.query.status) }));

  app.patch('/api/orgs/:orgId/action-items/:itemId', {
    config: { access },
    schema: { tags, summary: 'Change an action item’s title, owner or due date (coach or client)', params: ActionItemParams, body: ActionItemPatchBody, response: itemAnswer },
  }, async (request) => {
    await db.transaction().execute((trx) => updateActionItem(trx, request.params.orgId, request.params.itemId, viewerOf(request), request.body));
    return getActionItem(db, request.params.orgId, request.params.itemId, viewerOf(request));
  });

  app.post('/api/orgs/:orgId/action-items/:itemId/status', {
    config: { access },
    schema: {
      tags, summary: 'Mark an action item done or dropped, or reopen it (coach or client)',
      params: ActionItemParams, body: Type.Object({ status: ActionItemStatusSchema }, { additionalProperties: false }), response: itemAnswer,
    },
  }, async (request) => {
    await db.transaction().execute((trx) => setActionItemStatus(trx, request.params.orgId, request.params.itemId, viewerOf(request), request.body.status));
    return getActionItem(db, request.params.orgId, request.params.itemId, viewerOf(request));
  });
};
