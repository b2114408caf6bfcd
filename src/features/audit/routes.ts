import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { PageOf, PageQuery, problemResponses, Uuid } from '../../platform/http/schemas.ts';
import { auditPolicy } from './policy.ts';

const AuditEventSchema = Type.Object({
  id: Uuid,
  action: Type.String(),
  actorPersonId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
}, { $id: 'AuditEvent' });

export const auditRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(AuditEventSchema);
  const { db } = context;

  app.get('/api/orgs/:orgId/audit-events', {
    config: { access: auditPolicy.access('read') },
    schema: {
      tags: ['audit'],
      summary: 'Security-relevant events in this organization, newest first',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ action: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery }, { additionalProperties: false }),
      response: { 200: PageOf(Type.Ref('AuditEvent')), ...problemResponses },
    },
  }, async (request) => {
    const { page = 1, pageSize = 25, action } = request.query;
    let query = db.selectFrom('audit_events as e').leftJoin('people as p', 'p.id', 'e.actor_person_id').where('e.org_id', '=', request.params.orgId);
    if (action) query = query.where('e.action', '=', action);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query
      .select(['e.id', 'e.action', 'e.actor_person_id', 'p.name', 'e.subject_type', 'e.subject_id', 'e.detail', 'e.ip', 'e.created_at'])
      .orderBy('e.created_at', 'desc').orderBy('e.id', 'desc')
      .limit(pageSize).offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((row) => ({
        id: row.id, action: row.action, actorPersonId: row.actor_person_id, actorName: row.name, subjectType: row.subject_type,
        subjectId: row.subject_id, detail: JSON.parse(row.detail) as Record<string, unknown>, ip: row.ip, createdAt: row.created_at,
      })),
      page, pageSize, total: Number(total),
    };
  });
};
