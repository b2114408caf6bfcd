import { Badge, Box, Button, Card, Collapse, Group, Skeleton, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEye, IconMessages, IconNotes, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, ProblemAlert } from '../../platform/ui/states';
import { FRESH, mentoringKeys, useMentoringMutation, type CheckIn, type Reflection, type Relationship } from './api';
import { PrivateMark, Section, todayIn } from './ui';

const PRIVATE_BOX = { background: 'var(--mantine-color-grape-0)', border: '1px solid var(--mantine-color-grape-2)', borderRadius: 'var(--mantine-radius-md)' } as const;

/**
 * The author's own reflections in a relationship. Reading them is audited, so they load only when
 * the author asks, and do not refetch by themselves.
 */
function useReflections(orgId: string, relationshipId: string, shown: boolean) {
  return useQuery({
    queryKey: mentoringKeys.reflections(orgId, relationshipId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/reflections', { params: { path: { orgId, relationshipId } } })),
    enabled: shown,
    staleTime: Infinity,
  });
}

/** Check-ins both sides read, and under each, the viewer's private reflection on it. */
export function CheckInsSection({ relationship }: { relationship: Relationship }) {
  const { orgId } = useOrg();
  const running = relationship.state === 'active' || relationship.state === 'paused';
  const checkIns = useQuery({
    queryKey: mentoringKeys.checkIns(orgId, relationship.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/check-ins', { params: { path: { orgId, relationshipId: relationship.id } } })),
    ...FRESH,
  });
  const [logging, setLogging] = useState(false);
  const [shown, setShown] = useState(false);
  const reflections = useReflections(orgId, relationship.id, shown);

  return (
    <Section
      title="Check-ins"
      id="check-ins"
      description="Each time you meet: the day, the topics, and notes you both read."
      actions={running && !logging && <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setLogging(true)}>Log a check-in</Button>}
    >
      <Collapse expanded={logging}>
        {logging && <LogCheckInForm relationship={relationship} reflectionsShown={shown} onDone={() => setLogging(false)} />}
      </Collapse>
      <Box p="sm" mb="md" style={PRIVATE_BOX}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 300px' }}>
            <PrivateMark>Your private reflections: only you can read them</PrivateMark>
            <Text size="xs" c="dimmed">
              Not your {relationship.yourParts.includes('mentor') ? 'mentee' : 'mentor'}, not the program’s admins. Each time you open them, Cairn notes that you did, never what they say.
            </Text>
          </Stack>
          {!shown ? (
            <Button size="xs" variant="light" color="grape" leftSection={<IconEye size={14} aria-hidden />} onClick={() => setShown(true)}>Show your reflections</Button>
          ) : reflections.isFetching ? (
            <Text size="xs" c="dimmed">Loading…</Text>
          ) : reflections.isError ? (
            <Text size="xs" c="red.9">Could not load them.</Text>
          ) : (
            <Text size="xs" c="grape.8" fw={600}>Shown below each check-in</Text>
          )}
        </Group>
      </Box>
      {checkIns.isError ? (
        <LoadError error={checkIns.error} onRetry={() => void checkIns.refetch()} />
      ) : checkIns.isPending ? (
        <Stack aria-busy="true" aria-label="Loading check-ins">{[0, 1].map((i) => <Skeleton key={i} h={90} />)}</Stack>
      ) : checkIns.data.items.length === 0 ? (
        <Empty icon={<IconMessages size={24} aria-hidden />} title="No check-ins yet" order={3}
          description={running ? 'After you talk, either of you logs the day and the topics. Health follows the rhythm you keep.' : 'No check-in was logged.'} />
      ) : (
        <Stack gap="md" component="ol" aria-label="Check-ins" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {checkIns.data.items.map((checkIn) => (
            <CheckInItem key={checkIn.id} checkIn={checkIn} relationship={relationship} running={running}
              reflections={shown && reflections.data ? reflections.data.items.filter((r) => r.checkInId === checkIn.id) : null} />
          ))}
        </Stack>
      )}
      {shown && reflections.data && reflections.data.items.some((r) => !r.checkInId) && (
        <Stack gap="xs" mt="md">
          <Text size="sm" fw={600}>Your other reflections</Text>
          {reflections.data.items.filter((r) => !r.checkInId).map((r) => <ReflectionText key={r.id} reflection={r} />)}
        </Stack>
      )}
    </Section>
  );
}

function LogCheckInForm({ relationship, reflectionsShown, onDone }: { relationship: Relationship; reflectionsShown: boolean; onDone: () => void }) {
  const { orgId, me } = useOrg();
  const queryClient = useQueryClient();
  const today = todayIn(me.person.timeZone);
  const form = useForm({
    initialValues: { metOn: today, topics: [] as string[], sharedNotes: '', reflection: '' },
    validate: {
      metOn: (value) => (!value ? 'Pick the day you met' : value > today ? 'Not in the future' : null),
      topics: (value) => (value.length ? null : 'Name at least one topic'),
    },
  });
  const log = useMentoringMutation(orgId, async (values: typeof form.values) => {
    const checkIn = await call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/check-ins', {
      params: { path: { orgId, relationshipId: relationship.id } },
      body: { metOn: values.metOn, topics: values.topics, sharedNotes: values.sharedNotes.trim() },
    }));
    if (values.reflection.trim()) {
      await call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/reflections', {
        params: { path: { orgId, relationshipId: relationship.id } }, body: { body: values.reflection.trim(), checkInId: checkIn.id },
      }));
    }
    return checkIn;
  }, {
    success: (_, values) => (values.reflection.trim() ? 'Check-in logged, with your private reflection.' : 'Check-in logged.'),
    onSuccess: () => {
      if (reflectionsShown) void queryClient.invalidateQueries({ queryKey: mentoringKeys.reflections(orgId, relationship.id) });
      form.reset();
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => log.mutate(values, { onError: (error) => showFieldErrors(form, error) }))} aria-label="Log a check-in">
      <Card padding="md" mb="md" bg="stone.0">
        <Stack>
          <ProblemAlert error={log.error} />
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput type="date" label="Day you met" required max={today} w={180} {...form.getInputProps('metOn')} />
            <TagsInput label="Topics" description="Press Enter after each (up to 12)" required maxTags={12} style={{ flex: '1 1 280px' }} data-autofocus
              {...form.getInputProps('topics')} />
          </Group>
          <Textarea label="Shared notes" description="Both of you read these" autosize minRows={3} maxRows={10} maxLength={10_000} {...form.getInputProps('sharedNotes')} />
          <Box p="sm" style={PRIVATE_BOX}>
            <Textarea
              label="Your private reflection (optional)"
              description={<PrivateMark />}
              autosize minRows={2} maxRows={8} maxLength={10_000}
              {...form.getInputProps('reflection')}
            />
          </Box>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>Cancel</Button>
            <Button type="submit" loading={log.isPending}>Log check-in</Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

