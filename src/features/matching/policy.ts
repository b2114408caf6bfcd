import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

/**
 * Who may use matching. Admins configure it, run it, review and publish proposals; a mentee in a
 * self-match program reads their own suggestions (the service checks they are enrolled).
 */
export const matchingPolicy = definePolicy('matching', {
  administer: ['admin'],
  selfMatch: EVERY_ROLE,
});
