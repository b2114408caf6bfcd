import { Alert, Anchor, Box, Breadcrumbs, Button, Card, Grid, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCheck, IconFlag, IconLock, IconPlayerPause, IconPlayerPlay, IconTargetArrow, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { mentoringKeys, useMentoringMutation, useRelationship, type Relationship, type RelationshipEvent } from './api';
import { CheckInsSection } from './CheckIns';
import { ClosingPanel, ConcludedNotice } from './Closing';
import { cadenceWords, declineText, EVENT_LABELS } from './labels';
import { NoticesButton } from './NoticesPage';
import { DeclineModal } from './Requests';
import { ReviewCard } from './Review';
import { HealthBadge, PersonLine, relativeDay, Section, StateBadge, todayIn } from './ui';

/** /orgs/:orgId/mentoring/relationships/:relationshipId — one relationship, as the viewer's part lets them see it. */
export function RelationshipPage() {
  const { orgId } = useOrg();
  const { relationshipId = '' } = useParams();
  const relationship = useRelationship(orgId, relationshipId);
  useDocumentTitle(`${relationship.data ? titleOf(relationship.data, '') : 'Mentoring relationship'} · Cairn`);

  if (relationship.isPending) return <Loading label="Loading the relationship…" />;
  if (relationship.isError) {
    if (isStatus(relationship.error, 404, 403)) {
      return (
        <Card>
          <Empty icon={<IconLock size={28} aria-hidden />} title="Relationship not found" order={1}
            description="It does not exist, or you take no part in it. A mentoring relationship is seen by its mentor and mentee (and, for its health only, by admins).">
            <Button component={Link} to={`/orgs/${orgId}/mentoring`} variant="default">Back to mentoring</Button>
          </Empty>
        </Card>
      );
    }
    return <LoadError error={relationship.error} onRetry={() => void relationship.refetch()} />;
  }
  return <RelationshipView relationship={relationship.data} />;
}

function titleOf(relationship: Relationship, personId: string): string {
  if (relationship.mentor.personId === personId) return `Mentoring ${relationship.mentee.name}`;
  if (relationship.mentee.personId === personId) return `Mentored by ${relationship.mentor.name}`;
  return `${relationship.mentor.name} & ${relationship.mentee.name}`;
}

function RelationshipView({ relationship }: { relationship: Relationship }) {
  const { orgId, me } = useOrg();
  const isMentor = relationship.mentor.personId === me.person.id;
  const isMentee = relationship.mentee.personId === me.person.id;
  const isParty = isMentor || isMentee;
  const running = relationship.state === 'active' || relationship.state === 'paused';
  const title = titleOf(relationship, me.person.id);
  useDocumentTitle(`${title} · Cairn`);

  return (
    <>
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <Breadcrumbs separator="/" aria-label="Breadcrumb">
          <Anchor component={Link} to={`/orgs/${orgId}/mentoring`} size="sm">Mentoring</Anchor>
          {!isParty && relationship.programId && (
            <Anchor component={Link} to={`/orgs/${orgId}/mentoring/admin/programs/${relationship.programId}`} size="sm">{relationship.programName}</Anchor>
          )}
          <Text size="sm" c="dimmed" aria-current="page">{title}</Text>
        </Breadcrumbs>
        {isParty && <NoticesButton />}
      </Group>
      <Header relationship={relationship} title={title} />

      {!isParty && (
        <Alert role="note" variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} mb="lg">
          As an admin you see this relationship’s state, health and counts. Check-ins, notes, reflections and review answers stay between mentor and mentee.
        </Alert>
      )}

      {isParty && relationship.state === 'requested' && <RequestPanel relationship={relationship} />}
      {isParty && ['declined', 'withdrawn', 'expired'].includes(relationship.state) && <EndedRequest relationship={relationship} />}

      {isParty && running && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }} order={{ base: 2, lg: 1 }}>
            <CheckInsSection relationship={relationship} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }} order={{ base: 1, lg: 2 }}>
            <Stack gap="lg">
              <ReviewCard relationship={relationship} />
              <CoachingTools relationship={relationship} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}

      {isParty && relationship.state === 'concluded' && (
        <Stack gap="lg">
          <ConcludedNotice relationship={relationship} />
          <ClosingPanel relationship={relationship} />
          <CheckInsSection relationship={relationship} />
        </Stack>
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" fw={500} component="div">{children}</Text>
    </Stack>
  );
}

