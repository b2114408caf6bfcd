/** An invitation's state follows from its timestamps; nothing stores it twice. */
export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationState(
  invitation: { accepted_at: string | null; revoked_at: string | null; expires_at: string },
  now: Date = new Date(),
): InvitationState {
  if (invitation.accepted_at) return 'accepted';
  if (invitation.revoked_at) return 'revoked';
  if (Date.parse(invitation.expires_at) <= now.getTime()) return 'expired';
  return 'pending';
}
