import { Alert, Avatar, Button, Checkbox, Divider, Drawer, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call, errorMessage, type Role } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { keys } from '../../platform/api/queries';
import { useFormat } from '../../platform/format';
import { languageName } from '../../platform/languages';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../platform/roles';
import { initials } from '../../platform/shell/PersonMenu';
import { useOrg } from '../../platform/shell/org-context';
import { RoleBadges } from '../../platform/ui/RoleBadges';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { useMember, type Member } from './api';

/** /orgs/:orgId/members/:personId — one member, over the list; admins manage them here. */
export function MemberDrawer() {
  const { orgId, isAdmin } = useOrg();
  const { personId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const member = useMember(orgId, personId);
  const close = () => void navigate({ pathname: `/orgs/${orgId}/members`, search: params.toString() });

  return (
    <Drawer opened onClose={close} position="right" size="lg" title={<Text fw={700}>Member details</Text>} closeButtonProps={{ 'aria-label': 'Close' }}>
      {member.isPending ? (
        <Loading />
      ) : member.isError ? (
        <LoadError error={member.error} onRetry={() => void member.refetch()} title="This member could not be loaded" />
      ) : (
        <Stack gap="lg">
          <MemberSummary member={member.data} />
          {isAdmin && <AdminTools member={member.data} />}
        </Stack>
      )}
    </Drawer>
  );
}

function MemberSummary({ member }: { member: Member }) {
  const format = useFormat();
  return (
    <Stack gap="md">
      <Group gap="md" wrap="nowrap">
        <Avatar color="cairn" radius="xl" size={56} aria-hidden>{initials(member.name)}</Avatar>
        <Stack gap={2}>
          <Title order={2} fz="lg">{member.name}</Title>
          <Text size="sm" c="dimmed">{[member.title, member.department].filter(Boolean).join(' · ') || member.email}</Text>
          <Group gap={6}>
            <RoleBadges roles={member.roles} />
            {member.status === 'deactivated' && <Text size="xs" fw={700} c="red.9">Deactivated</Text>}
          </Group>
        </Stack>
      </Group>
      <Stack gap={6}>
        <Detail label="Email" value={member.email} />
        <Detail label="Manager" value={member.managerName ?? '—'} />
        <Detail label="Time zone" value={member.timeZone} />
        <Detail label="Languages" value={member.languages.map(languageName).join(', ') || '—'} />
        <Detail label="Joined" value={format.date(member.joinedAt)} />
      </Stack>
      {member.bio && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{member.bio}</Text>}
    </Stack>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>{value}</Text>
    </Group>
  );
}

function AdminTools({ member }: { member: Member }) {
  const { orgId, me } = useOrg();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.members(orgId) });
    if (member.personId === me.person.id) void queryClient.invalidateQueries({ queryKey: keys.me });
  };
  const path = { orgId, personId: member.personId };

  const [roles, setRoles] = useState<Role[]>(member.roles);
  useEffect(() => setRoles(member.roles), [member.roles]);
  const saveRoles = useMutation({
    mutationFn: (next: Role[]) => call(api.PUT('/api/orgs/{orgId}/members/{personId}/roles', { params: { path }, body: { roles: next } })),
    onSuccess: (updated) => {
      refresh();
      notifications.show({ color: 'cairn', title: 'Roles saved', message: `${updated.name}: ${updated.roles.map((role) => ROLE_LABELS[role]).join(', ') || 'no roles'}.` });
    },
  });

  const form = useForm({ initialValues: { title: member.title, department: member.department, managerPersonId: member.managerPersonId } });
  const saveProfile = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.PATCH('/api/orgs/{orgId}/members/{personId}', { params: { path }, body: { title: values.title.trim(), department: values.department.trim(), managerPersonId: values.managerPersonId } })),
    onSuccess: (updated) => {
      refresh();
      form.resetDirty({ title: updated.title, department: updated.department, managerPersonId: updated.managerPersonId });
      notifications.show({ color: 'cairn', title: 'Details saved', message: `${updated.name}’s title, department and manager are up to date.` });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      call(active
        ? api.POST('/api/orgs/{orgId}/members/{personId}/reactivate', { params: { path } })
        : api.POST('/api/orgs/{orgId}/members/{personId}/deactivate', { params: { path } })),
    onSuccess: (_result, active) => {
      refresh();
      if (active) {
        notifications.show({ color: 'cairn', title: 'Member reactivated', message: `${member.name} can enter this organization again.` });
        return;
      }
      const id = `deactivated-${member.personId}`;
      notifications.show({
        id,
        color: 'gray',
        title: `${member.name} was deactivated`,
        autoClose: 10_000,
        message: (
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">They can no longer enter this organization; their history stays.</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                undo.mutate();
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
  });
  const undo = useMutation({
    mutationFn: () => call(api.POST('/api/orgs/{orgId}/members/{personId}/reactivate', { params: { path } })),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'cairn', title: 'Deactivation undone', message: `${member.name} is active again.` });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Undo failed', message: errorMessage(error) }),
  });

  const self = member.personId === me.person.id;
  const rolesChanged = roles.length !== member.roles.length || roles.some((role) => !member.roles.includes(role));

  return (
    <Stack gap="lg">
      <Divider label="Roles" labelPosition="left" />
      <Stack gap="sm">
        <ProblemAlert error={saveRoles.error} />
        <Checkbox.Group value={roles} onChange={(value) => setRoles(ROLES.filter((role) => value.includes(role)))} label="Roles in this organization" description="A person may hold several roles.">
          <Stack gap="xs" mt="xs">
            {ROLES.map((role) => <Checkbox key={role} value={role} label={ROLE_LABELS[role]} description={ROLE_DESCRIPTIONS[role]} />)}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button onClick={() => saveRoles.mutate(roles)} disabled={!rolesChanged} loading={saveRoles.isPending}>Save roles</Button>
        </Group>
      </Stack>

      <Divider label="Position" labelPosition="left" />
      <form onSubmit={form.onSubmit((values) => saveProfile.mutate(values))} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={saveProfile.error} />
          <TextInput label="Title" maxLength={200} {...form.getInputProps('title')} />
          <TextInput label="Department" maxLength={200} {...form.getInputProps('department')} />
          <ManagerSelect orgId={orgId} member={member} value={form.values.managerPersonId} onChange={(value) => form.setFieldValue('managerPersonId', value)} error={form.errors.managerPersonId} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!form.isDirty()} loading={saveProfile.isPending}>Save details</Button>
          </Group>
        </Stack>
      </form>

      <Divider label="Access" labelPosition="left" />
      <ProblemAlert error={setActive.error} />
      {member.status === 'active' ? (
        self ? (
          <Alert color="gray" variant="light">You cannot deactivate yourself. Another admin can.</Alert>
        ) : (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm" c="dimmed">Deactivated members can no longer enter this organization. Their history stays, and you can reactivate them.</Text>
            <Button color="red" variant="outline" leftSection={<IconUserOff size={16} aria-hidden />} onClick={() => setActive.mutate(false)} loading={setActive.isPending} style={{ flexShrink: 0 }}>
              Deactivate
            </Button>
          </Group>
        )
      ) : (
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Text size="sm" c="dimmed">{member.name} is deactivated and cannot enter this organization.</Text>
          <Button leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => setActive.mutate(true)} loading={setActive.isPending} style={{ flexShrink: 0 }}>
            Reactivate
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Picks a manager among active members, searching the server as you type. */
function ManagerSelect({ orgId, member, value, onChange, error }: { orgId: string; member: Member; value: string | null; onChange: (value: string | null) => void; error?: React.ReactNode }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Every option seen so far, so the chosen one keeps its label while the list follows the search.
  const seen = useRef(new Map<string, string>());
  if (member.managerPersonId && member.managerName) seen.current.set(member.managerPersonId, member.managerName);
  const labels = new Set(seen.current.values());
  const query = labels.has(debounced) ? '' : debounced;
  const candidates = useQuery({
    queryKey: [...keys.members(orgId), 'managers', query],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/members', { params: { path: { orgId }, query: { ...(query ? { q: query } : {}), pageSize: 20 } } })),
  });
  const shown = new Map<string, string>();
  for (const candidate of candidates.data?.items ?? []) {
    if (candidate.personId === member.personId) continue;
    const label = `${candidate.name}${candidate.title ? ` (${candidate.title})` : ''}`;
    seen.current.set(candidate.personId, label);
    shown.set(candidate.personId, label);
  }
  if (value && seen.current.has(value)) shown.set(value, seen.current.get(value)!);
  return (
    <Select
      label="Manager"
      placeholder="No manager"
      searchable
      clearable
      data={[...shown].map(([id, label]) => ({ value: id, label }))}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'No active member matches'}
      filter={({ options }) => options}
      error={error}
    />
  );
}
