import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { PageOf, PageQuery, problemResponses, Uuid } from '../../platform/http/schemas.ts';
import { outboxPolicy } from './policy.ts';

const OutboxMessageSchema = Type.Object({
  id: Uuid, to: Type.String(), subject: Type.String(), text: Type.String(),
  status: Type.String(), createdAt: Type.String({ format: 'date-time' }), sentAt: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'OutboxMessage' });

export const outboxRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(OutboxMessageSchema);
  const { db, mailer } = context;

  app.get('/api/orgs/:orgId/outbox', {
    config: { access: outboxPolicy.access('read') },
    schema: {
      tags: ['outbox'],
      summary: 'Mail Cairn sent to this organization and its members, newest first',
      description: 'Without SMTP configured (devMode), mail is not delivered and this is where it can be read.',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
      response: { 200: Type.Intersect([PageOf(Type.Ref('OutboxMessage')), Type.Object({ devMode: Type.Boolean() })]), ...problemResponses },
    },
  }, async (request) => {
    const { page = 1, pageSize = 25 } = request.query;
    const orgId = request.params.orgId;
    // Mail about this organization; in dev mode also personal mail (password resets) to its
    // current members, who have no other mailbox. With real mail, a reset link is for its owner only.
    const query = db.selectFrom('outbox_messages as o').where((eb) => eb.or([
      eb('o.org_id', '=', orgId),
      ...(mailer.devMode ? [eb.and([
        eb('o.org_id', 'is', null),
        eb('o.to_email', 'in', eb.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id').select('p.email').where('m.org_id', '=', orgId).where('m.status', '=', 'active')),
      ])] : []),
    ]));
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query.selectAll('o').orderBy('o.created_at', 'desc').orderBy('o.id').limit(pageSize).offset((page - 1) * pageSize).execute();
    return {
      items: rows.map((row) => ({ id: row.id, to: row.to_email, subject: row.subject, text: row.body_text, status: row.status, createdAt: row.created_at, sentAt: row.sent_at })),
      page, pageSize, total: Number(total), devMode: mailer.devMode,
    };
  });
};
