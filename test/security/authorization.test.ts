import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/roles.ts';
import type { RegisteredRoute } from '../../src/platform/http/access.ts';
import { createTestApp, type ApiClient, type ApiResponse, type TestApp } from '../support/app.ts';
import { buildMember, buildOrganization, signedIn } from '../support/factories.ts';

/*
 * Generated from the app's own route table: every /api route is called anonymously, by a member
 * of another organization, and by a member holding each single role, and the answer must match
 * what the route declares. A new route is covered the moment it is registered.
 */
let t: TestApp;
let orgId: string;
const asRole = new Map<Role, ApiClient>();
/** Each caller's own person id: routes about a person are called about oneself (the widest right a role has). */
const selfOf = new Map<ApiClient, string>();
let foreigner: ApiClient;
let anonymous: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  orgId = await buildOrganization(t);
  for (const role of ROLES) {
    const person = await buildMember(t, orgId, [role]);
    const client = await signedIn(t, person);
    asRole.set(role, client);
    selfOf.set(client, person.id);
  }
  const otherOrg = await buildOrganization(t);
  const outsider = await buildMember(t, otherOrg, [...ROLES]);
  foreigner = await signedIn(t, outsider);
  selfOf.set(foreigner, outsider.id);
  anonymous = t.client();
});
afterAll(async () => { await t?.close(); });

function concreteUrl(route: RegisteredRoute, personId: string): string {
  return route.url
    .replace(':orgId', orgId)
    .replace(':personId', personId)
    .replace(':token', crypto.randomBytes(16).toString('hex'))
    .replace(/:[A-Za-z]+/g, () => crypto.randomUUID());
}

function call(client: ApiClient, route: RegisteredRoute): Promise<ApiResponse> {
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  return client.request(route.method, concreteUrl(route, selfOf.get(client) ?? crypto.randomUUID()), hasBody ? {} : undefined);
}

const isOrgNotFound = (response: ApiResponse) => response.status === 404 && response.body?.detail === 'Organization was not found.';

describe('authorization matrix, generated from the route table', () => {
  it('knows the routes it is about to check', () => {
    const routes = t.app.apiRoutes;
    expect(routes.length).toBeGreaterThan(15);
    // Anything under /api/orgs/:orgId belongs to an organization and must be guarded by a policy.
    for (const route of routes.filter((r) => r.url.startsWith('/api/orgs/:orgId'))) {
      expect(route.access.kind, `${route.method} ${route.url}`).toBe('org');
    }
  });

  it('refuses anonymous callers on every route that is not public', async () => {
    for (const route of t.app.apiRoutes.filter((r) => r.access.kind !== 'public')) {
      const response = await call(anonymous, route);
      expect(response.status, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 404, as for an unknown organization, to members of another organization', async () => {
    for (const route of t.app.apiRoutes.filter((r) => r.access.kind === 'org')) {
      const response = await call(foreigner, route);
      expect(isOrgNotFound(response), `${route.method} ${route.url} answered ${response.status}`).toBe(true);
    }
  });

  it('lets each role through exactly where the route’s policy allows it', async () => {
    for (const route of t.app.apiRoutes) {
      if (route.access.kind !== 'org') continue;
      for (const role of ROLES) {
        const response = await call(asRole.get(role)!, route);
        const label = `${route.method} ${route.url} as ${role}: ${response.status} ${response.body?.detail ?? ''}`;
        if (route.access.allowedRoles.includes(role)) {
          expect([401, 403].includes(response.status) || isOrgNotFound(response), label).toBe(false);
          expect(response.status, label).toBeLessThan(500);
        } else {
          expect(response.status, label).toBe(403);
        }
      }
    }
  });

  it('lets any signed-in person through on signed-in routes, and anyone on public ones', async () => {
    // Signing out last, so that the same session serves every other call.
    const routes = t.app.apiRoutes.filter((r) => r.access.kind !== 'org');
    routes.sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    for (const route of routes) {
      const response = await call(asRole.get('member')!, route);
      const label = `${route.method} ${route.url}: ${response.status}`;
      expect([401, 403].includes(response.status), label).toBe(false);
      expect(response.status, label).toBeLessThan(500);
    }
  });
});
