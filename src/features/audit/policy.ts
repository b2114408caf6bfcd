import { definePolicy } from '../../domain/policy.ts';

export const auditPolicy = definePolicy('audit', { read: ['admin'] });
