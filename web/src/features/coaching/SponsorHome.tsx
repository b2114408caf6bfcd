import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconEye, IconEyeOff, IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import { coachingKeys, type SponsorHome as SponsorHomeData, type SponsorVisibility } from './api';
import { SESSION_STATUS, SPONSOR_VISIBILITY } from './labels';
import { GoalBar, PersonLine, StateBadge } from './ui';

/** What one agreement lets the sponsor see, said plainly. */
export function SharingNote({ sharing }: { sharing: SponsorVisibility | null }) {
  if (!sharing) {
    return (
      <Alert role="note" variant="light" color="gray" icon={<IconEyeOff size={18} aria-hidden />} title="Nothing is shared yet">
        Every party must accept the agreement before it shares anything with you. You see the engagement’s state and dates.
      </Alert>
    );
  }
  return (
    <Alert role="note" variant="light" color={sharing === 'nothing' ? 'gray' : 'blue'} icon={sharing === 'nothing' ? <IconEyeOff size={18} aria-hidden /> : <IconEye size={18} aria-hidden />} title={`Shared with you: ${SPONSOR_VISIBILITY[sharing].label.toLowerCase()}`}>
      {SPONSOR_VISIBILITY[sharing].description}
    </Alert>
  );
}

/** The sponsor's view: each engagement they sponsor, showing only what its accepted agreement shares. */
export function SponsorHome() {
  const { orgId } = useOrg();
  const home = useQuery({
    queryKey: coachingKeys.home(orgId, 'sponsor'),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/coaching/home/sponsor', { params: { path: { orgId } } })),
  });
  if (home.isPending) return <Loading label="Loading the engagements you sponsor…" />;
  if (home.isError) return <LoadError error={home.error} onRetry={() => void home.refetch()} />;
  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconShieldLock size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="dimmed">
          As a sponsor you see what each agreement shares with you, and nothing more: what is said in sessions stays between coach and client.
        </Text>
      </Group>
      {home.data.items.length === 0 ? (
        <Card>
          <Empty icon={<IconEye size={28} aria-hidden />} title="You sponsor no engagement" description="When an admin names you as the sponsor of an engagement, you accept its agreement and follow it here." />
        </Card>
      ) : home.data.items.map((item) => <SponsoredEngagement key={item.engagement.id} item={item} />)}
    </Stack>
  );
}

function SponsoredEngagement({ item }: { item: SponsorHomeData['items'][number] }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const { engagement } = item;
  return (
    <Card padding="lg" component="article" aria-labelledby={`sponsored-${engagement.id}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="md">
        <Stack gap={4}>
          <Title order={2} fz="lg" id={`sponsored-${engagement.id}`}>
            <Anchor component={Link} to={`/orgs/${orgId}/coaching/engagements/${engagement.id}`} inherit underline="hover" c="inherit">{engagement.title}</Anchor>
          </Title>
          <Text size="sm" c="dimmed">{format.day(engagement.startDate)} – {format.day(engagement.plannedEndDate)}</Text>
        </Stack>
        <StateBadge state={engagement.state} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mb="md">
        <PersonLine name={engagement.client.name} part="Client" />
        <PersonLine name={engagement.coach.name} part="Coach" />
      </SimpleGrid>
      <SharingNote sharing={item.sharing} />
      {item.goals && (
        <Stack gap="md" mt="md">
          <Title order={3} fz="sm">Goals and progress</Title>
          {item.goals.length === 0 ? <Text size="sm" c="dimmed">No goals written yet.</Text> : item.goals.map((goal) => (
            <Stack key={goal.id} gap={6}>
              <Text size="sm" fw={600}>{goal.statement}</Text>
              <GoalBar {...goal} label={goal.statement} />
            </Stack>
          ))}
        </Stack>
      )}
      {item.attendance && (
        <Stack gap="xs" mt="md">
          <Title order={3} fz="sm">Attendance</Title>
          {item.attendance.length === 0 ? <Text size="sm" c="dimmed">No sessions yet.</Text> : (
            <Table aria-label={`Attendance in ${engagement.title}`}>
              <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Length</Table.Th><Table.Th>Attendance</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {item.attendance.map((session) => {
                  const status = SESSION_STATUS[session.status as keyof typeof SESSION_STATUS] ?? { label: session.status, color: 'gray' };
                  return (
                    <Table.Tr key={session.startsAt}>
                      <Table.Td><Text size="sm">{format.dateTime(session.startsAt)}</Text></Table.Td>
                      <Table.Td><Text size="sm">{session.durationMinutes} min</Text></Table.Td>
                      <Table.Td><Badge color={status.color} size="sm">{status.label}</Badge></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Card>
  );
}
