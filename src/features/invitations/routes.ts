import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { checkCsrf, PUBLIC } from '../../platform/http/access.ts';
import { EmailSchema, NameSchema, OkSchema, PageOf, PageQuery, problemResponses, RoleSchema, Uuid } from '../../platform/http/schemas.ts';
import { PasswordSchema } from '../auth/routes.ts';
import { setSessionCookies } from '../auth/session-cookies.ts';
import { actorOf } from '../members/routes.ts';
import { invitationsPolicy } from './policy.ts';
import { acceptInvitation, invite, listInvitations, previewInvitation, revokeInvitation } from './service.ts';

const StateSchema = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('revoked'), Type.Literal('expired')]);

const InvitationSchema = Type.Object({
  id: Uuid, email: Type.String(), roles: Type.Array(RoleSchema), state: StateSchema, invitedByName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }), expiresAt: Type.String({ format: 'date-time' }),
}, { $id: 'Invitation' });

const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

export const invitationRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(InvitationSchema);
  const { db, mailer, config } = context;

  app.post('/api/orgs/:orgId/invitations', {
    config: { access: invitationsPolicy.access('invite') },
    schema: {
      tags: ['invitations'],
      summary: 'Invite someone by email with roles; the link expires after 7 days',
      description: 'A new invitation to the same address replaces a pending one.',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({
        email: EmailSchema,
        roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 5, uniqueItems: true }),
        message: Type.Optional(Type.String({ maxLength: 1000 })),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('Invitation'), ...problemResponses },
    },
  }, async (request, reply) => {
    const invitation = await db.transaction().execute((trx) => invite(trx, mailer, config, request.params.orgId, actorOf(request), request.body));
    void mailer.deliverPending();
    return reply.status(201).send(invitation);
  });

  app.get('/api/orgs/:orgId/invitations', {
    config: { access: invitationsPolicy.access('list') },
    schema: {
      tags: ['invitations'],
      summary: 'The organization’s invitations, newest first',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ state: Type.Optional(StateSchema), ...PageQuery }, { additionalProperties: false }),
      response: { 200: PageOf(Type.Ref('Invitation')), ...problemResponses },
    },
  }, async (request) => {
    const { page = 1, pageSize = 25, state } = request.query;
    return listInvitations(db, request.params.orgId, { state, page, pageSize });
  });

  app.delete('/api/orgs/:orgId/invitations/:invitationId', {
    config: { access: invitationsPolicy.access('revoke') },
    schema: {
      tags: ['invitations'], summary: 'Withdraw a pending invitation', params: Type.Object({ orgId: Uuid, invitationId: Uuid }),
      response: { 200: OkSchema, ...problemResponses },
    },
  }, async (request) => {
    await db.transaction().execute((trx) => revokeInvitation(trx, request.params.orgId, actorOf(request), request.params.invitationId));
    return { ok: true as const };
  });

  app.get('/api/invitations/:token', {
    config: { access: PUBLIC },
    schema: {
      tags: ['invitations'],
      summary: 'What an invitation link offers (for the accept page)',
      params: TokenParams,
      response: {
        200: Type.Object({
          orgName: Type.String(), email: Type.String(), roles: Type.Array(RoleSchema), invitedByName: Type.String(),
          state: StateSchema, expiresAt: Type.String({ format: 'date-time' }), accountExists: Type.Boolean(),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => previewInvitation(db, request.params.token));

  app.post('/api/invitations/:token/accept', {
    config: { access: PUBLIC },
    schema: {
      tags: ['invitations'],
      summary: 'Accept an invitation',
      description: 'Signed in as the invited address: send {}. An account exists: send its password. No account yet: send a name and a new password. Answers with a session cookie when it signs you in.',
      params: TokenParams,
      body: Type.Object({ name: Type.Optional(NameSchema), password: Type.Optional(PasswordSchema) }, { additionalProperties: false }),
      response: { 200: Type.Object({ orgId: Uuid, personId: Uuid, csrfToken: Type.Optional(Type.String()) }), ...problemResponses },
    },
  }, async (request, reply) => {
    // Public, but acting as the signed-in person makes it a cookie-authenticated write: same CSRF rule.
    if (request.session) checkCsrf(request, request.session);
    const result = await acceptInvitation(db, {
      token: request.params.token, signedInPersonId: request.session?.personId, ...request.body, ip: request.ip,
    });
    if (result.session) setSessionCookies(reply, config, result.session);
    return { orgId: result.orgId, personId: result.personId, ...(result.session ? { csrfToken: result.session.csrfToken } : {}) };
  });
};
