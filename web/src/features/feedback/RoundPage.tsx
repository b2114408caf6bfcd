import {
  ActionIcon, Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Modal, Progress, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import {
  IconBellRinging, IconChartDots, IconCircleCheck, IconClock, IconLock, IconMailForward, IconPlus, IconSend, IconTrash, IconUserCheck, IconX,
} from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { Section } from '../assessments/Section';
import { RELATIONSHIPS, relationshipLabel, useFeedbackMutation, useRound, type Relationship, type Round } from './api';
import { ScrollTable } from '../assessments/ScrollTable';

/** /orgs/:orgId/feedback/:roundId — a round: who has answered (never what), raters, reminders, closing, the self-assessment. */
export function RoundPage() {
  const { orgId } = useOrg();
  const { roundId = '' } = useParams();
  const round = useRound(orgId, roundId);
  useDocumentTitle(`${round.data?.title ?? '360° feedback'} · Cairn`);

  if (round.isPending) return <Loading label="Loading the round…" />;
  if (round.isError) {
    if (isStatus(round.error, 404)) {
      return (
        <Card>
          <Empty icon={<IconLock size={28} aria-hidden />} order={1} title="Round not found"
            description="It does not exist, or it is not yours to see. A round is seen by the person it is about and the coach of its engagement only.">
            <Button component={Link} to={`/orgs/${orgId}/feedback`} variant="default">Back to 360° feedback</Button>
          </Empty>
        </Card>
      );
    }
    return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  }
  return <RoundView round={round.data} />;
}

/** What the report will show of each group, given who has answered so far. */
function groupFate(round: Round, relationship: Relationship, responded: number): { label: string; color: string } {
  if (responded === 0) return { label: 'No answers yet', color: 'gray' };
  if (relationship === 'manager' && round.managerShownAlone) return { label: 'Shown on its own', color: 'cairn' };
  if (responded >= round.minGroupSize) return { label: 'Shown as a group', color: 'cairn' };
  return { label: `Fewer than ${round.minGroupSize}: combined or held back`, color: 'amber' };
}

function RoundView({ round }: { round: Round }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [closing, closeModal] = useDisclosure(false);
  const isSubject = round.yourParts.includes('subject');
  const collecting = round.state === 'collecting';
  const path = { orgId, roundId: round.id };
  const waiting = round.raters.filter((r) => !r.responded).length;

  const remind = useFeedbackMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/feedback/rounds/{roundId}/remind', { params: { path } })), {
    success: (result) => (result.reminded === 0
      ? `Nobody was reminded: ${result.skipped} ${result.skipped === 1 ? 'rater was' : 'raters were'} reminded less than 12 hours ago.`
      : `Reminded ${result.reminded} ${result.reminded === 1 ? 'rater' : 'raters'}${result.skipped ? `; ${result.skipped} reminded recently were skipped` : ''}.`),
    notifyErrors: true,
  });
  const close = useFeedbackMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/feedback/rounds/{roundId}/close', { params: { path } })), {
    success: 'The round is closed: the report is ready.', onSuccess: closeModal.close,
  });

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/feedback`} size="sm">360° feedback</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">{round.title}</Text>
      </Breadcrumbs>
      <Card padding="lg" mb="lg">
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <Stack gap={6} style={{ flex: '1 1 380px' }} miw={0}>
            <Group gap="sm">
              <Title order={1} fz={{ base: 22, sm: 26 }}>{round.title}</Title>
              <Badge size="lg" color={collecting ? 'cairn' : 'indigo'}>{collecting ? 'Collecting' : 'Closed'}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {isSubject ? 'About you' : `About ${round.subject.name}, your client`} · {round.instrument.name} ·{' '}
              {collecting ? `closes at the end of ${format.day(round.closesOn)}` : `closed ${format.date(round.closedAt ?? round.closesAt)}`}
            </Text>
            <Text size="sm" c="dimmed">Groups need at least {round.minGroupSize} answers to be shown{round.managerShownAlone ? '; the manager may be shown alone' : ''}.</Text>
          </Stack>
          <Group gap="sm">
            {collecting && waiting > 0 && (
              <Button variant="default" leftSection={<IconBellRinging size={16} aria-hidden />} loading={remind.isPending} onClick={() => remind.mutate(undefined)}>
                Remind {waiting === 1 ? 'the rater' : `${waiting} raters`}
              </Button>
            )}
            {collecting && <Button variant="default" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={closeModal.open}>Close the round</Button>}
            {!collecting && <Button component={Link} to={`/orgs/${orgId}/feedback/${round.id}/report`} leftSection={<IconChartDots size={16} aria-hidden />}>See the report</Button>}
          </Group>
        </Group>
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Responses round={round} />
            {collecting && <AddRaters round={round} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <SelfAssessmentCard round={round} />
            <Section title="By group" description="What the report can show, given who has answered.">
              <Stack gap="sm">
                {round.counts.byRelationship.filter((g) => g.invited > 0).map((group) => {
                  const fate = groupFate(round, group.relationship, group.responded);
                  return (
                    <Stack key={group.relationship} gap={2}>
                      <Group justify="space-between" gap="xs">
                        <Text size="sm" fw={600}>{RELATIONSHIPS.find((r) => r.value === group.relationship)?.plural}</Text>
                        <Text size="sm">{group.responded} of {group.invited}</Text>
                      </Group>
                      <Badge color={fate.color} variant="light" size="sm" w="fit-content" style={{ textTransform: 'none' }}>{fate.label}</Badge>
                    </Stack>
                  );
                })}
                {round.counts.invited === 0 && <Text size="sm" c="dimmed">No raters yet.</Text>}
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={closing} onClose={closeModal.close} title={<Text fw={700}>Close the round now?</Text>}>
        <Stack>
          <Text size="sm">
            No more answers are taken{waiting > 0 ? `: ${waiting} ${waiting === 1 ? 'rater has' : 'raters have'} not answered, and anything they saved without sending is discarded` : ''}.
            The report becomes available. This cannot be undone.
          </Text>
          <ProblemAlert error={close.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={closeModal.close}>Keep collecting</Button>
            <Button color="red" loading={close.isPending} onClick={() => close.mutate(undefined)}>Close the round</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Responses({ round }: { round: Round }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const collecting = round.state === 'collecting';
  const remove = useFeedbackMutation(orgId, (raterId: string) => call(api.DELETE('/api/orgs/{orgId}/feedback/rounds/{roundId}/raters/{raterId}', {
    params: { path: { orgId, roundId: round.id, raterId } },
  })), { success: 'The rater was taken off the round.', notifyErrors: true });
  const share = round.counts.invited ? round.counts.responded / round.counts.invited : 0;

  return (
    <Section
      title="Raters"
      description="Who has answered, never what: answers are kept without names and shown only as group averages once the round closes."
    >
      <Stack gap="md">
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={600}>{round.counts.responded} of {round.counts.invited} answered</Text>
            <Text size="sm" c="dimmed">{Math.round(share * 100)}%</Text>
          </Group>
          <Progress value={share * 100} radius="xl" aria-label={`${round.counts.responded} of ${round.counts.invited} raters answered`} />
        </Stack>
        {round.raters.length === 0 ? (
          <Text size="sm" c="dimmed">Nobody is nominated yet. Add raters below: aim for at least {round.minGroupSize} in each group you want to see.</Text>
        ) : (
          <ScrollTable minWidth={560} label="Raters">
            <Table verticalSpacing="xs">
              <Table.Caption>Raters of this round and whether they have answered</Table.Caption>
              <Table.Thead>
                <Table.Tr><Table.Th>Rater</Table.Th><Table.Th>Relationship</Table.Th><Table.Th>Invited</Table.Th><Table.Th>Status</Table.Th>{collecting && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {round.raters.map((rater) => (
                  <Table.Tr key={rater.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>{rater.name || rater.email}</Text>
                      {rater.name && <Text size="xs" c="dimmed">{rater.email}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{relationshipLabel(rater.relationship)}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.date(rater.invitedAt)}</Text>
                      {rater.reminders > 0 && <Text size="xs" c="dimmed">reminded {rater.reminders}× · {format.date(rater.lastRemindedAt)}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {rater.responded
                        ? <Badge color="cairn" leftSection={<IconCircleCheck size={12} aria-hidden />} style={{ minWidth: 'max-content' }}>Answered</Badge>
                        : <Badge color="gray" leftSection={<IconClock size={12} aria-hidden />} style={{ minWidth: 'max-content' }}>Waiting</Badge>}
                    </Table.Td>
                    {collecting && (
                      <Table.Td>
                        {!rater.responded && (
                          <ActionIcon variant="subtle" color="red" aria-label={`Take ${rater.name || rater.email} off the round`}
                            loading={remove.isPending && remove.variables === rater.id} onClick={() => remove.mutate(rater.id)}>
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Section>
  );
}

interface RaterRow { email: string; name: string; relationship: Relationship | '' }

function AddRaters({ round }: { round: Round }) {
  const { orgId } = useOrg();
  const blank = (): RaterRow => ({ email: '', name: '', relationship: '' });
  const form = useForm({
    initialValues: { raters: [blank()] },
    validate: {
      raters: {
        email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address'),
        relationship: (value) => (value ? null : 'Choose how they know you'),
      },
    },
  });
  const add = useFeedbackMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/feedback/rounds/{roundId}/raters', {
    params: { path: { orgId, roundId: round.id } },
    body: { raters: values.raters.map((r) => ({ email: r.email.trim(), relationship: r.relationship as Relationship, ...(r.name.trim() ? { name: r.name.trim() } : {}) })) },
  })), {
    success: (_, values) => `${values.raters.length === 1 ? 'An invitation was' : `${values.raters.length} invitations were`} sent.`,
    onSuccess: () => form.setValues({ raters: [blank()] }),
  });
  const subject = round.yourParts.includes('subject') ? 'you' : round.subject.name;

  return (
    <Section title="Nominate raters" description={`Each rater gets a personal link by email and answers without an account. Say how they know ${subject}: answers are grouped by relationship.`}>
      <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values, { onError: (failure) => showFieldErrors(form, failure) }))}>
        <Stack gap="sm">
          {form.values.raters.map((_, index) => (
            <Group key={index} gap="sm" align="flex-start" wrap="wrap" p="sm" style={{ border: '1px solid var(--mantine-color-stone-1)', borderRadius: 'var(--mantine-radius-md)' }}>
              <TextInput label={`Email of rater ${index + 1}`} type="email" required style={{ flex: '2 1 200px' }} {...form.getInputProps(`raters.${index}.email`)} />
              <TextInput label="Name (optional)" style={{ flex: '2 1 160px' }} maxLength={200} {...form.getInputProps(`raters.${index}.name`)} />
              <Select
                label="Relationship" required placeholder="Choose" style={{ flex: '1 1 150px' }}
                data={RELATIONSHIPS.map((r) => ({ value: r.value, label: r.label }))}
                {...form.getInputProps(`raters.${index}.relationship`)}
                value={form.values.raters[index]!.relationship || null}
                onChange={(value) => form.setFieldValue(`raters.${index}.relationship`, (value ?? '') as Relationship | '')}
              />
              {form.values.raters.length > 1 && (
                <ActionIcon variant="subtle" color="gray" mt={28} aria-label={`Remove rater ${index + 1} from this list`} onClick={() => form.removeListItem('raters', index)}>
                  <IconX size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          <ProblemAlert error={add.error} />
          <Group justify="space-between" gap="sm">
            <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('raters', blank())} disabled={form.values.raters.length >= 20}>
              Add another rater
            </Button>
            <Button type="submit" loading={add.isPending} leftSection={<IconMailForward size={16} aria-hidden />}>
              Send {form.values.raters.length === 1 ? 'the invitation' : `${form.values.raters.length} invitations`}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function SelfAssessmentCard({ round }: { round: Round }) {
  const { orgId } = useOrg();
  const self = round.selfAssessment;
  const isSubject = round.yourParts.includes('subject');
  const collecting = round.state === 'collecting';
  return (
    <Section title="Self-assessment" description={isSubject ? 'Rate yourself on the same behaviours: the report sets your view beside the others’.' : `${round.subject.name} rates themselves on the same behaviours; you see their ratings in the report.`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm">{self.answered} of {self.items} rated</Text>
          {self.submitted ? <Badge color="cairn" leftSection={<IconUserCheck size={12} aria-hidden />}>Done</Badge> : <Badge color="gray">Not done</Badge>}
        </Group>
        <Progress value={self.items ? (self.answered / self.items) * 100 : 0} size="sm" radius="xl" aria-label={`Self-assessment: ${self.answered} of ${self.items} rated`} />
        {isSubject && collecting && (
          <Button component={Link} to={`/orgs/${orgId}/feedback/${round.id}/self`} variant={self.submitted ? 'default' : 'filled'} leftSection={<IconSend size={16} aria-hidden />}>
            {self.submitted ? 'Review your ratings' : self.answered ? 'Continue your self-assessment' : 'Rate yourself'}
          </Button>
        )}
        {isSubject && !collecting && self.answered === 0 && (
          <Alert variant="light" color="gray">The round closed without a self-assessment, so the report shows no gaps.</Alert>
        )}
      </Stack>
    </Section>
  );
}
