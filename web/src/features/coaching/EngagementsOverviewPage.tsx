import { Alert, Anchor, Button, Card, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconPlus, IconRoute } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { Empty, LoadError } from '../../platform/ui/states';
import { coachingKeys, type EngagementState } from './api';
import { STATE_LABELS, STATES } from './labels';
import { ProposeEngagementModal } from './ProposalModals';
import { AttainmentSummary, StateBadge } from './ui';

const PAGE_SIZE = 20;

/** /orgs/:orgId/coaching/engagements — every engagement's state, people, dates and attainment; never content. */
export function EngagementsOverviewPage() {
  const { orgId } = useOrg();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [proposing, setProposing] = useState(false);
  const stateParam = params.get('state');
  const state = stateParam && (STATES as string[]).includes(stateParam) ? (stateParam as EngagementState) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = { state, page, pageSize: PAGE_SIZE };
  const engagements = useQuery({
    queryKey: coachingKeys.engagements(orgId, filters),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements', { params: { path: { orgId }, query: { ...(state ? { state } : {}), page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string | undefined>) => setParams((current) => {
    const next = new URLSearchParams(current);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    return next;
  }, { replace: true });

  return (
    <>
      <PageHeader
        title="Engagements"
        description="Every coaching engagement in the organization: who, when, its state and how far its goals have come."
        actions={<Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setProposing(true)}>Propose an engagement</Button>}
      />
      <Alert role="note" variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} mb="md">
        As an admin you see attainment, never what happens in coaching: goals’ wording, sessions and notes stay between coach and client.
      </Alert>
      <Card padding={0}>
        <Group p="md" gap="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Select
            aria-label="Filter by state"
            placeholder="All states"
            data={STATES.map((value) => ({ value, label: STATE_LABELS[value] }))}
            value={state ?? null}
            onChange={(value) => update({ state: value ?? undefined })}
            clearable
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
        {engagements.isError ? (
          <Stack p="md"><LoadError error={engagements.error} onRetry={() => void engagements.refetch()} /></Stack>
        ) : engagements.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true" aria-label="Loading engagements">{[0, 1, 2, 3].map((index) => <Skeleton key={index} h={40} />)}</Stack>
        ) : engagements.data.items.length === 0 ? (
          <Empty
            icon={<IconRoute size={28} aria-hidden />}
            title={state ? `No ${STATE_LABELS[state].toLowerCase()} engagements` : 'No engagements yet'}
            description={state ? 'Try another state.' : 'Assign a coach from a request, or propose an engagement.'}
          >
            {state ? <Button variant="default" onClick={() => update({ state: undefined })}>Show every state</Button> : <Button onClick={() => setProposing(true)}>Propose an engagement</Button>}
          </Empty>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover aria-label="Engagements" aria-busy={engagements.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Engagement</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Coach</Table.Th>
                  <Table.Th>Client</Table.Th>
                  <Table.Th>Sponsor</Table.Th>
                  <Table.Th>Dates</Table.Th>
                  <Table.Th>Goal attainment</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {engagements.data.items.map((engagement) => (
                  <Table.Tr key={engagement.id}>
                    <Table.Td maw={260}>
                      <Anchor component={Link} to={`/orgs/${orgId}/coaching/engagements/${engagement.id}`} fw={600} size="sm" underline="hover">{engagement.title}</Anchor>
                    </Table.Td>
                    <Table.Td><StateBadge state={engagement.state} size="sm" /></Table.Td>
                    <Table.Td><Text size="sm">{engagement.coach.name}</Text></Table.Td>
                    <Table.Td><Text size="sm">{engagement.client.name}</Text></Table.Td>
                    <Table.Td><Text size="sm" c={engagement.sponsor ? undefined : 'dimmed'}>{engagement.sponsor?.name ?? 'None'}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{format.day(engagement.startDate)}</Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{engagement.closedAt ? `closed ${format.date(engagement.closedAt)}` : `to ${format.day(engagement.plannedEndDate)}`}</Text>
                    </Table.Td>
                    <Table.Td><AttainmentSummary attainment={engagement.attainment} label={engagement.title} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {engagements.data && engagements.data.total > 0 && (
          <Stack px="md" pb="md" gap={0}>
            <Pager page={page} pageSize={PAGE_SIZE} total={engagements.data.total} onChange={(next) => update({ page: String(next) })} noun="engagements" />
          </Stack>
        )}
      </Card>
      <ProposeEngagementModal opened={proposing} onClose={() => setProposing(false)} />
    </>
  );
}
