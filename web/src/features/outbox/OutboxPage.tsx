import { Alert, Anchor, Badge, Button, Card, Group, Modal, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconInbox, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api, call, type Schema } from '../../platform/api/client';
import { keys } from '../../platform/api/queries';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { Empty, LoadError } from '../../platform/ui/states';

type OutboxMessage = Schema<'OutboxMessage'>;

const PAGE_SIZE = 25;
const STATUS: Record<string, { label: string; color: string }> = {
  dev: { label: 'Kept here', color: 'amber' },
  pending: { label: 'Sending', color: 'blue' },
  sent: { label: 'Sent', color: 'cairn' },
  failed: { label: 'Failed', color: 'red' },
};

/** Plain text with its http(s) links made clickable; nothing else is interpreted. */
export function Linkified({ text }: { text: string }): ReactNode {
  const parts = text.split(/(https?:\/\/[^\s<>"“”]+)/g);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <Anchor key={index} href={part} style={{ wordBreak: 'break-all' }}>{part}</Anchor>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

export function OutboxPage() {
  const { orgId } = useOrg();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [reading, setReading] = useState<OutboxMessage | null>(null);
  const outbox = useQuery({
    queryKey: [...keys.outbox(orgId), { page }],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/outbox', { params: { path: { orgId }, query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title="Outbox" description="Email Cairn sent to this organization and its members, newest first." />
      {outbox.data?.devMode && (
        <Alert color="amber" variant="light" icon={<IconInfoCircle size={20} aria-hidden />} title="No SMTP configured: mail stays here" mb="lg">
          This server has no mail server set up, so nothing is delivered. Open a message to read it and follow its links,
          or set <Text span ff="monospace" size="sm">SMTP_URL</Text> to send mail for real.
        </Alert>
      )}
      <Card padding={0}>
        {outbox.isError ? (
          <Stack p="md"><LoadError error={outbox.error} onRetry={() => void outbox.refetch()} /></Stack>
        ) : outbox.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true" aria-label="Loading messages">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} h={36} />)}</Stack>
        ) : outbox.data.items.length === 0 ? (
          <Empty icon={<IconInbox size={28} aria-hidden />} title="No mail yet" description="Invitations and password reset emails will appear here." />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover aria-label="Messages">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.items.map((message) => {
                  const status = STATUS[message.status] ?? { label: message.status, color: 'gray' };
                  return (
                    <Table.Tr key={message.id}>
                      <Table.Td><Text size="sm">{message.to}</Text></Table.Td>
                      <Table.Td>
                        <Anchor component="button" type="button" size="sm" fw={500} ta="left" onClick={() => setReading(message)}>
                          {message.subject}
                        </Anchor>
                      </Table.Td>
                      <Table.Td><Badge color={status.color}>{status.label}</Badge></Table.Td>
                      <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{format.dateTime(message.createdAt)}</Text></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {outbox.data && outbox.data.total > 0 && (
          <Stack px="md" pb="md" gap={0}>
            <Pager page={page} pageSize={PAGE_SIZE} total={outbox.data.total} noun="messages" onChange={(next) => setParams({ page: String(next) })} />
          </Stack>
        )}
      </Card>

      <Modal opened={reading !== null} onClose={() => setReading(null)} title={reading?.subject} size="lg">
        {reading && (
          <Stack gap="md">
            <Stack gap={2}>
              <Text size="sm"><Text span c="dimmed" size="sm">To: </Text>{reading.to}</Text>
              <Text size="sm"><Text span c="dimmed" size="sm">Created: </Text>{format.dateTime(reading.createdAt)}</Text>
              {reading.sentAt && <Text size="sm"><Text span c="dimmed" size="sm">Sent: </Text>{format.dateTime(reading.sentAt)}</Text>}
            </Stack>
            <Card bg="gray.0" padding="md" withBorder>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <Linkified text={reading.text} />
              </Text>
            </Card>
            <Group justify="flex-end"><Button variant="default" onClick={() => setReading(null)}>Close</Button></Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
