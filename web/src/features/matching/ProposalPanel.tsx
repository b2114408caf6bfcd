import { Alert, Anchor, Badge, Button, Card, Collapse, Grid, Group, List, Modal, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowsExchange, IconLock, IconLockOpen, IconPlayerPlay, IconRefresh, IconSend, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, Loading, LoadError, ProblemAlert } from '../../platform/ui/states';
import { useMentoringMutation } from '../mentoring/api';
import { percent, REASON_LABELS, sentence, useApprovedPeople, useProposal, type Proposal, type ProposalPair, type Unmatched } from './api';
import { DistributionChart } from './DistributionChart';
import { ContributionTable } from './WeightsPanel';

const STATUS = { draft: { label: 'Under review', color: 'blue' }, published: { label: 'Published', color: 'teal' }, superseded: { label: 'Replaced', color: 'gray' } } as const;

/** The proposal under review: run, read, lock, swap or remove pairs, re-run, publish. */
export function ProposalPanel({ programId }: { programId: string }) {
  const { orgId } = useOrg();
  const proposal = useProposal(orgId, programId);
  const path = { orgId, programId };
  const run = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/runs', { params: { path }, body: {} })), {
    success: (p) => `Matching ran: ${p.counts.pairs} ${p.counts.pairs === 1 ? 'pair' : 'pairs'} proposed. Nothing is published yet.`,
  });
  const rerun = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/proposal/rerun', { params: { path } })), {
    success: (p) => `Re-run done: ${p.counts.locked} locked ${p.counts.locked === 1 ? 'pair' : 'pairs'} kept, ${p.counts.pairs} in all.`,
  });

  if (proposal.isPending) return <Loading label="Loading the proposal…" />;
  if (proposal.isError) return <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const current = proposal.data;
  if (!current) {
    return (
      <Card>
        <Empty icon={<IconUsersGroup size={28} aria-hidden />} title="No proposal yet" description="Run matching to propose pairs for everyone approved and still unmatched. Nothing is published until you say so.">
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => run.mutate()} loading={run.isPending}>Run matching</Button>
        </Empty>
        <ProblemAlert error={run.error} />
      </Card>
    );
  }
  const draft = current.status === 'draft';
  return (
    <Stack gap="lg">
      <ProposalHeader proposal={current} />
      <Group gap="sm">
        {draft
          ? <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => rerun.mutate()} loading={rerun.isPending}>Re-run (keeps locked pairs)</Button>
          : <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => run.mutate()} loading={run.isPending}>Run matching</Button>}
        {draft && <PublishButton programId={programId} proposal={current} />}
      </Group>
      <ProblemAlert error={rerun.error ?? run.error} />
      {current.warnings.length > 0 && (
        <Alert color="orange" variant="light" title="Warnings" icon={<IconAlertTriangle size={18} aria-hidden />}>
          <List size="sm" spacing={4}>{current.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}</List>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card padding="lg" component="section" aria-labelledby="distribution-heading">
            <Title order={2} fz="lg" id="distribution-heading" mb="sm">Score distribution</Title>
            <DistributionChart distribution={current.distribution} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <UnmatchedList title="Unmatched mentees" people={current.unmatchedMentees} empty="Every mentee waiting has a mentor in this proposal." />
          <UnmatchedList title="Mentors without a mentee" people={current.unmatchedMentors} empty="Every mentor with room has a mentee." mt="lg" />
        </Grid.Col>
      </Grid>
      <Card padding="lg" component="section" aria-labelledby="pairs-heading">
        <Title order={2} fz="lg" id="pairs-heading" mb={4}>Pairs ({current.pairs.length})</Title>
        <Text size="sm" c="dimmed" mb="md">
          {draft ? 'Lock a pair to keep it when you re-run; swap its mentor or remove it. Published pairs of earlier runs are not shown and never change.' : 'These pairs were published as relationships.'}
        </Text>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {current.pairs.map((pair) => <PairCard key={pair.id} programId={programId} pair={pair} editable={draft} />)}
        </Stack>
        {current.pairs.length === 0 && <Text size="sm" c="dimmed">No pairs.</Text>}
      </Card>
    </Stack>
  );
}

