import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { personIdOf, SIGNED_IN } from '../../platform/http/access.ts';
import { NameSchema, problemResponses, TimeZoneSchema, Uuid } from '../../platform/http/schemas.ts';
import { organizationsPolicy } from './policy.ts';
import { createOrganization, getOrganization, updateOrganization } from './service.ts';

const OrganizationSchema = Type.Object(
  { id: Uuid, name: Type.String(), defaultTimeZone: Type.String(), createdAt: Type.String({ format: 'date-time' }) },
  { $id: 'Organization' },
);

export const organizationRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(OrganizationSchema);
  const { db } = context;

  app.post('/api/orgs', {
    config: { access: SIGNED_IN },
    schema: {
      tags: ['organizations'],
      summary: 'Create another organization, with you as its admin',
      body: Type.Object({ name: NameSchema, defaultTimeZone: Type.Optional(TimeZoneSchema) }, { additionalProperties: false }),
      response: { 201: Type.Ref('Organization'), ...problemResponses },
    },
  }, async (request, reply) => {
    const id = await db.transaction().execute((trx) =>
      createOrganization(trx, { ...request.body, founderPersonId: personIdOf(request), ip: request.ip }));
    return reply.status(201).send(await getOrganization(db, id));
  });

  app.get('/api/orgs/:orgId', {
    config: { access: organizationsPolicy.access('read') },
    schema: { tags: ['organizations'], summary: 'The organization and its settings', params: Type.Object({ orgId: Uuid }), response: { 200: Type.Ref('Organization'), ...problemResponses } },
  }, async (request) => getOrganization(db, request.params.orgId));

  app.patch('/api/orgs/:orgId', {
    config: { access: organizationsPolicy.access('updateSettings') },
    schema: {
      tags: ['organizations'],
      summary: 'Change the organization’s name or default time zone',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({ name: Type.Optional(NameSchema), defaultTimeZone: Type.Optional(TimeZoneSchema) }, { additionalProperties: false }),
      response: { 200: Type.Ref('Organization'), ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => updateOrganization(trx, request.params.orgId, personIdOf(request), request.body, request.ip));
    return getOrganization(db, request.params.orgId);
  });
};
