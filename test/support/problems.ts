import { expect } from 'vitest';
import type { ApiResponse } from './app.ts';

/**
 * Asserts an error answer: the status, application/problem+json with a human detail, and (when
 * given) a field named in `errors` — what a client needs to show the person what went wrong.
 */
export function expectProblem(response: ApiResponse, status: number, field?: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status } });
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.detail.length).toBeGreaterThan(0);
  if (field !== undefined) {
    const fields = ((response.body.errors ?? []) as { field: string }[]).map((error) => error.field);
    expect(fields, `errors should name ${field}: ${response.body.detail}`).toContain(field);
    expect(response.body.detail).toContain(field);
  }
}
