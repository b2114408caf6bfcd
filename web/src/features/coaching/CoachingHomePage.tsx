import { Button, Tabs } from '@mantine/core';
import { IconInbox, IconRoute, IconUsersGroup } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { Role } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { LoadError, Loading } from '../../platform/ui/states';
import { useMyEngagements, type EngagementSummary } from './api';
import { ClientHome } from './ClientHome';
import { CoachHome } from './CoachHome';
import { SponsorHome } from './SponsorHome';

type View = 'coach' | 'client' | 'sponsor';
const VIEW_LABELS: Record<View, string> = { coach: 'Your practice', client: 'Your coaching', sponsor: 'You sponsor' };

/**
 * The homes a person has: the coach's practice for coaches, the sponsor's view for sponsors, and
 * "your coaching" for clients (and anyone with no other part, who may ask for coaching).
 */
export function homeViews(roles: readonly Role[], engagements: readonly EngagementSummary[], personId: string): View[] {
  const views: View[] = [];
  if (roles.includes('coach') || engagements.some((e) => e.coach.personId === personId)) views.push('coach');
  if (roles.includes('member') || engagements.some((e) => e.client.personId === personId)) views.push('client');
  if (roles.includes('sponsor') || engagements.some((e) => e.sponsor?.personId === personId)) views.push('sponsor');
  if (views.length === 0) views.push('client');
  return views;
}

/** /orgs/:orgId/coaching — the right home for the person's part(s), as tabs when they have several. */
export function CoachingHomePage() {
  const { orgId, roles, me, isAdmin } = useOrg();
  const mine = useMyEngagements(orgId);
  const [params, setParams] = useSearchParams();
  const base = `/orgs/${orgId}/coaching`;

  const header = (
    <PageHeader
      title="Coaching"
      description="Engagements with a coach: goals you measure, sessions whose focus the client chooses, and an agreement everyone accepted."
      actions={(
        <>
          {isAdmin && <Button component={Link} to={`${base}/requests`} variant="default" leftSection={<IconInbox size={16} aria-hidden />}>Requests</Button>}
          {isAdmin && <Button component={Link} to={`${base}/engagements`} variant="default" leftSection={<IconRoute size={16} aria-hidden />}>All engagements</Button>}
          <Button component={Link} to={`${base}/coaches`} leftSection={<IconUsersGroup size={16} aria-hidden />}>Find a coach</Button>
        </>
      )}
    />
  );
  if (mine.isPending) return <>{header}<Loading label="Loading your coaching…" /></>;
  if (mine.isError) return <>{header}<LoadError error={mine.error} onRetry={() => void mine.refetch()} /></>;

  const views = homeViews(roles, mine.data.items, me.person.id);
  const asked = params.get('view') as View | null;
  const view = asked && views.includes(asked) ? asked : views[0]!;
  const render = (which: View) => (which === 'coach' ? <CoachHome /> : which === 'sponsor' ? <SponsorHome /> : <ClientHome engagements={mine.data.items} />);

  if (views.length === 1) return <>{header}{render(view)}</>;
  return (
    <>
      {header}
      <Tabs value={view} onChange={(value) => value && setParams(value === views[0] ? {} : { view: value }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Your part in coaching" mb="lg">
          {views.map((which) => <Tabs.Tab key={which} value={which} fw={600}>{VIEW_LABELS[which]}</Tabs.Tab>)}
        </Tabs.List>
        {views.map((which) => <Tabs.Panel key={which} value={which}>{render(which)}</Tabs.Panel>)}
      </Tabs>
    </>
  );
}
