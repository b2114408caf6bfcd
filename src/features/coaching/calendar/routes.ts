import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { personIdOf, PUBLIC } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/problem.ts';
import { OkSchema, problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { coachingPolicy } from '../policy.ts';
import { createFeed, FEED_TOKEN_PATTERN, feedStatus, renderFeed, revokeFeed } from './service.ts';

const tags = ['coaching'];
const OrgParams = Type.Object({ orgId: Uuid });

export const calendarRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db, config } = context;
  const access = coachingPolicy.access('participate');

  app.get('/api/orgs/:orgId/calendar-feed', {
    config: { access },
    schema: {
      tags, summary: 'Whether you have a calendar feed of your sessions in this organization (its URL is shown only when made)',
      params: OrgParams,
      response: { 200: Type.Object({ active: Type.Boolean(), createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) }), ...problemResponses },
    },
  }, async (request) => feedStatus(db, request.params.orgId, personIdOf(request)));

  app.post('/api/orgs/:orgId/calendar-feed', {
    config: { access },
    schema: {
      tags, summary: 'Make your private calendar feed (iCalendar), revoking any earlier one; the secret URL is shown this once',
      description: 'Subscribe to the URL from a calendar application. Anyone holding it sees your session times and the other party’s name, never focus or notes.',
      params: OrgParams,
      response: {
        201: Type.Object({ url: Type.String(), webcalUrl: Type.String(), createdAt: Type.String({ format: 'date-time' }) }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const feed = await db.transaction().execute((trx) => createFeed(trx, request.params.orgId, personIdOf(request), config.publicUrl));
    return reply.status(201).header('cache-control', 'no-store').send(feed);
  });

  app.delete('/api/orgs/:orgId/calendar-feed', {
    config: { access },
    schema: { tags, summary: 'Revoke your calendar feed: its URL stops working', params: OrgParams, response: { 200: OkSchema, ...problemResponses } },
  }, async (request) => {
    await db.transaction().execute((trx) => revokeFeed(trx, request.params.orgId, personIdOf(request)));
    return { ok: true as const };
  });

  app.get('/api/calendar/:token.ics', {
    config: { access: PUBLIC },
    // The URL is the secret: keep it out of the request log.
    logLevel: 'warn',
    schema: {
      tags, summary: 'A calendar feed (text/calendar) of one person’s sessions, at its secret URL',
      params: Type.Object({ token: Type.String({ pattern: FEED_TOKEN_PATTERN, description: 'The secret token of the feed' }) }),
      response: { 200: { description: 'An iCalendar document', content: { 'text/calendar': { schema: Type.String() } } }, ...problemResponses },
    },
  }, async (request, reply) => {
    const body = await renderFeed(db, request.params.token);
    if (body === null) throw notFound('Calendar feed');
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .header('x-robots-tag', 'noindex')
      .send(body);
  });
};
