import { Anchor, Badge, Breadcrumbs, Button, Card, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconSchool } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, LoadError } from '../../platform/ui/states';
import { useMentoringMutation, usePrograms } from './api';
import { cadenceWords, PAIRING_LABELS, PURPOSE_LABELS } from './labels';
import { ProgramForm, programBody, programValues, type ProgramValues } from './ProgramForm';
import { useCohortWords } from './ProgramsPage';

/** /orgs/:orgId/mentoring/admin — every program (archived too), for the people who run them. */
export function ManageProgramsPage() {
  const { orgId } = useOrg();
  const programs = usePrograms(orgId, true);
  const cohort = useCohortWords();
  const base = `/orgs/${orgId}/mentoring/admin`;
  return (
    <>
      <PageHeader
        title="Manage mentoring programs"
        description="Create programs, approve enrollments, pair people and follow each program’s health. You see health and counts, never what pairs say."
        actions={<Button component={Link} to={`${base}/new`} leftSection={<IconPlus size={16} aria-hidden />}>New program</Button>}
      />
      {programs.isError ? (
        <LoadError error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.isPending ? (
        <Skeleton h={200} radius="md" aria-label="Loading programs" />
      ) : programs.data.items.length === 0 ? (
        <Card>
          <Empty icon={<IconSchool size={28} aria-hidden />} title="No programs yet" description="A program gathers mentors and mentees around a purpose: onboarding, leadership, an employee resource group…">
            <Button component={Link} to={`${base}/new`}>Create the first program</Button>
          </Empty>
        </Card>
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Programs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Program</Table.Th>
                  <Table.Th>Dates</Table.Th>
                  <Table.Th>Rhythm</Table.Th>
                  <Table.Th>Pairing</Table.Th>
                  <Table.Th ta="right">Mentors</Table.Th>
                  <Table.Th ta="right">Mentees</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programs.data.items.map((program) => (
                  <Table.Tr key={program.id}>
                    <Table.Td>
                      <Stack gap={2}>
                        <Anchor component={Link} to={`${base}/programs/${program.id}`} fw={600} size="sm">{program.name}</Anchor>
                        <Text size="xs" c="dimmed">
                          {PURPOSE_LABELS[program.purpose]}
                          {program.status === 'archived' && <Badge ml={6} size="xs" color="gray" variant="outline">Archived</Badge>}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td><Text size="sm">{cohort(program)}</Text></Table.Td>
                    <Table.Td><Text size="sm">Check-ins {cadenceWords(program.cadenceDays)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{PAIRING_LABELS[program.pairingMode].label}</Text></Table.Td>
                    <Table.Td ta="right">{program.mentors}</Table.Td>
                    <Table.Td ta="right">{program.mentees}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}

/** /orgs/:orgId/mentoring/admin/new — a program with all its settings and its enrollment questions. */
export function NewProgramPage() {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const create = useMentoringMutation(orgId, (values: ProgramValues) => call(api.POST('/api/orgs/{orgId}/mentoring/programs', {
    params: { path: { orgId } }, body: programBody(values, true),
  })), {
    success: (program) => `${program.name} is open.`,
    onSuccess: (program) => void navigate(`/orgs/${orgId}/mentoring/admin/programs/${program.id}`),
  });
  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/admin`} size="sm">Manage programs</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">New program</Text>
      </Breadcrumbs>
      <PageHeader title="New mentoring program" description="Its purpose, rhythm and dates, how pairs form, and the questions people answer when they enroll." />
      <ProgramForm initial={programValues()} withQuestions submitLabel="Create program" pending={create.isPending} error={create.error}
        onSubmit={(values) => create.mutateAsync(values)} onCancel={() => void navigate(`/orgs/${orgId}/mentoring/admin`)} />
    </>
  );
}
