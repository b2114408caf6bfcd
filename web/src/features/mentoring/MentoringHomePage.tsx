import { Badge, Button, Group, Tabs, VisuallyHidden } from '@mantine/core';
import { IconSchool, IconSettings, IconUsersGroup } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Loading } from '../../platform/ui/states';
import { useMentorHome, type MentorHome as MentorHomeData } from './api';
import { MenteeHome, MentorHome } from './Homes';
import { NoticesButton } from './NoticesPage';

type View = 'mentee' | 'mentor';
const VIEW_LABELS: Record<View, string> = { mentee: 'Your mentoring', mentor: 'You mentor' };

/** Someone mentors when they hold the role, or have mentees, requests to answer or places in a program. */
function mentors(roles: readonly string[], home: MentorHomeData | undefined): boolean {
  return roles.includes('mentor') || Boolean(home && (home.relationships.length || home.requests.length || home.load.length || home.toClose.length));
}

/** /orgs/:orgId/mentoring — the mentee's and (for mentors) the mentor's homes, as tabs. */
export function MentoringHomePage() {
  const { orgId, roles, isAdmin } = useOrg();
  const mentorHome = useMentorHome(orgId);
  const [params, setParams] = useSearchParams();
  const base = `/orgs/${orgId}/mentoring`;

  const header = (
    <PageHeader
      title="Mentoring"
      description="Open-ended relationships with someone who walked the trail before you; they last while you both find them worthwhile."
      actions={(
        <>
          <NoticesButton />
          {isAdmin && <Button component={Link} to={`${base}/admin`} variant="default" leftSection={<IconSettings size={16} aria-hidden />}>Manage programs</Button>}
          <Button component={Link} to={`${base}/programs`} variant="default" leftSection={<IconSchool size={16} aria-hidden />}>Programs</Button>
          <Button component={Link} to={`${base}/mentors`} leftSection={<IconUsersGroup size={16} aria-hidden />}>Find a mentor</Button>
        </>
      )}
    />
  );
  if (mentorHome.isPending) return <>{header}<Loading label="Loading your mentoring…" /></>;

  const views: View[] = mentors(roles, mentorHome.data) ? ['mentor', 'mentee'] : ['mentee'];
  const asked = params.get('view') as View | null;
  const view = asked && views.includes(asked) ? asked : views[0]!;
  const waiting = (mentorHome.data?.requests.length ?? 0) + (mentorHome.data?.pendingReviews.length ?? 0);

  if (views.length === 1) return <>{header}<MenteeHome /></>;
  return (
    <>
      {header}
      <Tabs value={view} onChange={(value) => value && setParams(value === views[0] ? {} : { view: value }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Your part in mentoring" mb="lg">
          {views.map((which) => (
            <Tabs.Tab key={which} value={which} fw={600}>
              <Group gap={6} wrap="nowrap">
                {VIEW_LABELS[which]}
                {which === 'mentor' && waiting > 0 && <Badge size="sm" color="amber" variant="filled" circle>{waiting}<VisuallyHidden> waiting for you</VisuallyHidden></Badge>}
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="mentor"><MentorHome /></Tabs.Panel>
        <Tabs.Panel value="mentee"><MenteeHome /></Tabs.Panel>
      </Tabs>
    </>
  );
}
