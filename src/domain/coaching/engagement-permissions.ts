import type { EngagementActor } from './engagement-lifecycle.ts';
import { sponsorSeesAttendance, sponsorSeesGoals, type SponsorVisibility } from './agreement.ts';

/**
 * Who may do what inside one engagement. The admin runs the offering but never reads session
 * content; the sponsor sees only what the accepted agreement lists; private notes are not here at
 * all: only their author coach reads them (see `mayReadPrivateNote`).
 */
export const ENGAGEMENT_PERMISSIONS = {
  viewOverview: ['coach', 'client', 'sponsor', 'admin'],
  viewAgreement: ['coach', 'client', 'sponsor', 'admin'],
  acceptAgreement: ['coach', 'client', 'sponsor'],
  amendAgreement: ['coach', 'admin'],
  viewContent: ['coach', 'client'],
  editGoals: ['coach', 'client'],
  recordProgress: ['coach', 'client'],
  scheduleSession: ['coach', 'client'],
  setFocus: ['client'],
  writeSharedNote: ['coach', 'client'],
  writeObservation: ['coach'],
  writePrivateNote: ['coach'],
  manageActionItems: ['coach', 'client'],
  rateSession: ['client'],
  recordAttendance: ['coach'],
  closeAsClient: ['client'],
  closeAsCoach: ['coach'],
} as const satisfies Record<string, readonly EngagementActor[]>;

export type EngagementPermission = keyof typeof ENGAGEMENT_PERMISSIONS;

export function mayInEngagement(actors: readonly EngagementActor[], permission: EngagementPermission): boolean {
  return actors.some((actor) => (ENGAGEMENT_PERMISSIONS[permission] as readonly EngagementActor[]).includes(actor));
}

/** The sponsor's view widens only with the agreement every party accepted. */
export function sponsorMaySee(visibility: SponsorVisibility | null, what: 'goals' | 'attendance'): boolean {
  if (!visibility) return false;
  return what === 'goals' ? sponsorSeesGoals(visibility) : sponsorSeesAttendance(visibility);
}

/** A coach's private note is readable by its author, and by no one else, ever. */
export function mayReadPrivateNote(note: { authorPersonId: string }, readerPersonId: string): boolean {
  return note.authorPersonId === readerPersonId;
}

export function engagementActors(
  engagement: { coachPersonId: string; clientPersonId: string; sponsorPersonId: string | null },
  personId: string,
  isOrgAdmin: boolean,
): EngagementActor[] {
  const actors: EngagementActor[] = [];
  if (engagement.coachPersonId === personId) actors.push('coach');
  if (engagement.clientPersonId === personId) actors.push('client');
  if (engagement.sponsorPersonId === personId) actors.push('sponsor');
  if (isOrgAdmin) actors.push('admin');
  return actors;
}
