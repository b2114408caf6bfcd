import type { Role } from './api/client';

/** Every role the API knows; a role added to the API without a label here is a type error. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  coach: 'Coach',
  mentor: 'Mentor',
  member: 'Member',
  sponsor: 'Sponsor',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Program manager: runs programs, invites people, sees aggregate reports',
  coach: 'Runs coaching engagements and sessions',
  mentor: 'Mentors colleagues in programs or on request',
  member: 'Client or mentee: receives coaching and mentoring',
  sponsor: 'A client’s manager or HR in a three-way coaching agreement',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'grape',
  coach: 'cairn',
  mentor: 'blue',
  member: 'gray',
  sponsor: 'indigo',
};
