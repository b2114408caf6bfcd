import { Alert, Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconConfetti, IconLock, IconPlayerPlay, IconRoute, IconX } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import { ActionItemsPanel } from './ActionItems';
import { AgreementPanel } from './AgreementPanel';
import { useCoachingMutation, useEngagement, type EngagementDetail } from './api';
import { ClosurePanel } from './ClosurePanel';
import { GoalsPanel } from './GoalsPanel';
import { CADENCE_LABELS, EVENT_LABELS, PARTY_LABELS } from './labels';
import { AttendancePanel, SessionsPanel } from './SessionsPanel';
import { SharingNote } from './SponsorHome';
import { PersonLine, ReasonModal, StateBadge } from './ui';

type Tab = 'agreement' | 'goals' | 'sessions' | 'attendance' | 'actions' | 'closure' | 'history';

/** Which tabs the viewer's part lets them open: the same rules the API applies, so no tab is empty by refusal. */
export function tabsFor(engagement: EngagementDetail): Tab[] {
  const seesContent = engagement.yourParts.includes('coach') || engagement.yourParts.includes('client');
  const sharing = engagement.sponsorVisibility;
  const tabs: Tab[] = ['agreement'];
  if (seesContent || sharing === 'goals_progress' || sharing === 'goals_progress_attendance') tabs.push('goals');
  if (seesContent) tabs.push('sessions', 'actions');
  else if (sharing === 'goals_progress_attendance') tabs.push('attendance');
  if (seesContent && (engagement.state === 'active' || engagement.state === 'completed')) tabs.push('closure');
  tabs.push('history');
  return tabs;
}

function defaultTab(engagement: EngagementDetail, tabs: Tab[]): Tab {
  const wanted: Tab = engagement.state === 'proposed' ? 'agreement'
    : engagement.state === 'completed' || engagement.closureProposed ? 'closure'
      : engagement.state === 'agreed' ? 'sessions'
        : 'goals';
  return tabs.includes(wanted) ? wanted : tabs.includes('goals') ? 'goals' : 'agreement';
}

/** /orgs/:orgId/coaching/engagements/:engagementId — one engagement, as the viewer's part lets them see it. */
export function EngagementPage() {
  const { orgId } = useOrg();
  const { engagementId = '' } = useParams();
  const engagement = useEngagement(orgId, engagementId);
  useDocumentTitle(`${engagement.data?.title ?? 'Engagement'} · Cairn`);

  if (engagement.isPending) return <Loading label="Loading the engagement…" />;
  if (engagement.isError) {
    if (isStatus(engagement.error, 404, 403)) {
      return (
        <Card>
          <Empty
            icon={<IconLock size={28} aria-hidden />}
            title="Engagement not found" order={1}
            description="It does not exist, or you take no part in it. An engagement is seen only by its coach, its client, its sponsor and the organization’s admins."
          >
            <Button component={Link} to={`/orgs/${orgId}/coaching`} variant="default">Back to coaching</Button>
          </Empty>
        </Card>
      );
    }
    return <LoadError error={engagement.error} onRetry={() => void engagement.refetch()} />;
  }
  return <EngagementView engagement={engagement.data} />;
}

