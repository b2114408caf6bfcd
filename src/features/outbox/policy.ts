import { definePolicy } from '../../domain/policy.ts';

export const outboxPolicy = definePolicy('outbox', { read: ['admin'] });
