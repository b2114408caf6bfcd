import { ROLES, type Role } from './roles.ts';

/**
 * A feature's policy: for each action, the roles that may take it inside an organization.
 * Routes declare `policy.access('action')`; services ask `policy.allows(roles, 'action')`.
 */
export interface OrgAccess {
  kind: 'org';
  permission: string;
  allowedRoles: readonly Role[];
}

export interface Policy<A extends string> {
  feature: string;
  rules: Readonly<Record<A, readonly Role[]>>;
  allows(roles: readonly Role[], action: A): boolean;
  access(action: A): OrgAccess;
}

export const EVERY_ROLE: readonly Role[] = ROLES;

export function definePolicy<A extends string>(feature: string, rules: Record<A, readonly Role[]>): Policy<A> {
  return {
    feature,
    rules,
    allows: (roles, action) => roles.some((role) => rules[action].includes(role)),
    access: (action) => ({ kind: 'org', permission: `${feature}.${action}`, allowedRoles: rules[action] }),
  };
}
