import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck } from '@tabler/icons-react';
import { errorMessage } from '../../platform/api/client';
import type { SaveStatus } from './autosave';

/** "Saved", "Saving…" or "Not saved" (with a retry), announced politely to screen readers. */
export function SaveIndicator({ status, savedAt, error, onRetry, idleText = 'Your answers are saved as you go' }: {
  status: SaveStatus; savedAt: Date | null; error: unknown; onRetry: () => void; idleText?: string;
}) {
  const time = savedAt ? savedAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : null;
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" miw={0}>
      {status === 'error' ? (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" aria-hidden />
          <Text size="sm" c="red.8" fw={600} truncate title={errorMessage(error)}>Not saved</Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>Try again</Button>
        </>
      ) : status === 'saved' ? (
        <>
          <IconCloudCheck size={16} color="var(--mantine-color-cairn-8)" aria-hidden />
          <Text size="sm" c="cairn.9" fw={600}>{time ? `Saved at ${time}` : idleText}</Text>
        </>
      ) : (
        <>
          <Loader size={12} aria-hidden />
          <Text size="sm" c="dimmed">Saving…</Text>
        </>
      )}
    </Group>
  );
}
