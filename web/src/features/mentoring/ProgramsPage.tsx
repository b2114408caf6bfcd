import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconClockHour4, IconPlus, IconSchool, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, LoadError } from '../../platform/ui/states';
import { usePrograms, type Program } from './api';
import { cadenceWords, PAIRING_LABELS, plural, PURPOSE_LABELS, weeksWords } from './labels';
import { NoticesButton } from './NoticesPage';

const ENROLLMENT_BADGE: Record<string, { label: string; color: string }> = {
  pending: { label: 'waiting for approval', color: 'amber' },
  approved: { label: 'enrolled', color: 'cairn' },
  declined: { label: 'not approved', color: 'gray' },
  withdrawn: { label: 'withdrawn', color: 'gray' },
};

/** Your enrollments in a program in words: "Mentor · enrolled". */
export function EnrollmentBadges({ program }: { program: Program }) {
  const live = program.yourEnrollments.filter((e) => e.status === 'pending' || e.status === 'approved');
  if (live.length === 0) return null;
  return (
    <Group gap={6}>
      {live.map((e) => (
        <Badge key={e.id} color={ENROLLMENT_BADGE[e.status]?.color ?? 'gray'} variant="light" tt="none">
          {e.side === 'mentor' ? 'Mentor' : 'Mentee'} · {ENROLLMENT_BADGE[e.status]?.label ?? e.status}
        </Badge>
      ))}
    </Group>
  );
}

/** "From 1 Mar to 30 Jun 2026" or "Enrollment always open". */
export function useCohortWords() {
  const format = useFormat();
  return (program: Pick<Program, 'enrollmentWindow' | 'cohortStartsOn' | 'cohortEndsOn'>) => (program.enrollmentWindow === 'cohort' && program.cohortStartsOn
    ? `Cohort ${format.day(program.cohortStartsOn)} – ${format.day(program.cohortEndsOn)}`
    : 'Enrollment always open');
}

/** /orgs/:orgId/mentoring/programs — the organization's mentoring programs and the person's place in each. */
export function ProgramsPage() {
  const { orgId, isAdmin } = useOrg();
  const programs = usePrograms(orgId);
  const cohort = useCohortWords();
  const base = `/orgs/${orgId}/mentoring`;
  return (
    <>
      <PageHeader
        title="Mentoring programs"
        description="Programs pair mentors and mentees around a purpose, with a rhythm of check-ins and a suggested length."
        actions={(
          <>
            <NoticesButton />
            {isAdmin && <Button component={Link} to={`${base}/admin/new`} leftSection={<IconPlus size={16} aria-hidden />}>New program</Button>}
          </>
        )}
      />
      {programs.isError ? (
        <LoadError error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" aria-busy="true" aria-label="Loading programs">{[0, 1].map((i) => <Skeleton key={i} h={220} radius="md" />)}</SimpleGrid>
      ) : programs.data.items.length === 0 ? (
        <Card>
          <Empty icon={<IconSchool size={28} aria-hidden />} title="No programs yet"
            description={isAdmin ? 'Create a program: its purpose, rhythm, and the questions people answer when they enroll.' : 'When your organization opens a mentoring program, it appears here. Meanwhile you can find a mentor directly.'}>
            {isAdmin
              ? <Button component={Link} to={`${base}/admin/new`}>Create a program</Button>
              : <Button component={Link} to={`${base}/mentors`} variant="default">Find a mentor</Button>}
          </Empty>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" component="ul" aria-label="Programs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {programs.data.items.map((program) => (
            <Card key={program.id} component="li" padding="lg" style={{ display: 'flex', flexDirection: 'column' }} aria-label={program.name}>
              <Group justify="space-between" align="flex-start" gap="sm" mb="xs" wrap="nowrap">
                <Stack gap={4} miw={0}>
                  <Title order={2} fz="lg">{program.name}</Title>
                  <Group gap={6}>
                    <Badge color="blue" variant="light" tt="none">{PURPOSE_LABELS[program.purpose]}</Badge>
                    {program.enrollmentOpen ? <Badge color="cairn" variant="outline" tt="none">Open to enroll</Badge> : <Badge color="gray" variant="outline" tt="none">Enrollment closed</Badge>}
                  </Group>
                </Stack>
              </Group>
              {program.description && <Text size="sm" lineClamp={3} mb="sm">{program.description}</Text>}
              <Stack gap={6} mb="md" style={{ flex: 1 }}>
                <Group gap={6} wrap="nowrap"><IconClockHour4 size={16} aria-hidden /><Text size="sm">Check-ins {cadenceWords(program.cadenceDays)}; suggested length {weeksWords(program.suggestedLengthWeeks)}</Text></Group>
                <Group gap={6} wrap="nowrap"><IconCalendarEvent size={16} aria-hidden /><Text size="sm">{cohort(program)}</Text></Group>
                <Group gap={6} wrap="nowrap"><IconUsers size={16} aria-hidden /><Text size="sm">{plural(program.mentors, 'mentor')}, {plural(program.mentees, 'mentee')} · {PAIRING_LABELS[program.pairingMode].label}</Text></Group>
              </Stack>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <EnrollmentBadges program={program} />
                <Group gap="xs" ml="auto">
                  {isAdmin && <Button size="sm" variant="subtle" component={Link} to={`${base}/admin/programs/${program.id}`} aria-label={`Manage ${program.name}`}>Manage</Button>}
                  <Button size="sm" variant="light" component={Link} to={`${base}/programs/${program.id}`} aria-label={`Open ${program.name}`}>
                    {program.yourEnrollments.some((e) => e.status === 'pending' || e.status === 'approved') ? 'Open' : 'Learn more and enroll'}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
