import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { personIdOf, sessionOf, SIGNED_IN } from '../../platform/http/access.ts';
import { NameSchema, problemResponses, RoleSchema, TimeZoneSchema, Uuid } from '../../platform/http/schemas.ts';
import { findSessionById, SESSION_TABLES, type SignedInSession } from '../../platform/auth/sessions.ts';
import { answerCache } from '../../platform/cache/answer-cache.ts';
import type { KeptJson } from '../../platform/cache/kept-json.ts';
import { replyKept } from '../../platform/http/kept-reply.ts';
import { unauthorized } from '../../platform/http/problem.ts';
import { groupMemberships, presentPerson, updateProfile } from './service.ts';

const PersonSchema = Type.Object(
  { id: Uuid, email: Type.String(), name: Type.String(), timeZone: Type.String(), languages: Type.Array(Type.String()), bio: Type.String() },
  { $id: 'Person' },
);

const MeSchema = Type.Object({
  person: Type.Ref('Person'),
  memberships: Type.Array(Type.Object({
    orgId: Uuid, orgName: Type.String(), roles: Type.Array(RoleSchema), title: Type.String(), department: Type.String(),
  })),
  csrfToken: Type.String(),
}, { $id: 'Me' });

/** GET /api/me as sent, per session, until the session's person, memberships or roles change. */
const keptMe = answerCache<KeptJson>({ reads: SESSION_TABLES, maxAgeMs: 60_000, maxEntries: 10_000 });

export const peopleRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(PersonSchema);
  app.addSchema(MeSchema);
  const { db } = context;

  // The session was read with the person and their memberships (platform/auth/sessions.ts): GET
  // /api/me, the first request of every page load, costs no query of its own.
  const me = (session: SignedInSession) => ({
    person: presentPerson(session.person), memberships: groupMemberships(session.memberships), csrfToken: session.csrfToken,
  });

  app.get('/api/me', {
    config: { access: SIGNED_IN },
    schema: { tags: ['people'], summary: 'The signed-in person and the organizations they may enter, with their roles', response: { 200: Type.Ref('Me'), ...problemResponses } },
  }, async (request, reply) => {
    const session = sessionOf(request);
    return replyKept(reply, keptMe, db, [session.sessionId], async () => me(session));
  });

  app.patch('/api/me', {
    config: { access: SIGNED_IN },
    schema: {
      tags: ['people'],
      summary: 'Change your name, time zone, languages or bio',
      body: Type.Object({
        name: Type.Optional(NameSchema),
        timeZone: Type.Optional(TimeZoneSchema),
        languages: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), { maxItems: 10 })),
        bio: Type.Optional(Type.String({ maxLength: 2000 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('Me'), ...problemResponses },
    },
  }, async (request) => {
    await updateProfile(db, personIdOf(request), request.body);
    // The person as changed, read as every request reads them.
    const changed = await findSessionById(db, sessionOf(request).sessionId);
    if (!changed) throw unauthorized();
    return me(changed);
  });
};
