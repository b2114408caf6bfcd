import { Anchor, Badge, Box, Button, Card, Checkbox, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin, IconMessageCircleQuestion, IconTarget, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import { coachingKeys, useCoachingMutation, useCoaches, type ClientHome as ClientHomeData, type EngagementSummary, type HomeActionItem } from './api';
import { FocusForm, FocusText } from './Focus';
import { MyRequests, RequestCoachingModal } from './Requests';
import { todayIn } from './time';
import { GoalBar, isOverdue, LocationText, Section, StateBadge } from './ui';

/** The client's home: the next session (and its focus), goals with their progress, open action items. */
export function ClientHome({ engagements }: { engagements: EngagementSummary[] }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const home = useQuery({
    queryKey: coachingKeys.home(orgId, 'client'),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/coaching/home/client', { params: { path: { orgId } } })),
  });
  const [requesting, setRequesting] = useState(false);
  const coaches = useCoaches(orgId);
  const mine = engagements.filter((engagement) => engagement.client.personId === me.person.id);

  if (home.isPending) return <Loading label="Loading your coaching…" />;
  if (home.isError) return <LoadError error={home.error} onRetry={() => void home.refetch()} />;
  const data = home.data;
  const titleOf = (engagementId: string) => mine.find((e) => e.id === engagementId)?.title ?? 'Engagement';
  const base = `/orgs/${orgId}/coaching`;

  if (mine.length === 0) {
    return (
      <>
        <MyRequests orgId={orgId} />
        <Card>
          <Empty
            icon={<IconUsersGroup size={28} aria-hidden />}
            title="No coaching yet"
            description="Coaching helps with a specific change over a few months: a new role, a skill, a way of working. Find a coach, or tell an admin what you would like to work on."
          >
            <Button component={Link} to={`${base}/coaches`} variant="default">Browse coaches</Button>
            <Button onClick={() => setRequesting(true)} leftSection={<IconMessageCircleQuestion size={16} aria-hidden />}>Request coaching</Button>
          </Empty>
        </Card>
        <RequestCoachingModal opened={requesting} preferred={null} coaches={coaches.data?.items ?? []} onClose={() => setRequesting(false)} />
      </>
    );
  }

  return (
    <>
      <MyRequests orgId={orgId} compact />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <NextSession data={data} titleOf={titleOf} />
            <Section title="Your goals" description="Where each goal stands between its baseline and its target.">
              {data.goals.length === 0 ? (
                <Empty icon={<IconTarget size={24} aria-hidden />} title="No goals yet" order={3} description="Write your goals with your coach on the engagement page." />
              ) : (
                <Stack gap="lg">
                  {data.goals.map((goal) => (
                    <Stack key={goal.id} gap={6}>
                      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                        <Anchor component={Link} to={`${base}/engagements/${goal.engagementId}?tab=goals`} fw={600} size="sm" underline="hover">{goal.statement}</Anchor>
                        {goal.dueDate && <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>due {format.day(goal.dueDate)}</Text>}
                      </Group>
                      <GoalBar {...goal} label={goal.statement} />
                    </Stack>
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ActionItemsCard orgId={orgId} items={data.openActionItems} timeZone={data.timeZone} />
            <Section title="Your engagements">
              <Stack gap="sm">
                {mine.map((engagement) => (
                  <Card key={engagement.id} component={Link} to={`${base}/engagements/${engagement.id}`} className="cairn-link-card" padding="md" withBorder>
                    <Group justify="space-between" wrap="nowrap" gap="sm" mb={4}>
                      <Text fw={600} size="sm" lineClamp={2}>{engagement.title}</Text>
                      <StateBadge state={engagement.state} size="sm" />
                    </Group>
                    <Text size="xs" c="dimmed">with {engagement.coach.name}{engagement.sponsor ? `, sponsored by ${engagement.sponsor.name}` : ''}</Text>
                    {engagement.state === 'proposed' && <Text size="xs" fw={600} c="amber.8" mt={4}>The agreement is waiting for acceptance</Text>}
                    {engagement.closureProposed && <Text size="xs" fw={600} c="cairn.9" mt={4}>All goals met: time to close</Text>}
                  </Card>
                ))}
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function NextSession({ data, titleOf }: { data: ClientHomeData; titleOf: (id: string) => string }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const session = data.nextSession;
  const base = `/orgs/${orgId}/coaching`;
  if (!session) {
    return (
      <Section title="Next session">
        <Text size="sm" c="dimmed">No session booked. Schedule the next one from your engagement’s Sessions tab.</Text>
      </Section>
    );
  }
  const end = new Date(Date.parse(session.startsAt) + session.durationMinutes * 60_000).toISOString();
  return (
    <Card padding="lg" component="section" aria-labelledby="next-session" style={{ borderColor: 'var(--mantine-color-cairn-3)', borderWidth: 1.5 }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="md">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="md" variant="light" aria-hidden><IconCalendarEvent size={24} /></ThemeIcon>
          <Stack gap={2}>
            <Title order={2} fz="lg" id="next-session">Next session</Title>
            <Text fw={600}>{format.weekdayDate(session.startsAt)}, {format.time(session.startsAt)}–{format.time(end)}</Text>
            <Text size="sm" c="dimmed">with {session.coachName} · {titleOf(session.engagementId)}</Text>
          </Stack>
        </Group>
        <Button component={Link} to={`${base}/sessions/${session.id}`} variant="default" size="sm">Open session</Button>
      </Group>
      <Group gap={6} mb="md" wrap="nowrap" align="flex-start">
        <IconMapPin size={16} aria-label="Where" style={{ flexShrink: 0, marginTop: 2 }} />
        <LocationText location={session.location} />
      </Group>
      {session.needsFocus ? (
        <Box p="md" bg="amber.0" style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-amber-2)' }}>
          <Text fw={700} mb={4}>What do you want to work on?</Text>
          <Text size="sm" mb="sm">You choose each session’s focus. Setting it now lets your coach prepare.</Text>
          <FocusForm orgId={orgId} sessionId={session.id} current={null} label="Your focus" />
        </Box>
      ) : editing ? (
        <FocusForm orgId={orgId} sessionId={session.id} current={session.focus} onDone={() => setEditing(false)} autoFocus />
      ) : (
        <Stack gap={4} p="md" bg="cairn.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Group justify="space-between" gap="xs">
            <Text size="xs" fw={700} tt="uppercase" c="cairn.9">Your focus</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>Change</Button>
          </Group>
          <FocusText focus={session.focus} />
        </Stack>
      )}
    </Card>
  );
}

function ActionItemsCard({ orgId, items, timeZone }: { orgId: string; items: HomeActionItem[]; timeZone: string }) {
  const format = useFormat();
  const today = todayIn(timeZone);
  const complete = useCoachingMutation(orgId, (item: HomeActionItem) => call(api.POST('/api/orgs/{orgId}/action-items/{itemId}/status', {
    params: { path: { orgId, itemId: item.id } }, body: { status: 'done' },
  })), { success: (_, item) => `Done: ${item.title}`, notifyErrors: true });
  return (
    <Section title="Your action items" description="What you committed to; your coach reviews them at the next session.">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">Nothing open. Well done.</Text>
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
            <Group key={item.id} wrap="nowrap" align="flex-start" gap="sm">
              <Checkbox
                mt={2}
                aria-label={`Mark done: ${item.title}`}
                checked={complete.isPending && complete.variables?.id === item.id}
                disabled={complete.isPending}
                onChange={() => complete.mutate(item)}
              />
              <Stack gap={2} style={{ flex: 1 }} miw={0}>
                <Text size="sm">{item.title}</Text>
                <Group gap={6}>
                  {item.dueDate && <Text size="xs" c="dimmed">due {format.day(item.dueDate)}</Text>}
                  {isOverdue(item.dueDate, today) && <Badge size="xs" color="red" variant="light">Overdue</Badge>}
                </Group>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
