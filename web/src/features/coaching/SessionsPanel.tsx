import { Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconCalendarPlus, IconCalendarTime, IconEyeOff, IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { coachingKeys, useCoachingMutation, useSessions, type EngagementDetail, type Session } from './api';
import { SESSION_STATUS } from './labels';
import { addDays, isoToZoned, todayIn, zonedToIso } from './time';
import { Section } from './ui';

const DURATIONS = [30, 45, 60, 75, 90, 120].map((minutes) => ({ value: String(minutes), label: `${minutes} minutes` }));

export type SessionTimeValues = { date: string; time: string; durationMinutes: string; location: string };

export const sessionTimeValidation = {
  date: (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Pick a date'),
  time: (value: string) => (/^\d{2}:\d{2}/.test(value) ? null : 'Pick a time'),
};

/** Date, time (in the person's zone), length and place of a session. */
export function SessionTimeFields({ form, timeZone }: {
  form: UseFormReturnType<any, any, any>; timeZone: string;
}) {
  const format = useFormat();
  const values = form.getValues() as SessionTimeValues;
  let preview: string | null = null;
  if (!sessionTimeValidation.date(values.date) && !sessionTimeValidation.time(values.time)) {
    const iso = zonedToIso(values.date, values.time.slice(0, 5), timeZone);
    preview = `${format.weekdayDate(iso)} at ${format.time(iso)} (${timeZone})`;
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <TextInput type="date" label="Date" required {...form.getInputProps('date')} />
        <TextInput type="time" label="Start time" description={`Your time zone: ${timeZone}`} required step={300} {...form.getInputProps('time')} />
        <Select label="Length" data={DURATIONS} allowDeselect={false} {...form.getInputProps('durationMinutes')} />
      </SimpleGrid>
      {preview && <Text size="sm" c="dimmed" aria-live="polite">{preview}</Text>}
      <TextInput
        label="Place or video link"
        placeholder="Meeting room Birch, or https://meet.example/…"
        maxLength={500}
        leftSection={<IconMapPin size={16} aria-hidden />}
        {...form.getInputProps('location')}
      />
    </Stack>
  );
}

function ScheduleModal({ engagement, opened, onClose }: { engagement: EngagementDetail; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<span style={{ fontWeight: 700 }}>Schedule a session</span>}>
      {opened && <ScheduleForm engagement={engagement} onClose={onClose} />}
    </Modal>
  );
}

function ScheduleForm({ engagement, onClose }: { engagement: EngagementDetail; onClose: () => void }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const timeZone = format.timeZone;
  const form = useForm<SessionTimeValues>({
    initialValues: { date: addDays(todayIn(timeZone), 7), time: '10:00', durationMinutes: '60', location: '' },
    validate: sessionTimeValidation,
  });
  const schedule = useCoachingMutation(orgId, (values: SessionTimeValues) => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/sessions', {
    params: { path: { orgId, engagementId: engagement.id } },
    body: { startsAt: zonedToIso(values.date, values.time.slice(0, 5), timeZone), durationMinutes: Number(values.durationMinutes), timeZone, location: values.location.trim() },
  })), { success: (session) => `Session scheduled for ${format.weekdayDate(session.startsAt)} at ${format.time(session.startsAt)}.`, onSuccess: onClose });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => schedule.mutate(values, { onError: (error) => showFieldErrors(form, error, { startsAt: 'date' }) }))}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Both of you see the session in your own time zone. {engagement.client.name} sets its focus beforehand.
        </Text>
        <ProblemAlert error={schedule.error} />
        <SessionTimeFields form={form} timeZone={timeZone} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={schedule.isPending}>Schedule</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function initialTimes(session: Session, timeZone: string): SessionTimeValues {
  const { date, time } = isoToZoned(session.startsAt, timeZone);
  return { date, time, durationMinutes: String(session.durationMinutes), location: session.location };
}

