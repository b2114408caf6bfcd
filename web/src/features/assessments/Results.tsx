import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconEye, IconLock, IconRefresh, IconShare, IconTrash, IconUserMinus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call, errorMessage } from '../../platform/api/client';
import { keys } from '../../platform/api/queries';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { Section } from './Section';
import {
  formatScore, startAttempt, subscaleRange, useAssessmentMutation, useHistory, type Attempt, type History, type Instrument, type Scores,
} from './api';
import { DeltaBadge, HistoryChart, ScoreBars, WheelChart, type BarRow } from './charts';
import { ScrollTable } from './ScrollTable';

/** The rows of the bar chart: each subscale's score on its own range, over its bands. */
export function barRows(scores: Scores, instrument: Instrument): BarRow[] {
  return scores.subscales.map((subscale) => ({
    id: subscale.id, name: subscale.name, score: subscale.score, min: subscale.min, max: subscale.max, band: subscale.band,
    bands: instrument.subscales.find((s) => s.id === subscale.id)?.bands ?? [],
  }));
}

/** The chart an instrument asks for: a wheel for the wheel of life, bars otherwise. */
export function ScoresChart({ scores, instrument, label }: { scores: Scores; instrument: Instrument; label: string }) {
  if (instrument.chart === 'wheel') {
    const range = subscaleRange(instrument, scores.subscales[0]?.id ?? '');
    return <WheelChart areas={scores.subscales} min={range.min} max={range.max} title={label} />;
  }
  return <ScoreBars rows={barRows(scores, instrument)} label={label} />;
}

/** A completed (or in-progress, for a coach) attempt: the chart, what each score means, history, sharing. */
export function AttemptResult({ attempt, instrument }: { attempt: Attempt; instrument: Instrument }) {
  const format = useFormat();
  const owner = attempt.yourAccess === 'owner';
  const scores = attempt.scores;
  return (
    <Stack gap="lg">
      <Card padding="lg">
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <Stack gap={4} style={{ flex: '1 1 360px' }} miw={0}>
            <Title order={1} fz={{ base: 24, sm: 28 }}>{owner ? instrument.name : `${attempt.person.name}: ${instrument.name}`}</Title>
            <Text size="sm" c="dimmed">
              {attempt.completedAt ? `Completed ${format.date(attempt.completedAt)}` : `In progress: ${attempt.progress.answered} of ${attempt.progress.total} answered`}
              {attempt.yourAccess === 'coach' && ' · taken within your coaching engagement'}
              {attempt.yourAccess === 'shared' && ` · shared with you by ${attempt.person.name}`}
            </Text>
          </Stack>
          {owner && <OwnerActions attempt={attempt} />}
        </Group>
        {!owner && (
          <Alert mt="md" variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
            You see the scores only; the answers to each statement stay with {attempt.person.name}.
          </Alert>
        )}
      </Card>

      {scores ? (
        <>
          <Section title={owner ? 'Your scores' : 'Scores'} description={instrument.description}>
            <Stack gap="lg">
              {scores.total && (
                <Group gap="md" wrap="wrap">
                  <Text size="sm" fw={600}>{scores.total.name}</Text>
                  <Text fz={28} fw={700} lh={1}>{formatScore(scores.total.score)}</Text>
                  <Text size="sm" c="dimmed">of {formatScore(scores.total.max)}</Text>
                  {scores.total.band && <Badge size="lg" variant="light">{scores.total.band.label}</Badge>}
                  {scores.total.band && <Text size="sm" c="dimmed">{scores.total.band.description}</Text>}
                </Group>
              )}
              <ScoresChart scores={scores} instrument={instrument} label={`${instrument.name}: scores${owner ? '' : ` of ${attempt.person.name}`}`} />
            </Stack>
          </Section>
          <Interpretation scores={scores} instrument={instrument} />
          {owner && <OwnHistory attempt={attempt} instrument={instrument} />}
          {owner && <SharePanel attempt={attempt} />}
          <Text size="xs" c="dimmed">Source: {instrument.source.citation} ({instrument.source.license})</Text>
        </>
      ) : (
        <Card padding="lg"><Text size="sm" c="dimmed">No scores yet: the result appears once every statement is answered.</Text></Card>
      )}
    </Stack>
  );
}

