import { expect } from 'vitest';
import type { ApiClient } from '../../../../test/support/app.ts';
import type { CoachingCast } from '../../../../test/support/coaching.ts';

/** Shared by the goal tests: a SMART goal body and the URLs of an engagement's goals. */
export const goalBody = (overrides: Record<string, unknown> = {}) => ({
  statement: 'Hold a one-to-one with each of my reports every fortnight',
  measure: 'One-to-ones held per fortnight, counted from my calendar',
  baselineValue: 2,
  targetValue: 8,
  unit: 'meetings',
  whyItMatters: 'My team told me they rarely get time with me',
  dueDate: '2027-02-01',
  ...overrides,
});

export const goalsUrl = (cast: CoachingCast, engagementId: string, rest = '') => `/api/orgs/${cast.orgId}/engagements/${engagementId}/goals${rest}`;

/** Writes a goal through the API (as the client unless told) and returns it. */
export async function buildGoal(cast: CoachingCast, engagementId: string, overrides: Record<string, unknown> = {}, as: ApiClient = cast.as.client) {
  const response = await as.post(goalsUrl(cast, engagementId), goalBody(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; currentValue: number; [key: string]: unknown };
}

/** A calendar date `days` from today (UTC), as progress updates need dates near today. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