const EVENT_ICONS: Partial<Record<RelationshipEvent, ReactNode>> = {
  pause: <IconPlayerPause size={16} aria-hidden />,
  resume: <IconPlayerPlay size={16} aria-hidden />,
  conclude: <IconFlag size={16} aria-hidden />,
};

function Header({ relationship, title }: { relationship: Relationship; title: string }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const today = todayIn(me.person.timeZone);
  const [concluding, setConcluding] = useState(false);
  const move = useMentoringMutation(orgId, (event: 'pause' | 'resume') => {
    const params = { path: { orgId, relationshipId: relationship.id } };
    return call(event === 'pause'
      ? api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/pause', { params })
      : api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/resume', { params }));
  }, { success: (_, event) => (event === 'pause' ? 'Relationship paused. Resume it whenever you are ready.' : 'Relationship resumed.'), notifyErrors: true });
  const events = relationship.availableEvents.filter((event): event is 'pause' | 'resume' | 'conclude' => event === 'pause' || event === 'resume' || event === 'conclude');
  const due = relationship.nextCheckInDue;

  return (
    <Card padding="lg" mb="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="md">
        <Stack gap={6} miw={0}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} fz={{ base: 22, sm: 26 }}>{title}</Title>
            <StateBadge state={relationship.state} />
            <HealthBadge health={relationship.health} />
          </Group>
          <Text size="sm" c="dimmed">{relationship.programName ? `${relationship.programName} program` : 'Mentoring outside programs'}</Text>
        </Stack>
        {events.length > 0 && (
          <Group gap="sm">
            {events.map((event) => (
              <Button key={event} variant="default" leftSection={EVENT_ICONS[event]}
                loading={move.isPending && move.variables === event}
                onClick={() => (event === 'conclude' ? setConcluding(true) : move.mutate(event))}>
                {EVENT_LABELS[event]}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" mb="md">
        <PersonLine name={relationship.mentor.name} part="Mentor" you={relationship.mentor.personId === me.person.id} />
        <PersonLine name={relationship.mentee.name} part="Mentee" you={relationship.mentee.personId === me.person.id} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Fact label="Rhythm">Check-ins {cadenceWords(relationship.cadenceDays)}</Fact>
        <Fact label="Began">{relationship.startedAt ? format.date(relationship.startedAt) : '—'}</Fact>
        <Fact label="Check-ins">{relationship.checkIns}{relationship.lastCheckInOn && <Text span size="xs" c="dimmed"> · last {format.day(relationship.lastCheckInOn)}</Text>}</Fact>
        {relationship.endedAt ? (
          <Fact label={relationship.state === 'concluded' ? 'Concluded' : 'Closed'}>{format.date(relationship.endedAt)}</Fact>
        ) : (
          <>
            <Fact label="Next check-in">
              {due ? <Text span size="sm" fw={500} c={due < today ? 'red.9' : undefined}>{format.day(due)} ({relativeDay(due, today)})</Text> : '—'}
            </Fact>
            <Fact label="Next review">{relationship.nextReviewDue ? format.day(relationship.nextReviewDue) : '—'}</Fact>
          </>
        )}
      </SimpleGrid>
      {relationship.state === 'paused' && (
        <Text size="sm" c="dimmed" mt="md">This relationship is paused: health is not tracked, and check-ins can still be logged. Resume it when you are ready.</Text>
      )}
      <ConcludeModal relationship={relationship} opened={concluding} onClose={() => setConcluding(false)} />
    </Card>
  );
}

function ConcludeModal({ relationship, opened, onClose }: { relationship: Relationship; opened: boolean; onClose: () => void }) {
  const { orgId } = useOrg();
  const conclude = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/conclude', {
    params: { path: { orgId, relationshipId: relationship.id } },
  })), { success: 'The relationship has come to a close.', onSuccess: onClose });
  const party = relationship.yourParts.includes('mentor') || relationship.yourParts.includes('mentee');
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Conclude this relationship?</Text>}>
      <Stack>
        <Text size="sm">
          {party ? 'The other person' : 'Both people'} will read that the relationship came to a natural close, not who ended it. That is a normal part of
          mentoring and nobody is at fault.
        </Text>
        {party && <Text size="sm">Afterwards, each of you may leave a closing reflection (private) and an appreciation for the other.</Text>}
        <ProblemAlert error={conclude.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Keep going</Button>
          <Button onClick={() => conclude.mutate(undefined)} loading={conclude.isPending}>Conclude</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RequestPanel({ relationship }: { relationship: Relationship }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [declining, setDeclining] = useState(false);
  const accept = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/accept', {
    params: { path: { orgId, relationshipId: relationship.id } },
  })), { success: `You are now mentoring ${relationship.mentee.name}.`, notifyErrors: true });
  const withdraw = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/withdraw', {
    params: { path: { orgId, relationshipId: relationship.id } },
  })), { success: 'Request withdrawn.', notifyErrors: true });
  const events = relationship.availableEvents;
  return (
    <Section title="The request" description={relationship.requestExpiresAt ? `Open until ${format.date(relationship.requestExpiresAt)}.` : undefined}>
      {relationship.requestMessage && <Text size="sm" mb="md" style={{ whiteSpace: 'pre-line' }}>“{relationship.requestMessage}”</Text>}
      <Group gap="sm">
        {events.includes('accept') && <Button leftSection={<IconCheck size={16} aria-hidden />} loading={accept.isPending} onClick={() => accept.mutate(undefined)}>Accept</Button>}
        {events.includes('decline') && <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDeclining(true)}>Decline</Button>}
        {events.includes('withdraw') && <Button variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>Withdraw request</Button>}
        {!events.includes('accept') && <Text size="sm" c="dimmed">Waiting for {relationship.mentor.name} to answer.</Text>}
      </Group>
      <DeclineModal request={declining ? { relationshipId: relationship.id, name: relationship.mentee.name } : null} onClose={() => setDeclining(false)} />
    </Section>
  );
}

