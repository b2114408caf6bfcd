import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { PageQuery, problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { replyKept } from '../../../platform/http/kept-reply.ts';
import { keptMentoringAnswers } from '../kept-answers.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { listNotices, markAllNoticesRead, markNoticeRead } from './service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const NoticeSchema = Type.Object({
  id: Uuid, kind: Type.String(), title: Type.String(), body: Type.String(), link: Nullable(Type.String()), createdAt: Type.String(), readAt: Nullable(Type.String()),
});

const NoticePage = Type.Object({
  items: Type.Array(NoticeSchema), page: Type.Integer(), pageSize: Type.Integer(),
  total: Type.Integer({ description: 'Notices matching the filter, over all pages' }), unread: Type.Integer({ description: 'Your unread notices in this organization' }),
});

export const noticeRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = context;

  app.get('/api/orgs/:orgId/notices', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['notices'], summary: 'Your notices in this organization, newest first, with the unread count',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ unreadOnly: Type.Optional(Type.Boolean()), ...PageQuery }, { additionalProperties: false }),
      response: { 200: NoticePage, ...problemResponses },
    },
  }, async (request, reply) => {
    const { unreadOnly, page = 1, pageSize = 25 } = request.query;
    const { orgId } = request.params;
    const { personId } = mentoringViewerOf(request);
    const key = [orgId, personId, unreadOnly ?? false, page, pageSize];
    return replyKept(reply, keptMentoringAnswers.notices, db, key, () => listNotices(db, orgId, personId, { unreadOnly, page, pageSize }));
  });

  app.post('/api/orgs/:orgId/notices/:noticeId/read', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['notices'], summary: 'Mark one of your notices read', params: Type.Object({ orgId: Uuid, noticeId: Uuid }),
      response: { 200: Type.Object({ unread: Type.Integer() }), ...problemResponses },
    },
  }, async (request) => {
    const { personId } = mentoringViewerOf(request);
    await db.transaction().execute((trx) => markNoticeRead(trx, request.params.orgId, personId, request.params.noticeId));
    return { unread: (await listNotices(db, request.params.orgId, personId, { unreadOnly: true, page: 1, pageSize: 1 })).unread };
  });

  app.post('/api/orgs/:orgId/notices/read-all', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['notices'], summary: 'Mark all your notices in this organization read', params: Type.Object({ orgId: Uuid }),
      response: { 200: Type.Object({ marked: Type.Integer(), unread: Type.Integer() }), ...problemResponses },
    },
  }, async (request) => {
    const { personId } = mentoringViewerOf(request);
    const marked = await db.transaction().execute((trx) => markAllNoticesRead(trx, request.params.orgId, personId));
    return { marked, unread: 0 };
  });
};
