import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/auth/passwords.ts';
import { endSession } from '../../platform/auth/sessions.ts';
import { PUBLIC, SIGNED_IN } from '../../platform/http/access.ts';
import { EmailSchema, NameSchema, OkSchema, problemResponses, TimeZoneSchema, Uuid } from '../../platform/http/schemas.ts';
import { clearSessionCookies, setSessionCookies } from './session-cookies.ts';
import { authenticate, completePasswordReset, requestPasswordReset, signIn, signUp } from './service.ts';

export const PasswordSchema = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: `At least ${PASSWORD_MIN_LENGTH} characters` });

const SignedInSchema = Type.Object({ personId: Uuid, csrfToken: Type.String({ description: 'Send it back in the x-csrf-token header on writes' }) });

export const authRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db, config, mailer } = context;

  app.post('/api/auth/signup', {
    config: { access: PUBLIC },
    schema: {
      tags: ['auth'],
      summary: 'Create an account and a new organization with you as its admin; signs you in',
      body: Type.Object({
        name: NameSchema, email: EmailSchema, password: PasswordSchema, organizationName: NameSchema, timeZone: Type.Optional(TimeZoneSchema),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ personId: Uuid, orgId: Uuid, csrfToken: Type.String() }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { personId, orgId, session } = await signUp(db, { ...request.body, ip: request.ip });
    setSessionCookies(reply, config, session);
    return reply.status(201).send({ personId, orgId, csrfToken: session.csrfToken });
  });

  app.post('/api/auth/login', {
    config: { access: PUBLIC },
    schema: {
      tags: ['auth'],
      summary: 'Sign in; answers with a new session cookie',
      description: 'Five failed attempts for one account, or thirty from one address, within 15 minutes answer 429.',
      body: Type.Object({ email: EmailSchema, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) }, { additionalProperties: false }),
      response: { 200: SignedInSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const personId = await authenticate(db, request.body.email, request.body.password, request.ip);
    const session = await signIn(db, personId, request.ip, request.session?.sessionId);
    setSessionCookies(reply, config, session);
    return { personId, csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', {
    config: { access: SIGNED_IN },
    schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 200: OkSchema, ...problemResponses } },
  }, async (request, reply) => {
    if (request.session) await endSession(db, request.session.sessionId);
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  app.post('/api/auth/password-reset', {
    config: { access: PUBLIC },
    schema: {
      tags: ['auth'],
      summary: 'Email a one-time password reset link (valid one hour)',
      description: 'Answers 202 whether or not the address has an account.',
      body: Type.Object({ email: EmailSchema }, { additionalProperties: false }),
      response: { 202: OkSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    await requestPasswordReset(db, mailer, config, request.body.email, request.ip);
    void mailer.deliverPending();
    return reply.status(202).send({ ok: true as const });
  });

  app.post('/api/auth/password-reset/complete', {
    config: { access: PUBLIC },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with a reset link’s token; signs you in and ends your other sessions',
      body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: PasswordSchema }, { additionalProperties: false }),
      response: { 200: SignedInSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const session = await completePasswordReset(db, request.body.token, request.body.password, request.ip);
    setSessionCookies(reply, config, session);
    return { personId: session.personId, csrfToken: session.csrfToken };
  });
};
