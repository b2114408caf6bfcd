import {
  IconBuildingCommunity, IconChartBar, IconCompass, IconHeartHandshake, IconHome, IconInbox, IconListDetails, IconMailShare, IconMessageCircle2,
  IconMessageCircleQuestion, IconRoute, IconSchool, IconSettings, IconSignRight, IconSitemap, IconUserCircle, IconUserSearch, IconUsers, IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '../api/client';

export interface NavEntry {
  label: string;
  /** Path inside the organization: '' is its home, 'members' is /orgs/:orgId/members. */
  path: string;
  icon: Icon;
  /** Who sees the entry; everyone when left out. */
  roles?: readonly Role[];
  section: 'main' | 'admin';
}

/**
 * The navigation, in order. A new feature adds its entry here (Coaching, Mentoring, Assessments,
 * Insights…), with the roles that may use it; the server still decides what each role may do.
 */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { label: 'Home', path: '', icon: IconHome, section: 'main' },
  { label: 'Coaching', path: 'coaching', icon: IconCompass, section: 'main' },
  { label: 'Find a coach', path: 'coaching/coaches', icon: IconUsersGroup, section: 'main' },
  { label: 'Mentoring', path: 'mentoring', icon: IconHeartHandshake, section: 'main' },
  { label: 'Find a mentor', path: 'mentoring/mentors', icon: IconUserSearch, section: 'main' },
  { label: 'Mentoring programs', path: 'mentoring/programs', icon: IconSchool, section: 'main' },
  { label: 'Assessments', path: 'assessments', icon: IconChartBar, section: 'main' },
  { label: '360° feedback', path: 'feedback', icon: IconMessageCircle2, section: 'main' },
  { label: 'Coaching or mentoring?', path: 'fit-guide', icon: IconSignRight, section: 'main' },
  { label: 'Members', path: 'members', icon: IconUsers, section: 'main' },
  { label: 'Profile', path: 'profile', icon: IconUserCircle, section: 'main' },
  { label: 'Coaching requests', path: 'coaching/requests', icon: IconMessageCircleQuestion, roles: ['admin'], section: 'admin' },
  { label: 'Engagements', path: 'coaching/engagements', icon: IconRoute, roles: ['admin'], section: 'admin' },
  { label: 'Manage programs', path: 'mentoring/admin', icon: IconSitemap, roles: ['admin'], section: 'admin' },
  { label: 'Invitations', path: 'invitations', icon: IconMailShare, roles: ['admin'], section: 'admin' },
  { label: 'Audit log', path: 'audit', icon: IconListDetails, roles: ['admin'], section: 'admin' },
  { label: 'Outbox', path: 'outbox', icon: IconInbox, roles: ['admin'], section: 'admin' },
  { label: 'Organization settings', path: 'settings', icon: IconSettings, roles: ['admin'], section: 'admin' },
];

export const SECTION_LABELS: Record<NavEntry['section'], string> = { main: 'Workspace', admin: 'Administration' };
export const ORG_ICON = IconBuildingCommunity;

export function navEntriesFor(roles: readonly Role[]): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => !entry.roles || entry.roles.some((role) => roles.includes(role)));
}

/**
 * The entry a page belongs to: the longest entry path the page's path starts with, so that
 * /coaching/coaches marks "Find a coach" and not also "Coaching".
 */
export function activeEntry(entries: readonly NavEntry[], pathname: string, base: string): NavEntry | undefined {
  const inside = pathname.startsWith(base) ? pathname.slice(base.length).replace(/^\/|\/$/g, '') : null;
  if (inside === null) return undefined;
  return entries
    .filter((entry) => (entry.path ? inside === entry.path || inside.startsWith(`${entry.path}/`) : inside === ''))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
