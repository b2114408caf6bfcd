import { Badge, Button, Card, Group, Modal, NumberInput, Progress, Select, SimpleGrid, Stack, Switch, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useForm } from '@mantine/form';
import { IconMessageCircle2, IconPlus, IconShieldLock, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { useInstruments, useMyEngagements } from '../assessments/api';
import { feedbackKeys, todayYmd, useFeedbackMutation, useRounds, type RoundSummary } from './api';

/** /orgs/:orgId/feedback — the 360 rounds about you and about the clients you coach; start a new one. */
export function FeedbackPage() {
  const { orgId, isAdmin } = useOrg();
  const rounds = useRounds(orgId);
  const [params, setParams] = useSearchParams();
  const engagementId = params.get('engagement');
  const [starting, setStarting] = useState(Boolean(engagementId));

  const header = (
    <PageHeader
      title="360° feedback"
      description="Ask colleagues how they see your leadership, compare it with how you see yourself, and read only what the group says together."
      actions={<Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStarting(true)}>Start a round</Button>}
    />
  );
  const modal = (
    <StartRoundModal
      opened={starting}
      engagementId={engagementId}
      onClose={() => {
        setStarting(false);
        if (engagementId) setParams({}, { replace: true });
      }}
    />
  );
  if (rounds.isPending) return <>{header}<Loading label="Loading your rounds…" />{modal}</>;
  if (rounds.isError) return <>{header}<LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />{modal}</>;

  return (
    <>
      {header}
      {rounds.data.items.length === 0 ? (
        <Card>
          <Empty
            icon={<IconMessageCircle2 size={28} aria-hidden />}
            title="No feedback rounds yet"
            description="In a round you nominate raters (your manager, peers, direct reports, others) by email. They answer through a personal link without an account; you rate yourself on the same behaviours. When the round closes, you see what each group says on average, never who said what."
          >
            <Button onClick={() => setStarting(true)}>Start a round</Button>
          </Empty>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {rounds.data.items.map((round) => <RoundCard key={round.id} round={round} />)}
        </SimpleGrid>
      )}
      <Card mt="lg" padding="lg" bg="stone.0">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" radius="xl" size={36}><IconShieldLock size={18} aria-hidden /></ThemeIcon>
          <Text size="sm" c="stone.8">
            Raters’ answers are anonymous. A group of raters is shown only when enough of them answered (three at least); smaller groups are combined,
            or held back. Comments are shown without names. Nobody, admins included, can see who answered what.
          </Text>
        </Group>
      </Card>
      {isAdmin && <AnonymitySettings />}
      {modal}
    </>
  );
}

/** For admins: the organization's anonymity rules, copied onto each new round (admins see no round themselves). */
function AnonymitySettings() {
  const { orgId } = useOrg();
  const settings = useQuery({
    queryKey: [...feedbackKeys.all(orgId), 'settings'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/feedback/settings', { params: { path: { orgId } } })),
  });
  return (
    <Card mt="lg" padding="lg" component="section" aria-labelledby="anonymity-title">
      <Stack gap="xs" mb="md">
        <Title order={2} fz="lg" id="anonymity-title">Anonymity rules of your organization</Title>
        <Text size="sm" c="dimmed">
          As an admin you set the rules every new round starts with; raters are told them in their invitation. Admins see no round, no rater and no answer.
        </Text>
      </Stack>
      {settings.isPending ? <Loading minHeight={80} /> : settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : (
        <SettingsForm initial={settings.data} />
      )}
    </Card>
  );
}

function SettingsForm({ initial }: { initial: { minGroupSize: number; managerShownAlone: boolean } }) {
  const { orgId } = useOrg();
  const form = useForm({ initialValues: { minGroupSize: initial.minGroupSize as number | string, managerShownAlone: initial.managerShownAlone } });
  const save = useFeedbackMutation(orgId, (values: typeof form.values) => call(api.PUT('/api/orgs/{orgId}/feedback/settings', {
    params: { path: { orgId } }, body: { minGroupSize: Number(values.minGroupSize), managerShownAlone: values.managerShownAlone },
  })), { success: 'The anonymity rules are saved; they apply to rounds started from now on.', onSuccess: (saved) => form.resetDirty(saved) });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (failure) => showFieldErrors(form, failure) }))}>
      <Stack gap="sm">
        <NumberInput label="Minimum group size" description="No group of raters is shown with fewer answers. Three at least." min={3} max={20} allowDecimal={false} maw={260} {...form.getInputProps('minGroupSize')} />
        <Switch
          label="The manager may be shown on their own"
          description="Managers are told, when invited, that their ratings may then be seen as theirs."
          {...form.getInputProps('managerShownAlone', { type: 'checkbox' })}
        />
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={save.isPending} disabled={!form.isDirty()}>Save the rules</Button>
        </Group>
      </Stack>
    </form>
  );
}

