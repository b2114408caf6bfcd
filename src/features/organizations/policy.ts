import { definePolicy, EVERY_ROLE } from '../../domain/policy.ts';

export const organizationsPolicy = definePolicy('organizations', {
  read: EVERY_ROLE,
  updateSettings: ['admin'],
});
