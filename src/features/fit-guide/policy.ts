import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

/**
 * The fit guide itself is public (no account needed). Inside an organization, any member may keep
 * their own results, with consent; no role reads anyone else's, so there is no admin action here.
 */
export const fitGuidePolicy = definePolicy('fitGuide', {
  keepOwnResults: EVERY_ROLE,
});
