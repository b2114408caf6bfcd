import { Alert, Box, Button, Card, Grid, Group, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconHeart, IconLeaf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { FRESH, mentoringKeys, useMentoringMutation, type Relationship } from './api';
import { PrivateMark, Section } from './ui';

/** The words both sides read once a relationship concludes, whoever ended it (the server's KIND_CONCLUSION_NOTICE). */
export const KIND_NOTICE = {
  title: 'Your mentoring relationship has come to a close',
  body: 'The relationship came to a natural close. That is a normal part of mentoring and nobody is at fault. Thank you for the time and care you gave.',
};

export function ConcludedNotice({ relationship }: { relationship: Relationship }) {
  const format = useFormat();
  return (
    <Card padding="lg" component="section" aria-labelledby="closed-heading" bg="indigo.0" style={{ borderColor: 'var(--mantine-color-indigo-2)' }}>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="xl" color="indigo" variant="light" aria-hidden><IconLeaf size={24} /></ThemeIcon>
        <Stack gap={4}>
          <Title order={2} fz="lg" id="closed-heading">{KIND_NOTICE.title}</Title>
          <Text size="sm">{KIND_NOTICE.body}</Text>
          {relationship.endedAt && <Text size="xs" c="dimmed">Concluded on {format.date(relationship.endedAt)}</Text>}
        </Stack>
      </Group>
    </Card>
  );
}

/** After the close: appreciations between the two (shared), and the viewer's closing reflection (private). */
export function ClosingPanel({ relationship }: { relationship: Relationship }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const closing = useQuery({
    queryKey: mentoringKeys.closing(orgId, relationship.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/closing', { params: { path: { orgId, relationshipId: relationship.id } } })),
    ...FRESH,
  });
  const other = relationship.mentor.personId === me.person.id ? relationship.mentee : relationship.mentor;
  const first = other.name.split(/\s+/)[0];
  if (closing.isPending) return <Loading label="Loading the closing words…" minHeight={120} />;
  if (closing.isError) return <LoadError error={closing.error} onRetry={() => void closing.refetch()} />;
  const data = closing.data;
  const theirs = data.appreciations.filter((a) => a.from.personId !== me.person.id);
  const yours = data.appreciations.filter((a) => a.from.personId === me.person.id);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title="Appreciations" description={`Shared between you and ${first}.`}>
          <Stack gap="sm">
            {theirs.length === 0 && yours.length === 0 && <Text size="sm" c="dimmed">No appreciation yet.</Text>}
            {[...theirs, ...yours].map((a) => (
              <Box key={a.id} p="sm" bg={a.from.personId === me.person.id ? 'stone.0' : 'cairn.0'} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
                <Group gap={6} mb={4}>
                  <IconHeart size={14} aria-hidden color="var(--mantine-color-red-8)" />
                  <Text size="xs" fw={700}>{a.from.personId === me.person.id ? 'From you' : `From ${a.from.name}`}</Text>
                  <Text size="xs" c="dimmed">· {format.date(a.createdAt)}</Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{a.body}</Text>
              </Box>
            ))}
            {data.mayWriteAppreciation && <AppreciationForm relationship={relationship} name={first ?? other.name} />}
          </Stack>
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title="Your closing reflection" description="What you take with you. For you alone.">
          {data.yourClosingReflectionWritten ? (
            <Alert variant="light" color="grape" role="status">
              <Stack gap={4}>
                <Text size="sm">You wrote your closing reflection. Read it again with “Show your reflections” under Check-ins.</Text>
                <PrivateMark />
              </Stack>
            </Alert>
          ) : data.mayWriteClosingReflection ? (
            <ClosingReflectionForm relationship={relationship} />
          ) : (
            <Text size="sm" c="dimmed">A closing reflection can be left once the relationship has concluded.</Text>
          )}
        </Section>
      </Grid.Col>
    </Grid>
  );
}

function AppreciationForm({ relationship, name }: { relationship: Relationship; name: string }) {
  const { orgId } = useOrg();
  const form = useForm({ initialValues: { body: '' }, validate: { body: (value) => (value.trim() ? null : 'Write a few words') } });
  const send = useMentoringMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/appreciations', {
    params: { path: { orgId, relationshipId: relationship.id } }, body: { body: values.body.trim() },
  })), { success: `Appreciation sent. ${name} will be told.` });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => send.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack gap="sm">
        <ProblemAlert error={send.error} />
        <Textarea label={`An appreciation for ${name}`} description={`${name} reads this; you can leave one`} required autosize minRows={3} maxRows={8} maxLength={5000}
          {...form.getInputProps('body')} />
        <Group justify="flex-end"><Button type="submit" loading={send.isPending} leftSection={<IconHeart size={16} aria-hidden />}>Send appreciation</Button></Group>
      </Stack>
    </form>
  );
}

function ClosingReflectionForm({ relationship }: { relationship: Relationship }) {
  const { orgId } = useOrg();
  const form = useForm({ initialValues: { body: '' }, validate: { body: (value) => (value.trim() ? null : 'Write your reflection') } });
  const write = useMentoringMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/closing-reflection', {
    params: { path: { orgId, relationshipId: relationship.id } }, body: { body: values.body.trim() },
  })), { onSuccess: () => notifications.show({ color: 'grape', message: 'Closing reflection saved. Only you can read it.' }) });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => write.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Box p="sm" style={{ background: 'var(--mantine-color-grape-0)', border: '1px solid var(--mantine-color-grape-2)', borderRadius: 'var(--mantine-radius-md)' }}>
        <Stack gap="sm">
          <ProblemAlert error={write.error} />
          <Textarea label="Closing reflection" description={<PrivateMark />} required autosize minRows={3} maxRows={8} maxLength={5000} {...form.getInputProps('body')} />
          <Group justify="flex-end"><Button color="grape" type="submit" loading={write.isPending}>Save privately</Button></Group>
        </Stack>
      </Box>
    </form>
  );
}
