import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call, errorMessage } from '../api/client';
import { keys, type Me } from '../api/queries';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1]![0] : '')).toUpperCase() || '?';
}

/** Ends the session; then shows the sign-in page, or `stayAt` (a public page like an invitation). */
export function useSignOut(stayAt?: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await call(api.POST('/api/auth/logout'));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Sign out failed', message: errorMessage(error) });
      return;
    }
    queryClient.clear();
    queryClient.setQueryData(keys.me, null);
    void navigate(stayAt ?? '/sign-in', { replace: true });
  };
}

export function PersonMenu({ me, orgId }: { me: Me; orgId?: string }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.person.name}`} style={{ borderRadius: 'var(--mantine-radius-xl)' }} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="cairn" radius="xl" size={32} aria-hidden>{initials(me.person.name)}</Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate="end" maw={160}>{me.person.name}</Text>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">{me.person.name}</Text>
          <Text size="xs" c="dimmed" truncate="end">{me.person.email}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={() => void navigate(orgId ? `/orgs/${orgId}/profile` : '/profile')}>
          Profile
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
