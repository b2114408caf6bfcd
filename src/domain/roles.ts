/** Roles a person holds in one organization; one person may hold several. */
export const ROLES = ['admin', 'coach', 'mentor', 'member', 'sponsor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Program manager / admin',
  coach: 'Coach',
  mentor: 'Mentor',
  member: 'Member (client / mentee)',
  sponsor: 'Sponsor',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles in a stable order, without repeats, so that stored and shown lists agree. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
