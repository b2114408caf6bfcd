import { IconLock } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
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

/** A page loaded on first visit, so the sign-in page does not wait for the admin screens. */
function page<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType): RouteObject['lazy'] {
  return async () => ({ Component: pick(await load()) });
}

export const routes: RouteObject[] = [
  { path: '/', element: <HomeRedirect /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', lazy: page(() => import('../features/auth/SignUpPage'), (m) => m.SignUpPage) },
  { path: '/forgot-password', lazy: page(() => import('../features/auth/ForgotPasswordPage'), (m) => m.ForgotPasswordPage) },
  { path: '/reset-password', lazy: page(() => import('../features/auth/ResetPasswordPage'), (m) => m.ResetPasswordPage) },
  { path: '/invitations/:token', lazy: page(() => import('../features/auth/AcceptInvitationPage'), (m) => m.AcceptInvitationPage) },
  // Public: the fit guide (no account), and a 360 rater's page reached through their emailed link.
  { path: '/fit', lazy: page(() => import('../features/fit-guide/FitGuidePage'), (m) => m.FitGuidePage) },
  { path: '/fit/about', lazy: page(() => import('../features/fit-guide/FitAboutPage'), (m) => m.FitAboutPage) },
  { path: '/fit/results/:code', lazy: page(() => import('../features/fit-guide/FitResultPage'), (m) => m.FitResultPage) },
  { path: '/fit/go/:step', lazy: page(() => import('../features/fit-guide/FitNextStepPage'), (m) => m.FitNextStepPage) },
  { path: '/feedback/:token', lazy: page(() => import('../features/feedback/RaterPage'), (m) => m.RaterPage) },
  { path: '/profile', element: <ProfileRedirect personal={<ProfilePage />} /> },
  { element: <PersonalLayout />, children: [{ path: '/welcome', element: <WelcomePage /> }] },
  {
    path: '/orgs/:orgId',
    element: <OrgLayout />,
    children: [
      { index: true, lazy: page(() => import('../features/home/HomePage'), (m) => m.HomePage) },
      {
        path: 'members',
        lazy: page(() => import('../features/members/MembersPage'), (m) => m.MembersPage),
        children: [{ path: ':personId', lazy: page(() => import('../features/members/MemberDrawer'), (m) => m.MemberDrawer) }],
      },
      { path: 'profile', element: <ProfilePage /> },
      {
        path: 'coaching',
        children: [
          { index: true, lazy: page(() => import('../features/coaching/CoachingHomePage'), (m) => m.CoachingHomePage) },
          { path: 'coaches', lazy: page(() => import('../features/coaching/CoachDirectoryPage'), (m) => m.CoachDirectoryPage) },
          { path: 'engagements/:engagementId', lazy: page(() => import('../features/coaching/EngagementPage'), (m) => m.EngagementPage) },
          { path: 'sessions/:sessionId', lazy: page(() => import('../features/coaching/SessionPage'), (m) => m.SessionPage) },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: 'requests', lazy: page(() => import('../features/coaching/RequestsInboxPage'), (m) => m.RequestsInboxPage) },
              { path: 'engagements', lazy: page(() => import('../features/coaching/EngagementsOverviewPage'), (m) => m.EngagementsOverviewPage) },
            ],
          },
        ],
      },
      { path: 'fit-guide', lazy: page(() => import('../features/fit-guide/SavedResultsPage'), (m) => m.SavedResultsPage) },
      {
        path: 'assessments',
        children: [
          { index: true, lazy: page(() => import('../features/assessments/AssessmentsPage'), (m) => m.AssessmentsPage) },
          { path: 'attempts/:attemptId', lazy: page(() => import('../features/assessments/AttemptPage'), (m) => m.AttemptPage) },
          { path: 'engagements/:engagementId', lazy: page(() => import('../features/assessments/EngagementAssessmentsPage'), (m) => m.EngagementAssessmentsPage) },
        ],
      },
      {
        path: 'feedback',
        children: [
          { index: true, lazy: page(() => import('../features/feedback/FeedbackPage'), (m) => m.FeedbackPage) },
          { path: ':roundId', lazy: page(() => import('../features/feedback/RoundPage'), (m) => m.RoundPage) },
          { path: ':roundId/self', lazy: page(() => import('../features/feedback/SelfAssessmentPage'), (m) => m.SelfAssessmentPage) },
          { path: ':roundId/report', lazy: page(() => import('../features/feedback/ReportPage'), (m) => m.ReportPage) },
        ],
      },
      {
        path: 'mentoring',
        children: [
          { index: true, lazy: page(() => import('../features/mentoring/MentoringHomePage'), (m) => m.MentoringHomePage) },
          { path: 'mentors', lazy: page(() => import('../features/mentoring/MentorDirectoryPage'), (m) => m.MentorDirectoryPage) },
          { path: 'relationships/:relationshipId', lazy: page(() => import('../features/mentoring/RelationshipPage'), (m) => m.RelationshipPage) },
          { path: 'programs', lazy: page(() => import('../features/mentoring/ProgramsPage'), (m) => m.ProgramsPage) },
          { path: 'programs/:programId', lazy: page(() => import('../features/mentoring/ProgramPage'), (m) => m.ProgramPage) },
          { path: 'programs/:programId/suggestions', lazy: page(() => import('../features/matching/SuggestionsPage'), (m) => m.SuggestionsPage) },
          { path: 'notices', lazy: page(() => import('../features/mentoring/NoticesPage'), (m) => m.NoticesPage) },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: 'admin', lazy: page(() => import('../features/mentoring/ManageProgramsPage'), (m) => m.ManageProgramsPage) },
              { path: 'admin/new', lazy: page(() => import('../features/mentoring/ManageProgramsPage'), (m) => m.NewProgramPage) },
              { path: 'admin/programs/:programId', lazy: page(() => import('../features/mentoring/ProgramAdminPage'), (m) => m.ProgramAdminPage) },
              { path: 'admin/programs/:programId/matching', lazy: page(() => import('../features/matching/MatchingPage'), (m) => m.MatchingPage) },
            ],
          },
        ],
      },
      {
        element: <RequireRole roles={['admin']} />,
        children: [
          { path: 'invitations', lazy: page(() => import('../features/invitations/InvitationsPage'), (m) => m.InvitationsPage) },
          { path: 'audit', lazy: page(() => import('../features/audit/AuditLogPage'), (m) => m.AuditLogPage) },
          { path: 'outbox', lazy: page(() => import('../features/outbox/OutboxPage'), (m) => m.OutboxPage) },
          { path: 'settings', lazy: page(() => import('../features/organizations/OrgSettingsPage'), (m) => m.OrgSettingsPage) },
        ],
      },
      { path: '*', element: <NotFoundInOrg /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export const createRouter = () => createBrowserRouter(routes);
