import { Avatar, Badge, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconLock } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { initials } from '../../platform/shell/PersonMenu';
import type { Health, RelationshipState } from './api';
import { HEALTH, STATE_COLORS, STATE_HINTS, STATE_LABELS } from './labels';

const HEALTH_ICONS = { on_track: IconCircleCheck, slipping: IconClockHour4, stalled: IconAlertTriangle } as const;

/** Health with an icon and words, never colour alone; the hint says what the word means. */
export function HealthBadge({ health, size = 'md' }: { health: Health | null; size?: 'sm' | 'md' | 'lg' }) {
  if (!health) return null;
  const { label, color, hint } = HEALTH[health];
  const Icon = HEALTH_ICONS[health];
  return (
    <Badge
      color={color} size={size} variant="light" title={hint}
      leftSection={<Icon size={size === 'sm' ? 12 : 14} aria-hidden />}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      <VisuallyHidden>Health: </VisuallyHidden>{label}
    </Badge>
  );
}

export function StateBadge({ state, size = 'md' }: { state: RelationshipState; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATE_COLORS[state]} size={size} variant="light" title={STATE_HINTS[state]} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** A person with their initials and the part they play ("Mentor"), optionally marked as you. */
export function PersonLine({ name, part, you, size = 'md', detail }: { name: string; part?: string; you?: boolean; size?: 'sm' | 'md'; detail?: ReactNode }) {
  return (
    <Group gap={10} wrap="nowrap" miw={0}>
      <Avatar color="cairn" radius="xl" size={size === 'sm' ? 28 : 38} aria-hidden>{initials(name)}</Avatar>
      <Stack gap={0} miw={0}>
        {part && <Text size="xs" c="dimmed" fw={600} tt="uppercase" lh={1.3}>{part}</Text>}
        <Text size="sm" fw={600} truncate>
          {name}
          {you && <Text span size="xs" c="dimmed" fw={500}> (you)</Text>}
        </Text>
        {detail && <Text size="xs" c="dimmed" truncate>{detail}</Text>}
      </Stack>
    </Group>
  );
}

/** A titled card section of a page. */
export function Section({ title, description, actions, children, id, padding = 'lg', order = 2 }: {
  title: ReactNode; description?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string; padding?: 'md' | 'lg'; order?: 2 | 3;
}) {
  const headingId = useId();
  return (
    <Card padding={padding} component="section" aria-labelledby={headingId} id={id}>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="wrap">
        <Stack gap={2} miw={0} style={{ flex: '1 1 240px' }}>
          <Title order={order} fz="lg" id={headingId}>{title}</Title>
          {description && <Text size="sm" c="dimmed">{description}</Text>}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Card>
  );
}

/** The mark on everything only its author reads. */
export function PrivateMark({ children = 'Only you can read this' }: { children?: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <IconLock size={14} aria-hidden color="var(--mantine-color-grape-8)" />
      <Text size="xs" fw={700} c="grape.8">{children}</Text>
    </Group>
  );
}

/** Today's date (YYYY-MM-DD) on the wall clock of a time zone. */
export function todayIn(zone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** "today", "tomorrow", "in 3 days", "2 days ago" for a calendar date. */
export function relativeDay(ymd: string, today: string): string {
  const days = daysBetween(today, ymd);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
