import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

/**
 * Organization-level gates for coaching routes. Inside an engagement, what a person may do
 * follows from their part in it (src/domain/coaching/engagement-permissions.ts), checked by
 * `loadEngagement` in engagement-access.ts.
 */
export const coachingPolicy = definePolicy('coaching', {
  /** Browse coaches, request coaching, take part in engagements one is a party to. */
  participate: EVERY_ROLE,
  /** Keep one's own coach profile. */
  coach: ['coach'],
  /** Assign coaches, see every engagement's state and attainment (never content). */
  administer: ['admin'],
});
