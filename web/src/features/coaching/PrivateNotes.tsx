import { Button, Card, Group, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { coachingKeys, type PrivateNote } from './api';

/**
 * The coach's private notes on a session. Only their author can ever read them: not the client,
 * not the sponsor, not an admin. Reading them is written to the audit log, so they are fetched
 * when the coach asks, not on every visit; writing one answers without its text.
 */
export function PrivateNotesPanel({ sessionId }: { sessionId: string }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(false);
  const notes = useQuery({
    queryKey: coachingKeys.privateNotes(orgId, sessionId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/sessions/{sessionId}/private-notes', { params: { path: { orgId, sessionId } } })),
    enabled: shown,
    staleTime: Infinity,
    refetchOnMount: false,
  });
  const form = useForm({ initialValues: { body: '' }, validate: { body: (value) => (value.trim() ? null : 'Write the note first') } });
  const write = useMutation({
    mutationFn: (body: string) => call(api.POST('/api/orgs/{orgId}/sessions/{sessionId}/private-notes', { params: { path: { orgId, sessionId } }, body: { body } })),
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'cairn', message: 'Private note saved. Only you can read it.' });
      if (shown) await queryClient.invalidateQueries({ queryKey: coachingKeys.privateNotes(orgId, sessionId) });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Card
      padding="lg"
      component="section"
      aria-labelledby="private-notes-title"
      bg="var(--mantine-color-grape-0)"
      style={{ borderColor: 'var(--mantine-color-grape-3)', borderStyle: 'dashed', borderWidth: 1.5 }}
    >
      <Group gap="sm" wrap="nowrap" mb={4}>
        <ThemeIcon color="grape" variant="light" radius="xl" aria-hidden><IconLock size={16} /></ThemeIcon>
        <Title order={2} fz="md" id="private-notes-title">Your private notes</Title>
      </Group>
      <Text size="sm" fw={700} c="grape.9">Only you can read these.</Text>
      <Text size="xs" c="dimmed" mb="md">
        They are not part of the shared record: the client, the sponsor and admins never see them. Each time you open them, the read is recorded in the audit log.
      </Text>
      <form noValidate onSubmit={form.onSubmit((values) => write.mutate(values.body.trim()))}>
        <Stack gap="sm">
          <ProblemAlert error={write.error} />
          <Textarea label="New private note" autosize minRows={3} maxRows={10} maxLength={20000} styles={{ input: { background: 'white' } }} {...form.getInputProps('body')} />
          <Group justify="flex-end"><Button type="submit" color="grape" variant="light" loading={write.isPending}>Save private note</Button></Group>
        </Stack>
      </form>
      <Stack gap="sm" mt="md">
        {!shown ? (
          <Button variant="subtle" color="grape" onClick={() => setShown(true)}>Show your private notes</Button>
        ) : notes.isPending ? (
          <Loading label="Opening your private notes…" minHeight={60} />
        ) : notes.isError ? (
          <LoadError error={notes.error} onRetry={() => void notes.refetch()} />
        ) : notes.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">You have no private notes on this session.</Text>
        ) : (
          <Stack gap="xs" component="ul" aria-label="Your private notes" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {notes.data.items.map((note) => <PrivateNoteItem key={note.id} note={note} sessionId={sessionId} updatedLabel={format.dateTime(note.updatedAt)} />)}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function PrivateNoteItem({ note, sessionId, updatedLabel }: { note: PrivateNote; sessionId: string; updatedLabel: string }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const form = useForm({ initialValues: { body: note.body }, validate: { body: (value) => (value.trim() ? null : 'A note cannot be empty') } });
  const save = useMutation({
    mutationFn: (body: string) => call(api.PUT('/api/orgs/{orgId}/private-notes/{noteId}', { params: { path: { orgId, noteId: note.id } }, body: { body } })),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: coachingKeys.privateNotes(orgId, sessionId) });
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Card component="li" padding="sm" withBorder>
      {editing ? (
        <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values.body.trim()))}>
          <Stack gap="xs">
            <Textarea aria-label="Private note" autosize minRows={3} maxRows={10} maxLength={20000} {...form.getInputProps('body')} />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>Cancel</Button>
              <Button size="xs" color="grape" type="submit" loading={save.isPending}>Save</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
          <Group justify="space-between" mt={6}>
            <Text size="xs" c="dimmed">{updatedLabel}</Text>
            <Button size="compact-xs" variant="subtle" color="grape" onClick={() => setEditing(true)}>Edit</Button>
          </Group>
        </>
      )}
    </Card>
  );
}
