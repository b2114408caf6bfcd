import { Badge, Group } from '@mantine/core';
import type { Role } from '../api/client';
import { ROLE_COLORS, ROLE_LABELS } from '../roles';

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  if (roles.length === 0) return <Badge color="gray" variant="outline">No role</Badge>;
  return (
    <Group gap={6}>
      {roles.map((role) => <Badge key={role} color={ROLE_COLORS[role]}>{ROLE_LABELS[role]}</Badge>)}
    </Group>
  );
}
