import { Avatar, Badge, Button, Card, Group, Modal, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { showFieldErrors } from '../../platform/api/forms';
import { initials } from '../../platform/shell/PersonMenu';
import { ProblemAlert } from '../../platform/ui/states';
import type { Attainment, EngagementState } from './api';
import { number, percent, STATE_COLORS, STATE_HINTS, STATE_LABELS } from './labels';

export function StateBadge({ state, size = 'md' }: { state: EngagementState; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATE_COLORS[state]} size={size} variant="light" title={STATE_HINTS[state]} style={{ flexShrink: 0, minWidth: 'max-content' }}>{STATE_LABELS[state]}</Badge>
  );
}

/** A person with their initials and the part they play ("Coach"), optionally marked as you. */
export function PersonLine({ name, part, you, size = 'md' }: { name: string; part?: string; you?: boolean; size?: 'sm' | 'md' }) {
  return (
    <Group gap={10} wrap="nowrap" miw={0}>
      <Avatar color="cairn" radius="xl" size={size === 'sm' ? 28 : 36} aria-hidden>{initials(name)}</Avatar>
      <Stack gap={0} miw={0}>
        {part && <Text size="xs" c="dimmed" fw={600} tt="uppercase" lh={1.3}>{part}</Text>}
        <Text size="sm" fw={600} truncate>
          {name}
          {you && <Text span size="xs" c="dimmed" fw={500}> (you)</Text>}
        </Text>
      </Stack>
    </Group>
  );
}

/** A titled card section of a page. */
export function Section({ title, description, actions, children, id, padding = 'lg' }: {
  title: ReactNode; description?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string; padding?: 'md' | 'lg';
}) {
  const headingId = useId();
  return (
    <Card padding={padding} component="section" aria-labelledby={headingId} id={id}>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="wrap">
        <Stack gap={2} miw={0} style={{ flex: '1 1 240px' }}>
          <Title order={2} fz="lg" id={headingId}>{title}</Title>
          {description && <Text size="sm" c="dimmed">{description}</Text>}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Card>
  );
}

/** Baseline → current of target, as a bar with the numbers beside it. */
export function GoalBar({ baseline, target, current, unit, progress, met, label }: {
  baseline: number; target: number; current: number; unit: string; progress: number; met: boolean; label: string;
}) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">Baseline {number(baseline)}</Text>
        <Text size="sm" fw={600}>
          {number(current)} <Text span size="xs" c="dimmed" fw={500}>of {number(target)} {unit}</Text>
        </Text>
      </Group>
      <Progress
        value={Math.round(progress * 100)}
        color={met ? 'cairn' : 'blue'}
        size="lg"
        radius="xl"
        aria-label={`${label}: ${percent(progress)} of the way from ${number(baseline)} to ${number(target)}`}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">{percent(progress)} of the way</Text>
        {met && <Badge color="cairn" size="sm" variant="light">Target met</Badge>}
      </Group>
    </Stack>
  );
}

/** Goals met, and the mean share of the way, compactly (tables, lists). */
export function AttainmentSummary({ attainment, label }: { attainment: Attainment | null; label: string }) {
  if (!attainment) return <Text size="sm" c="dimmed">Not shared</Text>;
  if (attainment.goals === 0) return <Text size="sm" c="dimmed">No goals yet</Text>;
  return (
    <Stack gap={4} miw={120}>
      <Text size="xs" fw={600}>{attainment.met} of {attainment.goals} goals met</Text>
      <Progress value={Math.round((attainment.meanProgress ?? 0) * 100)} size="sm" radius="xl" color={attainment.allMet ? 'cairn' : 'blue'} aria-label={`${label}: ${percent(attainment.meanProgress)} of the way on average`} />
    </Stack>
  );
}

/**
 * A decision that needs a reason (end early, cancel a session, decline): the dialog names the
 * consequence, and the reason is required.
 */
export function ReasonModal({ opened, onClose, title, description, label, confirm, color = 'red', onConfirm, pending, error, warning }: {
  opened: boolean; onClose: () => void; title: string; description: ReactNode; label: string; confirm: string; color?: string;
  onConfirm: (reason: string) => Promise<unknown>; pending: boolean; error: unknown; warning?: ReactNode;
}) {
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (value) => (value.trim() ? null : 'Give a reason') } });
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{title}</Text>}>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          try {
            await onConfirm(values.reason.trim());
            form.reset();
            onClose();
          } catch (failure) {
            showFieldErrors(form, failure);
          }
        })}
      >
        <Stack>
          <Text size="sm">{description}</Text>
          {warning}
          <ProblemAlert error={error} />
          <Textarea label={label} required autosize minRows={3} maxRows={8} maxLength={2000} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Keep it</Button>
            <Button type="submit" color={color} loading={pending}>{confirm}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function isOverdue(dueDate: string | null, today: string): boolean {
  return Boolean(dueDate && dueDate < today);
}

/** A URL in a location field becomes a link; anything else is shown as written. */
export function LocationText({ location }: { location: string }) {
  if (!location) return <Text size="sm" c="dimmed">No place or link yet</Text>;
  if (/^https?:\/\//i.test(location)) {
    return <Text size="sm" component="a" href={location} target="_blank" rel="noreferrer" td="underline" c="cairn.9" style={{ wordBreak: 'break-all' }}>{location}</Text>;
  }
  return <Text size="sm">{location}</Text>;
}
