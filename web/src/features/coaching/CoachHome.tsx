import { Alert, Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconCalendarTime, IconConfetti, IconEdit, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import { coachingKeys, type HomeSession } from './api';
import { CoachProfileModal } from './CoachProfileModal';
import { AttainmentSummary, Section, StateBadge } from './ui';

/**
 * The coach's home, in the coach's time zone: today's and the coming week's sessions, the clients
 * with their attainment, overdue action items, and engagements asking for attention.
 */
export function CoachHome() {
  const { orgId } = useOrg();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const home = useQuery({
    queryKey: coachingKeys.home(orgId, 'coach'),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/coaching/home/coach', { params: { path: { orgId } } })),
  });
  if (home.isPending) return <Loading label="Loading your practice…" />;
  if (home.isError) return <LoadError error={home.error} onRetry={() => void home.refetch()} />;
  const data = home.data;
  const base = `/orgs/${orgId}/coaching`;
  const active = data.clients.filter((client) => client.state === 'active').length;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Tile label="Active clients" value={active} />
        <Tile label="Sessions today" value={data.todaysSessions.length} />
        <Tile label="Next 7 days" value={data.upcomingSessions.length} />
        <Tile label="Overdue actions" value={data.overdueActionItems.length} tone={data.overdueActionItems.length ? 'red' : undefined} />
      </SimpleGrid>

      {data.attention.length > 0 && (
        <Stack gap="sm" component="section" aria-label="Needs your attention">
          {data.attention.map((item) => (
            <Alert
              role="note"
              key={`${item.engagementId}-${item.reason}`}
              color={item.reason === 'all_goals_met' ? 'cairn' : 'amber'}
              variant="light"
              icon={item.reason === 'all_goals_met' ? <IconConfetti size={18} aria-hidden /> : <IconAlertCircle size={18} aria-hidden />}
              title={item.reason === 'all_goals_met' ? `All goals met — propose closure with ${item.client.name}` : `${item.client.name}: planned end ${format.day(item.plannedEndDate)}`}
            >
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text size="sm">
                  {item.reason === 'all_goals_met'
                    ? `Every goal of “${item.title}” has reached its target. Write the closing reflection and the final values together.`
                    : `“${item.title}” is near its planned end. Review the goals, or amend the agreement to extend it.`}
                </Text>
                <Button component={Link} to={`${base}/engagements/${item.engagementId}?tab=${item.reason === 'all_goals_met' ? 'closure' : 'goals'}`} size="xs" variant="white">
                  {item.reason === 'all_goals_met' ? 'Go to closure' : 'Review goals'}
                </Button>
              </Group>
            </Alert>
          ))}
        </Stack>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section title="Today" description={`${format.weekdayDate(new Date().toISOString())} · times in ${data.timeZone}`}>
              {data.todaysSessions.length === 0 ? <Text size="sm" c="dimmed">No sessions today.</Text> : <SessionList sessions={data.todaysSessions} />}
            </Section>
            <Section title="Coming up" description="The next seven days">
              {data.upcomingSessions.length === 0 ? <Text size="sm" c="dimmed">Nothing booked for the coming week.</Text> : <SessionList sessions={data.upcomingSessions} withDate />}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Section title="Overdue action items">
              {data.overdueActionItems.length === 0 ? <Text size="sm" c="dimmed">Nothing overdue.</Text> : (
                <Stack gap="sm">
                  {data.overdueActionItems.map((item) => (
                    <Stack key={item.id} gap={0}>
                      <Anchor component={Link} to={`${base}/engagements/${item.engagementId}?tab=actions`} size="sm" fw={600} underline="hover">{item.title}</Anchor>
                      <Text size="xs" c="dimmed">{item.owner.name} · due {format.day(item.dueDate)}</Text>
                    </Stack>
                  ))}
                </Stack>
              )}
            </Section>
            <Card padding="lg">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={2}>
                  <Text fw={600}>Your directory profile</Text>
                  <Text size="sm" c="dimmed">Specialties, approach, credentials and capacity.</Text>
                </Stack>
                <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>Edit</Button>
              </Group>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <Section title="Your clients">
        {data.clients.length === 0 ? (
          <Empty icon={<IconUsers size={24} aria-hidden />} title="No clients yet" order={3} description="When an admin assigns you to a request, the engagement appears here for you to accept." />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Your clients" highlightOnHover>
              <Table.Thead>
                <Table.Tr><Table.Th>Client</Table.Th><Table.Th>Engagement</Table.Th><Table.Th>State</Table.Th><Table.Th>Goals</Table.Th><Table.Th>Planned end</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.clients.map((client) => (
                  <Table.Tr key={client.engagementId}>
                    <Table.Td><Text size="sm" fw={600}>{client.client.name}</Text></Table.Td>
                    <Table.Td><Anchor component={Link} to={`${base}/engagements/${client.engagementId}`} size="sm" underline="hover">{client.title}</Anchor></Table.Td>
                    <Table.Td><StateBadge state={client.state} size="sm" /></Table.Td>
                    <Table.Td><AttainmentSummary attainment={client.attainment} label={`${client.client.name}’s goals`} /></Table.Td>
                    <Table.Td><Text size="sm">{format.day(client.plannedEndDate)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
      <CoachProfileModal opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
}

function Tile({ label, value, tone }: { label: string; value: number; tone?: 'red' }) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">{label}</Text>
      <Text fz={28} fw={700} c={tone === 'red' && value > 0 ? 'red.9' : undefined} lh={1.2}>{value}</Text>
    </Card>
  );
}

function SessionList({ sessions, withDate = false }: { sessions: HomeSession[]; withDate?: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {sessions.map((session, index) => (
        <Group
          key={session.id} component="li" wrap="nowrap" align="flex-start" gap="md" py="sm"
          style={{ borderTop: index ? '1px solid var(--mantine-color-gray-2)' : undefined }}
        >
          <Stack gap={0} w={128} style={{ flexShrink: 0 }}>
            <Group gap={4} wrap="nowrap"><IconCalendarTime size={14} aria-hidden /><Text size="sm" fw={700}>{format.time(session.startsAt)}</Text></Group>
            {withDate && <Text size="xs" c="dimmed">{format.weekdayDate(session.startsAt)}</Text>}
            <Text size="xs" c="dimmed">{session.durationMinutes} min</Text>
          </Stack>
          <Stack gap={2} style={{ flex: 1 }} miw={0}>
            <Anchor component={Link} to={`/orgs/${orgId}/coaching/sessions/${session.id}`} fw={600} size="sm" underline="hover">{session.clientName}</Anchor>
            <Text size="xs" c="dimmed" truncate>{session.engagementTitle}</Text>
            {session.focus ? (
              <Text size="sm" lineClamp={2}><Text span size="xs" fw={700} c="cairn.9" tt="uppercase">Focus </Text>{session.focus}</Text>
            ) : (
              <Badge size="sm" color="amber" variant="light">No focus set yet</Badge>
            )}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