function Interpretation({ scores, instrument }: { scores: Scores; instrument: Instrument }) {
  return (
    <Section title="What the scores mean" description={instrument.id.startsWith('ipip') ? 'The bands are thirds of the possible range, not comparisons with other people.' : undefined}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {scores.subscales.map((subscale) => {
          const definition = instrument.subscales.find((s) => s.id === subscale.id);
          return (
            <Stack key={subscale.id} gap={4} p="md" style={{ border: '1px solid var(--mantine-color-stone-1)', borderRadius: 'var(--mantine-radius-md)' }}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text fw={700} size="sm">{subscale.name}</Text>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Text size="sm" fw={700}>{formatScore(subscale.score)}</Text>
                  {subscale.band && <Badge variant="light" size="sm">{subscale.band.label}</Badge>}
                </Group>
              </Group>
              {subscale.band && <Text size="sm">{subscale.band.description}</Text>}
              {definition?.description && <Text size="xs" c="dimmed">{definition.description}</Text>}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Section>
  );
}

function OwnerActions({ attempt }: { attempt: Attempt }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const again = useAssessmentMutation(orgId, () => startAttempt(orgId, { instrumentId: attempt.instrument.id }), {
    onSuccess: (next) => void navigate(`/orgs/${orgId}/assessments/attempts/${next.id}`), notifyErrors: true,
  });
  const remove = useAssessmentMutation(orgId, () => call(api.DELETE('/api/orgs/{orgId}/assessments/attempts/{attemptId}', { params: { path: { orgId, attemptId: attempt.id } } })), {
    success: 'The assessment was deleted.', onSuccess: () => void navigate(`/orgs/${orgId}/assessments`, { replace: true }),
  });
  return (
    <Group gap="sm">
      <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>Delete</Button>
      <Button leftSection={<IconRefresh size={16} aria-hidden />} loading={again.isPending} onClick={() => again.mutate(undefined)}>Take it again</Button>
      <Modal opened={confirming} onClose={confirm.close} title={<Text fw={700}>Delete this result?</Text>}>
        <Stack>
          <Text size="sm">The answers and scores are deleted, and whoever you shared the result with no longer sees it. This cannot be undone.</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>Keep it</Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(undefined)}>Delete the result</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

function OwnHistory({ attempt, instrument }: { attempt: Attempt; instrument: Instrument }) {
  const { orgId } = useOrg();
  const history = useHistory(orgId, attempt.instrument.id);
  if (history.isPending) return <Loading label="Loading your earlier results…" minHeight={80} />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  return <HistorySection history={history.data} instrument={instrument} whose="your" />;
}

/** Results of one instrument over time: lines per score and the change since the first attempt. */
export function HistorySection({ history, instrument, whose, title = 'Over time', bare = false }: {
  history: History; instrument: Instrument; whose: string; title?: string;
  /** Inside another section: a heading and the chart, without a card of its own. */
  bare?: boolean;
}) {
  const format = useFormat();
  if (history.attempts < 2) {
    return (
      <Section title={title} description="Take it again in a few weeks or months to see how your scores change.">
        <Text size="sm" c="dimmed">{history.attempts === 1 ? 'This is the only completed result so far.' : 'No completed result yet.'}</Text>
      </Section>
    );
  }
  const ranges = history.series.map((s) => subscaleRange(instrument, s.subscaleId));
  const min = Math.min(...ranges.map((r) => r.min));
  const max = Math.max(...ranges.map((r) => r.max));
  const series = history.series.map((s) => ({
    id: s.subscaleId, name: s.name,
    points: s.points.map((p) => ({ key: p.attemptId, label: format.day(p.completedAt), score: p.score })),
  }));
  const body = (
    <Stack gap="lg">
      <HistoryChart series={series} min={min} max={max} title={`${instrument.name}: ${whose} scores over time`} />
      <ScrollTable minWidth={340} label={`${title}: change per score`}>
        <Table>
          <Table.Caption>From the first result to the latest</Table.Caption>
          <Table.Thead>
            <Table.Tr><Table.Th>Score</Table.Th><Table.Th>First</Table.Th><Table.Th>Latest</Table.Th><Table.Th>Change</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.changes.map((change) => (
              <Table.Tr key={change.subscaleId}>
                <Table.Td>{change.name}</Table.Td>
                <Table.Td>{formatScore(change.first)}</Table.Td>
                <Table.Td fw={600}>{formatScore(change.latest)}</Table.Td>
                <Table.Td><DeltaBadge delta={change.delta} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
  if (bare) {
    return (
      <Stack gap="sm">
        <Title order={3} fz="md">{title}: {history.attempts} results, oldest first</Title>
        {body}
      </Stack>
    );
  }
  return <Section title={title} description={`${history.attempts} completed results, oldest first.`}>{body}</Section>;
}

function SharePanel({ attempt }: { attempt: Attempt }) {
  const { orgId, me } = useOrg();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [personId, setPersonId] = useState<string | null>(null);
  const members = useQuery({
    queryKey: [...keys.members(orgId), 'share-picker', debounced],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/members', { params: { path: { orgId }, query: { ...(debounced ? { q: debounced } : {}), pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
  const path = { orgId, attemptId: attempt.id };
  const share = useAssessmentMutation(orgId, (id: string) => call(api.PUT('/api/orgs/{orgId}/assessments/attempts/{attemptId}/shares/{personId}', { params: { path: { ...path, personId: id } } })), {
    success: (_, id) => `Shared with ${members.data?.items.find((m) => m.personId === id)?.name ?? 'them'}.`,
    onSuccess: () => {
      setPersonId(null);
      setSearch('');
    },
  });
  const unshare = useAssessmentMutation(orgId, (id: string) => call(api.DELETE('/api/orgs/{orgId}/assessments/attempts/{attemptId}/shares/{personId}', { params: { path: { ...path, personId: id } } })), {
    success: 'No longer shared.', notifyErrors: true,
  });
  const shared = attempt.sharedWith ?? [];
  const options = (members.data?.items ?? [])
    .filter((m) => m.personId !== me.person.id && m.status === 'active' && !shared.some((s) => s.personId === m.personId))
    .map((m) => ({ value: m.personId, label: m.title ? `${m.name} · ${m.title}` : m.name }));

  return (
    <Section title="Sharing" description="Share the result with someone in your organization, such as a mentor or a manager. They see the scores, never your answers; you can stop at any time.">
      <Stack gap="md">
        {shared.length === 0 ? <Text size="sm" c="dimmed">Not shared with anyone{attempt.engagementId ? ' (besides the coach of the engagement it was taken in)' : ''}.</Text> : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Shared with">
            {shared.map((person) => (
              <Group key={person.personId} component="li" justify="space-between" gap="sm" maw={520}>
                <Group gap={8}><IconEye size={16} aria-hidden /><Text size="sm" fw={600}>{person.name}</Text></Group>
                <Button size="xs" variant="subtle" color="red" leftSection={<IconUserMinus size={14} aria-hidden />} loading={unshare.isPending && unshare.variables === person.personId}
                  onClick={() => unshare.mutate(person.personId)} aria-label={`Stop sharing with ${person.name}`}>
                  Stop sharing
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (personId) share.mutate(personId);
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="Share with" placeholder="Search by name" searchable clearable w={{ base: '100%', xs: 320 }}
              data={options} value={personId} onChange={setPersonId} searchValue={search} onSearchChange={setSearch}
              nothingFoundMessage={members.isFetching ? 'Searching…' : members.isError ? `People could not be loaded: ${errorMessage(members.error)}` : 'Nobody found'} filter={({ options: all }) => all}
            />
            <Button type="submit" disabled={!personId} loading={share.isPending} leftSection={<IconShare size={16} aria-hidden />}>Share</Button>
          </Group>
          <ProblemAlert error={share.error} />
        </form>
      </Stack>
    </Section>
  );
}
