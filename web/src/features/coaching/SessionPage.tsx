import {
  Alert, Anchor, Badge, Box, Breadcrumbs, Button, Card, Grid, Group, Modal, Rating, SegmentedControl, Stack, Text, Textarea, Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconCalendarTime, IconCheck, IconLock, IconMapPin, IconUserX, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { ActionItemForm, ActionItemRow } from './ActionItems';
import { useCoachingMutation, useEngagement, useSession, type EngagementDetail, type NoteKind, type SessionDetail } from './api';
import { FocusForm, FocusText } from './Focus';
import { NOTE_KINDS, SESSION_STATUS } from './labels';
import { PrivateNotesPanel } from './PrivateNotes';
import { initialTimes, sessionTimeValidation, SessionTimeFields, type SessionTimeValues } from './SessionsPanel';
import { zonedToIso } from './time';
import { LocationText, PersonLine, ReasonModal, Section } from './ui';

/** /orgs/:orgId/coaching/sessions/:sessionId — one session for its coach and client. */
export function SessionPage() {
  const { orgId } = useOrg();
  const { sessionId = '' } = useParams();
  const session = useSession(orgId, sessionId);
  const engagement = useEngagement(orgId, session.data?.engagementId ?? '');
  useDocumentTitle('Session · Cairn');

  if (session.isPending) return <Loading label="Loading the session…" />;
  if (session.isError) {
    if (isStatus(session.error, 403, 404)) {
      return (
        <Card>
          <Empty
            icon={<IconLock size={28} aria-hidden />}
            title={session.error.status === 403 ? 'This session is private' : 'Session not found'} order={1}
            description={session.error.status === 403
              ? 'A session’s focus, notes and action items are seen by its coach and its client only.'
              : 'It does not exist, or you take no part in its engagement.'}
          >
            <Button component={Link} to={`/orgs/${orgId}/coaching`} variant="default">Back to coaching</Button>
          </Empty>
        </Card>
      );
    }
    return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  }
  // What may be done here follows the engagement's state: wait for a fresh read rather than act on a cached one.
  if (engagement.isPending || (engagement.isFetching && !engagement.isFetchedAfterMount)) return <Loading label="Loading the session…" />;
  if (engagement.isError) return <LoadError error={engagement.error} onRetry={() => void engagement.refetch()} />;
  return <SessionView session={session.data} engagement={engagement.data} />;
}

function SessionView({ session, engagement }: { session: SessionDetail; engagement: EngagementDetail }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const isCoach = engagement.yourParts.includes('coach');
  const isClient = engagement.yourParts.includes('client');
  const status = SESSION_STATUS[session.status];
  const running = engagement.state === 'agreed' || engagement.state === 'active';
  const bookedElsewhere = session.timeZone !== format.timeZone;
  const when = `${format.weekdayDate(session.startsAt)}, ${format.time(session.startsAt)}–${format.time(session.endsAt)}`;

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/coaching`} size="sm">Coaching</Anchor>
        <Anchor component={Link} to={`/orgs/${orgId}/coaching/engagements/${engagement.id}?tab=sessions`} size="sm">{engagement.title}</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">Session</Text>
      </Breadcrumbs>
      <Card padding="lg" mb="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6} style={{ flex: '1 1 380px' }}>
            <Group gap="sm" wrap="wrap">
              <Title order={1} fz={{ base: 22, sm: 26 }}>Session on {format.weekdayDate(session.startsAt)}</Title>
              <Badge color={status.color} size="lg">{status.label}</Badge>
            </Group>
            <Group gap={6} wrap="nowrap">
              <IconCalendarTime size={16} aria-hidden />
              <Text size="sm">{when} · {session.durationMinutes} min · {format.timeZone}</Text>
            </Group>
            {bookedElsewhere && (
              <Text size="xs" c="dimmed">Booked in {session.timeZone}: {new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: session.timeZone }).format(new Date(session.startsAt))} there</Text>
            )}
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconMapPin size={16} aria-label="Where" style={{ flexShrink: 0, marginTop: 2 }} />
              <LocationText location={session.location} />
            </Group>
          </Stack>
          <SessionActions session={session} engagement={engagement} />
        </Group>
        <Group gap="xl" mt="md" wrap="wrap">
          <PersonLine name={session.coach.name} part="Coach" you={session.coach.personId === me.person.id} size="sm" />
          <PersonLine name={session.client.name} part="Client" you={session.client.personId === me.person.id} size="sm" />
        </Group>
        {session.cancellation && (
          <Alert role="note" mt="md" color={session.cancellation.late ? 'orange' : 'gray'} variant="light" title={session.cancellation.late ? 'Cancelled late (less than 24 hours before)' : 'Cancelled'}>
            {session.cancellation.by ? `${session.cancellation.by.name}, ` : ''}{format.dateTime(session.cancellation.at)}: {session.cancellation.reason}
          </Alert>
        )}
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <FocusCard session={session} isClient={isClient} />
            <SharedRecord session={session} isCoach={isCoach} />
            <Section title="Action items" description="Reviewed at each session: what is still open, and what was done or dropped since the last one.">
              <Stack gap="md">
                <Box>
                  <Text size="sm" fw={600} mb={4}>Review</Text>
                  {session.actionItemReview.length === 0 ? <Text size="sm" c="dimmed">Nothing to review.</Text> : (
                    <Stack gap={0} component="ul" aria-label="Action items to review" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                      {session.actionItemReview.map((item) => <ActionItemRow key={item.id} item={item} parties={engagement} editable={running} />)}
                    </Stack>
                  )}
                </Box>
                <Box>
                  <Text size="sm" fw={600} mb={4}>From this session</Text>
                  {session.actionItemsFromSession.length === 0 ? <Text size="sm" c="dimmed">None yet.</Text> : (
                    <Stack gap={0} component="ul" aria-label="Action items from this session" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                      {session.actionItemsFromSession.map((item) => <ActionItemRow key={item.id} item={item} parties={engagement} editable={running} />)}
                    </Stack>
                  )}
                </Box>
                {running && <ActionItemForm parties={engagement} engagementId={engagement.id} sessionId={session.id} compact />}
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {isCoach && <PrivateNotesPanel sessionId={session.id} />}
            <RatingCard session={session} isClient={isClient} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function SessionActions({ session, engagement }: { session: SessionDetail; engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const [cancelling, cancel] = useDisclosure(false);
  const [moving, move] = useDisclosure(false);
  const path = { orgId, sessionId: session.id };
  const actions = session.availableActions;
  const cancelSession = useCoachingMutation(orgId, (reason: string) => call(api.POST('/api/orgs/{orgId}/sessions/{sessionId}/cancel', { params: { path }, body: { reason } })), {
    success: (detail) => (detail.status === 'late_cancelled' ? 'Session cancelled; recorded as a late cancellation.' : 'Session cancelled.'),
  });
  const attend = useCoachingMutation(orgId, (status: 'held' | 'no_show') => call(api.POST('/api/orgs/{orgId}/sessions/{sessionId}/attendance', { params: { path }, body: { status } })), {
    success: (_, status) => (status === 'held' ? 'Recorded as held.' : 'Recorded as a no-show.'), notifyErrors: true,
  });
  const late = Date.parse(session.startsAt) - Date.now() < 24 * 3_600_000;
  if (!actions.some((action) => action === 'reschedule' || action === 'cancel' || action === 'record_attendance')) return null;
  return (
    <Group gap="sm">
      {actions.includes('record_attendance') && (
        <>
          <Button variant="default" leftSection={<IconUserX size={16} aria-hidden />} loading={attend.isPending && attend.variables === 'no_show'} onClick={() => attend.mutate('no_show')}>No-show</Button>
          <Button leftSection={<IconCheck size={16} aria-hidden />} loading={attend.isPending && attend.variables === 'held'} onClick={() => attend.mutate('held')}>Mark held</Button>
        </>
      )}
      {actions.includes('reschedule') && <Button variant="default" onClick={move.open}>Reschedule</Button>}
      {actions.includes('cancel') && <Button variant="default" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={cancel.open}>Cancel</Button>}
      <ReasonModal
        opened={cancelling}
        onClose={cancel.close}
        title="Cancel this session?"
        description={`${engagement.coach.name} and ${engagement.client.name} both see the cancellation and its reason.`}
        warning={late ? <Alert role="note" color="orange" variant="light" title="Late cancellation">The session starts in less than 24 hours: it will be recorded as cancelled late.</Alert> : undefined}
        label="Reason"
        confirm="Cancel the session"
        onConfirm={(reason) => cancelSession.mutateAsync(reason)}
        pending={cancelSession.isPending}
        error={cancelSession.error}
      />
      <Modal opened={moving} onClose={move.close} size="lg" title={<Text fw={700}>Reschedule the session</Text>}>
        {moving && <RescheduleForm session={session} onClose={move.close} />}
      </Modal>
    </Group>
  );
}

function RescheduleForm({ session, onClose }: { session: SessionDetail; onClose: () => void }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const timeZone = format.timeZone;
  const form = useForm<SessionTimeValues>({ initialValues: initialTimes(session, timeZone), validate: sessionTimeValidation });
  const save = useCoachingMutation(orgId, (values: SessionTimeValues) => call(api.POST('/api/orgs/{orgId}/sessions/{sessionId}/reschedule', {
    params: { path: { orgId, sessionId: session.id } },
    body: { startsAt: zonedToIso(values.date, values.time.slice(0, 5), timeZone), durationMinutes: Number(values.durationMinutes), timeZone, location: values.location.trim() },
  })), { success: (detail) => `Moved to ${format.weekdayDate(detail.startsAt)} at ${format.time(detail.startsAt)}.`, onSuccess: onClose });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error, { startsAt: 'date' }) }))}>
      <Stack gap="md">
        <ProblemAlert error={save.error} />
        <SessionTimeFields form={form} timeZone={timeZone} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Keep the time</Button>
          <Button type="submit" loading={save.isPending}>Reschedule</Button>
        </Group>
      </Stack>
    </form>
  );
}

function FocusCard({ session, isClient }: { session: SessionDetail; isClient: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const canSet = session.availableActions.includes('set_focus');
  return (
    <Card padding="lg" component="section" aria-labelledby="focus-title" style={!session.focus && canSet ? { borderColor: 'var(--mantine-color-amber-3)', borderWidth: 1.5 } : undefined}>
      <Group justify="space-between" wrap="wrap" gap="sm" mb="sm">
        <Stack gap={2}>
          <Title order={2} fz="lg" id="focus-title">Focus</Title>
          <Text size="sm" c="dimmed">{isClient ? 'You choose what this session is about.' : 'The client chooses what this session is about.'}</Text>
        </Stack>
        {isClient && canSet && session.focus && !editing && <Button size="xs" variant="light" onClick={() => setEditing(true)}>Change focus</Button>}
      </Group>
      {isClient && canSet && (!session.focus || editing) ? (
        <FocusForm orgId={orgId} sessionId={session.id} current={session.focus} onDone={session.focus ? () => setEditing(false) : undefined} autoFocus={editing} />
      ) : (
        <Box p="md" bg={session.focus ? 'cairn.0' : 'stone.0'} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <FocusText focus={session.focus} />
          {session.focus && session.focusSetAt && <Text size="xs" c="dimmed" mt={6}>Set {format.dateTime(session.focusSetAt)}</Text>}
        </Box>
      )}
    </Card>
  );
}

function SharedRecord({ session, isCoach }: { session: SessionDetail; isCoach: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const form = useForm({
    initialValues: { kind: 'note' as NoteKind, body: '' },
    validate: { body: (value) => (value.trim() ? null : 'Write something first') },
  });
  const add = useCoachingMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/sessions/{sessionId}/notes', {
    params: { path: { orgId, sessionId: session.id } }, body: { kind: values.kind, body: values.body.trim() },
  })), { success: (note) => `${NOTE_KINDS[note.kind].label} added to the shared record.`, onSuccess: () => form.setFieldValue('body', '') });
  const kinds: NoteKind[] = isCoach ? ['note', 'observation', 'question'] : ['note'];
  return (
    <Section title="Shared record" description="Seen by the coach and the client. The sponsor and admins never see it.">
      {session.notes.length === 0 ? <Text size="sm" c="dimmed" mb="md">Nothing recorded yet.</Text> : (
        <Stack gap="sm" mb="md" component="ul" aria-label="Shared notes" style={{ listStyle: 'none', padding: 0 }}>
          {session.notes.map((note) => (
            <Box key={note.id} component="li" p="sm" style={{ borderLeft: `3px solid var(--mantine-color-${NOTE_KINDS[note.kind].color}-5)`, background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}>
              <Group gap="xs" mb={4}>
                <Badge size="sm" color={NOTE_KINDS[note.kind].color}>{NOTE_KINDS[note.kind].label}</Badge>
                <Text size="xs" c="dimmed">{note.author.name} · {format.dateTime(note.createdAt)}</Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
            </Box>
          ))}
        </Stack>
      )}
      <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
        <Stack gap="sm">
          <ProblemAlert error={add.error} />
          {kinds.length > 1 && (
            <SegmentedControl
              aria-label="Kind of entry"
              value={form.values.kind}
              onChange={(value) => form.setFieldValue('kind', value as NoteKind)}
              data={kinds.map((kind) => ({ value: kind, label: NOTE_KINDS[kind].label }))}
              w="fit-content"
            />
          )}
          <Textarea
            label={`Add ${form.values.kind === 'note' ? 'a note' : `an ${form.values.kind}`.replace('an question', 'a question')}`}
            description={NOTE_KINDS[form.values.kind].hint}
            autosize minRows={2} maxRows={8} maxLength={10000}
            {...form.getInputProps('body')}
          />
          <Group justify="flex-end"><Button type="submit" variant="light" loading={add.isPending}>Add to the shared record</Button></Group>
        </Stack>
      </form>
    </Section>
  );
}

function RatingCard({ session, isClient }: { session: SessionDetail; isClient: boolean }) {
  const { orgId } = useOrg();
  const canRate = isClient && session.availableActions.includes('rate');
  const form = useForm({
    initialValues: { rating: session.rating?.rating ?? 0, comment: session.rating?.comment ?? '' },
    validate: { rating: (value) => (value >= 1 && value <= 5 ? null : 'Choose 1 to 5 stars') },
  });
  const rate = useCoachingMutation(orgId, (values: typeof form.values) => call(api.PUT('/api/orgs/{orgId}/sessions/{sessionId}/rating', {
    params: { path: { orgId, sessionId: session.id } }, body: { rating: values.rating, comment: values.comment.trim() },
  })), { success: 'Thank you: your rating is saved.' });
  if (!canRate && !session.rating) return null;
  return (
    <Section title="Rating" description={isClient ? 'How useful was this session? Your coach sees your rating.' : 'The client’s rating of this session.'}>
      {canRate ? (
        <form noValidate onSubmit={form.onSubmit((values) => rate.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
          <Stack gap="sm">
            <ProblemAlert error={rate.error} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="rating-label">Your rating</Text>
              <Rating value={form.values.rating} onChange={(value) => form.setFieldValue('rating', value)} size="lg" aria-labelledby="rating-label" getSymbolLabel={(index) => `${index} of 5`} />
              {form.errors.rating && <Text size="xs" c="red.9">{form.errors.rating}</Text>}
            </Stack>
            <Textarea label="Comment" autosize minRows={2} maxRows={5} maxLength={2000} {...form.getInputProps('comment')} />
            <Button type="submit" loading={rate.isPending}>{session.rating ? 'Update rating' : 'Save rating'}</Button>
          </Stack>
        </form>
      ) : session.rating && (
        <Stack gap={4}>
          <Rating value={session.rating.rating} readOnly aria-label={`Rated ${session.rating.rating} of 5`} />
          {session.rating.comment && <Text size="sm">“{session.rating.comment}”</Text>}
        </Stack>
      )}
    </Section>
  );
}
