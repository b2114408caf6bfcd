/** What the sponsor (the client's manager or HR) may see, chosen explicitly in the agreement. */
export const SPONSOR_VISIBILITY = ['nothing', 'goals_progress', 'goals_progress_attendance'] as const;
export type SponsorVisibility = (typeof SPONSOR_VISIBILITY)[number];

export const SPONSOR_VISIBILITY_LABELS: Record<SponsorVisibility, string> = {
  nothing: 'Nothing beyond the engagement’s existence and state',
  goals_progress: 'Goals and progress toward them',
  goals_progress_attendance: 'Goals, progress and session attendance',
};

export const sponsorSeesGoals = (visibility: SponsorVisibility): boolean => visibility !== 'nothing';
export const sponsorSeesAttendance = (visibility: SponsorVisibility): boolean => visibility === 'goals_progress_attendance';

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'as_needed'] as const;
export type Cadence = (typeof CADENCES)[number];

export type AgreementParty = 'coach' | 'client' | 'sponsor';

/** The parties whose acceptance an agreement needs: three-way when there is a sponsor. */
export function requiredParties(hasSponsor: boolean): AgreementParty[] {
  return hasSponsor ? ['coach', 'client', 'sponsor'] : ['coach', 'client'];
}

export function allAccepted(hasSponsor: boolean, accepted: readonly AgreementParty[]): boolean {
  return requiredParties(hasSponsor).every((party) => accepted.includes(party));
}

/** The statement each party accepts, unless the agreement words its own limits. */
export const DEFAULT_CONFIDENTIALITY_LIMITS =
  'What is said in sessions stays between coach and client. The coach will break confidentiality only where the law requires it ' +
  'or where someone is at risk of serious harm, and will tell the client first where possible. The sponsor sees only what this agreement lists.';