/** The engagement's sessions for its coach and client: upcoming first, then past ones. */
export function SessionsPanel({ engagement }: { engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const sessions = useSessions(orgId, engagement.id);
  const [scheduling, setScheduling] = useState(false);
  const canSchedule = engagement.state === 'agreed' || engagement.state === 'active';

  if (sessions.isPending) return <Loading label="Loading sessions…" />;
  if (sessions.isError) {
    if (isStatus(sessions.error, 403, 404)) return <Card><Empty icon={<IconEyeOff size={28} aria-hidden />} title="Sessions are private" description={sessions.error.detail} /></Card>;
    return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  }
  const now = Date.now();
  const upcoming = sessions.data.items.filter((session) => Date.parse(session.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = sessions.data.items.filter((session) => Date.parse(session.endsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const scheduleButton = canSchedule && (
    <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setScheduling(true)}>Schedule a session</Button>
  );

  return (
    <Stack gap="lg">
      {sessions.data.items.length === 0 ? (
        <Card>
          <Empty
            icon={<IconCalendarTime size={28} aria-hidden />}
            title="No sessions yet"
            description={canSchedule ? 'Book the first session. The client chooses its focus beforehand.' : 'Sessions are booked once every party has accepted the agreement.'}
          >
            {scheduleButton}
          </Empty>
        </Card>
      ) : (
        <>
          <Section title="Upcoming" actions={scheduleButton}>
            {upcoming.length === 0 ? <Text size="sm" c="dimmed">Nothing booked.</Text> : <SessionRows sessions={upcoming} />}
          </Section>
          {past.length > 0 && (
            <Section title="Past sessions">
              <SessionRows sessions={past} />
            </Section>
          )}
        </>
      )}
      <ScheduleModal engagement={engagement} opened={scheduling} onClose={() => setScheduling(false)} />
    </Stack>
  );
}

function SessionRows({ sessions }: { sessions: Session[] }) {
  const { orgId } = useOrg();
  const format = useFormat();
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {sessions.map((session, index) => {
        const status = SESSION_STATUS[session.status];
        return (
          <Group key={session.id} component="li" wrap="nowrap" align="flex-start" gap="md" py="sm" style={{ borderTop: index ? '1px solid var(--mantine-color-gray-2)' : undefined }}>
            <Stack gap={0} w={150} style={{ flexShrink: 0 }}>
              <Anchor component={Link} to={`/orgs/${orgId}/coaching/sessions/${session.id}`} fw={700} size="sm" underline="hover">
                {format.weekdayDate(session.startsAt)}
              </Anchor>
              <Text size="xs" c="dimmed">{format.time(session.startsAt)}–{format.time(session.endsAt)} · {session.durationMinutes} min</Text>
            </Stack>
            <Stack gap={4} style={{ flex: 1 }} miw={0}>
              {session.focus ? (
                <Text size="sm" lineClamp={2}><Text span size="xs" fw={700} c="cairn.9" tt="uppercase">Focus </Text>{session.focus}</Text>
              ) : session.status === 'scheduled' ? (
                <Text size="sm" c="dimmed">No focus set yet</Text>
              ) : null}
              {session.location && <Text size="xs" c="dimmed" truncate>{session.location}</Text>}
              {session.cancellation && <Text size="xs" c="dimmed">Cancelled{session.cancellation.by ? ` by ${session.cancellation.by.name}` : ''}: {session.cancellation.reason}</Text>}
            </Stack>
            <Group gap={6} wrap="nowrap">
              {session.rating && <Badge color="grape" variant="light" size="sm">Rated {session.rating.rating}/5</Badge>}
              <Badge color={status.color} size="sm">{status.label}</Badge>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}

/** The sponsor's view of sessions, when the agreement shares attendance: dates and status only. */
export function AttendancePanel({ engagement }: { engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const attendance = useQuery({
    queryKey: coachingKeys.attendance(orgId, engagement.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}/attendance', { params: { path: { orgId, engagementId: engagement.id } } })),
  });
  if (attendance.isPending) return <Loading />;
  if (attendance.isError) {
    if (isStatus(attendance.error, 403, 404)) return <Card><Empty icon={<IconEyeOff size={28} aria-hidden />} title="Attendance is not shared with you" description={attendance.error.detail} /></Card>;
    return <LoadError error={attendance.error} onRetry={() => void attendance.refetch()} />;
  }
  return (
    <Section title="Attendance" description="Session dates and whether they took place. What was discussed stays between coach and client.">
      {attendance.data.items.length === 0 ? <Text size="sm" c="dimmed">No sessions yet.</Text> : (
        <Table aria-label="Attendance">
          <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Length</Table.Th><Table.Th>Attendance</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {attendance.data.items.map((session) => (
              <Table.Tr key={session.sessionId}>
                <Table.Td>{format.dateTime(session.startsAt)}</Table.Td>
                <Table.Td>{session.durationMinutes} min</Table.Td>
                <Table.Td><Badge color={SESSION_STATUS[session.status].color} size="sm">{SESSION_STATUS[session.status].label}</Badge></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
