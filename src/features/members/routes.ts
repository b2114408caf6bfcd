import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { orgOf, personIdOf } from '../../platform/http/access.ts';
import { replyKept } from '../../platform/http/kept-reply.ts';
import { OkSchema, PageQuery, problemResponses, RoleSchema, Uuid } from '../../platform/http/schemas.ts';
import { membersPolicy } from './policy.ts';
import { directoryPageKey, getMember, keptDirectoryPages, listMembers, setMemberActive, setRoles, updateMemberProfile, type Actor } from './service.ts';

/** What the directory shows of each member: enough to list, search and pick them. */
const directoryEntryFields = {
  personId: Uuid,
  name: Type.String(),
  email: Type.String(),
  title: Type.String(),
  department: Type.String(),
  managerName: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleSchema),
  status: Type.Union([Type.Literal('active'), Type.Literal('deactivated')]),
  joinedAt: Type.String({ format: 'date-time' }),
};

export const DirectoryEntrySchema = Type.Object(directoryEntryFields, { $id: 'DirectoryEntry' });

/** One member in full, as their page in the directory shows them. */
export const MemberSchema = Type.Object(
  {
    ...directoryEntryFields,
    managerPersonId: Type.Union([Uuid, Type.Null()]),
    timeZone: Type.String(),
    languages: Type.Array(Type.String()),
    bio: Type.String(),
  },
  { $id: 'Member' },
);

const MemberParams = Type.Object({ orgId: Uuid, personId: Uuid });

/**
 * A page of the directory in name order; the cursors lead to the neighbouring pages. Entries leave
 * out what only a member's own page shows (bio, languages, time zone): a page is a third smaller.
 */
const MemberPageSchema = Type.Object({
  items: Type.Array(Type.Ref('DirectoryEntry')),
  pageSize: Type.Integer(),
  total: Type.Integer({ description: 'Members matching the filters, over all pages' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'The page after this one; null on the last' }),
  previousCursor: Type.Union([Type.String(), Type.Null()], { description: 'The page before this one; null on the first' }),
});

export function actorOf(request: FastifyRequest): Actor {
  return { personId: personIdOf(request), roles: orgOf(request).roles, ip: request.ip };
}

export const memberRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(DirectoryEntrySchema);
  app.addSchema(MemberSchema);
  const { db } = context;

  app.get('/api/orgs/:orgId/members', {
    config: { access: membersPolicy.access('list') },
    schema: {
      tags: ['members'],
      summary: 'A page of the organization’s members',
      description: 'In name order, a page at a time: follow nextCursor / previousCursor. Each entry is a summary; GET /api/orgs/{orgId}/members/{personId} has the whole member. Search matches part of a name, email, title or department. Admins may also list deactivated members.',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200 })),
        role: Type.Optional(RoleSchema),
        status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('deactivated'), Type.Literal('all')])),
        cursor: Type.Optional(Type.String({ maxLength: 1200, pattern: '^[A-Za-z0-9_-]+$', description: 'A nextCursor or previousCursor from an earlier page of the same list; none for the first page' })),
        pageSize: PageQuery.pageSize,
      }, { additionalProperties: false }),
      response: { 200: MemberPageSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { pageSize = 25, ...filters } = request.query;
    const { orgId } = request.params;
    const query = { ...filters, pageSize };
    const viewer = actorOf(request);
    return replyKept(reply, keptDirectoryPages, db, directoryPageKey(orgId, query, viewer), () => listMembers(db, orgId, query, viewer));
  });

  app.get('/api/orgs/:orgId/members/:personId', {
    config: { access: membersPolicy.access('read') },
    schema: { tags: ['members'], summary: 'One member', params: MemberParams, response: { 200: Type.Ref('Member'), ...problemResponses } },
  }, async (request) => getMember(db, request.params.orgId, request.params.personId, actorOf(request)));

  app.patch('/api/orgs/:orgId/members/:personId', {
    config: { access: membersPolicy.access('editProfile') },
    schema: {
      tags: ['members'],
      summary: 'Change a member’s title, department or manager',
      description: 'Members change their own; admins anyone’s. The manager must be an active member and may not close a loop in the reporting line.',
      params: MemberParams,
      body: Type.Object({
        title: Type.Optional(Type.String({ maxLength: 200 })),
        department: Type.Optional(Type.String({ maxLength: 200 })),
        managerPersonId: Type.Optional(Type.Union([Uuid, Type.Null()])),
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('Member'), ...problemResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    await db.transaction().execute((trx) => updateMemberProfile(trx, request.params.orgId, actor, request.params.personId, request.body));
    return getMember(db, request.params.orgId, request.params.personId, actor);
  });

  app.put('/api/orgs/:orgId/members/:personId/roles', {
    config: { access: membersPolicy.access('manage') },
    schema: {
      tags: ['members'],
      summary: 'Replace a member’s roles',
      description: 'The last active admin cannot lose the admin role.',
      params: MemberParams,
      body: Type.Object({ roles: Type.Array(RoleSchema, { maxItems: 5, uniqueItems: true }) }, { additionalProperties: false }),
      response: { 200: Type.Ref('Member'), ...problemResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    await db.transaction().execute((trx) => setRoles(trx, request.params.orgId, actor, request.params.personId, request.body.roles));
    return getMember(db, request.params.orgId, request.params.personId, actor);
  });

  for (const [verb, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(`/api/orgs/:orgId/members/:personId/${verb}`, {
      config: { access: membersPolicy.access('manage') },
      schema: {
        tags: ['members'],
        summary: active ? 'Reactivate a member (undoes deactivation)' : 'Deactivate a member: they can no longer enter this organization; their history stays',
        params: MemberParams,
        response: { 200: OkSchema, ...problemResponses },
      },
    }, async (request) => {
      const actor = actorOf(request);
      await db.transaction().execute((trx) => setMemberActive(trx, request.params.orgId, actor, request.params.personId, active));
      return { ok: true as const };
    });
  }
};
