import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client';

export function Loading({ label = 'Loading…', minHeight = 200 }: { label?: string; minHeight?: number | string }) {
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">{label}</Text>
      </Group>
    </Center>
  );
}

/** A failed load, with its reason and a way to try again. */
export function LoadError({ error, onRetry, title = 'This could not be loaded' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A refused write: the problem's title and detail (field errors are shown on the fields). */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" withCloseButton={Boolean(onClose)} onClose={onClose}>
      {errorMessage(error)}
    </Alert>
  );
}

/** An empty list or a page with nothing to show; `order` 1 when it is the whole page. */
export function Empty({ icon, title, description, children, order = 2 }: { icon: ReactNode; title: string; description?: ReactNode; children?: ReactNode; order?: 1 | 2 | 3 }) {
  return (
    <EmptyState py="xl" icon={icon} withIndicatorBackground>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      {description && <EmptyState.Description>{description}</EmptyState.Description>}
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}
