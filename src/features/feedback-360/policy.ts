import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

/**
 * Organization-level gates for 360 feedback. Inside a round, what a person may do follows from
 * their part in it (rounds.ts loadRound): its subject, or the coach of the engagement it belongs
 * to. Raters answer through their link, without an account (public routes). Admins set the
 * organization's anonymity rules and nothing else: they see no round, no rater, no answer.
 */
export const feedbackPolicy = definePolicy('feedback360', {
  /** Start rounds about oneself (or, as a coach, about one's client), and run them. */
  participate: EVERY_ROLE,
  /** The organization's anonymity rules: the minimum group size, whether a manager may be shown alone. */
  configure: ['admin'],
});