function RoundCard({ round }: { round: RoundSummary }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const about = round.yourParts.includes('subject') ? 'About you' : `About ${round.subject.name}, your client`;
  return (
    <Card component={Link} to={`/orgs/${orgId}/feedback/${round.id}`} padding="lg" className="cairn-link-card" aria-label={`${round.title}: ${round.state === 'closed' ? 'closed' : 'collecting'}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Stack gap={2} miw={0}>
            <Text fw={700} truncate>{round.title}</Text>
            <Text size="xs" c="dimmed">{about}</Text>
          </Stack>
          <Badge color={round.state === 'closed' ? 'indigo' : 'cairn'} style={{ flexShrink: 0 }}>{round.state === 'closed' ? 'Closed' : 'Collecting'}</Badge>
        </Group>
        <Group justify="space-between" gap="xs">
          <Text size="sm">{round.responded} of {round.raters} raters answered</Text>
          <Text size="xs" c="dimmed">{round.state === 'closed' ? 'closed' : 'closes'} {format.day(round.closesOn)}</Text>
        </Group>
        <Progress value={round.raters ? (round.responded / round.raters) * 100 : 0} size="sm" radius="xl" aria-hidden />
      </Stack>
    </Card>
  );
}

function StartRoundModal({ opened, onClose, engagementId }: { opened: boolean; onClose: () => void; engagementId: string | null }) {
  const { orgId, me } = useOrg();
  const navigate = useNavigate();
  const instruments = useInstruments(orgId);
  const engagements = useMyEngagements(orgId);
  const usable = (instruments.data?.items ?? []).filter((i) => i.usableIn360);
  const open = (engagements.data?.items ?? []).filter((e) => e.state !== 'completed' && e.state !== 'ended_early'
    && (e.coach.personId === me.person.id || e.client.personId === me.person.id));
  const form = useForm({
    initialValues: { title: '', instrumentId: 'leadership-competencies', closesOn: todayYmd(14), minGroupSize: 3 as number | string, engagementId: engagementId ?? '' },
    validate: {
      closesOn: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Choose the closing date'),
      minGroupSize: (value) => (Number(value) >= 3 && Number(value) <= 20 ? null : 'From 3 to 20'),
    },
  });
  const chosen = open.find((e) => e.id === form.values.engagementId);
  const subject = chosen && chosen.coach.personId === me.person.id ? chosen.client.name : 'you';
  const start = useFeedbackMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/feedback/rounds', {
    params: { path: { orgId } },
    body: {
      closesOn: values.closesOn,
      minGroupSize: Number(values.minGroupSize),
      ...(values.title.trim() ? { title: values.title.trim() } : {}),
      ...(values.instrumentId ? { instrumentId: values.instrumentId } : {}),
      ...(values.engagementId ? { engagementId: values.engagementId } : {}),
    },
  })), {
    success: 'The round has started: now nominate the raters.',
    onSuccess: (round) => void navigate(`/orgs/${orgId}/feedback/${round.id}`),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Start a 360° feedback round</Text>} size="lg">
      <form noValidate onSubmit={form.onSubmit((values) => start.mutate(values, { onError: (failure) => showFieldErrors(form, failure) }))}>
        <Stack>
          <Text size="sm" c="dimmed">Next you nominate the raters; each gets a personal link by email. You can rate yourself on the same behaviours.</Text>
          <ProblemAlert error={start.error} />
          {open.length > 0 && (
            <Select
              label="Within a coaching engagement (optional)"
              description="Its coach follows the round and reads the report. As the coach, the round is about your client."
              placeholder="No: just for me"
              clearable
              data={open.map((e) => ({ value: e.id, label: e.coach.personId === me.person.id ? `${e.client.name} · ${e.title} (you coach)` : `${e.title} · with ${e.coach.name}` }))}
              {...form.getInputProps('engagementId')}
              value={form.values.engagementId || null}
              onChange={(value) => form.setFieldValue('engagementId', value ?? '')}
            />
          )}
          <TextInput label="Title (optional)" placeholder={`360° feedback for ${subject === 'you' ? me.person.name : subject}`} maxLength={200} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Competency set" allowDeselect={false}
              data={usable.length ? usable.map((i) => ({ value: i.id, label: `${i.name} (${i.subscales.length})` })) : [{ value: 'leadership-competencies', label: 'Leadership competencies' }]}
              {...form.getInputProps('instrumentId')}
            />
            <TextInput label="Closes on" type="date" required min={todayYmd()} {...form.getInputProps('closesOn')} />
          </SimpleGrid>
          <NumberInput
            label="Minimum group size"
            description="A group of raters (peers, direct reports…) is shown only with at least this many answers. Three at least; your organization may ask for more."
            min={3} max={20} allowDecimal={false} maw={260}
            {...form.getInputProps('minGroupSize')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={start.isPending} leftSection={<IconUsersGroup size={16} aria-hidden />}>Start the round</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
