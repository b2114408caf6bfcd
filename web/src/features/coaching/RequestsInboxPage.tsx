import { Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconInbox, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, LoadError, ProblemAlert } from '../../platform/ui/states';
import { useCoachingMutation, useRequests, type CoachingRequest } from './api';
import { AssignRequestModal, ProposeEngagementModal } from './ProposalModals';
import { PersonLine } from './ui';

type Status = CoachingRequest['status'];
const STATUS_LABELS: Record<Status, { label: string; color: string }> = {
  open: { label: 'Open', color: 'amber' },
  assigned: { label: 'Coach assigned', color: 'cairn' },
  declined: { label: 'Declined', color: 'gray' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
};
const FILTERS = ['open', 'assigned', 'declined', 'withdrawn', 'all'] as const;

/** /orgs/:orgId/coaching/requests — the admin's inbox: assign a coach with the agreement, or decline. */
export function RequestsInboxPage() {
  const { orgId } = useOrg();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('status') as (typeof FILTERS)[number] | null;
  const filter = filterParam && FILTERS.includes(filterParam) ? filterParam : 'open';
  const requests = useRequests(orgId, filter === 'all' ? undefined : filter);
  const [assigning, setAssigning] = useState<CoachingRequest | null>(null);
  const [declining, setDeclining] = useState<CoachingRequest | null>(null);
  const [proposing, setProposing] = useState(false);
  const decline = useCoachingMutation(orgId, (request: CoachingRequest) => call(api.POST('/api/orgs/{orgId}/coaching-requests/{requestId}/decline', {
    params: { path: { orgId, requestId: request.id } },
  })), { success: (answer) => `${answer.client.name}’s request was declined.`, onSuccess: () => setDeclining(null) });

  return (
    <>
      <PageHeader
        title="Coaching requests"
        description="People asking for coaching. Assign a coach with the agreement’s terms, or decline."
        actions={<Button leftSection={<IconPlus size={16} aria-hidden />} variant="default" onClick={() => setProposing(true)}>Propose an engagement</Button>}
      />
      <Group mb="md">
        <SegmentedControl
          aria-label="Requests to show"
          value={filter}
          onChange={(value) => setParams(value === 'open' ? {} : { status: value }, { replace: true })}
          data={FILTERS.map((value) => ({ value, label: value === 'all' ? 'All' : STATUS_LABELS[value].label }))}
        />
      </Group>
      {requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label="Loading requests">{[0, 1, 2].map((index) => <Skeleton key={index} h={96} />)}</Stack>
      ) : requests.data.items.length === 0 ? (
        <Card>
          <Empty
            icon={<IconInbox size={28} aria-hidden />}
            title={filter === 'open' ? 'No open requests' : 'Nothing here'}
            description={filter === 'open' ? 'When someone asks for coaching, their request waits here for you.' : 'No requests with this status.'}
          />
        </Card>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Requests">
          {requests.data.items.map((request) => (
            <Card key={request.id} component="li" padding="lg" aria-label={`Request from ${request.client.name}`}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
                <Stack gap="xs" style={{ flex: '1 1 360px' }} miw={0}>
                  <Group gap="sm" wrap="wrap">
                    <PersonLine name={request.client.name} part="Client" />
                    <Badge color={STATUS_LABELS[request.status].color}>{STATUS_LABELS[request.status].label}</Badge>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{request.topic}</Text>
                  <Text size="xs" c="dimmed">
                    Asked {format.dateTime(request.createdAt)}
                    {request.preferredCoach && <> · would like to work with <strong>{request.preferredCoach.name}</strong></>}
                    {request.resolvedAt && <> · answered {format.dateTime(request.resolvedAt)}</>}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {request.status === 'open' && (
                    <>
                      <Button variant="default" color="red" onClick={() => setDeclining(request)}>Decline</Button>
                      <Button onClick={() => setAssigning(request)}>Assign a coach</Button>
                    </>
                  )}
                  {request.engagementId && (
                    <Anchor component={Link} to={`/orgs/${orgId}/coaching/engagements/${request.engagementId}`} size="sm">Open the engagement</Anchor>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <AssignRequestModal request={assigning} onClose={() => setAssigning(null)} />
      <ProposeEngagementModal opened={proposing} onClose={() => setProposing(false)} />
      <Modal opened={Boolean(declining)} onClose={() => setDeclining(null)} title={<Text fw={700}>Decline this request?</Text>}>
        <Stack>
          <Text size="sm">
            {declining?.client.name} will see the request as declined. Consider talking with them first: mentoring, or coaching later, may suit them.
          </Text>
          <ProblemAlert error={decline.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(null)}>Keep it open</Button>
            <Button color="red" loading={decline.isPending} onClick={() => declining && decline.mutate(declining)}>Decline</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
