import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

/**
 * Organization-level gate for assessments: every member may take instruments and keep their own
 * results. Who else sees a result follows from the attempt, not from a role: its owner; the coach
 * of the engagement it was taken within (or assigned through); people the owner shared it with.
 * Assigning needs the coach's part in the engagement (checked by loadEngagement), which a mentor
 * also holds in a mentoring relationship that borrows coaching tools. No role, admin included,
 * reads someone else's results.
 */
export const assessmentsPolicy = definePolicy('assessments', {
  take: EVERY_ROLE,
});
