import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Tabs, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconChartBar, IconChartDonut3, IconClipboardList, IconMessageCircle2, IconPlayerPlay, IconShare, IconUsers, IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import {
  startAttempt, useAssessmentMutation, useAssignments, useAttempts, useInstruments, useMyEngagements, useSharedWithMe,
  type Assignment, type Attempt, type EngagementSummary, type InstrumentSummary,
} from './api';
import { ASSIGNMENT_STATUS, ENGAGEMENT_STATES } from './labels';
import { ScrollTable } from './ScrollTable';

type View = 'instruments' | 'results' | 'shared' | 'clients';

const CHART_ICONS: Record<InstrumentSummary['chart'], ReactNode> = {
  bars: <IconChartBar size={22} aria-hidden />,
  radar: <IconClipboardList size={22} aria-hidden />,
  wheel: <IconChartDonut3 size={22} aria-hidden />,
};

/** /orgs/:orgId/assessments — instruments to take, your results, results shared with you, and (for coaches) your clients'. */
export function AssessmentsPage() {
  const { orgId, roles, me } = useOrg();
  const [params, setParams] = useSearchParams();
  const engagements = useMyEngagements(orgId);
  const coached = (engagements.data?.items ?? []).filter((e) => e.coach.personId === me.person.id);
  const views: View[] = ['instruments', 'results', 'shared'];
  if (roles.includes('coach') || coached.length > 0) views.push('clients');
  const asked = params.get('view') as View | null;
  const view = asked && views.includes(asked) ? asked : 'instruments';

  return (
    <>
      <PageHeader
        title="Assessments"
        description="Personality, wheel of life and leadership instruments, saved as you go. Your results are yours: you choose who else sees them."
        actions={<Button component={Link} to={`/orgs/${orgId}/feedback`} variant="default" leftSection={<IconMessageCircle2 size={16} aria-hidden />}>360° feedback</Button>}
      />
      <Tabs value={view} onChange={(value) => value && setParams(value === 'instruments' ? {} : { view: value }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Assessments" mb="lg">
          <Tabs.Tab value="instruments" fw={600}>Take an assessment</Tabs.Tab>
          <Tabs.Tab value="results" fw={600}>Your results</Tabs.Tab>
          <Tabs.Tab value="shared" fw={600}>Shared with you</Tabs.Tab>
          {views.includes('clients') && <Tabs.Tab value="clients" fw={600}>Your clients</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="instruments"><InstrumentsView /></Tabs.Panel>
        <Tabs.Panel value="results"><ResultsView /></Tabs.Panel>
        <Tabs.Panel value="shared"><SharedView /></Tabs.Panel>
        <Tabs.Panel value="clients">
          {engagements.isPending ? <Loading /> : engagements.isError ? <LoadError error={engagements.error} onRetry={() => void engagements.refetch()} /> : <ClientsView engagements={coached} />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function useStart() {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  return useAssessmentMutation(orgId, (input: { instrumentId: string; assignmentId?: string }) => startAttempt(orgId, input), {
    onSuccess: (attempt) => void navigate(`/orgs/${orgId}/assessments/attempts/${attempt.id}`), notifyErrors: true,
  });
}

function InstrumentsView() {
  const { orgId } = useOrg();
  const instruments = useInstruments(orgId);
  const attempts = useAttempts(orgId);
  const assignments = useAssignments(orgId);
  const start = useStart();
  const format = useFormat();

  if (instruments.isPending || attempts.isPending) return <Loading label="Loading the instruments…" />;
  if (instruments.isError) return <LoadError error={instruments.error} onRetry={() => void instruments.refetch()} />;
  if (attempts.isError) return <LoadError error={attempts.error} onRetry={() => void attempts.refetch()} />;
  const open = (assignments.data?.items ?? []).filter((a) => a.status !== 'completed');

  return (
    <Stack gap="lg">
      {open.length > 0 && <AssignedToYou assignments={open} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {instruments.data.items.map((instrument) => {
          const mine = attempts.data.items.filter((a) => a.instrument.id === instrument.id);
          const inProgress = mine.find((a) => a.status === 'in_progress');
          const latest = mine.filter((a) => a.status === 'completed').sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))[0];
          return (
            <Card key={instrument.id} padding="lg" component="article" aria-labelledby={`instrument-${instrument.id}`}>
              <Stack gap="sm" h="100%">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size={40} radius="md">{CHART_ICONS[instrument.chart]}</ThemeIcon>
                  <Stack gap={2} miw={0}>
                    <Title order={2} fz="md" id={`instrument-${instrument.id}`}>{instrument.name}</Title>
                    <Text size="xs" c="dimmed">{instrument.itemCount} {instrument.customizableItemLabels ? 'areas' : 'statements'} · about {instrument.minutes} minutes</Text>
                  </Stack>
                </Group>
                <Text size="sm" c="stone.8" lineClamp={4} style={{ flex: 1 }}>{instrument.description}</Text>
                {inProgress && (
                  <Stack gap={4}>
                    <Text size="xs" fw={600}>In progress: {inProgress.progress.answered} of {inProgress.progress.total} answered</Text>
                    <Progress value={(inProgress.progress.answered / inProgress.progress.total) * 100} size="sm" radius="xl" aria-label={`${instrument.name}: ${inProgress.progress.answered} of ${inProgress.progress.total} answered`} />
                  </Stack>
                )}
                {latest && <Text size="xs" c="dimmed">Last completed {format.date(latest.completedAt)}</Text>}
                <Group gap="sm" mt={4}>
                  {inProgress ? (
                    <Button component={Link} to={`/orgs/${orgId}/assessments/attempts/${inProgress.id}`} leftSection={<IconPlayerPlay size={16} aria-hidden />} aria-label={`Resume ${instrument.name}`}>
                      Resume
                    </Button>
                  ) : (
                    <Button
                      leftSection={<IconPlayerPlay size={16} aria-hidden />} aria-label={`${latest ? 'Take again' : 'Start'}: ${instrument.name}`}
                      loading={start.isPending && start.variables?.instrumentId === instrument.id}
                      onClick={() => start.mutate({ instrumentId: instrument.id })}
                    >
                      {latest ? 'Take again' : 'Start'}
                    </Button>
                  )}
                  {latest && (
                    <Button component={Link} to={`/orgs/${orgId}/assessments/attempts/${latest.id}`} variant="default" aria-label={`Latest result of ${instrument.name}`}>
                      Latest result
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function AssignedToYou({ assignments }: { assignments: Assignment[] }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const start = useStart();
  return (
    <Card padding="lg" component="section" aria-labelledby="assigned-title" style={{ borderColor: 'var(--mantine-color-cairn-3)', background: 'var(--mantine-color-cairn-0)' }}>
      <Title order={2} fz="md" id="assigned-title" mb="sm">Your coach asked you to take</Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {assignments.map((assignment) => (
          <Group key={assignment.id} component="li" justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={2} miw={0} style={{ flex: '1 1 300px' }}>
              <Text fw={600} size="sm">{assignment.instrument.name}</Text>
              <Text size="xs" c="dimmed">
                Asked by {assignment.assignedBy.name} on {format.date(assignment.createdAt)}{assignment.dueOn && ` · by ${format.day(assignment.dueOn)}`}
                {' · '}{ASSIGNMENT_STATUS[assignment.status].label}
              </Text>
              {assignment.note && <Text size="sm" fs="italic">“{assignment.note}”</Text>}
            </Stack>
            {assignment.attemptId && assignment.status === 'in_progress' ? (
              <Button component={Link} to={`/orgs/${orgId}/assessments/attempts/${assignment.attemptId}`} size="sm" aria-label={`Resume ${assignment.instrument.name} (asked by ${assignment.assignedBy.name})`}>Resume</Button>
            ) : (
              <Button size="sm" loading={start.isPending && start.variables?.assignmentId === assignment.id} aria-label={`Start ${assignment.instrument.name} (asked by ${assignment.assignedBy.name})`}
                onClick={() => start.mutate({ instrumentId: assignment.instrument.id, assignmentId: assignment.id })}>
                Start
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">Your coach will see the scores of what you take for them, never your answers.</Text>
    </Card>
  );
}

function ResultsView() {
  const { orgId } = useOrg();
  const attempts = useAttempts(orgId);
  const format = useFormat();
  if (attempts.isPending) return <Loading label="Loading your results…" />;
  if (attempts.isError) return <LoadError error={attempts.error} onRetry={() => void attempts.refetch()} />;
  const items = attempts.data.items;
  if (items.length === 0) {
    return (
      <Card><Empty icon={<IconChartBar size={28} aria-hidden />} title="No results yet" description="Take an assessment: your progress is saved as you go, and the result appears when you finish." /></Card>
    );
  }
  return (
    <Card padding={0}>
      <ScrollTable minWidth={560} label="Your assessments">
        <Table highlightOnHover>
          <Table.Caption>Your assessments, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr><Table.Th>Assessment</Table.Th><Table.Th>State</Table.Th><Table.Th>Summary</Table.Th><Table.Th>Shared with</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((attempt) => (
              <Table.Tr key={attempt.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${orgId}/assessments/attempts/${attempt.id}`} fw={600} size="sm">{attempt.instrument.name}</Anchor>
                  <Text size="xs" c="dimmed">{attempt.completedAt ? format.date(attempt.completedAt) : `started ${format.date(attempt.startedAt)}`}</Text>
                </Table.Td>
                <Table.Td>
                  {attempt.status === 'completed' ? <Badge color="cairn">Completed</Badge> : <Badge color="blue">{attempt.progress.answered} of {attempt.progress.total}</Badge>}
                </Table.Td>
                <Table.Td><Text size="sm" c="stone.8">{highlights(attempt)}</Text></Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{attempt.sharedWith?.length ? attempt.sharedWith.map((p) => p.name).join(', ') : '—'}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

/** A line about a result: the highest and lowest scores. */
function highlights(attempt: Attempt): string {
  const scored = (attempt.scores?.subscales ?? []).filter((s) => s.score !== null);
  if (scored.length === 0) return attempt.status === 'completed' ? '—' : 'In progress';
  const share = (s: (typeof scored)[number]) => (s.score! - s.min) / (s.max - s.min || 1);
  const sorted = [...scored].sort((a, b) => share(b) - share(a));
  const top = sorted[0]!;
  const low = sorted.at(-1)!;
  return top === low ? `${top.name}: ${top.band?.label ?? top.score}` : `Highest: ${top.name} (${top.band?.label ?? top.score}); lowest: ${low.name} (${low.band?.label ?? low.score})`;
}

function SharedView() {
  const { orgId } = useOrg();
  const shared = useSharedWithMe(orgId);
  const format = useFormat();
  if (shared.isPending) return <Loading />;
  if (shared.isError) return <LoadError error={shared.error} onRetry={() => void shared.refetch()} />;
  if (shared.data.items.length === 0) {
    return <Card><Empty icon={<IconShare size={28} aria-hidden />} title="Nothing shared with you" description="When a colleague shares one of their results with you, it appears here. You see the scores, never their answers." /></Card>;
  }
  return (
    <Card padding={0}>
      <ScrollTable minWidth={480} label="Results shared with you">
        <Table highlightOnHover>
          <Table.Caption>Results colleagues shared with you</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th>Person</Table.Th><Table.Th>Assessment</Table.Th><Table.Th>Completed</Table.Th><Table.Th>Summary</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {shared.data.items.map((attempt) => (
              <Table.Tr key={attempt.id}>
                <Table.Td><Text size="sm" fw={600}>{attempt.person.name}</Text></Table.Td>
                <Table.Td><Anchor component={Link} to={`/orgs/${orgId}/assessments/attempts/${attempt.id}`} size="sm">{attempt.instrument.name}</Anchor></Table.Td>
                <Table.Td><Text size="sm">{format.date(attempt.completedAt)}</Text></Table.Td>
                <Table.Td><Text size="sm" c="stone.8">{highlights(attempt)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

function ClientsView({ engagements }: { engagements: EngagementSummary[] }) {
  const { orgId } = useOrg();
  if (engagements.length === 0) {
    return (
      <Card>
        <Empty icon={<IconUsersGroup size={28} aria-hidden />} title="No clients yet" description="When you coach a client in an engagement, you can ask them to take an assessment here and see their results (scores, never answers)." />
      </Card>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">Pick an engagement to assign an instrument to its client and see what they took within it.</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {engagements.map((engagement) => (
          <Card key={engagement.id} component={Link} to={`/orgs/${orgId}/assessments/engagements/${engagement.id}`} padding="lg" className="cairn-link-card"
            aria-label={`Assessments of ${engagement.client.name}: ${engagement.title}`}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="nowrap" miw={0}>
                <ThemeIcon variant="light" radius="xl" size={36}><IconUsers size={18} aria-hidden /></ThemeIcon>
                <Stack gap={0} miw={0}>
                  <Text fw={700} size="sm" truncate>{engagement.client.name}</Text>
                  <Text size="xs" c="dimmed" truncate>{engagement.title}</Text>
                </Stack>
              </Group>
              <Badge color={ENGAGEMENT_STATES[engagement.state]?.color ?? 'gray'} style={{ flexShrink: 0 }}>{ENGAGEMENT_STATES[engagement.state]?.label ?? engagement.state}</Badge>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
