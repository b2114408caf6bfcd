import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('the API description', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('serves an OpenAPI document in which every route states its input and its answers', async () => {
    const response = await t.client().get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body as { openapi: string; paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>> };
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBe(t.app.apiRoutes.filter((r) => r.url !== '/api/openapi.json').length);
    for (const { path, method, op } of operations) {
      const label = `${method.toUpperCase()} ${path}`;
      expect(op.summary, label).toBeTruthy();
      expect(Object.keys(op.responses).some((code) => /^2\d\d$/.test(code)), label).toBe(true);
      expect(Object.keys(op.responses), label).toContain('4XX');
    }
    for (const required of ['/api/health', '/api/auth/signup', '/api/auth/login', '/api/auth/logout', '/api/me', '/api/orgs/{orgId}/members']) {
      expect(Object.keys(document.paths)).toContain(required);
    }
  });

  it('serves a browsable reference at /api/docs', async () => {
    const response = await t.client().get('/api/docs/');
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain('swagger');
  });
});
