import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

/** Who may see and manage an organization's members. */
export const membersPolicy = definePolicy('members', {
  /** The directory: every member sees colleagues' names, titles and departments. */
  list: EVERY_ROLE,
  read: EVERY_ROLE,
  /** Own profile for everyone; anyone's for admins (checked in the service). */
  editProfile: EVERY_ROLE,
  manage: ['admin'],
});
