import { Anchor, Badge, Button, Card, Grid, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHeartHandshake, IconMessages, IconRotateClockwise2, IconSchool, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import { useMenteeHome, useMentorHome, useRelationships, type LoadLine, type MenteeHome as MenteeHomeData, type PendingReview, type Relationship, type ToClose } from './api';
import { cadenceWords, LOAD_STATUS, plural } from './labels';
import { MentorListingModal } from './MentorListingModal';
import { MyMentorRequests, RequestsToAnswer } from './Requests';
import { HealthBadge, PersonLine, relativeDay, Section, StateBadge, todayIn } from './ui';

/** One running relationship as a card: the other person, health in words, when the next check-in is due. */
export function RelationshipCard({ relationship, side, today }: { relationship: Relationship; side: 'mentor' | 'mentee'; today: string }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const other = side === 'mentor' ? relationship.mentee : relationship.mentor;
  const due = relationship.nextCheckInDue;
  const late = due !== null && due < today;
  return (
    <Card component={Link} to={`/orgs/${orgId}/mentoring/relationships/${relationship.id}`} className="cairn-link-card" padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb="sm">
        <PersonLine name={other.name} part={side === 'mentor' ? 'Mentee' : 'Mentor'} detail={relationship.programName ?? 'Outside programs'} />
        <Group gap={6} justify="flex-end">
          {relationship.state !== 'active' && <StateBadge state={relationship.state} size="sm" />}
          <HealthBadge health={relationship.health} size="sm" />
        </Group>
      </Group>
      <Group gap="xl" wrap="wrap" pl={48}>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Next check-in</Text>
          <Text size="sm" fw={600} c={late ? 'red.9' : undefined}>
            {due ? `${format.day(due)} (${relativeDay(due, today)})` : relationship.state === 'paused' ? 'Paused' : '—'}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Check-ins</Text>
          <Text size="sm" fw={600}>{relationship.checkIns} · {cadenceWords(relationship.cadenceDays)}</Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** "Shall we continue?" reviews waiting for this person's private answer. */
export function PendingReviews({ reviews }: { reviews: PendingReview[] }) {
  const { orgId } = useOrg();
  const format = useFormat();
  if (reviews.length === 0) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="pending-reviews" bg="cairn.0" style={{ borderColor: 'var(--mantine-color-cairn-3)' }}>
      <Group gap="md" wrap="nowrap" align="flex-start" mb="sm">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden><IconRotateClockwise2 size={22} /></ThemeIcon>
        <Stack gap={2}>
          <Title order={2} fz="lg" id="pending-reviews">Shall we continue?</Title>
          <Text size="sm">Each of you answers privately. Continuing or concluding are both good outcomes; nobody is at fault.</Text>
        </Stack>
      </Group>
      <Stack gap="xs">
        {reviews.map((review) => (
          <Group key={review.reviewId} justify="space-between" wrap="wrap" gap="sm" p="sm" bg="white" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Text size="sm"><strong>{review.with.name}</strong> · due {format.day(review.dueOn)}</Text>
            <Button size="xs" component={Link} to={`/orgs/${orgId}/mentoring/relationships/${review.relationshipId}#review`} aria-label={`Answer the review with ${review.with.name}`}>
              Answer
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** Concluded relationships inviting closing words: a private reflection and an appreciation. */
export function ToCloseCard({ items }: { items: ToClose[] }) {
  const { orgId } = useOrg();
  const format = useFormat();
  if (items.length === 0) return null;
  return (
    <Section title="Closing words" description="These relationships came to a close. Leave a reflection for yourself and, if you like, an appreciation.">
      <Stack gap="xs">
        {items.map((item) => (
          <Group key={item.relationshipId} justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={0}>
              <Text size="sm" fw={600}>{item.with.name}</Text>
              <Text size="xs" c="dimmed">
                Concluded {format.date(item.endedAt)} · {[!item.closingReflectionWritten && 'reflection', !item.appreciationWritten && 'appreciation'].filter(Boolean).join(' and ')} to write
              </Text>
            </Stack>
            <Button size="xs" variant="light" component={Link} to={`/orgs/${orgId}/mentoring/relationships/${item.relationshipId}`} aria-label={`Closing words for ${item.with.name}`}>
              Write
            </Button>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

/** Relationships that have concluded, for the record and for their closing words. */
function PastRelationships({ side }: { side: 'mentor' | 'mentee' }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const relationships = useRelationships(orgId, side);
  const past = (relationships.data?.items ?? []).filter((r) => r.state === 'concluded' && (side === 'mentor' ? r.mentor : r.mentee).personId === me.person.id);
  if (past.length === 0) return null;
  return (
    <Section title="Past relationships">
      <Stack gap="xs" component="ul" aria-label={`Past relationships as ${side}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {past.map((r) => {
          const other = side === 'mentor' ? r.mentee : r.mentor;
          return (
            <Group component="li" key={r.id} justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} miw={0}>
                <Anchor component={Link} to={`/orgs/${orgId}/mentoring/relationships/${r.id}`} size="sm" fw={600}>{other.name}</Anchor>
                <Text size="xs" c="dimmed">{r.programName ?? 'Outside programs'} · {format.date(r.startedAt)} – {format.date(r.endedAt)}</Text>
              </Stack>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{plural(r.checkIns, 'check-in')}</Text>
            </Group>
          );
        })}
      </Stack>
    </Section>
  );
}

/** The mentee's home. */
export function MenteeHome() {
  const { orgId, me } = useOrg();
  const home = useMenteeHome(orgId);
  if (home.isPending) return <Loading label="Loading your mentoring…" />;
  if (home.isError) return <LoadError error={home.error} onRetry={() => void home.refetch()} />;
  const data = home.data;
  const today = todayIn(me.person.timeZone);
  const base = `/orgs/${orgId}/mentoring`;
  return (
    <Stack gap="lg">
      <PendingReviews reviews={data.pendingReviews} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section title="Your mentors" description="Relationships that last while you both find them worthwhile.">
              {data.relationships.length === 0 ? (
                <Empty icon={<IconHeartHandshake size={26} aria-hidden />} title="No mentor yet" order={3}
                  description="A mentor shares experience, stories and perspective over months. Ask someone who offers to mentor, or join a program.">
                  <Button component={Link} to={`${base}/mentors`}>Find a mentor</Button>
                  <Button component={Link} to={`${base}/programs`} variant="default">Browse programs</Button>
                </Empty>
              ) : (
                <Stack gap="sm">
                  {data.relationships.map((r) => <RelationshipCard key={r.id} relationship={r} side="mentee" today={today} />)}
                </Stack>
              )}
            </Section>
            <ToCloseCard items={data.toClose} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <MyMentorRequests compact mb={0} />
            <MyPrograms programs={data.programs} />
            <PastRelationships side="mentee" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

const ENROLLMENT_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: 'Waiting for approval', color: 'amber' },
  approved: { label: 'Enrolled', color: 'cairn' },
};

function MyPrograms({ programs }: { programs: MenteeHomeData['programs'] }) {
  const { orgId } = useOrg();
  return (
    <Section title="Your programs" actions={<Anchor component={Link} to={`/orgs/${orgId}/mentoring/programs`} size="sm">All programs</Anchor>}>
      {programs.length === 0 ? (
        <Text size="sm" c="dimmed">You are not enrolled in a program. Programs pair mentors and mentees around a purpose, such as onboarding or leadership.</Text>
      ) : (
        <Stack gap="xs">
          {programs.map((program) => (
            <Group key={`${program.programId}-${program.side}`} justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} miw={0}>
                <Anchor component={Link} to={`/orgs/${orgId}/mentoring/programs/${program.programId}`} size="sm" fw={600}>{program.name}</Anchor>
                <Text size="xs" c="dimmed">as {program.side}</Text>
              </Stack>
              <Badge size="sm" color={ENROLLMENT_STATUS[program.status]?.color ?? 'gray'}>{ENROLLMENT_STATUS[program.status]?.label ?? program.status}</Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The mentor's home. */
export function MentorHome() {
  const { orgId, me, roles } = useOrg();
  const home = useMentorHome(orgId);
  const [offering, setOffering] = useState(false);
  if (home.isPending) return <Loading label="Loading your mentoring…" />;
  if (home.isError) return <LoadError error={home.error} onRetry={() => void home.refetch()} />;
  const data = home.data;
  const today = todayIn(me.person.timeZone);
  const base = `/orgs/${orgId}/mentoring`;
  const isMentor = roles.includes('mentor');
  const listed = data.load.some((line) => line.programId === null);
  return (
    <Stack gap="lg">
      <RequestsToAnswer requests={data.requests} />
      <PendingReviews reviews={data.pendingReviews} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section title="Your mentees" description="Health follows the rhythm of check-ins you agreed.">
              {data.relationships.length === 0 ? (
                <Empty icon={<IconUsersGroup size={26} aria-hidden />} title="No mentees yet" order={3}
                  description={listed
                    ? 'Colleagues find you in the mentor directory; their requests appear here to accept or decline. You can also mentor in a program.'
                    : isMentor ? 'Offer to mentor so colleagues can ask you, or enroll as a mentor in a program.' : 'People you mentor appear here.'}>
                  {isMentor && !listed && <Button onClick={() => setOffering(true)}>Offer to mentor</Button>}
                  <Button component={Link} to={`${base}/programs`} variant="default">Browse programs</Button>
                </Empty>
              ) : (
                <Stack gap="sm">
                  {data.relationships.map((r) => <RelationshipCard key={r.id} relationship={r} side="mentor" today={today} />)}
                </Stack>
              )}
            </Section>
            <ToCloseCard items={data.toClose} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <LoadCard load={data.load} onEditOffer={isMentor ? () => setOffering(true) : undefined} />
            <PastRelationships side="mentor" />
          </Stack>
        </Grid.Col>
      </Grid>
      {isMentor && <MentorListingModal opened={offering} onClose={() => setOffering(false)} />}
    </Stack>
  );
}

function LoadCard({ load, onEditOffer }: { load: LoadLine[]; onEditOffer?: () => void }) {
  const organic = load.some((line) => line.programId === null);
  return (
    <Section title="Your places" description="Mentees against the capacity you set, in each program and outside programs."
      actions={onEditOffer && <Button size="xs" variant="default" onClick={onEditOffer}>{organic ? 'Edit your offer' : 'Offer to mentor'}</Button>}>
      {load.length === 0 ? (
        <Text size="sm" c="dimmed">You have not offered any places yet.</Text>
      ) : (
        <Stack gap="md">
          {load.map((line) => {
            const name = line.programName ?? 'Outside programs';
            return (
              <Stack key={line.programId ?? 'organic'} gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap={6} wrap="nowrap" miw={0}>
                    {line.programId ? <IconSchool size={16} aria-hidden /> : <IconMessages size={16} aria-hidden />}
                    <Text size="sm" fw={600} truncate>{name}</Text>
                  </Group>
                  <Badge size="sm" color={LOAD_STATUS[line.status].color}>{LOAD_STATUS[line.status].label}</Badge>
                </Group>
                <Progress value={line.capacity ? Math.min(100, (line.active / line.capacity) * 100) : 100} color={line.status === 'over' ? 'red' : 'cairn'}
                  aria-label={`${name}: ${line.active} of ${line.capacity} places used`} />
                <Text size="xs" c="dimmed">{line.active} of {plural(line.capacity, 'place')} used · {plural(line.openPlaces, 'open place')}</Text>
              </Stack>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}
