import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconClipboardPlus, IconExternalLink, IconLock, IconMessageCircle2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { assessmentKeys, useAssessmentMutation, useEngagementAssessments, useInstrument, useInstruments, type Attempt, type EngagementAssessments } from './api';
import { ASSIGNMENT_STATUS, ENGAGEMENT_STATES } from './labels';
import { HistorySection, ScoresChart } from './Results';
import { Section } from './Section';
import { ScrollTable } from './ScrollTable';

/**
 * /orgs/:orgId/assessments/engagements/:engagementId — an engagement's assessments: its coach
 * assigns instruments to the client and reads the scores (never the answers) of what was taken
 * within it; its client sees the same list.
 */
export function EngagementAssessmentsPage() {
  const { orgId } = useOrg();
  const { engagementId = '' } = useParams();
  const engagement = useQuery({
    queryKey: [...assessmentKeys.engagement(orgId, engagementId), 'engagement'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}', { params: { path: { orgId, engagementId } } })),
  });
  const data = useEngagementAssessments(orgId, engagementId);
  useDocumentTitle(`Assessments${engagement.data ? ` · ${engagement.data.client.name}` : ''} · Cairn`);

  const error = engagement.error ?? data.error;
  if (engagement.isPending || data.isPending) return <Loading label="Loading the engagement’s assessments…" />;
  if (error) {
    if (isStatus(error, 403, 404)) {
      return (
        <Card>
          <Empty
            icon={<IconLock size={28} aria-hidden />} order={1} title="Not available"
            description="An engagement’s assessments are seen by its coach and its client only."
          >
            <Button component={Link} to={`/orgs/${orgId}/assessments`} variant="default">Back to assessments</Button>
          </Empty>
        </Card>
      );
    }
    return <LoadError error={error} onRetry={() => { void engagement.refetch(); void data.refetch(); }} />;
  }
  const e = engagement.data!;
  const isCoach = e.yourParts.includes('coach');
  const canAssign = isCoach && (e.state === 'agreed' || e.state === 'active');

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/assessments${isCoach ? '?view=clients' : ''}`} size="sm">Assessments</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">{e.client.name}</Text>
      </Breadcrumbs>
      <Card padding="lg" mb="lg">
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <Stack gap={4} style={{ flex: '1 1 360px' }}>
            <Group gap="sm">
              <Title order={1} fz={{ base: 22, sm: 26 }}>Assessments with {isCoach ? e.client.name : e.coach.name}</Title>
              <Badge color={ENGAGEMENT_STATES[e.state].color}>{ENGAGEMENT_STATES[e.state].label}</Badge>
            </Group>
            <Text size="sm" c="dimmed">{e.title} · coach {e.coach.name}, client {e.client.name}</Text>
            <Text size="sm" c="dimmed">
              {isCoach
                ? 'You see the scores of what your client takes within this engagement (or shares with you), never their answers. The sponsor and admins see none of it.'
                : 'Your coach sees the scores of what you take within this engagement, never your answers.'}
            </Text>
          </Stack>
          <Group gap="sm">
            <Button component={Link} to={`/orgs/${orgId}/feedback?engagement=${e.id}`} variant="default" leftSection={<IconMessageCircle2 size={16} aria-hidden />}>360° feedback</Button>
            <Button component={Link} to={`/orgs/${orgId}/coaching/engagements/${e.id}`} variant="default" rightSection={<IconExternalLink size={14} aria-hidden />}>Engagement</Button>
          </Group>
        </Group>
      </Card>
      <Stack gap="lg">
        {canAssign && <AssignForm engagementId={e.id} clientName={e.client.name} />}
        <Assignments data={data.data!} />
        <ResultsByInstrument data={data.data!} isCoach={isCoach} whose={isCoach ? `${e.client.name}’s` : 'your'} />
      </Stack>
    </>
  );
}

function AssignForm({ engagementId, clientName }: { engagementId: string; clientName: string }) {
  const { orgId } = useOrg();
  const instruments = useInstruments(orgId);
  const form = useForm({
    initialValues: { instrumentId: '', note: '', dueOn: '' },
    validate: { instrumentId: (value) => (value ? null : 'Choose an instrument') },
  });
  const assign = useAssessmentMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/assessment-assignments', {
    params: { path: { orgId, engagementId } },
    body: { instrumentId: values.instrumentId, ...(values.note.trim() ? { note: values.note.trim() } : {}), ...(values.dueOn ? { dueOn: values.dueOn } : {}) },
  })), {
    success: (assignment) => `${clientName} was asked to take ${assignment.instrument.name}.`,
    onSuccess: () => form.reset(),
  });
  return (
    <Section title="Ask your client to take an assessment" description={`${clientName} is told by mail; their progress is saved as they go.`}>
      <form noValidate onSubmit={form.onSubmit((values) => assign.mutate(values, { onError: (failure) => showFieldErrors(form, failure) }))}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Instrument" required placeholder={instruments.isPending ? 'Loading…' : 'Choose one'}
              data={(instruments.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} (${i.minutes} min)` }))}
              {...form.getInputProps('instrumentId')}
            />
            <TextInput label="By (optional)" type="date" {...form.getInputProps('dueOn')} />
          </SimpleGrid>
          <Textarea label="A note for your client (optional)" autosize minRows={2} maxRows={5} maxLength={1000} {...form.getInputProps('note')} />
          <ProblemAlert error={assign.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={assign.isPending} leftSection={<IconClipboardPlus size={16} aria-hidden />}>Assign</Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function Assignments({ data }: { data: EngagementAssessments }) {
  const { orgId } = useOrg();
  const format = useFormat();
  return (
    <Section title="Assigned">
      {data.assignments.length === 0 ? <Text size="sm" c="dimmed">Nothing assigned in this engagement yet.</Text> : (
        <ScrollTable minWidth={520} label="Assigned assessments">
          <Table>
            <Table.Thead>
              <Table.Tr><Table.Th>Instrument</Table.Th><Table.Th>Asked</Table.Th><Table.Th>Due</Table.Th><Table.Th>State</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.assignments.map((assignment) => (
                <Table.Tr key={assignment.id}>
                  <Table.Td>
                    {assignment.attemptId && assignment.status === 'completed'
                      ? <Anchor component={Link} to={`/orgs/${orgId}/assessments/attempts/${assignment.attemptId}`} size="sm" fw={600}>{assignment.instrument.name}</Anchor>
                      : <Text size="sm" fw={600}>{assignment.instrument.name}</Text>}
                    {assignment.note && <Text size="xs" c="dimmed" lineClamp={2}>“{assignment.note}”</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{format.date(assignment.createdAt)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{assignment.dueOn ? format.day(assignment.dueOn) : '—'}</Text></Table.Td>
                  <Table.Td><Badge color={ASSIGNMENT_STATUS[assignment.status].color}>{ASSIGNMENT_STATUS[assignment.status].label}</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

/** Per instrument: the latest result charted, the earlier ones listed, and the change over time. */
function ResultsByInstrument({ data, isCoach, whose }: { data: EngagementAssessments; isCoach: boolean; whose: string }) {
  const completed = data.results.filter((r) => r.status === 'completed');
  if (completed.length === 0) {
    return (
      <Section title="Results">
        <Text size="sm" c="dimmed">{isCoach ? 'No result yet: when your client completes an assessment within this engagement, its scores appear here.' : 'No result within this engagement yet.'}</Text>
      </Section>
    );
  }
  const instrumentIds = [...new Set(completed.map((r) => r.instrument.id))];
  return (
    <Stack gap="lg">
      {instrumentIds.map((id) => {
        const results = completed.filter((r) => r.instrument.id === id).sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
        return <InstrumentResults key={id} results={results} history={data.history.find((h) => h.instrument.id === id)} whose={whose} />;
      })}
    </Stack>
  );
}

function InstrumentResults({ results, history, whose }: { results: Attempt[]; history: EngagementAssessments['history'][number] | undefined; whose: string }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const latest = results[0]!;
  const instrument = useInstrument(orgId, latest.instrument.id, latest.instrument.version);
  const latestDefinition = useInstrument(orgId, latest.instrument.id);
  return (
    <Section
      title={latest.instrument.name}
      description={`Latest result: ${format.date(latest.completedAt)}${results.length > 1 ? ` · ${results.length} results in this engagement` : ''}`}
      actions={<Button component={Link} to={`/orgs/${orgId}/assessments/attempts/${latest.id}`} size="xs" variant="default">Open the latest</Button>}
    >
      <Stack gap="lg">
        {instrument.isPending ? <Loading minHeight={80} /> : instrument.isError ? <LoadError error={instrument.error} /> : latest.scores && (
          <ScoresChart scores={latest.scores} instrument={instrument.data} label={`${latest.instrument.name}: latest scores of ${latest.person.name}`} />
        )}
        {history && history.attempts >= 2 && latestDefinition.data && (
          <HistorySection history={history} instrument={latestDefinition.data} whose={whose} title="Over time" bare />
        )}
        {results.length > 1 && (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed">All results:</Text>
            {results.map((result) => (
              <Anchor key={result.id} component={Link} to={`/orgs/${orgId}/assessments/attempts/${result.id}`} size="sm">{format.date(result.completedAt)}</Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </Section>
  );
}
