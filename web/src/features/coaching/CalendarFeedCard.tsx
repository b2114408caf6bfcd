import { Alert, Anchor, Badge, Button, Card, CopyButton, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare, IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, errorMessage } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { coachingKeys } from './api';

/**
 * The personal calendar feed (iCalendar) of one's coaching sessions in this organization. Its URL
 * is a secret shown once, when made; making a new one revokes the old.
 */
export function CalendarFeedCard({ orgId, orgName }: { orgId: string; orgName: string }) {
  const format = useFormat();
  const queryClient = useQueryClient();
  const [made, setMade] = useState<{ url: string; webcalUrl: string } | null>(null);
  const [revoking, setRevoking] = useState(false);
  const status = useQuery({
    queryKey: coachingKeys.feed(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/calendar-feed', { params: { path: { orgId } } })),
  });
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/orgs/{orgId}/calendar-feed', { params: { path: { orgId } } })),
    onSuccess: async (feed) => {
      setMade({ url: feed.url, webcalUrl: feed.webcalUrl });
      await queryClient.invalidateQueries({ queryKey: coachingKeys.feed(orgId) });
    },
  });
  const revoke = useMutation({
    mutationFn: () => call(api.DELETE('/api/orgs/{orgId}/calendar-feed', { params: { path: { orgId } } })),
    onSuccess: async () => {
      setRevoking(false);
      setMade(null);
      notifications.show({ color: 'cairn', message: 'Calendar feed revoked. Its URL no longer works.' });
      await queryClient.invalidateQueries({ queryKey: coachingKeys.feed(orgId) });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) }),
  });

  return (
    <Card padding="lg" component="section" aria-labelledby="feed-title">
      <Group gap="sm" mb={4} wrap="nowrap">
        <IconCalendarShare size={20} aria-hidden />
        <Title order={2} fz="lg" id="feed-title">Calendar feed</Title>
        {status.data?.active && <Badge color="cairn">Active</Badge>}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Subscribe from your calendar application to see your coaching sessions in {orgName}: times and the other person’s name, never the focus or notes.
      </Text>
      {status.isPending ? <Loading minHeight={60} /> : status.isError ? <LoadError error={status.error} onRetry={() => void status.refetch()} /> : (
        <Stack gap="sm">
          <ProblemAlert error={create.error} />
          {made ? (
            <Alert role="note" color="cairn" variant="light" icon={<IconKey size={18} aria-hidden />} title="Your secret feed URL">
              <Stack gap="xs">
                <Text size="sm">Copy it now: for your safety Cairn shows it only this once. Anyone holding it can see your session times.</Text>
                <Group gap="xs" wrap="nowrap">
                  <TextInput aria-label="Calendar feed URL" value={made.url} readOnly onFocus={(event) => event.currentTarget.select()} style={{ flex: 1 }} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
                  <CopyButton value={made.url}>
                    {({ copied, copy }) => (
                      <Button onClick={copy} color={copied ? 'cairn' : undefined} variant={copied ? 'filled' : 'default'} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                        {copied ? 'Copied' : 'Copy'}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Anchor href={made.webcalUrl} size="sm">Open in your calendar application</Anchor>
              </Stack>
            </Alert>
          ) : status.data.active ? (
            <Text size="sm">You made a feed on {format.date(status.data.createdAt)}. Its URL was shown once; make a new one if you lost it (the old one stops working).</Text>
          ) : (
            <Text size="sm">You have no calendar feed.</Text>
          )}
          <Group gap="sm">
            <Button variant={status.data.active ? 'default' : 'filled'} loading={create.isPending} onClick={() => create.mutate()}>
              {status.data.active ? 'Make a new URL' : 'Make a calendar feed'}
            </Button>
            {status.data.active && <Button variant="subtle" color="red" onClick={() => setRevoking(true)}>Revoke</Button>}
          </Group>
        </Stack>
      )}
      <Modal opened={revoking} onClose={() => setRevoking(false)} title={<Text fw={700}>Revoke the calendar feed?</Text>}>
        <Stack>
          <Text size="sm">Calendars subscribed to it stop receiving your sessions. You can make a new feed at any time.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(false)}>Keep it</Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>Revoke</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
