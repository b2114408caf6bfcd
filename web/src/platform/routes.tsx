import { IconLock } from '@tabler/icons-react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { HomePage } from '../features/home/HomePage';
import { InvitationsPage } from '../features/invitations/InvitationsPage';
import { MemberDrawer } from '../features/members/MemberDrawer';
import { MembersPage } from '../features/members/MembersPage';
import { OrgSettingsPage } from '../features/organizations/OrgSettingsPage';
import { OutboxPage } from '../features/outbox/OutboxPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { NotFoundInOrg, NotFoundPage } from './NotFoundPage';
import type { Role } from './api/client';
import { HomeRedirect, OrgLayout, PersonalLayout, ProfileRedirect, WelcomePage } from './shell/layouts';
import { useOrg } from './shell/org-context';
import { Empty } from './ui/states';

/** Hides a page from people whose roles cannot use it (the server refuses them anyway). */
function RequireRole({ roles }: { roles: readonly Role[] }) {
  const org = useOrg();
  if (!org.roles.some((role) => roles.includes(role))) {
    return <Empty icon={<IconLock size={28} aria-hidden />} title="Only admins can open this page" order={1} description="Ask an admin of this organization if you need access." />;
  }
  return <Outlet />;
}

export const routes: RouteObject[] = [
  { path: '/', element: <HomeRedirect /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
  { path: '/profile', element: <ProfileRedirect personal={<ProfilePage />} /> },
  { element: <PersonalLayout />, children: [{ path: '/welcome', element: <WelcomePage /> }] },
  {
    path: '/orgs/:orgId',
    element: <OrgLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'members', element: <MembersPage />, children: [{ path: ':personId', element: <MemberDrawer /> }] },
      { path: 'profile', element: <ProfilePage /> },
      {
        element: <RequireRole roles={['admin']} />,
        children: [
          { path: 'invitations', element: <InvitationsPage /> },
          { path: 'audit', element: <AuditLogPage /> },
          { path: 'outbox', element: <OutboxPage /> },
          { path: 'settings', element: <OrgSettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundInOrg /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export const createRouter = () => createBrowserRouter(routes);
