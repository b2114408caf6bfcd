import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

/**
 * Organization-level gates for mentoring. Inside a relationship, what a person may do follows
 * from their part in it (relationship-access.ts); the program admin sees health and counts,
 * never check-in notes, reflections or review answers.
 */
export const mentoringPolicy = definePolicy('mentoring', {
  /** Browse programs and mentors, enroll, request a mentor, take part in one's relationships. */
  participate: EVERY_ROLE,
  /** Offer oneself as a mentor outside programs. */
  mentor: ['mentor'],
  /** Create and run programs, approve enrollment, pair people, see program health. */
  administer: ['admin'],
});