function EngagementView({ engagement }: { engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const [params, setParams] = useSearchParams();
  const tabs = tabsFor(engagement);
  const asked = params.get('tab') as Tab | null;
  const tab = asked && tabs.includes(asked) ? asked : defaultTab(engagement, tabs);
  // A chosen tab stays in the URL, so the page does not move under the person when the state changes.
  const select = (next: Tab) => setParams({ tab: next }, { replace: true });
  const seesContent = engagement.yourParts.includes('coach') || engagement.yourParts.includes('client');
  const onlyAdmin = engagement.yourParts.length === 1 && engagement.yourParts[0] === 'admin';
  const onlySponsor = !seesContent && engagement.yourParts.includes('sponsor');

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/coaching`} size="sm">Coaching</Anchor>
        {onlyAdmin && <Anchor component={Link} to={`/orgs/${orgId}/coaching/engagements`} size="sm">Engagements</Anchor>}
        <Text size="sm" c="dimmed" aria-current="page">{engagement.title}</Text>
      </Breadcrumbs>
      <EngagementHeader engagement={engagement} />

      {engagement.closureProposed && engagement.state === 'active' && seesContent && (
        <Alert role="status" color="cairn" variant="light" icon={<IconConfetti size={20} aria-hidden />} title="All goals met — propose closure" mb="lg">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm">
              Every goal has reached its target. Close the engagement together: the client writes a reflection and an evaluation,
              the coach a reflection and each goal’s final value.
            </Text>
            {tab !== 'closure' && <Button size="xs" onClick={() => select('closure')}>Go to closure</Button>}
          </Group>
        </Alert>
      )}
      {onlyAdmin && (
        <Alert role="note" variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} mb="lg">
          As an admin you see the agreement, the state and the goal attainment. Goals’ wording, sessions and notes stay between coach and client.
        </Alert>
      )}
      {onlySponsor && <Stack mb="lg"><SharingNote sharing={engagement.sponsorVisibility} /></Stack>}

      <Tabs value={tab} onChange={(value) => value && select(value as Tab)} keepMounted={false}>
        <Tabs.List aria-label="Engagement sections" mb="lg" style={{ flexWrap: 'wrap' }}>
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value} fw={600}>
              {value === 'closure' ? (engagement.state === 'completed' ? 'Outcomes' : 'Closure') : TAB_LABELS[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="agreement"><AgreementPanel engagement={engagement} /></Tabs.Panel>
        <Tabs.Panel value="goals"><GoalsPanel engagement={engagement} /></Tabs.Panel>
        <Tabs.Panel value="sessions"><SessionsPanel engagement={engagement} /></Tabs.Panel>
        <Tabs.Panel value="attendance"><AttendancePanel engagement={engagement} /></Tabs.Panel>
        <Tabs.Panel value="actions"><ActionItemsPanel engagement={engagement} /></Tabs.Panel>
        <Tabs.Panel value="closure"><ClosurePanel engagement={engagement} /></Tabs.Panel>
        <Tabs.Panel value="history"><HistoryPanel engagement={engagement} /></Tabs.Panel>
      </Tabs>
    </>
  );
}

const TAB_LABELS: Record<Tab, string> = {
  agreement: 'Agreement', goals: 'Goals', sessions: 'Sessions', attendance: 'Attendance', actions: 'Action items', closure: 'Closure', history: 'History',
};

function EngagementHeader({ engagement }: { engagement: EngagementDetail }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const [ending, end] = useDisclosure(false);
  const path = { orgId, engagementId: engagement.id };
  const start = useCoachingMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/start', { params: { path } })), {
    success: 'The engagement has started.', notifyErrors: true,
  });
  const endEarly = useCoachingMutation(orgId, (reason: string) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/end-early', { params: { path }, body: { reason } })), {
    success: 'The engagement was ended early.',
  });
  const events = engagement.availableEvents;
  const waiting = engagement.agreement.acceptances.filter((acceptance) => !acceptance.acceptedAt).map((acceptance) => PARTY_LABELS[acceptance.party as keyof typeof PARTY_LABELS] ?? acceptance.party);

  return (
    <Card padding="lg" mb="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="md">
        <Stack gap={6} style={{ flex: '1 1 420px' }} miw={0}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} fz={{ base: 22, sm: 26 }}>{engagement.title}</Title>
            <StateBadge state={engagement.state} size="lg" />
          </Group>
          <Text size="sm" c="dimmed">
            {format.day(engagement.startDate)} – {format.day(engagement.plannedEndDate)} · {engagement.agreement.plannedSessions} sessions planned,{' '}
            {CADENCE_LABELS[engagement.agreement.cadence].toLowerCase()}
            {engagement.closedAt && <> · closed {format.date(engagement.closedAt)}</>}
          </Text>
          {engagement.state === 'proposed' && waiting.length > 0 && (
            <Text size="sm" fw={600} c="amber.8">Waiting for {waiting.join(', ').toLowerCase()} to accept version {engagement.agreement.version} of the agreement</Text>
          )}
          {engagement.state === 'agreed' && <Text size="sm" fw={600} c="blue.8">Every party accepted the agreement. Start the engagement when the first session is near.</Text>}
          {engagement.state === 'ended_early' && engagement.endedReason && <Text size="sm">Ended early: {engagement.endedReason}</Text>}
        </Stack>
        {(events.includes('start') || events.includes('end_early')) && (
          <Group gap="sm">
            {events.includes('end_early') && (
              <Button variant="default" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={end.open}>End early</Button>
            )}
            {events.includes('start') && (
              <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={start.isPending} onClick={() => start.mutate(undefined)}>Start the engagement</Button>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: engagement.sponsor ? 3 : 2 }} spacing="md">
        <PersonLine name={engagement.coach.name} part="Coach" you={engagement.coach.personId === me.person.id} />
        <PersonLine name={engagement.client.name} part="Client" you={engagement.client.personId === me.person.id} />
        {engagement.sponsor && <PersonLine name={engagement.sponsor.name} part="Sponsor" you={engagement.sponsor.personId === me.person.id} />}
      </SimpleGrid>
      <ReasonModal
        opened={ending}
        onClose={end.close}
        title="End this engagement early?"
        description="The engagement ends now, before its goals are met. Open action items are dropped, no more sessions can be booked, and this cannot be undone. Every party sees the reason."
        label="Reason"
        confirm="End the engagement"
        onConfirm={(reason) => endEarly.mutateAsync(reason)}
        pending={endEarly.isPending}
        error={endEarly.error}
      />
    </Card>
  );
}

function HistoryPanel({ engagement }: { engagement: EngagementDetail }) {
  const format = useFormat();
  return (
    <Card padding="lg">
      <Title order={2} fz="lg" mb="md">History</Title>
      {engagement.history.length === 0 ? <Text size="sm" c="dimmed">Nothing yet.</Text> : (
        <Timeline bulletSize={22} lineWidth={2} active={engagement.history.length - 1}>
          {engagement.history.map((entry, index) => (
            <Timeline.Item key={`${entry.at}-${index}`} bullet={<IconRoute size={12} aria-hidden />} title={<Text fw={600} size="sm">{EVENT_LABELS[entry.event] ?? entry.event}</Text>}>
              <Text size="xs" c="dimmed">{format.dateTime(entry.at)}{entry.by ? ` · ${entry.by}` : ''}</Text>
              {entry.note && <Text size="sm" mt={4}>{entry.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
