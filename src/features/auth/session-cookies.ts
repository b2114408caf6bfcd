import type { FastifyReply } from 'fastify';
import type { CairnConfig } from '../../platform/config.ts';
import { CSRF_COOKIE, SESSION_COOKIE, type NewSession } from '../../platform/auth/sessions.ts';

const MAX_AGE_SECONDS = 90 * 24 * 60 * 60;

export function setSessionCookies(reply: FastifyReply, config: CairnConfig, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: MAX_AGE_SECONDS,
  });
  // Readable by the web app, which echoes it in the x-csrf-token header; a foreign site cannot read it.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, {
    httpOnly: false, sameSite: 'strict', secure: config.secureCookies, path: '/', maxAge: MAX_AGE_SECONDS,
  });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
