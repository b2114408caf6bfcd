import { Alert, Badge, Button, Card, Grid, Group, NumberInput, Paper, Progress, Radio, Stack, Table, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconClockHour4, IconFlag, IconInfoCircle } from '@tabler/icons-react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { useCoachingMutation, useGoals, type EngagementDetail, type Goal } from './api';
import { number } from './labels';
import { Section } from './ui';

const RATINGS = [
  { value: '1', label: '1 — Not helpful' },
  { value: '2', label: '2 — A little helpful' },
  { value: '3', label: '3 — Helpful' },
  { value: '4', label: '4 — Very helpful' },
  { value: '5', label: '5 — Made a real difference' },
];

/**
 * Closing an engagement: the client writes a reflection and evaluates the coaching, the coach
 * writes a reflection and each goal's final value. With both parts in, it is completed and the
 * outcomes (baseline → final against the target) are shown.
 */
export function ClosurePanel({ engagement }: { engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const goals = useGoals(orgId, engagement.id);
  // Final values start from each goal's current value: wait for a fresh read, not a cached one.
  if (goals.isPending || (goals.isFetching && !goals.isFetchedAfterMount)) return <Loading label="Loading goals…" />;
  if (goals.isError) return <LoadError error={goals.error} onRetry={() => void goals.refetch()} />;
  if (engagement.state === 'completed') return <Outcomes engagement={engagement} goals={goals.data.items} />;

  const closure = engagement.closure;
  const isClient = engagement.yourParts.includes('client');
  const isCoach = engagement.yourParts.includes('coach');
  const clientDone = Boolean(closure?.clientReflection);
  const coachDone = Boolean(closure?.coachReflection);

  return (
    <Stack gap="lg">
      {!engagement.closureProposed && (
        <Alert role="note" variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} title="Not every goal has reached its target">
          Cairn proposes closure when every goal is met. You may still close now, with the outcomes as they stand, or keep working.
        </Alert>
      )}
      <Card padding="lg">
        <Title order={2} fz="lg" mb="sm">Closing the engagement</Title>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}><Step done={clientDone} who={engagement.client.name} what="Reflection and evaluation (client)" /></Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}><Step done={coachDone} who={engagement.coach.name} what="Reflection and final values (coach)" /></Grid.Col>
        </Grid>
      </Card>
      {isClient && (clientDone ? (
        <Section title="Your reflection"><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{closure?.clientReflection}</Text><Text size="sm" c="dimmed" mt="sm">Waiting for your coach’s part.</Text></Section>
      ) : <ClientClosureForm engagement={engagement} />)}
      {isCoach && (coachDone ? (
        <Section title="Your reflection"><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{closure?.coachReflection}</Text><Text size="sm" c="dimmed" mt="sm">Waiting for the client’s part.</Text></Section>
      ) : <CoachClosureForm engagement={engagement} goals={goals.data.items} />)}
    </Stack>
  );
}

function Step({ done, who, what }: { done: boolean; who: string; what: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon radius="xl" size={32} color={done ? 'cairn' : 'stone'} variant={done ? 'filled' : 'light'} aria-hidden>
        {done ? <IconCheck size={18} /> : <IconClockHour4 size={18} />}
      </ThemeIcon>
      <Stack gap={0}>
        <Text size="sm" fw={600}>{what}</Text>
        <Text size="xs" c="dimmed">{who} · {done ? 'written' : 'waiting'}</Text>
      </Stack>
    </Group>
  );
}

function ClientClosureForm({ engagement }: { engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const form = useForm({
    initialValues: { reflection: '', evaluationRating: '', evaluationComment: '' },
    validate: {
      reflection: (value) => (value.trim() ? null : 'Write a few lines on what changed for you'),
      evaluationRating: (value) => (value ? null : 'Rate the coaching from 1 to 5'),
    },
  });
  const submit = useCoachingMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/closure', {
    params: { path: { orgId, engagementId: engagement.id } },
    body: { client: { reflection: values.reflection.trim(), evaluationRating: Number(values.evaluationRating), evaluationComment: values.evaluationComment.trim() } },
  })), { success: (detail) => (detail.state === 'completed' ? 'The engagement is completed. Its outcomes are below.' : 'Your reflection and evaluation are saved.') });
  return (
    <Section title="Your reflection and evaluation" description="Only you and your coach read these; the sponsor and admins do not.">
      <form noValidate onSubmit={form.onSubmit((values) => submit.mutate(values, { onError: (error) => showFieldErrors(form, error, { 'client.reflection': 'reflection', 'client.evaluationRating': 'evaluationRating', 'client.evaluationComment': 'evaluationComment' }) }))}>
        <Stack gap="md">
          <ProblemAlert error={submit.error} />
          <Textarea label="Reflection" description="What changed for you, and what will you keep doing?" required autosize minRows={4} maxRows={10} maxLength={5000} {...form.getInputProps('reflection')} />
          <Radio.Group label="How helpful was the coaching?" required {...form.getInputProps('evaluationRating')}>
            <Stack gap={6} mt="xs">
              {RATINGS.map((rating) => <Radio key={rating.value} value={rating.value} label={rating.label} />)}
            </Stack>
          </Radio.Group>
          <Textarea label="Comment on the coaching (optional)" autosize minRows={2} maxRows={6} maxLength={3000} {...form.getInputProps('evaluationComment')} />
          <Group justify="flex-end"><Button type="submit" loading={submit.isPending}>Submit reflection and evaluation</Button></Group>
        </Stack>
      </form>
    </Section>
  );
}

