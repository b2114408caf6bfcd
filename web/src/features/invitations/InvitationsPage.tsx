import { Badge, Button, Card, Group, Modal, SegmentedControl, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMailShare, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, call, type Schema } from '../../platform/api/client';
import { keys } from '../../platform/api/queries';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { RoleBadges } from '../../platform/ui/RoleBadges';
import { Empty, LoadError, ProblemAlert } from '../../platform/ui/states';
import { InviteModal } from './InviteModal';

type Invitation = Schema<'Invitation'>;
type State = Invitation['state'];

const STATE_COLORS: Record<State, string> = { pending: 'blue', accepted: 'cairn', revoked: 'red', expired: 'gray' };
const STATE_LABELS: Record<State, string> = { pending: 'Pending', accepted: 'Accepted', revoked: 'Revoked', expired: 'Expired' };
const FILTERS = ['all', 'pending', 'accepted', 'revoked', 'expired'] as const;
const PAGE_SIZE = 25;

export function InvitationsPage() {
  const { orgId, membership } = useOrg();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [inviting, invite] = useDisclosure(false);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const stateParam = params.get('state') as State | null;
  const state = stateParam && stateParam in STATE_LABELS ? stateParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const invitations = useQuery({
    queryKey: [...keys.invitations(orgId), { state, page }],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/invitations', { params: { path: { orgId }, query: { ...(state ? { state } : {}), page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => call(api.DELETE('/api/orgs/{orgId}/invitations/{invitationId}', { params: { path: { orgId, invitationId: invitation.id } } })),
    onSuccess: (_result, invitation) => {
      void queryClient.invalidateQueries({ queryKey: keys.invitations(orgId) });
      notifications.show({ color: 'cairn', title: 'Invitation revoked', message: `The link sent to ${invitation.email} no longer works.` });
      setRevoking(null);
    },
  });

  return (
    <>
      <PageHeader
        title="Invitations"
        description="People invited to join, and what became of each invitation. Links work for 7 days."
        actions={<Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>Invite people</Button>}
      />
      <Card padding={0}>
        <Group p="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <SegmentedControl
            aria-label="Invitation state"
            value={state ?? 'all'}
            onChange={(value) => setParams(value === 'all' ? {} : { state: value }, { replace: true })}
            data={FILTERS.map((value) => ({ value, label: value === 'all' ? 'All' : STATE_LABELS[value] }))}
          />
        </Group>
        {invitations.isError ? (
          <Stack p="md"><LoadError error={invitations.error} onRetry={() => void invitations.refetch()} /></Stack>
        ) : invitations.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true" aria-label="Loading invitations">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} h={36} />)}</Stack>
        ) : invitations.data.items.length === 0 ? (
          <Empty icon={<IconMailShare size={28} aria-hidden />} title={state ? `No ${STATE_LABELS[state].toLowerCase()} invitations` : 'No invitations yet'} description="Invite coaches, mentors and colleagues by email.">
            <Button onClick={invite.open}>Invite people</Button>
          </Empty>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Invitations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Invited by</Table.Th>
                  <Table.Th>Sent</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.items.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td><Text size="sm" fw={500}>{invitation.email}</Text></Table.Td>
                    <Table.Td><RoleBadges roles={invitation.roles} /></Table.Td>
                    <Table.Td><Badge color={STATE_COLORS[invitation.state]}>{STATE_LABELS[invitation.state]}</Badge></Table.Td>
                    <Table.Td><Text size="sm">{invitation.invitedByName}</Text></Table.Td>
                    <Table.Td><Text size="sm">{format.date(invitation.createdAt)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{invitation.state === 'pending' ? format.date(invitation.expiresAt) : '—'}</Text></Table.Td>
                    <Table.Td ta="right">
                      {invitation.state === 'pending' && (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(invitation)} aria-label={`Revoke invitation for ${invitation.email}`}>
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {invitations.data && invitations.data.total > 0 && (
          <Stack px="md" pb="md" gap={0}>
            <Pager page={page} pageSize={PAGE_SIZE} total={invitations.data.total} noun="invitations"
              onChange={(next) => setParams((current) => { const copy = new URLSearchParams(current); copy.set('page', String(next)); return copy; })} />
          </Stack>
        )}
      </Card>

      <Modal opened={revoking !== null} onClose={() => { setRevoking(null); revoke.reset(); }} title="Revoke this invitation?">
        <Stack>
          <Text size="sm">The link sent to <strong>{revoking?.email}</strong> will stop working. You can invite them again later.</Text>
          <ProblemAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>Keep it</Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking)}>Revoke invitation</Button>
          </Group>
        </Stack>
      </Modal>
      <InviteModal orgId={orgId} orgName={membership.orgName} opened={inviting} onClose={invite.close} />
    </>
  );
}
