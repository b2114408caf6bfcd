import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled card section of a page (assessments and 360 feedback). */
export function Section({ title, description, actions, children, id, order = 2 }: {
  title: ReactNode; description?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string; order?: 2 | 3;
}) {
  const headingId = useId();
  return (
    <Card padding="lg" component="section" aria-labelledby={headingId} id={id}>
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
