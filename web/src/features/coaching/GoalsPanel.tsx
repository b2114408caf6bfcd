import {
  ActionIcon, Badge, Button, Card, Grid, Group, Menu, Modal, NumberInput, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDots, IconEdit, IconPlus, IconTarget, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, call, isStatus } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { useCoachingMutation, useGoals, useTimeline, type EngagementDetail, type Goal, type GoalList, type GoalTimeline } from './api';
import { GoalsTimelineChart, ProgressChart } from './charts';
import { GrowTab, MilestonesTab, ObstaclesTab } from './GoalParts';
import { number, percent } from './labels';
import { todayIn } from './time';
import { GoalBar, Section } from './ui';

/**
 * The engagement's goals: SMART goals with a baseline and a target, their progress against the
 * planned path, milestones on the engagement's timeline, the GROW worksheet and obstacles. The
 * sponsor, when the agreement shares goals, sees goals, progress and milestones only.
 */
export function GoalsPanel({ engagement }: { engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const goals = useGoals(orgId, engagement.id);
  const timeline = useTimeline(orgId, engagement.id);
  const [creating, setCreating] = useState(false);

  if (goals.isPending) return <Loading label="Loading goals…" />;
  if (goals.isError) {
    if (isStatus(goals.error, 403, 404)) {
      return <Card><Empty icon={<IconTarget size={28} aria-hidden />} title="Goals are not shared with you" description={goals.error.detail} /></Card>;
    }
    return <LoadError error={goals.error} onRetry={() => void goals.refetch()} />;
  }
  const list = goals.data;
  const sponsorView = list.view === 'sponsor';

  return (
    <Stack gap="lg">
      <Card padding="lg">
        <Group justify="space-between" wrap="wrap" gap="md">
          <Group gap="xl" wrap="wrap">
            <Stat label="Goals" value={String(list.attainment.goals)} />
            <Stat label="Targets met" value={`${list.attainment.met} of ${list.attainment.goals}`} />
            <Stat label="Average progress" value={percent(list.attainment.meanProgress)} />
          </Group>
          {list.mayEdit && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>Add a goal</Button>}
        </Group>
      </Card>

      {list.items.length === 0 ? (
        <Card>
          <Empty
            icon={<IconTarget size={28} aria-hidden />}
            title="No goals yet"
            description={list.mayEdit
              ? 'Coaching goals are SMART: specific, measurable from a baseline to a target, achievable, relevant to the client, and time-bound. Write the first one together.'
              : 'The coach and the client have not written goals yet.'}
          >
            {list.mayEdit && <Button onClick={() => setCreating(true)}>Write the first goal</Button>}
          </Empty>
        </Card>
      ) : (
        <>
          {timeline.data && (
            <Section title="Timeline" description="Each goal’s milestones against the engagement’s dates, filled as far as the goal has come.">
              <GoalsTimelineChart timeline={timeline.data} />
            </Section>
          )}
          {list.items.map((goal, index) => (
            <GoalCard key={goal.id} goal={goal} index={index} list={list} timeline={timeline.data} engagement={engagement} sponsorView={sponsorView} />
          ))}
        </>
      )}
      <GoalFormModal engagementId={engagement.id} opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">{label}</Text>
      <Text fz="xl" fw={700}>{value}</Text>
    </Stack>
  );
}

function GoalCard({ goal, index, list, timeline, engagement, sponsorView }: {
  goal: Goal; index: number; list: GoalList; timeline?: GoalTimeline; engagement: EngagementDetail; sponsorView: boolean;
}) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string | null>('progress');
  const timelineGoal = timeline?.goals.find((candidate) => candidate.goalId === goal.id);
  const path = { orgId, engagementId: engagement.id, goalId: goal.id };
  const remove = useCoachingMutation(orgId, () => call(api.DELETE('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}', { params: { path } })), {
    success: 'Goal deleted.', notifyErrors: true,
  });
  const openObstacles = goal.obstacles?.filter((obstacle) => !obstacle.resolvedAt).length ?? 0;
  const headingId = `goal-${goal.id}`;

  return (
    <Card padding="lg" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap-reverse" gap="sm" mb="sm">
        <Stack gap={4} miw={0} style={{ flex: '1 1 320px' }}>
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">Goal {index + 1}</Text>
          <Title order={2} fz="lg" id={headingId}>{goal.statement}</Title>
          <Text size="sm" c="dimmed">Measured by: {goal.measure}</Text>
          {goal.whyItMatters && <Text size="sm"><Text span fw={600}>Why it matters: </Text>{goal.whyItMatters}</Text>}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {goal.met ? <Badge color="cairn">Target met</Badge> : goal.dueDate && <Badge color="stone" variant="light">Due {format.day(goal.dueDate)}</Badge>}
          {list.mayEdit && (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Goal ${index + 1} actions`}><IconDots size={18} aria-hidden /></ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setEditing(true)}>Edit goal</Menu.Item>
                <Menu.Item
                  leftSection={<IconTrash size={14} aria-hidden />}
                  color="red"
                  disabled={goal.progress.length > 0}
                  onClick={() => remove.mutate(undefined)}
                >
                  {goal.progress.length > 0 ? 'Delete (not once progress is recorded)' : 'Delete goal'}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <GoalBar baseline={goal.baselineValue} target={goal.targetValue} current={goal.currentValue} unit={goal.unit} progress={goal.progressShare} met={goal.met} label={goal.statement} />

      <Tabs value={tab} onChange={setTab} mt="md" keepMounted={false}>
        <Tabs.List aria-label={`Goal ${index + 1} details`}>
          <Tabs.Tab value="progress">Progress</Tabs.Tab>
          <Tabs.Tab value="milestones">Milestones ({goal.milestones.length})</Tabs.Tab>
          {!sponsorView && <Tabs.Tab value="grow">GROW worksheet</Tabs.Tab>}
          {!sponsorView && <Tabs.Tab value="obstacles">Obstacles{openObstacles ? ` (${openObstacles} open)` : ''}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="progress" pt="md">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: list.mayRecordProgress ? 8 : 12 }}>
              {timelineGoal && timeline ? (
                <ProgressChart goal={timelineGoal} startDate={timeline.startDate} plannedEndDate={timeline.plannedEndDate} today={timeline.today} />
              ) : <Text size="sm" c="dimmed">The chart appears once the agreement’s dates are known.</Text>}
              <ProgressHistory goal={goal} engagementId={engagement.id} mayEdit={list.mayRecordProgress} />
            </Grid.Col>
            {list.mayRecordProgress && (
              <Grid.Col span={{ base: 12, md: 4 }}>
                <RecordProgress goal={goal} engagementId={engagement.id} />
              </Grid.Col>
            )}
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="milestones" pt="md">
          <MilestonesTab goal={goal} engagement={engagement} mayEdit={list.mayEdit} />
        </Tabs.Panel>
        {!sponsorView && <Tabs.Panel value="grow" pt="md"><GrowTab goal={goal} engagementId={engagement.id} mayEdit={list.mayEdit} /></Tabs.Panel>}
        {!sponsorView && <Tabs.Panel value="obstacles" pt="md"><ObstaclesTab goal={goal} engagementId={engagement.id} mayEdit={list.mayEdit} /></Tabs.Panel>}
      </Tabs>
      <GoalFormModal engagementId={engagement.id} goal={goal} opened={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

function ProgressHistory({ goal, engagementId, mayEdit }: { goal: Goal; engagementId: string; mayEdit: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const remove = useCoachingMutation(orgId, (progressId: string) => call(api.DELETE('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/progress/{progressId}', {
    params: { path: { orgId, engagementId, goalId: goal.id, progressId } },
  })), { success: 'Progress update removed.', notifyErrors: true });
  if (goal.progress.length === 0) return <Text size="sm" c="dimmed" mt="sm">No progress recorded yet.</Text>;
  return (
    <Stack gap={0} mt="md" component="ul" aria-label="Progress updates" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {[...goal.progress].reverse().map((entry) => (
        <Group key={entry.id} component="li" justify="space-between" wrap="nowrap" gap="sm" py={8} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Stack gap={0} miw={0}>
            <Text size="sm"><Text span fw={700}>{number(entry.value)}</Text> {goal.unit} · {format.day(entry.recordedOn)}</Text>
            {entry.note && <Text size="xs" c="dimmed">{entry.note}</Text>}
            <Text size="xs" c="dimmed">recorded by {entry.recordedBy.name}</Text>
          </Stack>
          {mayEdit && (
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove the update of ${format.day(entry.recordedOn)}`} onClick={() => remove.mutate(entry.id)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function RecordProgress({ goal, engagementId }: { goal: Goal; engagementId: string }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const form = useForm({
    initialValues: { value: '' as number | string, recordedOn: todayIn(format.timeZone), note: '' },
    validate: {
      value: (value) => (value === '' || Number.isNaN(Number(value)) ? 'Enter the value you measured' : null),
      recordedOn: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Pick the date it was measured'),
    },
  });
  const record = useCoachingMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}/progress', {
    params: { path: { orgId, engagementId, goalId: goal.id } },
    body: { value: Number(values.value), recordedOn: values.recordedOn, ...(values.note.trim() ? { note: values.note.trim() } : {}) },
  })), {
    success: (updated) => (updated.met ? 'Progress recorded. The target is met!' : 'Progress recorded.'),
    onSuccess: () => form.reset(),
  });
  return (
    <Card withBorder padding="md" bg="stone.0" component="section" aria-label={`Record progress on goal: ${goal.statement}`}>
      <Text fw={600} size="sm" mb="sm">Record progress</Text>
      <form noValidate onSubmit={form.onSubmit((values) => record.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
        <Stack gap="sm">
          <ProblemAlert error={record.error} />
          <NumberInput label={`Value${goal.unit ? ` (${goal.unit})` : ''}`} description={`Target ${number(goal.targetValue)}`} required {...form.getInputProps('value')} />
          <TextInput type="date" label="Measured on" required {...form.getInputProps('recordedOn')} />
          <Textarea label="Note" autosize minRows={1} maxRows={4} maxLength={2000} {...form.getInputProps('note')} />
          <Button type="submit" loading={record.isPending}>Record</Button>
        </Stack>
      </form>
    </Card>
  );
}

/** Write or change a SMART goal. */
function GoalFormModal({ engagementId, goal, opened, onClose }: { engagementId: string; goal?: Goal; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={700}>{goal ? 'Edit goal' : 'Add a goal'}</Text>}>
      {opened && <GoalForm engagementId={engagementId} goal={goal} onClose={onClose} />}
    </Modal>
  );
}

