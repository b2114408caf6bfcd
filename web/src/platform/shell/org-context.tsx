import { createContext, useContext } from 'react';
import type { Role } from '../api/client';
import type { Me, Membership } from '../api/queries';

export interface OrgContextValue {
  orgId: string;
  membership: Membership;
  me: Me;
  roles: readonly Role[];
  isAdmin: boolean;
}

export const OrgContext = createContext<OrgContextValue | null>(null);

/** The organization in the URL and the signed-in person's place in it; only inside /orgs/:orgId. */
export function useOrg(): OrgContextValue {
  const value = useContext(OrgContext);
  if (!value) throw new Error('useOrg() is only available on /orgs/:orgId pages');
  return value;
}

const LAST_ORG_KEY = 'cairn.lastOrgId';

export function rememberOrg(orgId: string): void {
  try {
    localStorage.setItem(LAST_ORG_KEY, orgId);
  } catch {
    // Storage can be off (private mode); the choice is then simply not remembered.
  }
}

export function lastOrg(): string | null {
  try {
    return localStorage.getItem(LAST_ORG_KEY);
  } catch {
    return null;
  }
}

/** Where a signed-in person lands: the organization they used last, else their first. */
export function homeOrgOf(me: Me): string | null {
  const remembered = lastOrg();
  if (remembered && me.memberships.some((membership) => membership.orgId === remembered)) return remembered;
  return me.memberships[0]?.orgId ?? null;
}
