import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconInfoCircle, IconLock, IconSettings } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { LoadError, Loading } from '../../platform/ui/states';
import { ProgramLoaded } from './ProgramLoaded';
import { mentoringKeys, useMentoringMutation, useProgram, type Program } from './api';
import { EnrollForm, IDENTITY_EXPLANATION } from './EnrollForm';
import { cadenceWords, PAIRING_LABELS, plural, PURPOSE_LABELS, weeksWords } from './labels';
import { NoticesButton } from './NoticesPage';
import { EnrollmentBadges, useCohortWords } from './ProgramsPage';
import { PrivateMark, Section } from './ui';

/** /orgs/:orgId/mentoring/programs/:programId — what the program is, how to enroll, and one's own enrollment. */
export function ProgramPage() {
  const { orgId } = useOrg();
  const { programId = '' } = useParams();
  const program = useProgram(orgId, programId);
  useDocumentTitle(`${program.data?.name ?? 'Program'} · Cairn`);
  return (
    <ProgramLoaded program={program} backTo={`/orgs/${orgId}/mentoring/programs`} missing="It does not exist, or it was archived.">
      {(loaded) => <ProgramView program={loaded} />}
    </ProgramLoaded>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

function ProgramView({ program }: { program: Program }) {
  const { orgId, isAdmin } = useOrg();
  const cohort = useCohortWords();
  const [enrolling, setEnrolling] = useState(false);
  const live = program.yourEnrollments.filter((e) => e.status === 'pending' || e.status === 'approved');
  const taken = live.map((e) => e.side);
  const canEnroll = program.enrollmentOpen && taken.length < 2;
  const hasIdentity = program.questions.some((q) => q.fieldType === 'self_identification');

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring`} size="sm">Mentoring</Anchor>
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/programs`} size="sm">Programs</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">{program.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={program.name}
        description={PURPOSE_LABELS[program.purpose]}
        actions={(
          <>
            <NoticesButton />
            {isAdmin && <Button component={Link} to={`/orgs/${orgId}/mentoring/admin/programs/${program.id}`} variant="default" leftSection={<IconSettings size={16} aria-hidden />}>Manage</Button>}
            {program.pairingMode === 'mentee_choice' && program.yourEnrollments.some((e) => e.side === 'mentee' && e.status === 'approved') && (
              <Button component={Link} to={`/orgs/${orgId}/mentoring/programs/${program.id}/suggestions`} variant="light">Suggested mentors</Button>
            )}
            {canEnroll && !enrolling && <Button onClick={() => setEnrolling(true)}>{taken.length ? 'Enroll on the other side' : 'Enroll'}</Button>}
          </>
        )}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section title="About this program">
              {program.description && <Text size="sm" mb="md" style={{ whiteSpace: 'pre-line' }}>{program.description}</Text>}
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <Fact label="Rhythm">Check-ins {cadenceWords(program.cadenceDays)}</Fact>
                <Fact label="Suggested length">{weeksWords(program.suggestedLengthWeeks)}, renewable</Fact>
                <Fact label="Shall we continue?">Asked every {program.reviewEveryWeeks} weeks</Fact>
                <Fact label="Dates">{cohort(program)}</Fact>
                <Fact label="How pairs form">
                  <Text size="sm" fw={600}>{PAIRING_LABELS[program.pairingMode].label}</Text>
                  <Text size="sm" c="dimmed">{PAIRING_LABELS[program.pairingMode].description}</Text>
                </Fact>
                <Fact label="Who takes part">
                  {plural(program.mentors, 'mentor')}, {plural(program.mentees, 'mentee')}
                  <Text size="xs" c="dimmed">{program.enrollmentApproval === 'admin' ? 'Enrollments are approved by the program team' : 'Enrollment is immediate'}</Text>
                </Fact>
              </SimpleGrid>
            </Section>
            {enrolling && canEnroll && (
              <Section title={`Enroll in ${program.name}`} description="Your answers help the program team pair you well. Only they and you see them.">
                <EnrollForm program={program} takenSides={taken} onDone={() => setEnrolling(false)} />
              </Section>
            )}
            {!program.enrollmentOpen && live.length === 0 && (
              <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>Enrollment for this program is closed.</Alert>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <MyEnrollment program={program} onEnroll={canEnroll && !enrolling ? () => setEnrolling(true) : undefined} />
            {hasIdentity && <MyIdentity program={program} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function MyEnrollment({ program, onEnroll }: { program: Program; onEnroll?: () => void }) {
  const { orgId } = useOrg();
  const live = program.yourEnrollments.filter((e) => e.status === 'pending' || e.status === 'approved');
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const update = useMentoringMutation(orgId, (input: { enrollmentId: string; capacity?: number; paused?: boolean; withdraw?: boolean }) => {
    const { enrollmentId, ...body } = input;
    return call(api.PATCH('/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments/{enrollmentId}', {
      params: { path: { orgId, programId: program.id, enrollmentId } }, body,
    }));
  }, {
    success: (_, input) => (input.withdraw ? 'You have withdrawn from the program.' : input.paused === true ? 'Paused: no new mentees for now.' : 'Your enrollment is updated.'),
    onSuccess: () => setWithdrawing(null),
    notifyErrors: true,
  });
  const [capacities, setCapacities] = useState<Record<string, number | string>>({});

  return (
    <Section title="Your enrollment">
      {live.length === 0 ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">You are not enrolled in this program.</Text>
          {onEnroll && <Button onClick={onEnroll}>Enroll</Button>}
        </Stack>
      ) : (
        <Stack gap="md">
          <EnrollmentBadges program={program} />
          {live.map((enrollment) => (
            <Card key={enrollment.id} padding="sm" bg="stone.0">
              <Stack gap="sm">
                <Group justify="space-between" gap="xs">
                  <Text fw={600} size="sm">As {enrollment.side}</Text>
                  {enrollment.status === 'pending' && <Badge color="amber" size="sm">Waiting for approval</Badge>}
                </Group>
                {enrollment.side === 'mentor' && (
                  <>
                    <Group align="flex-end" gap="sm">
                      <NumberInput label="Mentees at once" description={`Up to ${program.defaultMentorCapacity}`} min={0} max={program.defaultMentorCapacity}
                        allowDecimal={false} w={180} value={capacities[enrollment.id] ?? enrollment.capacity ?? program.defaultMentorCapacity}
                        onChange={(value) => setCapacities((current) => ({ ...current, [enrollment.id]: value }))} />
                      <Button variant="default" size="sm"
                        disabled={capacities[enrollment.id] === undefined || capacities[enrollment.id] === enrollment.capacity}
                        loading={update.isPending && update.variables?.capacity !== undefined}
                        onClick={() => update.mutate({ enrollmentId: enrollment.id, capacity: Number(capacities[enrollment.id]) })}>
                        Save capacity
                      </Button>
                    </Group>
                    <Switch label="Pause new mentees" description="Your current mentees stay; nobody new is paired with you" checked={enrollment.paused}
                      onChange={(event) => update.mutate({ enrollmentId: enrollment.id, paused: event.currentTarget.checked })} />
                  </>
                )}
                <Group justify="flex-end">
                  <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(enrollment.id)}>Withdraw as {enrollment.side}</Button>
                </Group>
              </Stack>
            </Card>
          ))}
          {onEnroll && <Button variant="light" onClick={onEnroll}>Enroll on the other side too</Button>}
        </Stack>
      )}
      <Modal opened={Boolean(withdrawing)} onClose={() => setWithdrawing(null)} title={<Text fw={700}>Withdraw from {program.name}?</Text>}>
        <Stack>
          <Text size="sm">You will no longer be paired in this program. Relationships already under way go on until you or the other person conclude them.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>Stay enrolled</Button>
            <Button color="red" loading={update.isPending} onClick={() => withdrawing && update.mutate({ enrollmentId: withdrawing, withdraw: true })}>Withdraw</Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}

/** The person's own self-identification answers, which only they can read, with a way to erase them. */
function MyIdentity({ program }: { program: Program }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const mine = useQuery({
    queryKey: mentoringKeys.myIdentity(orgId, program.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/my-identity', { params: { path: { orgId, programId: program.id } } })),
  });
  const [confirming, setConfirming] = useState(false);
  const erase = useMentoringMutation(orgId, () => call(api.DELETE('/api/orgs/{orgId}/mentoring/programs/{programId}/my-identity', {
    params: { path: { orgId, programId: program.id } },
  })), { success: 'Your self-identification answers are erased.', onSuccess: () => setConfirming(false), notifyErrors: true });
  const labelOf = (questionId: string) => program.questions.find((q) => q.id === questionId)?.label ?? 'Question';

  return (
    <Section title="Your self-identification" description={IDENTITY_EXPLANATION}>
      {mine.isPending ? <Loading minHeight={60} /> : mine.isError ? <LoadError error={mine.error} onRetry={() => void mine.refetch()} /> : mine.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">You have given no self-identification answers in this program.</Text>
      ) : (
        <Stack gap="sm">
          <PrivateMark>Only you can read these answers</PrivateMark>
          {mine.data.items.map((item) => (
            <Group key={item.questionId} justify="space-between" gap="sm" wrap="nowrap">
              <Text size="sm" c="dimmed">{labelOf(item.questionId)}</Text>
              <Text size="sm" fw={600}>{item.answer}</Text>
            </Group>
          ))}
          <Text size="xs" c="dimmed">Consent given {format.date(mine.data.items[0]!.consentedAt)}</Text>
          <Group justify="flex-end">
            <Button size="xs" variant="default" color="red" leftSection={<IconLock size={14} aria-hidden />} onClick={() => setConfirming(true)}>Erase my answers</Button>
          </Group>
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={700}>Erase your self-identification answers?</Text>}>
        <Stack>
          <Text size="sm">They are deleted now and no longer counted in the program’s totals. Your enrollment stays as it is.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Keep them</Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate(undefined)}>Erase</Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
