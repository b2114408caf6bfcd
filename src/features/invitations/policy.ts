import { definePolicy } from '../../domain/policy.ts';

export const invitationsPolicy = definePolicy('invitations', {
  list: ['admin'],
  invite: ['admin'],
  revoke: ['admin'],
});