function CoachClosureForm({ engagement, goals }: { engagement: EngagementDetail; goals: Goal[] }) {
  const { orgId } = useOrg();
  const form = useForm({
    initialValues: { reflection: '', finals: Object.fromEntries(goals.map((goal) => [goal.id, goal.currentValue as number | string])) },
    validate: {
      reflection: (value) => (value.trim() ? null : 'Write your closing reflection'),
      finals: (value) => (Object.values(value).some((entry) => entry === '' || Number.isNaN(Number(entry))) ? 'Give every goal its final value' : null),
    },
  });
  const submit = useCoachingMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/closure', {
    params: { path: { orgId, engagementId: engagement.id } },
    body: { coach: { reflection: values.reflection.trim(), finalValues: goals.map((goal) => ({ goalId: goal.id, value: Number(values.finals[goal.id]) })) } },
  })), { success: (detail) => (detail.state === 'completed' ? 'The engagement is completed. Its outcomes are below.' : 'Your reflection and the final values are saved.') });
  return (
    <Section title="Your reflection and the final values" description="The final value of each goal’s measure becomes its outcome.">
      <form noValidate onSubmit={form.onSubmit((values) => submit.mutate(values, { onError: (error) => showFieldErrors(form, error, { 'coach.reflection': 'reflection', 'coach.finalValues': 'finals' }) }))}>
        <Stack gap="md">
          <ProblemAlert error={submit.error} />
          <Textarea label="Reflection" description="What you saw change, and what the client takes forward" required autosize minRows={4} maxRows={10} maxLength={5000} {...form.getInputProps('reflection')} />
          {goals.length > 0 && (
            <Stack gap="sm">
              <Text size="sm" fw={500}>Final values</Text>
              {goals.map((goal, index) => (
                <Paper key={goal.id} p="sm" withBorder>
                  <Group justify="space-between" wrap="wrap" gap="sm" align="flex-end">
                    <Stack gap={2} style={{ flex: '1 1 280px' }} miw={0}>
                      <Text size="sm" fw={600}>Goal {index + 1}: {goal.statement}</Text>
                      <Text size="xs" c="dimmed">Baseline {number(goal.baselineValue)} · target {number(goal.targetValue)} {goal.unit} · current {number(goal.currentValue)}</Text>
                    </Stack>
                    <NumberInput
                      label={`Final value of goal ${index + 1}`}
                      w={200}
                      required
                      {...form.getInputProps(`finals.${goal.id}`)}
                    />
                  </Group>
                </Paper>
              ))}
              {form.errors.finals && <Text size="sm" c="red.9">{form.errors.finals}</Text>}
            </Stack>
          )}
          <Group justify="flex-end"><Button type="submit" loading={submit.isPending}>Submit reflection and final values</Button></Group>
        </Stack>
      </form>
    </Section>
  );
}

function Outcomes({ engagement, goals }: { engagement: EngagementDetail; goals: Goal[] }) {
  const met = goals.filter((goal) => {
    const final = goal.finalValue ?? goal.currentValue;
    return goal.targetValue >= goal.baselineValue ? final >= goal.targetValue : final <= goal.targetValue;
  }).length;
  const closure = engagement.closure;
  return (
    <Stack gap="lg">
      <Card padding="lg" bg="cairn.0" style={{ borderColor: 'var(--mantine-color-cairn-2)' }}>
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={44} radius="md" aria-hidden><IconFlag size={24} /></ThemeIcon>
          <Stack gap={2}>
            <Title order={2} fz="lg">Outcomes</Title>
            <Text size="sm">{met} of {goals.length} goals reached their target. Baseline → final value, against the target.</Text>
          </Stack>
        </Group>
      </Card>
      <Card padding={0}>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Outcomes per goal" verticalSpacing="md">
            <Table.Thead>
              <Table.Tr><Table.Th>Goal</Table.Th><Table.Th>Baseline</Table.Th><Table.Th>Final</Table.Th><Table.Th>Target</Table.Th><Table.Th>Result</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {goals.map((goal) => {
                const final = goal.finalValue ?? goal.currentValue;
                const reached = goal.targetValue >= goal.baselineValue ? final >= goal.targetValue : final <= goal.targetValue;
                const share = goal.targetValue === goal.baselineValue ? 1 : Math.max(0, Math.min(1, (final - goal.baselineValue) / (goal.targetValue - goal.baselineValue)));
                return (
                  <Table.Tr key={goal.id}>
                    <Table.Td maw={340}>
                      <Text size="sm" fw={600}>{goal.statement}</Text>
                      <Progress mt={6} value={Math.round(share * 100)} size="sm" radius="xl" color={reached ? 'cairn' : 'blue'} aria-label={`${goal.statement}: ${Math.round(share * 100)}% of the way`} />
                    </Table.Td>
                    <Table.Td><Text size="sm">{number(goal.baselineValue)} {goal.unit}</Text></Table.Td>
                    <Table.Td><Text size="sm" fw={700}>{number(final)} {goal.unit}</Text></Table.Td>
                    <Table.Td><Text size="sm">{number(goal.targetValue)} {goal.unit}</Text></Table.Td>
                    <Table.Td>{reached ? <Badge color="cairn">Target reached</Badge> : <Badge color="orange">Short of target</Badge>}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {closure && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Section title={`${engagement.client.name}’s reflection`}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{closure.clientReflection}</Text>
              {closure.clientEvaluation && (
                <Stack gap={4} mt="md">
                  <Text size="sm" fw={600}>Evaluation: {closure.clientEvaluation.rating} out of 5</Text>
                  {closure.clientEvaluation.comment && <Text size="sm" c="dimmed">“{closure.clientEvaluation.comment}”</Text>}
                </Stack>
              )}
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Section title={`${engagement.coach.name}’s reflection`}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{closure.coachReflection}</Text>
            </Section>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