function GoalForm({ engagementId, goal, onClose }: { engagementId: string; goal?: Goal; onClose: () => void }) {
  const { orgId } = useOrg();
  const form = useForm({
    initialValues: {
      statement: goal?.statement ?? '', measure: goal?.measure ?? '', baselineValue: (goal?.baselineValue ?? '') as number | string,
      targetValue: (goal?.targetValue ?? '') as number | string, unit: goal?.unit ?? '', whyItMatters: goal?.whyItMatters ?? '', dueDate: goal?.dueDate ?? '',
    },
    validate: {
      statement: (value) => (value.trim() ? null : 'Say specifically what will be different'),
      measure: (value) => (value.trim() ? null : 'Say how it will be measured'),
      baselineValue: (value) => (value === '' ? 'Where does it stand today?' : null),
      targetValue: (value, values) => (value === '' ? 'Where should it get to?' : Number(value) === Number(values.baselineValue) ? 'The target must differ from the baseline' : null),
    },
  });
  const save = useCoachingMutation(orgId, async (values: typeof form.values) => {
    const body = {
      statement: values.statement.trim(), measure: values.measure.trim(), baselineValue: Number(values.baselineValue), targetValue: Number(values.targetValue),
      unit: values.unit.trim(), whyItMatters: values.whyItMatters.trim(), dueDate: values.dueDate || null,
    };
    return goal
      ? call(api.PATCH('/api/orgs/{orgId}/engagements/{engagementId}/goals/{goalId}', { params: { path: { orgId, engagementId, goalId: goal.id } }, body }))
      : call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/goals', { params: { path: { orgId, engagementId } }, body }));
  }, { success: goal ? 'Goal saved.' : 'Goal added.', onSuccess: onClose });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">A good coaching goal is specific, measurable, achievable, relevant to the client, and time-bound.</Text>
        <ProblemAlert error={save.error} />
        <Textarea label="Goal" description="Specific: what will be different?" required autosize minRows={2} maxRows={4} maxLength={500} data-autofocus {...form.getInputProps('statement')} />
        <TextInput label="Measure" description="Measurable: how you will know, e.g. “one-to-ones held per fortnight”" required maxLength={1000} {...form.getInputProps('measure')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <NumberInput label="Baseline" description="Where it is today" required {...form.getInputProps('baselineValue')} />
          <NumberInput label="Target" description="Where it should get to" required {...form.getInputProps('targetValue')} />
          <TextInput label="Unit" description="e.g. meetings, %" maxLength={40} {...form.getInputProps('unit')} />
        </SimpleGrid>
        <Textarea label="Why it matters" description="Relevant: why this goal matters to the client" autosize minRows={2} maxRows={5} maxLength={2000} {...form.getInputProps('whyItMatters')} />
        <TextInput type="date" label="Due date" description="Time-bound: by when (the engagement’s planned end if left empty)" {...form.getInputProps('dueDate')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>{goal ? 'Save goal' : 'Add goal'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
