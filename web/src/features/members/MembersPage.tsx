import { Anchor, Badge, Button, Card, Group, Loader, SegmentedControl, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Outlet, useSearchParams } from 'react-router';
import type { Role } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { ROLE_OPTIONS, ROLES } from '../../platform/roles';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { CursorPager } from '../../platform/ui/CursorPager';
import { RoleBadges } from '../../platform/ui/RoleBadges';
import { Empty, LoadError } from '../../platform/ui/states';
import { InviteModal } from '../invitations/InviteModal';
import { useMembers, type MemberStatusFilter } from './api';

const PAGE_SIZE = 25;
const STATUSES: MemberStatusFilter[] = ['active', 'deactivated', 'all'];

/** The directory: search, filters and page live in the URL, so a view can be shared and reloaded. */
export function MembersPage() {
  const { orgId, membership, isAdmin } = useOrg();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [inviting, invite] = useDisclosure(false);

  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role = roleParam && (ROLES as string[]).includes(roleParam) ? (roleParam as Role) : undefined;
  const statusParam = params.get('status') as MemberStatusFilter | null;
  const status = isAdmin && statusParam && STATUSES.includes(statusParam) ? statusParam : 'active';
  // The page is a cursor (where it starts in name order) and, for "Showing 26–50", its position.
  const cursor = params.get('cursor') ?? undefined;
  const from = cursor ? Math.max(1, Number(params.get('from')) || 1) : 1;

  const update = (changes: Record<string, string | undefined>) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('cursor' in changes)) {
        next.delete('cursor');
        next.delete('from');
      }
      return next;
    }, { replace: true });
  };

  // The box updates at once; the URL (and so the list) follows when typing pauses.
  const [search, setSearch] = useState(q);
  const searchLater = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 300);

  const members = useMembers(orgId, { q: q || undefined, role, status: isAdmin ? status : undefined, cursor, pageSize: PAGE_SIZE });
  const filtered = Boolean(q || role || status !== 'active');
  const base = `/orgs/${orgId}/members`;
  const keepQuery = params.toString() ? `?${params.toString()}` : '';

  return (
    <>
      <PageHeader
        title="Members"
        description={`Everyone in ${membership.orgName}, with their roles.`}
        actions={isAdmin && <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>Invite people</Button>}
      />
      <Card padding={0}>
        <Group p="md" gap="sm" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <TextInput
            aria-label="Search members"
            placeholder="Search name, email, title or department"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={members.isFetching && !members.isPending ? <Loader size={14} aria-label="Searching" /> : null}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              searchLater(event.currentTarget.value);
            }}
            style={{ flex: '1 1 260px' }}
            type="search"
          />
          <Select
            aria-label="Filter by role"
            placeholder="All roles"
            data={ROLE_OPTIONS}
            value={role ?? null}
            onChange={(value) => update({ role: value ?? undefined })}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
          {isAdmin && (
            <SegmentedControl
              aria-label="Member status"
              value={status}
              onChange={(value) => update({ status: value === 'active' ? undefined : value })}
              data={[{ value: 'active', label: 'Active' }, { value: 'deactivated', label: 'Deactivated' }, { value: 'all', label: 'All' }]}
            />
          )}
        </Group>

        {members.isError ? (
          <Stack p="md"><LoadError error={members.error} onRetry={() => void members.refetch()} /></Stack>
        ) : members.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true" aria-label="Loading members">
            {Array.from({ length: 5 }, (_, index) => <Skeleton key={index} h={36} />)}
          </Stack>
        ) : members.data.items.length === 0 ? (
          filtered ? (
            <Empty icon={<IconSearch size={28} aria-hidden />} title="No members match" description="Try another search or clear the filters.">
              <Button variant="default" onClick={() => { searchLater.cancel(); setSearch(''); update({ q: undefined, role: undefined, status: undefined }); }}>Clear filters</Button>
            </Empty>
          ) : (
            <Empty icon={<IconUsers size={28} aria-hidden />} title="No members yet" description="Invite people to get started.">
              {isAdmin && <Button onClick={invite.open}>Invite people</Button>}
            </Empty>
          )
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover aria-label="Members" aria-busy={members.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Title and department</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>Manager</Table.Th>
                  <Table.Th>Joined</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => (
                  <Table.Tr key={member.personId}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`${base}/${member.personId}${keepQuery}`} fw={600} size="sm" underline="hover">{member.name}</Anchor>
                        {member.status === 'deactivated' && <Badge color="gray" variant="outline" size="sm">Deactivated</Badge>}
                      </Group>
                      <Text size="xs" c="dimmed">{member.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{member.title || '—'}</Text>
                      {member.department && <Text size="xs" c="dimmed">{member.department}</Text>}
                    </Table.Td>
                    <Table.Td><RoleBadges roles={member.roles} /></Table.Td>
                    <Table.Td><Text size="sm">{member.managerName ?? '—'}</Text></Table.Td>
                    <Table.Td><Text size="sm">{format.date(member.joinedAt)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {members.data && members.data.total > 0 && (
          <Stack px="md" pb="md" gap={0}>
            <CursorPager
              // A page with nothing before it is the first, wherever the URL said it was.
              first={members.data.previousCursor ? from : 1}
              shown={members.data.items.length}
              total={members.data.total}
              hasPrevious={members.data.previousCursor !== null}
              hasNext={members.data.nextCursor !== null}
              onPrevious={() => {
                const back = from - PAGE_SIZE;
                update(back > 1 && members.data.previousCursor ? { cursor: members.data.previousCursor, from: String(back) } : { cursor: undefined, from: undefined });
              }}
              onNext={() => update({ cursor: members.data.nextCursor ?? undefined, from: String(from + members.data.items.length) })}
              noun="members"
            />
          </Stack>
        )}
      </Card>
      {isAdmin && <InviteModal orgId={orgId} orgName={membership.orgName} opened={inviting} onClose={invite.close} />}
      <Outlet />
    </>
  );
}