function ProposalHeader({ proposal }: { proposal: Proposal }) {
  const format = useFormat();
  const c = proposal.counts;
  const stats = [
    ['Pairs proposed', c.pairs], ['Locked', c.locked], ['Mentees unmatched', c.unmatchedMentees], ['Already paired', c.alreadyPaired],
  ] as const;
  return (
    <Card padding="lg">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={2} fz="lg">Proposal</Title>
            <Badge color={STATUS[proposal.status].color} variant="light">{STATUS[proposal.status].label}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Run {format.dateTime(proposal.createdAt)}{proposal.createdBy ? ` by ${proposal.createdBy.name}` : ' from the command line'}
            {proposal.publishedAt ? ` · published ${format.dateTime(proposal.publishedAt)}` : ''}
            {` · ${proposal.objective.kind === 'max_min' ? 'fairest lowest fit' : 'best total fit'}`}
          </Text>
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
        {stats.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
            <Text component="dd" m={0} fz={24} fw={700}>{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function UnmatchedList({ title, people, empty, mt }: { title: string; people: Unmatched[]; empty: string; mt?: string }) {
  return (
    <Card padding="lg" component="section" aria-label={title} mt={mt}>
      <Title order={2} fz="lg" mb="sm">{title} ({people.length})</Title>
      {people.length === 0 ? <Text size="sm" c="dimmed">{empty}</Text> : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {people.map((person) => (
            <li key={person.personId}>
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Text size="sm" fw={600}>{person.name}</Text>
                <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }}>{REASON_LABELS[person.reason] ?? person.reason}</Badge>
              </Group>
              <Text size="sm" c="dimmed">{sentence(person.explanation)}</Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function PairCard({ programId, pair, editable }: { programId: string; pair: ProposalPair; editable: boolean }) {
  const { orgId } = useOrg();
  const [open, { toggle }] = useDisclosure(false);
  const [swapping, setSwapping] = useState(false);
  const path = { orgId, programId, pairId: pair.id };
  const names = `${pair.mentee.name} with ${pair.mentor.name}`;
  const lock = useMentoringMutation(orgId, () => (pair.locked
    ? call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/proposal/pairs/{pairId}/unlock', { params: { path } }))
    : call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/proposal/pairs/{pairId}/lock', { params: { path } }))), {
    success: pair.locked ? `${names}: unlocked.` : `${names}: locked; a re-run keeps it.`, notifyErrors: true,
  });
  const remove = useMentoringMutation(orgId, () => call(api.DELETE('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/proposal/pairs/{pairId}', { params: { path } })), {
    success: `${names}: removed from the proposal.`, notifyErrors: true,
  });
  return (
    <Card withBorder padding="md" component="li" aria-label={`${pair.mentee.name} with ${pair.mentor.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={0} miw={0} style={{ flex: '1 1 280px' }}>
            <Text fw={700}>{pair.mentee.name} <Text span c="dimmed" fw={500}>with</Text> {pair.mentor.name}</Text>
            <Text size="xs" c="dimmed">{[pair.mentee.department, pair.mentor.department].map((d) => d || '—').join(' → ')}</Text>
          </Stack>
          <Group gap={6}>
            <Badge variant="light" color="cairn">{percent(pair.fit)} fit</Badge>
            {pair.locked && <Badge variant="light" color="violet" leftSection={<IconLock size={12} aria-hidden />}>Locked</Badge>}
            {pair.source === 'swapped' && <Badge variant="outline" color="gray">Chosen by an admin</Badge>}
          </Group>
        </Group>
        <Text size="sm">{pair.explanation}</Text>
        <Group gap="xs" justify="space-between">
          <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={open}>{open ? 'Hide the score' : 'How the score adds up'}</Button>
          {editable && (
            <Group gap="xs">
              <Button size="compact-sm" variant={pair.locked ? 'light' : 'default'} aria-pressed={pair.locked} aria-label={`${pair.locked ? 'Unlock' : 'Lock'} ${names}`}
                leftSection={pair.locked ? <IconLockOpen size={14} aria-hidden /> : <IconLock size={14} aria-hidden />} onClick={() => lock.mutate()} loading={lock.isPending}>
                {pair.locked ? 'Unlock' : 'Lock'}
              </Button>
              <Button size="compact-sm" variant="default" aria-label={`Swap the mentor of ${pair.mentee.name}`} leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => setSwapping(true)}>Swap</Button>
              <Button size="compact-sm" variant="default" color="red" aria-label={`Remove ${names}`} leftSection={<IconTrash size={14} aria-hidden />} onClick={() => remove.mutate()} loading={remove.isPending}>Remove</Button>
            </Group>
          )}
          {pair.relationshipId && <Anchor component={Link} to={`/orgs/${orgId}/mentoring/relationships/${pair.relationshipId}`} size="sm">Open the relationship</Anchor>}
        </Group>
        <Collapse expanded={open}>
          <ContributionTable contributions={pair.contributions} caption={`How the score of ${names} adds up (${pair.score.toFixed(2)} points)`} />
        </Collapse>
      </Stack>
      <Modal opened={swapping} onClose={() => setSwapping(false)} title={<Text fw={700}>Another mentor for {pair.mentee.name}</Text>}>
        {swapping && <SwapForm programId={programId} pair={pair} onClose={() => setSwapping(false)} />}
      </Modal>
    </Card>
  );
}

function SwapForm({ programId, pair, onClose }: { programId: string; pair: ProposalPair; onClose: () => void }) {
  const { orgId } = useOrg();
  const people = useApprovedPeople(orgId, programId);
  const [mentorId, setMentorId] = useState<string | null>(null);
  const swap = useMentoringMutation(orgId, (mentorPersonId: string) => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/proposal/pairs/{pairId}/swap', {
    params: { path: { orgId, programId, pairId: pair.id } }, body: { mentorPersonId },
  })), { success: `${pair.mentee.name} has another mentor in the proposal (locked).`, onSuccess: onClose });
  return (
    <Stack>
      <Text size="sm" c="dimmed">The new mentor must have room (running pairs and this proposal count) and break no rule: reporting line, exclusions, past pairs, pauses, language. The pair is then locked.</Text>
      <Select
        label="Mentor" placeholder="Choose a mentor" searchable data-autofocus value={mentorId} onChange={setMentorId}
        data={(people.data?.mentors ?? []).filter((m) => m.value !== pair.mentor.personId)} nothingFoundMessage="No approved mentor by that name"
      />
      <ProblemAlert error={swap.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button disabled={!mentorId} loading={swap.isPending} onClick={() => mentorId && swap.mutate(mentorId)}>Swap mentor</Button>
      </Group>
    </Stack>
  );
}

function PublishButton({ programId, proposal }: { programId: string; proposal: Proposal }) {
  const { orgId } = useOrg();
  const [opened, { open, close }] = useDisclosure(false);
  const publish = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/proposal/publish', {
    params: { path: { orgId, programId } }, body: { proposalId: proposal.id },
  })), { success: (result) => `Published: ${result.relationships} ${result.relationships === 1 ? 'relationship' : 'relationships'} began, and both people in each were told.`, onSuccess: close });
  const n = proposal.pairs.length;
  return (
    <>
      <Button leftSection={<IconSend size={16} aria-hidden />} onClick={open} disabled={n === 0}>Publish…</Button>
      <Modal opened={opened} onClose={close} title={<Text fw={700}>Publish {n} {n === 1 ? 'pair' : 'pairs'}?</Text>}>
        <Stack>
          <Text size="sm">Each pair becomes an active mentoring relationship, and both people are told by notice and email. This cannot be undone from here; a pair can later be concluded or re-paired from the program’s pairs.</Text>
          <ProblemAlert error={publish.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button onClick={() => publish.mutate()} loading={publish.isPending} data-autofocus>Publish {n} {n === 1 ? 'pair' : 'pairs'}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

