import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowRight, IconInbox, IconListDetails, IconMailShare, IconUserCircle, IconUserPlus, IconUsers, type Icon } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { keys } from '../../platform/api/queries';
import { useFormat } from '../../platform/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_COLORS } from '../../platform/roles';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { InviteModal } from '../invitations/InviteModal';

function greeting(timeZone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: false, timeZone }).format(new Date()));
  return hour < 5 ? 'Good evening' : hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

function QuickLink({ to, icon: Icon, title, description }: { to: string; icon: Icon; title: string; description: string }) {
  return (
    <Card component={Link} to={to} padding="lg" className="cairn-link-card">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon variant="light" size={40} radius="md" aria-hidden><Icon size={22} /></ThemeIcon>
        <Stack gap={2} style={{ flex: 1 }}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text fw={600}>{title}</Text>
            <IconArrowRight size={16} aria-hidden color="var(--mantine-color-dimmed)" />
          </Group>
          <Text size="sm" c="dimmed">{description}</Text>
        </Stack>
      </Group>
    </Card>
  );
}

function Stat({ label, value, loading }: { label: string; value: React.ReactNode; loading: boolean }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      {loading ? <Skeleton h={24} w={80} /> : <Text fw={600} fz="lg">{value}</Text>}
    </Stack>
  );
}

export function HomePage() {
  const { orgId, membership, me, isAdmin } = useOrg();
  const format = useFormat();
  const [inviting, invite] = useDisclosure(false);
  const base = `/orgs/${orgId}`;
  const org = useQuery({ queryKey: keys.org(orgId), queryFn: () => call(api.GET('/api/orgs/{orgId}', { params: { path: { orgId } } })) });
  const members = useQuery({
    queryKey: [...keys.members(orgId), { pageSize: 1 }],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/members', { params: { path: { orgId }, query: { pageSize: 1 } } })),
  });
  const pending = useQuery({
    queryKey: [...keys.invitations(orgId), { state: 'pending', pageSize: 1 }],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/invitations', { params: { path: { orgId }, query: { state: 'pending', pageSize: 1 } } })),
    enabled: isAdmin,
  });
  const firstName = me.person.name.split(/\s+/)[0] ?? me.person.name;
  const alone = members.data?.total === 1;

  return (
    <>
      <PageHeader
        title={`${greeting(format.timeZone)}, ${firstName}`}
        description={<>Welcome to <strong>{membership.orgName}</strong>.</>}
        actions={isAdmin && <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>Invite people</Button>}
      />

      {isAdmin && alone && (
        <Card mb="lg" padding="lg" bg="cairn.0" style={{ borderColor: 'var(--mantine-color-cairn-2)' }}>
          <Group justify="space-between" wrap="wrap" gap="md">
            <Stack gap={4} maw={620}>
              <Title order={2} fz="lg">Bring your people in</Title>
              <Text size="sm">
                You are the only member so far. Invite coaches, mentors and the colleagues they will work with; each person
                can hold several roles.
              </Text>
            </Stack>
            <Button variant="filled" onClick={invite.open}>Invite your first colleague</Button>
          </Group>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" mb="xl">
        <Card padding="lg">
          <Title order={2} fz="md" mb="md">Your roles here</Title>
          <Stack gap="sm">
            {membership.roles.length === 0 && <Text size="sm" c="dimmed">You hold no role in this organization yet.</Text>}
            {membership.roles.map((role) => (
              <Stack key={role} gap={2}>
                <Badge color={ROLE_COLORS[role]}>{ROLE_LABELS[role]}</Badge>
                <Text size="sm" c="dimmed">{ROLE_DESCRIPTIONS[role]}</Text>
              </Stack>
            ))}
          </Stack>
        </Card>
        <Card padding="lg">
          <Title order={2} fz="md" mb="md">{membership.orgName}</Title>
          <SimpleGrid cols={2} spacing="md">
            <Stat label="Members" value={members.data?.total ?? '—'} loading={members.isPending} />
            {isAdmin && <Stat label="Pending invitations" value={pending.data?.total ?? '—'} loading={pending.isPending} />}
            <Stat label="Time zone" value={<Text span fz="sm" fw={600}>{org.data?.defaultTimeZone ?? '—'}</Text>} loading={org.isPending} />
            <Stat label="Since" value={<Text span fz="sm" fw={600}>{format.date(org.data?.createdAt)}</Text>} loading={org.isPending} />
          </SimpleGrid>
        </Card>
        <Card padding="lg">
          <Title order={2} fz="md" mb="md">You</Title>
          <Stack gap={4}>
            <Text fw={600}>{me.person.name}</Text>
            <Text size="sm" c="dimmed">{[membership.title, membership.department].filter(Boolean).join(' · ') || 'No title or department yet'}</Text>
            <Text size="sm" c="dimmed">Times shown in {format.timeZone}</Text>
            <Anchor component={Link} to={`${base}/profile`} size="sm" mt="xs">Edit your profile</Anchor>
          </Stack>
        </Card>
      </SimpleGrid>

      <Title order={2} fz="lg" mb="md">Go to</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <QuickLink to={`${base}/members`} icon={IconUsers} title="Members" description="Who is here, their roles, titles and departments" />
        <QuickLink to={`${base}/profile`} icon={IconUserCircle} title="Your profile" description="Name, time zone, languages and a short bio" />
        {isAdmin && <QuickLink to={`${base}/invitations`} icon={IconMailShare} title="Invitations" description="Who has been invited, and who has joined" />}
        {isAdmin && <QuickLink to={`${base}/outbox`} icon={IconInbox} title="Outbox" description="Every email Cairn sent for this organization" />}
        {isAdmin && <QuickLink to={`${base}/audit`} icon={IconListDetails} title="Audit log" description="Sign-ins, role changes and other security events" />}
      </SimpleGrid>

      {isAdmin && <InviteModal orgId={orgId} orgName={membership.orgName} opened={inviting} onClose={invite.close} />}
    </>
  );
}
