import { Button, Menu, Text, UnstyledButton, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/queries';
import { ROLE_LABELS } from '../roles';
import { CreateOrganizationModal } from './CreateOrganizationModal';
import { NAV_ENTRIES, navEntriesFor, ORG_ICON } from './nav';
import { rememberOrg } from './org-context';

/** Moves to the same section of another organization when the person may use it there. */
function targetPath(pathname: string, currentOrgId: string | undefined, next: Me['memberships'][number]): string {
  const prefix = currentOrgId ? `/orgs/${currentOrgId}/` : null;
  const section = prefix && pathname.startsWith(prefix) ? pathname.slice(prefix.length).split('/')[0] ?? '' : '';
  const allowed = navEntriesFor(next.roles).some((entry) => entry.path === section && entry.path !== '');
  const known = NAV_ENTRIES.some((entry) => entry.path === section);
  return `/orgs/${next.orgId}${allowed && known ? `/${section}` : ''}`;
}

export function OrgSwitcher({ me, currentOrgId }: { me: Me; currentOrgId?: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [creating, createModal] = useDisclosure(false);
  const current = me.memberships.find((membership) => membership.orgId === currentOrgId);
  const OrgIcon = ORG_ICON;

  return (
    <>
      <Menu position="bottom-start" width={300} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={`${current?.orgName ?? 'Choose organization'}: switch organization`}
            px="sm" py={6}
            style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-gray-3)', maxWidth: '100%' }}
          >
            <Group gap={8} wrap="nowrap">
              <OrgIcon size={18} aria-hidden color="var(--mantine-color-cairn-8)" />
              <Text fw={600} size="sm" truncate="end" maw={{ base: 130, xs: 220, md: 280 }}>{current?.orgName ?? 'Choose organization'}</Text>
              <IconChevronDown size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your organizations</Menu.Label>
          {me.memberships.map((membership) => (
            <Menu.Item
              key={membership.orgId}
              onClick={() => {
                rememberOrg(membership.orgId);
                void navigate(targetPath(location.pathname, currentOrgId, membership));
              }}
              rightSection={membership.orgId === currentOrgId ? <IconCheck size={16} aria-label="current" /> : null}
            >
              <Text size="sm" fw={500}>{membership.orgName}</Text>
              <Text size="xs" c="dimmed">{membership.roles.map((role) => ROLE_LABELS[role]).join(', ') || 'No role'}</Text>
            </Menu.Item>
          ))}
          {me.memberships.length === 0 && <Menu.Item disabled>No organizations yet</Menu.Item>}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>Create organization</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateOrganizationModal opened={creating} onClose={createModal.close} />
    </>
  );
}

export function CreateOrganizationButton() {
  const [creating, createModal] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>Create organization</Button>
      <CreateOrganizationModal opened={creating} onClose={createModal.close} />
    </>
  );
}
