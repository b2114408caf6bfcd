import { Accordion, ActionIcon, Badge, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Checkbox, Paper } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { coachingKeys, useCoachingMutation, type EngagementDetail, type Goal, type GrowHistory } from './api';
import { todayIn } from './time';

/** Milestones on the way to a goal: tick them off, add them, move them. */
export function MilestonesTab({ goal, engagement, mayEdit }: { goal: Goal; engagement: EngagementDetail; mayEdit: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const today = todayIn(format.timeZone);
  const base = { orgId, engagementId: engagement.id, goalId: goal.id };
  const toggle = useCoachingMutation(orgId, ({ id, done }: { id: string; done: boolean }) => call(done
    ? api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/milestones/{milestoneId}/complete', { params: { path: { ...base, milestoneId: id } } })
    : api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/milestones/{milestoneId}/reopen', { params: { path: { ...base, milestoneId: id } } })), { notifyErrors: true });
  const remove = useCoachingMutation(orgId, (id: string) => call(api.DELETE('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/milestones/{milestoneId}', {
    params: { path: { ...base, milestoneId: id } },
  })), { success: 'Milestone deleted.', notifyErrors: true });
  const form = useForm({
    initialValues: { title: '', dueDate: '' },
    validate: {
      title: (value) => (value.trim() ? null : 'Name the milestone'),
      dueDate: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Pick a due date'),
    },
  });
  const add = useCoachingMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/milestones', {
    params: { path: base }, body: { title: values.title.trim(), dueDate: values.dueDate },
  })), { success: 'Milestone added.', onSuccess: () => form.reset(), notifyErrors: true });
  const milestones = [...goal.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  return (
    <Stack gap="md">
      {milestones.length === 0 ? <Text size="sm" c="dimmed">No milestones yet. Milestones mark the way to the target on the engagement’s timeline.</Text> : (
        <Stack gap={0} component="ul" aria-label="Milestones" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {milestones.map((milestone) => {
            const overdue = !milestone.doneAt && milestone.dueDate < today;
            const outside = milestone.dueDate < engagement.startDate || milestone.dueDate > engagement.plannedEndDate;
            return (
              <Group key={milestone.id} component="li" justify="space-between" wrap="nowrap" gap="sm" py={8} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                <Group gap="sm" wrap="nowrap" miw={0}>
                  {mayEdit ? (
                    <Checkbox
                      checked={toggle.isPending && toggle.variables?.id === milestone.id ? toggle.variables.done : Boolean(milestone.doneAt)}
                      disabled={toggle.isPending}
                      onChange={(event) => toggle.mutate({ id: milestone.id, done: event.currentTarget.checked })}
                      aria-label={`${milestone.title}: done`}
                    />
                  ) : null}
                  <Stack gap={0} miw={0}>
                    <Text size="sm" td={milestone.doneAt ? 'line-through' : undefined} c={milestone.doneAt ? 'dimmed' : undefined}>{milestone.title}</Text>
                    <Text size="xs" c="dimmed">
                      due {format.day(milestone.dueDate)}{milestone.doneAt ? ` · done ${format.date(milestone.doneAt)}` : ''}
                    </Text>
                  </Stack>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  {milestone.doneAt ? <Badge size="sm" color="cairn">Done</Badge> : overdue ? <Badge size="sm" color="red">Overdue</Badge> : <Badge size="sm" color="stone">Ahead</Badge>}
                  {outside && <Badge size="sm" color="amber" variant="outline">Outside the engagement’s dates</Badge>}
                  {mayEdit && (
                    <ActionIcon variant="subtle" color="gray" aria-label={`Delete milestone ${milestone.title}`} onClick={() => remove.mutate(milestone.id)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
            );
          })}
        </Stack>
      )}
      {mayEdit && (
        <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput label="New milestone" placeholder="e.g. First design review led by the team" maxLength={300} style={{ flex: '1 1 260px' }} {...form.getInputProps('title')} />
            <TextInput type="date" label="Due" w={170} {...form.getInputProps('dueDate')} />
            <Button type="submit" mt={25} variant="light" loading={add.isPending}>Add milestone</Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

const GROW_PARTS = [
  { key: 'goal', label: 'Goal', hint: 'What do you want?' },
  { key: 'reality', label: 'Reality', hint: 'Where do things stand now?' },
  { key: 'options', label: 'Options', hint: 'What could you do?' },
  { key: 'will', label: 'Will', hint: 'What will you do, and by when?' },
] as const;

/** The GROW worksheet of a goal: the latest revision, a form to revisit it, and every earlier one. */
export function GrowTab({ goal, engagementId, mayEdit }: { goal: Goal; engagementId: string; mayEdit: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [writing, setWriting] = useState(false);
  const history = useQuery({
    queryKey: coachingKeys.grow(orgId, engagementId, goal.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/grow', { params: { path: { orgId, engagementId, goalId: goal.id } } })),
  });
  if (history.isPending) return <Loading label="Loading the worksheet…" />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  const latest = history.data.latest;

  if (writing) {
    return <GrowForm goal={goal} engagementId={engagementId} latest={latest} onDone={() => setWriting(false)} />;
  }
  return (
    <Stack gap="md">
      {latest ? (
        <>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="xs" c="dimmed">Revision {latest.revision} · written by {latest.writtenBy.name}, {format.dateTime(latest.createdAt)}</Text>
            {mayEdit && <Button size="xs" variant="light" onClick={() => setWriting(true)}>Revisit the worksheet</Button>}
          </Group>
          <GrowGrid revision={latest} />
        </>
      ) : (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed">No worksheet yet. GROW walks from the Goal through the Reality and the Options to what the client Will do.</Text>
          {mayEdit && <Button size="xs" variant="light" onClick={() => setWriting(true)}>Fill in the worksheet</Button>}
        </Group>
      )}
      {history.data.revisions.length > 1 && (
        <Accordion variant="separated" chevronPosition="left">
          <Accordion.Item value="history">
            <Accordion.Control>Earlier revisions ({history.data.revisions.length - 1})</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="lg">
                {history.data.revisions.slice(1).map((revision) => (
                  <Stack key={revision.id} gap="xs">
                    <Text size="xs" c="dimmed">Revision {revision.revision} · {revision.writtenBy.name}, {format.dateTime(revision.createdAt)}</Text>
                    <GrowGrid revision={revision} />
                  </Stack>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}

function GrowGrid({ revision }: { revision: NonNullable<GrowHistory['latest']> }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {GROW_PARTS.map((part) => (
        <Paper key={part.key} p="sm" bg="stone.0" withBorder={false}>
          <Text size="xs" fw={700} tt="uppercase" c="cairn.9">{part.label}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{revision[part.key] || <Text span c="dimmed" size="sm">—</Text>}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function GrowForm({ goal, engagementId, latest, onDone }: { goal: Goal; engagementId: string; latest: GrowHistory['latest']; onDone: () => void }) {
  const { orgId } = useOrg();
  const form = useForm({
    initialValues: { goal: latest?.goal ?? goal.statement, reality: latest?.reality ?? '', options: latest?.options ?? '', will: latest?.will ?? '' },
    validate: { will: (_value, values) => (Object.values(values).some((text) => text.trim()) ? null : 'Write at least one part') },
  });
  const save = useCoachingMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/grow', {
    params: { path: { orgId, engagementId, goalId: goal.id } },
    body: { goal: values.goal.trim(), reality: values.reality.trim(), options: values.options.trim(), will: values.will.trim() },
  })), { success: 'Worksheet saved as a new revision.', onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">Each save is a new revision; earlier ones are kept.</Text>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {GROW_PARTS.map((part) => (
            <Textarea key={part.key} label={part.label} description={part.hint} autosize minRows={3} maxRows={8} maxLength={5000} {...form.getInputProps(part.key)} />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save revision</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What stands in the way of a goal: logged, then resolved (saying how), or reopened. */
export function ObstaclesTab({ goal, engagementId, mayEdit }: { goal: Goal; engagementId: string; mayEdit: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [resolving, setResolving] = useState<string | null>(null);
  const base = { orgId, engagementId, goalId: goal.id };
  const form = useForm({ initialValues: { description: '' }, validate: { description: (value) => (value.trim() ? null : 'Describe the obstacle') } });
  const log = useCoachingMutation(orgId, (description: string) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/obstacles', {
    params: { path: base }, body: { description },
  })), { success: 'Obstacle logged.', onSuccess: () => form.reset(), notifyErrors: true });
  const reopen = useCoachingMutation(orgId, (obstacleId: string) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/obstacles/{obstacleId}/reopen', {
    params: { path: { ...base, obstacleId } },
  })), { success: 'Obstacle reopened.', notifyErrors: true });
  const obstacles = goal.obstacles ?? [];

  return (
    <Stack gap="md">
      {obstacles.length === 0 ? <Text size="sm" c="dimmed">No obstacles logged.</Text> : (
        <Stack gap="sm" component="ul" aria-label="Obstacles" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {obstacles.map((obstacle) => (
            <Paper key={obstacle.id} component="li" p="sm" withBorder>
              <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
                <Stack gap={2} style={{ flex: '1 1 280px' }} miw={0}>
                  <Text size="sm">{obstacle.description}</Text>
                  <Text size="xs" c="dimmed">logged by {obstacle.loggedBy.name}, {format.date(obstacle.createdAt)}</Text>
                  {obstacle.resolution && <Text size="sm" mt={4}><Text span fw={600}>Resolved: </Text>{obstacle.resolution}</Text>}
                </Stack>
                <Group gap="xs">
                  <Badge color={obstacle.resolvedAt ? 'cairn' : 'orange'}>{obstacle.resolvedAt ? 'Resolved' : 'Open'}</Badge>
                  {mayEdit && !obstacle.resolvedAt && resolving !== obstacle.id && <Button size="xs" variant="light" onClick={() => setResolving(obstacle.id)}>Resolve</Button>}
                  {mayEdit && obstacle.resolvedAt && <Button size="xs" variant="subtle" onClick={() => reopen.mutate(obstacle.id)}>Reopen</Button>}
                </Group>
              </Group>
              {resolving === obstacle.id && <ResolveForm goalId={goal.id} engagementId={engagementId} obstacleId={obstacle.id} onDone={() => setResolving(null)} />}
            </Paper>
          ))}
        </Stack>
      )}
      {mayEdit && (
        <form noValidate onSubmit={form.onSubmit((values) => log.mutate(values.description.trim(), { onError: (error) => showFieldErrors(form, error) }))}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Textarea label="Log an obstacle" placeholder="What stands in the way?" autosize minRows={1} maxRows={4} maxLength={2000} style={{ flex: '1 1 300px' }} {...form.getInputProps('description')} />
            <Button type="submit" variant="light" loading={log.isPending}>Log obstacle</Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function ResolveForm({ goalId, engagementId, obstacleId, onDone }: { goalId: string; engagementId: string; obstacleId: string; onDone: () => void }) {
  const { orgId } = useOrg();
  const form = useForm({ initialValues: { resolution: '' }, validate: { resolution: (value) => (value.trim() ? null : 'Say how it was dealt with') } });
  const resolve = useCoachingMutation(orgId, (resolution: string) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/obstacles/{obstacleId}/resolve', {
    params: { path: { orgId, engagementId, goalId, obstacleId } }, body: { resolution },
  })), { success: 'Obstacle resolved.', onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => resolve.mutate(values.resolution.trim(), { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack gap="xs" mt="sm">
        <ProblemAlert error={resolve.error} />
        <Textarea label="How was it dealt with?" autosize minRows={2} maxRows={5} maxLength={2000} data-autofocus {...form.getInputProps('resolution')} />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>Cancel</Button>
          <Button size="xs" type="submit" loading={resolve.isPending}>Mark resolved</Button>
        </Group>
      </Stack>
    </form>
  );
}