function EndedRequest({ relationship }: { relationship: Relationship }) {
  const { orgId } = useOrg();
  const reason = declineText(relationship.declineReason);
  const words = relationship.state === 'declined'
    ? reason ? `${relationship.mentor.name.split(/\s+/)[0]} wrote: “${reason}”` : `${relationship.mentor.name} could not take this on.`
    : relationship.state === 'withdrawn' ? 'The request was withdrawn.' : 'The request went unanswered for 14 days and has expired.';
  return (
    <Section title="This request is closed">
      <Text size="sm" mb="md">{words}</Text>
      {relationship.yourParts.includes('mentee') && (
        <Button component={Link} to={`/orgs/${orgId}/mentoring/mentors`} variant="default">Find a mentor</Button>
      )}
    </Section>
  );
}

/** Borrowing the coaching tools: an engagement only the two of them can open, with the mentee setting each focus. */
function CoachingTools({ relationship }: { relationship: Relationship }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const tools = useQuery({
    queryKey: mentoringKeys.tools(orgId, relationship.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/coaching-tools', { params: { path: { orgId, relationshipId: relationship.id } } })),
  });
  const engagementPath = (id: string) => `/orgs/${orgId}/coaching/engagements/${id}?tab=goals`;
  const open = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/coaching-tools', {
    params: { path: { orgId, relationshipId: relationship.id } },
  })), { onSuccess: (result) => void navigate(engagementPath(result.engagementId)), notifyErrors: true });
  const engagementId = tools.data?.engagementId ?? null;
  return (
    <Section title="Coaching tools" description="Borrow them when they help: goals, sessions whose focus the mentee chooses, and action items. Private to the two of you; admins cannot open them.">
      <Box>
        {engagementId ? (
          <Button component={Link} to={engagementPath(engagementId)} variant="light" leftSection={<IconTargetArrow size={16} aria-hidden />}>Open coaching tools</Button>
        ) : (
          <Button variant="light" leftSection={<IconTargetArrow size={16} aria-hidden />} loading={open.isPending || tools.isPending} onClick={() => open.mutate(undefined)}>
            Use coaching tools
          </Button>
        )}
      </Box>
    </Section>
  );
}
