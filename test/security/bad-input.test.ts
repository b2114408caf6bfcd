import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/roles.ts';
import { createTestApp, type ApiClient, type ApiResponse, type TestApp } from '../support/app.ts';
import { buildMember, buildOrganization, signedIn } from '../support/factories.ts';

/*
 * Generated from the route table and the OpenAPI document: every route is sent malformed input by a
 * member who holds every role, and must answer a 4xx problem naming the trouble: never a 500.
 */
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[]; $ref?: string; maxLength?: number };

let t: TestApp;
let orgId: string;
let personId: string;
let caller: ApiClient;
let document: { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>; components?: { schemas?: Record<string, JsonSchema> } };

beforeAll(async () => {
  t = await createTestApp();
  orgId = await buildOrganization(t);
  const person = await buildMember(t, orgId, [...ROLES]);
  personId = person.id;
  caller = await signedIn(t, person);
  document = (await caller.get('/api/openapi.json')).body;
});
afterAll(async () => { await t?.close(); });

// Signing out would end the caller's session half-way through; it takes no body anyway.
const writes = () => t.app.apiRoutes.filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method) && route.url !== '/api/auth/logout');
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\{token\}\.ics$/, '{token}.ics');

function concrete(url: string): string {
  return url.replace(':orgId', orgId).replace(':personId', personId).replace(':token', crypto.randomBytes(16).toString('hex')).replace(/:[A-Za-z]+/g, () => crypto.randomUUID());
}

function bodySchema(route: { method: string; url: string }): JsonSchema | null {
  const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
  let schema = operation?.requestBody?.content['application/json']?.schema ?? null;
  if (schema?.$ref) schema = document.components?.schemas?.[schema.$ref.split('/').pop()!] ?? null;
  return schema;
}

function expectClientError(response: ApiResponse, label: string) {
  expect(response.status, `${label}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  expect(String(response.headers['content-type']), label).toContain('application/problem+json');
  expect(typeof response.body.detail, label).toBe('string');
}

describe('malformed input on every route', () => {
  it('answers malformed JSON, arrays and strings in place of objects with a 4xx problem', async () => {
    for (const route of writes()) {
      // Routes that take no body ignore a well-formed one; a malformed one is refused everywhere.
      const bodies = bodySchema(route) ? ['{"unterminated": ', '[]', '"just a string"', 'null'] : ['{"unterminated": '];
      for (const body of bodies) {
        expectClientError(await caller.request(route.method, concrete(route.url), body), `${route.method} ${route.url} with ${body}`);
      }
    }
  });

  it('refuses a 2 MB body with 413', async () => {
    const huge = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) });
    for (const route of writes()) {
      const response = await caller.request(route.method, concrete(route.url), huge);
      expect(response.status, `${route.method} ${route.url}`).toBe(413);
    }
  });

  it('names the field when a declared field has the wrong type, an unknown field is sent, or a string is far too long', async () => {
    let checked = 0;
    for (const route of writes()) {
      const schema = bodySchema(route);
      if (!schema?.properties) continue;
      const label = `${route.method} ${route.url}`;
      const unknown = await caller.request(route.method, concrete(route.url), { definitelyNotAField: 1 });
      expectClientError(unknown, `${label} with an unknown field`);
      for (const [field, property] of Object.entries(schema.properties)) {
        const types = [property.type, ...(property.anyOf ?? []).map((s) => s.type)].flat().filter(Boolean);
        const wrong = types.includes('string') ? { an: 'object' } : 'not-a-number-or-object';
        const response = await caller.request(route.method, concrete(route.url), { [field]: wrong });
        expectClientError(response, `${label} with ${field} of the wrong type`);
        // Access or lookups may refuse first (404/403/409); when validation answers, it names the field.
        if (response.status === 400 && response.body.errors) {
          expect(response.body.errors.map((e: { field: string }) => e.field).join(' '), label).toContain(field);
        }
        if (property.maxLength) {
          expectClientError(await caller.request(route.method, concrete(route.url), { [field]: 'y'.repeat(property.maxLength + 1) }), `${label} with an over-long ${field}`);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('answers malformed ids and junk query strings with a 4xx, on reads too', async () => {
    for (const route of t.app.apiRoutes.filter((r) => r.url.includes(':') && r.url !== '/api/calendar/:token.ics')) {
      const url = concrete(route.url).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => (id === orgId ? id : 'not-a-uuid'));
      if (url === concrete(route.url)) continue;
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      expectClientError(await caller.request(route.method, url, hasBody ? {} : undefined), `${route.method} ${url}`);
    }
    for (const route of t.app.apiRoutes.filter((r) => r.method === 'GET')) {
      const response = await caller.request('GET', `${concrete(route.url)}?page=-1&pageSize=100000&q=${'z'.repeat(5000)}`);
      expect(response.status, `GET ${route.url}`).toBeLessThan(500);
    }
  });
});