function CheckInItem({ checkIn, relationship, running, reflections }: { checkIn: CheckIn; relationship: Relationship; running: boolean; reflections: Reflection[] | null }) {
  const { me } = useOrg();
  const format = useFormat();
  const [reflecting, setReflecting] = useState(false);
  const [editing, setEditing] = useState(false);
  const mine = checkIn.loggedBy.personId === me.person.id;
  if (editing) return <Card component="li" padding="md"><EditCheckInForm relationship={relationship} checkIn={checkIn} onDone={() => setEditing(false)} /></Card>;
  return (
    <Card component="li" padding="md" aria-label={`Check-in on ${format.day(checkIn.metOn)}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="xs">
        <Stack gap={2}>
          <Text fw={700}>{format.day(checkIn.metOn)}</Text>
          <Text size="xs" c="dimmed">logged by {mine ? 'you' : checkIn.loggedBy.name}{checkIn.editedAt && ' · edited'}</Text>
        </Stack>
        <Group gap={6} aria-label="Topics">
          {checkIn.topics.map((topic) => <Badge key={topic} color="blue" variant="light" tt="none">{topic}</Badge>)}
        </Group>
      </Group>
      {checkIn.sharedNotes ? (
        <Group gap={8} wrap="nowrap" align="flex-start">
          <IconNotes size={16} aria-label="Shared notes" style={{ flexShrink: 0, marginTop: 3 }} />
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{checkIn.sharedNotes}</Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">No shared notes.</Text>
      )}
      {reflections && reflections.length > 0 && (
        <Stack gap="xs" mt="sm">{reflections.map((reflection) => <ReflectionText key={reflection.id} reflection={reflection} />)}</Stack>
      )}
      {running && (
        reflecting ? (
          <ReflectionForm relationship={relationship} checkIn={checkIn} onDone={() => setReflecting(false)} />
        ) : (
          <Group justify="flex-end" mt="xs" gap="xs">
            {mine && <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setEditing(true)} aria-label={`Edit the check-in of ${format.day(checkIn.metOn)}`}>Edit</Button>}
            <Button size="compact-sm" variant="subtle" color="grape" onClick={() => setReflecting(true)} aria-label={`Add a private reflection on the check-in of ${format.day(checkIn.metOn)}`}>
              Add a private reflection
            </Button>
          </Group>
        )
      )}
    </Card>
  );
}

/** The one who logged a check-in corrects it (the other side adds their own). */
function EditCheckInForm({ relationship, checkIn, onDone }: { relationship: Relationship; checkIn: CheckIn; onDone: () => void }) {
  const { orgId, me } = useOrg();
  const today = todayIn(me.person.timeZone);
  const form = useForm({
    initialValues: { metOn: checkIn.metOn, topics: checkIn.topics, sharedNotes: checkIn.sharedNotes },
    validate: {
      metOn: (value) => (!value ? 'Pick the day you met' : value > today ? 'Not in the future' : null),
      topics: (value) => (value.length ? null : 'Name at least one topic'),
    },
  });
  const save = useMentoringMutation(orgId, (values: typeof form.values) => call(api.PATCH('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/check-ins/{checkInId}', {
    params: { path: { orgId, relationshipId: relationship.id, checkInId: checkIn.id } },
    body: { metOn: values.metOn, topics: values.topics, sharedNotes: values.sharedNotes.trim() },
  })), { success: 'Check-in corrected.', onSuccess: onDone });
  return (
    <form noValidate aria-label="Edit the check-in" onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack>
        <ProblemAlert error={save.error} />
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput type="date" label="Day you met" required max={today} w={180} {...form.getInputProps('metOn')} />
          <TagsInput label="Topics" required maxTags={12} style={{ flex: '1 1 280px' }} {...form.getInputProps('topics')} />
        </Group>
        <Textarea label="Shared notes" description="Both of you read these" autosize minRows={3} maxRows={10} maxLength={10_000} {...form.getInputProps('sharedNotes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReflectionText({ reflection }: { reflection: Reflection }) {
  const format = useFormat();
  return (
    <Box p="sm" style={PRIVATE_BOX}>
      <Group justify="space-between" gap="xs" mb={4}>
        <PrivateMark>{reflection.kind === 'closing' ? 'Closing reflection · only you can read this' : 'Only you can read this'}</PrivateMark>
        <Text size="xs" c="dimmed">{format.dateTime(reflection.createdAt)}</Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{reflection.body}</Text>
    </Box>
  );
}

function ReflectionForm({ relationship, checkIn, onDone }: { relationship: Relationship; checkIn: CheckIn; onDone: () => void }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { body: '' }, validate: { body: (value) => (value.trim() ? null : 'Write your reflection') } });
  const write = useMentoringMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/reflections', {
    params: { path: { orgId, relationshipId: relationship.id } }, body: { body: values.body.trim(), checkInId: checkIn.id },
  })), {
    onSuccess: () => {
      notifications.show({ color: 'grape', message: 'Reflection saved. Only you can read it.' });
      if (queryClient.getQueryData(mentoringKeys.reflections(orgId, relationship.id))) {
        void queryClient.invalidateQueries({ queryKey: mentoringKeys.reflections(orgId, relationship.id) });
      }
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => write.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Box p="sm" mt="sm" style={PRIVATE_BOX}>
        <Stack gap="sm">
          <ProblemAlert error={write.error} />
          <Textarea label="Your private reflection" description={<PrivateMark />} required autosize minRows={2} maxRows={8} maxLength={10_000} data-autofocus
            {...form.getInputProps('body')} />
          <Group justify="flex-end" gap="sm">
            <Button size="xs" variant="default" onClick={onDone}>Cancel</Button>
            <Button size="xs" color="grape" type="submit" loading={write.isPending}>Save privately</Button>
          </Group>
        </Stack>
      </Box>
    </form>
  );
}
