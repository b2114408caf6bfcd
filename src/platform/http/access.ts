import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OrgAccess } from '../../domain/policy.ts';
import { isRole, type Role } from '../../domain/roles.ts';
import { CSRF_COOKIE, CSRF_HEADER, findSession, SESSION_COOKIE, type SignedInSession } from '../auth/sessions.ts';
import { UUID_PATTERN } from '../ids.ts';
import { forbidden, notFound, Problem, unauthorized } from './problem.ts';

/**
 * Every /api route declares who may call it. `public`: anyone; `signedIn`: any signed-in person;
 * an OrgAccess (from a feature's policy): an active member of the organization in the path
 * holding one of the allowed roles.
 */
export type Access = { kind: 'public' } | { kind: 'signedIn' } | OrgAccess;

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: Access = { kind: 'signedIn' };

export interface OrgContext {
  orgId: string;
  roles: Role[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access: the authorization suite is generated from it. */
    apiRoutes: RegisteredRoute[];
  }
  interface FastifyRequest {
    session: SignedInSession | null;
    org: OrgContext | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installAccessControl(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('session', null);
  app.decorateRequest('org', null);
  const apiRoutes: RegisteredRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);

  // A route without a declared access rule is a mistake caught at start, not in production. The
  // rule is checked by a hook of the route's own, bound to it here once.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access });
    }
    route.onRequest = [accessCheck(db, access), ...[route.onRequest ?? []].flat()];
  });
}

/** Who may call a route: signs the session in from its cookie and holds the route's rule against it. */
function accessCheck(db: Kysely<Database>, access: Access) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await findSession(db, token) : null;

    if (access.kind === 'public') return;
    if (!request.session) throw unauthorized();
    if (UNSAFE_METHODS.has(request.method)) checkCsrf(request, request.session);
    if (access.kind === 'signedIn') return;

    const orgId = (request.params as { orgId?: string }).orgId;
    // An id that is not a UUID cannot name an organization; answer as for any unknown one.
    if (!orgId || !UUID_PATTERN.test(orgId)) throw notFound('Organization');
    const roles = activeRolesIn(request.session, orgId);
    if (!roles) throw notFound('Organization');
    if (!roles.some((role) => access.allowedRoles.includes(role))) {
      throw forbidden(`Your roles in this organization (${roles.join(', ') || 'none'}) do not allow ${access.permission}.`);
    }
    request.org = { orgId, roles };
  };
}

export function checkCsrf(request: FastifyRequest, session: SignedInSession): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent !== session.csrfToken) {
    throw new Problem(403, 'Missing CSRF token', `Send the value of the ${CSRF_COOKIE} cookie in the ${CSRF_HEADER} header.`);
  }
}

/**
 * The person's roles in an organization, or null when they are not an active member: from the
 * active memberships read with the session, in the same statement (no second round trip).
 */
function activeRolesIn(session: SignedInSession, orgId: string): Role[] | null {
  let member = false;
  const roles: Role[] = [];
  for (const row of session.memberships) {
    if (row.org_id !== orgId) continue;
    member = true;
    if (row.role !== null && isRole(row.role)) roles.push(row.role);
  }
  return member ? roles : null;
}

/** The signed-in person's session; only valid on routes whose access is not public. */
export function sessionOf(request: FastifyRequest): SignedInSession {
  if (!request.session) throw unauthorized();
  return request.session;
}

/** The signed-in person; only valid on routes whose access is not public. */
export function personIdOf(request: FastifyRequest): string {
  return sessionOf(request).personId;
}

export function orgOf(request: FastifyRequest): OrgContext {
  if (!request.org) throw unauthorized();
  return request.org;
}
