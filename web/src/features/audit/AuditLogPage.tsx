import { Badge, Card, Code, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, call, type Schema } from '../../platform/api/client';
import { keys } from '../../platform/api/queries';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { Empty, LoadError } from '../../platform/ui/states';

type AuditEvent = Schema<'AuditEvent'>;

/** Actions the server records, in words; an action missing here still shows, under its code. */
const ACTIONS: Record<string, string> = {
  'auth.signed_up': 'Signed up',
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.password_reset_requested': 'Password reset requested',
  'auth.password_reset': 'Password reset',
  'organization.created': 'Organization created',
  'organization.updated': 'Organization settings changed',
  'invitation.created': 'Invitation sent',
  'invitation.revoked': 'Invitation revoked',
  'invitation.accepted': 'Invitation accepted',
  'member.profile_changed': 'Member details changed',
  'member.roles_changed': 'Roles changed',
  'member.deactivated': 'Member deactivated',
  'member.reactivated': 'Member reactivated',
  'matching.published': 'Matching published',
};

const PAGE_SIZE = 25;

function detailText(event: AuditEvent): string {
  const detail = event.detail;
  const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') || 'none' : String(value));
  if (event.action === 'member.roles_changed' && 'before' in detail) return `${list(detail.before)} → ${list(detail.after)}`;
  if (event.action === 'matching.published') return `${String(detail.relationships)} pairs in ${String(detail.program)}`;
  if ('email' in detail && 'roles' in detail) return `${String(detail.email)} as ${list(detail.roles)}`;
  if ('email' in detail) return String(detail.email);
  if ('fields' in detail) return `Changed: ${list(detail.fields)}`;
  const entries = Object.entries(detail);
  return entries.length ? entries.map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join('; ') : '';
}

export function AuditLogPage() {
  const { orgId } = useOrg();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const events = useQuery({
    queryKey: [...keys.audit(orgId), { action, page }],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/audit-events', { params: { path: { orgId }, query: { ...(action ? { action } : {}), page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const options = Object.entries(ACTIONS).map(([value, label]) => ({ value, label }));
  if (action && !(action in ACTIONS)) options.push({ value: action, label: action });

  return (
    <>
      <PageHeader title="Audit log" description="Security-relevant events in this organization, newest first." />
      <Card padding={0}>
        <Group p="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Select
            aria-label="Filter by action"
            placeholder="All actions"
            data={options}
            value={action ?? null}
            onChange={(value) => setParams(value ? { action: value } : {}, { replace: true })}
            clearable
            searchable
            w={{ base: '100%', xs: 280 }}
          />
        </Group>
        {events.isError ? (
          <Stack p="md"><LoadError error={events.error} onRetry={() => void events.refetch()} /></Stack>
        ) : events.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true" aria-label="Loading events">{Array.from({ length: 6 }, (_, i) => <Skeleton key={i} h={32} />)}</Stack>
        ) : events.data.items.length === 0 ? (
          <Empty icon={<IconListDetails size={28} aria-hidden />} title="No events" description={action ? 'Nothing of this kind has happened yet.' : 'Events appear here as people sign in and change things.'} />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label="Audit events" aria-busy={events.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Details</Table.Th>
                  <Table.Th>IP address</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.createdAt)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{event.actorName ?? <Text span size="sm" c="dimmed">Not signed in</Text>}</Text></Table.Td>
                    <Table.Td>
                      <Badge color={event.action === 'auth.sign_in_failed' ? 'red' : event.action.startsWith('auth.') ? 'gray' : 'cairn'} variant="light" tt="none" fw={600}>
                        {ACTIONS[event.action] ?? event.action}
                      </Badge>
                    </Table.Td>
                    <Table.Td><Text size="sm">{detailText(event)}</Text></Table.Td>
                    <Table.Td>{event.ip ? <Code>{event.ip}</Code> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {events.data && events.data.total > 0 && (
          <Stack px="md" pb="md" gap={0}>
            <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} noun="events"
              onChange={(next) => setParams((current) => { const copy = new URLSearchParams(current); copy.set('page', String(next)); return copy; })} />
          </Stack>
        )}
      </Card>
    </>
  );
}
