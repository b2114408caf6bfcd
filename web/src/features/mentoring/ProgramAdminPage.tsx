import {
  Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Menu, Modal, Progress, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Tabs, Text, Title, VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconArchive, IconChartBar, IconDots, IconHeartHandshake, IconInfoCircle, IconLock, IconUserQuestion } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { languageName } from '../../platform/languages';
import { useOrg } from '../../platform/shell/org-context';
import { Pager } from '../../platform/ui/Pager';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { ProgramLoaded } from './ProgramLoaded';
import { mentoringKeys, useMentoringMutation, useProgram, type Dashboard, type Enrollment, type Pair, type PairGroup, type Program } from './api';
import { HEALTH, LOAD_STATUS, PAIR_GROUP_LABELS, PURPOSE_LABELS, QUESTION_TYPE_LABELS, plural } from './labels';
import { ProgramForm, programBody, programValues, type ProgramValues } from './ProgramForm';
import { HealthBadge, relativeDay, Section } from './ui';

type Tab = 'overview' | 'enrollments' | 'pairing' | 'inclusion' | 'settings';
const TABS: Record<Tab, string> = { overview: 'Overview', enrollments: 'Enrollments', pairing: 'Pair people', inclusion: 'Inclusion', settings: 'Settings' };
const GROUP_ORDER: PairGroup[] = ['stalled', 'slipping', 'on_track', 'paused'];
/** Long lists on the dashboard show this many until asked for more. */
const SHORT_LIST = 8;

/** /orgs/:orgId/mentoring/admin/programs/:programId — running one program: enrollment, pairing, health, load, inclusion. */
export function ProgramAdminPage() {
  const { orgId } = useOrg();
  const { programId = '' } = useParams();
  const program = useProgram(orgId, programId);
  useDocumentTitle(`${program.data?.name ?? 'Program'} · Manage · Cairn`);
  return (
    <ProgramLoaded program={program} backTo={`/orgs/${orgId}/mentoring/admin`} missing="It does not exist in this organization.">
      {(loaded) => <ProgramAdmin program={loaded} />}
    </ProgramLoaded>
  );
}

function ProgramAdmin({ program }: { program: Program }) {
  const { orgId } = useOrg();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && asked in TABS ? asked : 'overview';
  const [pairFor, setPairFor] = useState<string | null>(null);
  const select = (next: Tab) => setParams(next === 'overview' ? {} : { tab: next }, { replace: true });
  const hasIdentity = program.questions.some((q) => q.fieldType === 'self_identification');

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/admin`} size="sm">Manage programs</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">{program.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" mb="lg" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} fz={{ base: 24, sm: 28 }}>{program.name}</Title>
            {program.status === 'archived' && <Badge color="gray" variant="outline">Archived</Badge>}
          </Group>
          <Text size="sm" c="dimmed">{PURPOSE_LABELS[program.purpose]} · {plural(program.mentors, 'mentor')}, {plural(program.mentees, 'mentee')}</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to={`/orgs/${orgId}/mentoring/admin/programs/${program.id}/matching`}>Matching</Button>
          <Button component={Link} to={`/orgs/${orgId}/mentoring/programs/${program.id}`} variant="default">See it as members do</Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={(value) => value && select(value as Tab)} keepMounted={false}>
        <Tabs.List aria-label="Program sections" mb="lg" style={{ flexWrap: 'wrap' }}>
          {(Object.keys(TABS) as Tab[]).filter((t) => t !== 'inclusion' || hasIdentity).map((t) => <Tabs.Tab key={t} value={t} fw={600}>{TABS[t]}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="overview"><Overview program={program} onPair={(menteeId) => { setPairFor(menteeId); select('pairing'); }} /></Tabs.Panel>
        <Tabs.Panel value="enrollments"><Enrollments program={program} /></Tabs.Panel>
        <Tabs.Panel value="pairing"><Pairing program={program} initialMentee={pairFor} /></Tabs.Panel>
        <Tabs.Panel value="inclusion"><Inclusion program={program} /></Tabs.Panel>
        <Tabs.Panel value="settings"><Settings program={program} /></Tabs.Panel>
      </Tabs>
    </>
  );
}

function useDashboard(orgId: string, programId: string) {
  return useQuery({
    queryKey: mentoringKeys.dashboard(orgId, programId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/dashboard', { params: { path: { orgId, programId } } })),
  });
}

function useEnrollments(orgId: string, programId: string) {
  return useQuery({
    queryKey: mentoringKeys.enrollments(orgId, programId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments', { params: { path: { orgId, programId }, query: {} } })),
  });
}

function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">{label}</Text>
      <Text fz={26} fw={700} lh={1.3}>{value}</Text>
      {detail && <Text size="xs" c="dimmed">{detail}</Text>}
    </Card>
  );
}

function Overview({ program, onPair }: { program: Program; onPair: (menteePersonId: string) => void }) {
  const { orgId } = useOrg();
  const dashboard = useDashboard(orgId, program.id);
  if (dashboard.isPending) return <Loading label="Loading the dashboard…" />;
  if (dashboard.isError) return <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  const running = GROUP_ORDER.reduce((sum, group) => sum + data.pairs[group].count, 0);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Stat label="Mentors" value={data.enrollment.mentor.approved} detail={data.enrollment.mentor.pending ? `${data.enrollment.mentor.pending} waiting for approval` : 'approved'} />
        <Stat label="Mentees" value={data.enrollment.mentee.approved} detail={data.enrollment.mentee.pending ? `${data.enrollment.mentee.pending} waiting for approval` : 'approved'} />
        <Stat label="Pairs" value={running} detail={`${data.pairs.stalled.count} stalled, ${data.pairs.slipping.count} slipping`} />
        <Stat label="Waiting for a mentor" value={data.unmatched.count} detail={`${plural(data.mentorLoad.openPlaces, 'open place')} with mentors`} />
      </SimpleGrid>
      <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
        Health and counts only. Check-in notes, reflections and review answers stay between each mentor and mentee; self-identification appears only in aggregate.
      </Alert>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <PairsByHealth program={program} dashboard={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Unmatched dashboard={data} onPair={onPair} />
            <MentorLoad dashboard={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PairsByHealth({ program, dashboard }: { program: Program; dashboard: Dashboard }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const firstWithPairs = GROUP_ORDER.find((group) => dashboard.pairs[group].count > 0) ?? 'on_track';
  const [group, setGroup] = useState<PairGroup>(firstWithPairs);
  const [page, setPage] = useState(1);
  const pairs = useQuery({
    queryKey: mentoringKeys.pairs(orgId, program.id, group, page),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/pairs', { params: { path: { orgId, programId: program.id }, query: { health: group, page, pageSize: 10 } } })),
    placeholderData: keepPreviousData,
  });
  const [concluding, setConcluding] = useState<Pair | null>(null);
  const [rePairing, setRePairing] = useState<Pair | null>(null);
  const narrow = useMediaQuery('(max-width: 36em)');
  const today = dashboard.today;

  return (
    <Section title="Pairs by health" description="The longest without contact first.">
      <SegmentedControl
        fullWidth mb="md" value={group} aria-label="Health" orientation={narrow ? 'vertical' : 'horizontal'}
        onChange={(value) => { setGroup(value as PairGroup); setPage(1); }}
        data={GROUP_ORDER.map((g) => ({ value: g, label: `${PAIR_GROUP_LABELS[g]} (${dashboard.pairs[g].count})` }))}
      />
      {group !== 'paused' && <Text size="xs" c="dimmed" mb="sm">{HEALTH[group].hint}.</Text>}
      {pairs.isError ? <LoadError error={pairs.error} onRetry={() => void pairs.refetch()} /> : pairs.isPending ? <Skeleton h={120} /> : pairs.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">No pairs are {PAIR_GROUP_LABELS[group].toLowerCase()}.</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={`${PAIR_GROUP_LABELS[group]} pairs`}>
              <Table.Thead>
                <Table.Tr><Table.Th>Mentor → mentee</Table.Th><Table.Th>Last contact</Table.Th><Table.Th style={{ whiteSpace: 'nowrap' }}>Check-ins</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pairs.data.items.map((pair) => (
                  <Table.Tr key={pair.relationshipId}>
                    <Table.Td>
                      <Stack gap={2}>
                        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/relationships/${pair.relationshipId}`} size="sm" fw={600}>
                          {pair.mentor.name} → {pair.mentee.name}
                        </Anchor>
                        <Group gap={6}>
                          {pair.health === 'paused' ? <Badge size="xs" color="gray">Paused</Badge> : <HealthBadge health={pair.health} size="sm" />}
                          <Text size="xs" c="dimmed">since {format.date(pair.startedAt)}</Text>
                        </Group>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{pair.lastCheckInOn ? format.day(pair.lastCheckInOn) : 'No check-in yet'}</Text>
                      {pair.nextCheckInDue && pair.health !== 'paused' && <Text size="xs" c={pair.nextCheckInDue < today ? 'red.9' : 'dimmed'}>next due {relativeDay(pair.nextCheckInDue, today)}</Text>}
                    </Table.Td>
                    <Table.Td>{pair.checkIns}</Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="compact-sm" variant="subtle" color="gray" aria-label={`Actions for ${pair.mentor.name} and ${pair.mentee.name}`}><IconDots size={16} aria-hidden /></Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setRePairing(pair)}>Re-pair {pair.mentee.name.split(/\s+/)[0]}</Menu.Item>
                          <Menu.Item onClick={() => setConcluding(pair)}>Conclude</Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} pageSize={10} total={pairs.data.total} onChange={setPage} noun="pairs" />
        </>
      )}
      <ConcludePairModal program={program} pair={concluding} onClose={() => setConcluding(null)} />
      <RePairModal program={program} pair={rePairing} onClose={() => setRePairing(null)} />
    </Section>
  );
}

function ConcludePairModal({ program, pair, onClose }: { program: Program; pair: Pair | null; onClose: () => void }) {
  const { orgId } = useOrg();
  const conclude = useMentoringMutation(orgId, (p: Pair) => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/pairs/{relationshipId}/conclude', {
    params: { path: { orgId, programId: program.id, relationshipId: p.relationshipId } },
  })), { success: 'The pair is concluded. Both were told, kindly.', onSuccess: onClose });
  return (
    <Modal opened={Boolean(pair)} onClose={onClose} title={<Text fw={700}>Conclude this pair?</Text>}>
      {pair && (
        <Stack>
          <Text size="sm">
            {pair.mentor.name} and {pair.mentee.name} will both read that their relationship came to a natural close. Nobody is blamed, and neither learns who ended it.
          </Text>
          <ProblemAlert error={conclude.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={() => conclude.mutate(pair)} loading={conclude.isPending}>Conclude</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Approved mentors as choices, with their places in words; full or paused ones cannot be picked. */
function mentorChoices(enrollments: Enrollment[], exclude?: string) {
  return enrollments.filter((e) => e.side === 'mentor' && e.status === 'approved' && e.personId !== exclude).map((e) => {
    const capacity = e.capacity ?? 0;
    const full = e.activeRelationships >= capacity;
    return {
      value: e.personId,
      label: `${e.name} — ${e.activeRelationships} of ${capacity} places used${e.paused ? ' (paused)' : full ? ' (full)' : ''}`,
      disabled: e.paused || full,
    };
  });
}

function RePairModal({ program, pair, onClose }: { program: Program; pair: Pair | null; onClose: () => void }) {
  const { orgId } = useOrg();
  const enrollments = useEnrollments(orgId, program.id);
  const [mentor, setMentor] = useState<string | null>(null);
  const rePair = useMentoringMutation(orgId, (input: { pair: Pair; mentorPersonId: string }) => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/pairs/{relationshipId}/re-pair', {
    params: { path: { orgId, programId: program.id, relationshipId: input.pair.relationshipId } }, body: { mentorPersonId: input.mentorPersonId },
  })), { success: (result) => `${result.mentee.name} is now paired with ${result.mentor.name}.`, onSuccess: () => { setMentor(null); onClose(); } });
  return (
    <Modal opened={Boolean(pair)} onClose={onClose} title={<Text fw={700}>Re-pair {pair?.mentee.name}</Text>}>
      {pair && (
        <Stack>
          <Text size="sm">The pair with {pair.mentor.name} concludes (both are told kindly) and {pair.mentee.name} begins with the mentor you choose; or neither happens.</Text>
          <ProblemAlert error={rePair.error} />
          <Select label="New mentor" placeholder="Choose a mentor with room" searchable data={mentorChoices(enrollments.data?.items ?? [], pair.mentor.personId)}
            value={mentor} onChange={setMentor} nothingFoundMessage="No other approved mentor" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button disabled={!mentor} loading={rePair.isPending} onClick={() => mentor && rePair.mutate({ pair, mentorPersonId: mentor })}>Re-pair</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Unmatched({ dashboard, onPair }: { dashboard: Dashboard; onPair: (menteePersonId: string) => void }) {
  const format = useFormat();
  const [all, setAll] = useState(false);
  const items = all ? dashboard.unmatched.items : dashboard.unmatched.items.slice(0, SHORT_LIST);
  const more = dashboard.unmatched.count - items.length;
  return (
    <Section title="Waiting for a mentor" description={dashboard.unmatched.count ? `${plural(dashboard.unmatched.count, 'approved mentee')} without a mentor, the longest waiting first.` : undefined}>
      {dashboard.unmatched.items.length === 0 ? (
        <Text size="sm" c="dimmed">Every approved mentee has a mentor.</Text>
      ) : (
        <Stack gap="sm" component="ul" aria-label="Mentees waiting for a mentor" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((mentee) => (
            <Group component="li" key={mentee.personId} justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={600} truncate>{mentee.name}</Text>
                <Text size="xs" c={mentee.daysWaiting > 30 ? 'red.9' : 'dimmed'}>
                  {mentee.daysWaiting === 0 ? 'Waiting since today' : `Waiting ${plural(mentee.daysWaiting, 'day')} (since ${format.date(mentee.waitingSince)})`}
                  {mentee.requestOpen && ' · a request is open'}
                </Text>
              </Stack>
              <Button size="xs" variant="light" onClick={() => onPair(mentee.personId)} aria-label={`Pair ${mentee.name}`} style={{ flexShrink: 0 }}>Pair</Button>
            </Group>
          ))}
          {more > 0 && (
            dashboard.unmatched.items.length > items.length
              ? <Button variant="subtle" size="xs" onClick={() => setAll(true)}>Show {Math.min(more, dashboard.unmatched.items.length - items.length)} more</Button>
              : <Text size="xs" c="dimmed">and {more} more, who have waited less long</Text>
          )}
        </Stack>
      )}
    </Section>
  );
}

function MentorLoad({ dashboard }: { dashboard: Dashboard }) {
  const load = dashboard.mentorLoad;
  const [all, setAll] = useState(false);
  const items = all ? load.items : load.items.slice(0, SHORT_LIST);
  return (
    <Section title="Mentor load" description={`${load.placesUsed} of ${plural(load.capacity, 'place')} used across ${plural(load.mentors, 'mentor')}; the most loaded first.`}>
      {load.items.length === 0 ? <Text size="sm" c="dimmed">No approved mentors yet.</Text> : (
        <Stack gap="sm" component="ul" aria-label="Mentor load" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((mentor) => (
            <Stack component="li" key={mentor.personId} gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} truncate>{mentor.name}</Text>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">{mentor.active} of {mentor.capacity}</Text>
                  <Badge size="sm" color={LOAD_STATUS[mentor.status].color}>{LOAD_STATUS[mentor.status].label}</Badge>
                </Group>
              </Group>
              <Progress value={mentor.capacity ? Math.min(100, (mentor.active / mentor.capacity) * 100) : 100} color={mentor.status === 'over' ? 'red' : 'cairn'} size="sm"
                aria-label={`${mentor.name}: ${mentor.active} of ${mentor.capacity} places used`} />
            </Stack>
          ))}
          {load.items.length > items.length && <Button variant="subtle" size="xs" onClick={() => setAll(true)}>Show {load.items.length - items.length} more</Button>}
          {all && load.mentors > load.items.length && <Text size="xs" c="dimmed">and {load.mentors - load.items.length} more with room</Text>}
        </Stack>
      )}
    </Section>
  );
}

const STATUS_BADGE: Record<string, { label: string; color: string }> = {
  pending: { label: 'Waiting for approval', color: 'amber' },
  approved: { label: 'Approved', color: 'cairn' },
  declined: { label: 'Declined', color: 'gray' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
};

/** "What would you like to grow in?" stays as it is; "Function" becomes "Function:". */
const asLead = (label: string) => (/[?:]$/.test(label.trim()) ? label.trim() : `${label.trim()}:`);

const waitingWords = (days: number) => (days === 0 ? 'waiting since today' : `waiting ${plural(days, 'day')}`);

function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

const ENROLLMENTS_PAGE = 20;

/** A person's answers: the first two, and the rest on asking (languages by name). */
function AnswerList({ answers, program, expanded = false }: { answers: Enrollment['answers']; program: Program; expanded?: boolean }) {
  const [all, setAll] = useState(expanded);
  const entries = Object.entries(answers);
  if (entries.length === 0) return <Text size="xs" c="dimmed">No answers</Text>;
  const shown = all ? entries : entries.slice(0, 2);
  const question = (id: string) => program.questions.find((q) => q.id === id);
  return (
    <Stack gap={2}>
      {shown.map(([id, value]) => {
        const q = question(id);
        const languages = q?.fieldType === 'languages' || q?.fieldType === 'mentor_language';
        const text = languages ? (Array.isArray(value) ? value : [value]).map((tag) => languageName(String(tag))).join(', ') : answerText(value);
        return <Text key={id} size="xs"><Text span c="dimmed" size="xs">{asLead(q?.label ?? 'Answer')}</Text> {text}</Text>;
      })}
      {entries.length > 2 && !expanded && (
        <Anchor component="button" type="button" size="xs" ta="left" onClick={() => setAll((current) => !current)}>
          {all ? 'Fewer answers' : `All ${entries.length} answers`}
        </Anchor>
      )}
    </Stack>
  );
}

function Enrollments({ program }: { program: Program }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const enrollments = useEnrollments(orgId, program.id);
  const pendingCount = (enrollments.data?.items ?? []).filter((e) => e.status === 'pending').length;
  const [chosenStatus, setStatus] = useState<'pending' | 'approved' | 'all' | null>(null);
  // Those waiting for a decision come first, when there are any.
  const status = chosenStatus ?? (pendingCount > 0 ? 'pending' : 'all');
  const [side, setSide] = useState<'mentor' | 'mentee' | 'all'>('all');
  const [page, setPage] = useState(1);
  const decide = useMentoringMutation(orgId, (input: { enrollment: Enrollment; verb: 'approve' | 'decline' }) => {
    const params = { path: { orgId, programId: program.id, enrollmentId: input.enrollment.id } };
    return call(input.verb === 'approve'
      ? api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments/{enrollmentId}/approve', { params })
      : api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments/{enrollmentId}/decline', { params }));
  }, { success: (_, input) => `${input.enrollment.name} ${input.verb === 'approve' ? 'is approved' : 'is declined'} as ${input.enrollment.side}.`, notifyErrors: true });
  const matching = (enrollments.data?.items ?? []).filter((e) => (status === 'all' || e.status === status) && (side === 'all' || e.side === side));
  const pages = Math.max(1, Math.ceil(matching.length / ENROLLMENTS_PAGE));
  const current = Math.min(page, pages);
  const items = matching.slice((current - 1) * ENROLLMENTS_PAGE, current * ENROLLMENTS_PAGE);

  return (
    <Card padding="lg">
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl aria-label="Status" value={status} onChange={(v) => { setStatus(v as typeof status); setPage(1); }}
            data={[{ value: 'pending', label: `Waiting (${pendingCount})` }, { value: 'approved', label: 'Approved' }, { value: 'all', label: 'All' }]} />
          <SegmentedControl aria-label="Side" value={side} onChange={(v) => { setSide(v as typeof side); setPage(1); }}
            data={[{ value: 'all', label: 'Both sides' }, { value: 'mentor', label: 'Mentors' }, { value: 'mentee', label: 'Mentees' }]} />
        </Group>
        <Text size="sm" c="dimmed">{program.enrollmentApproval === 'admin' ? 'Enrollments wait for your approval.' : 'Enrollment is automatic in this program.'}</Text>
      </Group>
      {enrollments.isError ? <LoadError error={enrollments.error} onRetry={() => void enrollments.refetch()} /> : enrollments.isPending ? <Skeleton h={160} /> : items.length === 0 ? (
        <Empty icon={<IconUserQuestion size={26} aria-hidden />} title={status === 'pending' ? 'Nobody is waiting for approval' : 'No enrollments here'} order={3}
          description="People enroll from the program’s page." />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Enrollments" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>Person</Table.Th><Table.Th w={140}>Side</Table.Th><Table.Th>Answers</Table.Th><Table.Th w={200}>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm" fw={600}>{e.name}</Text>
                      <Text size="xs" c="dimmed">{[e.title, e.department].filter(Boolean).join(' · ')}</Text>
                      <Text size="xs" c="dimmed">enrolled {format.date(e.enrolledAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.side === 'mentor' ? 'Mentor' : 'Mentee'}</Text>
                      {e.side === 'mentor' && <Text size="xs" c="dimmed">{e.activeRelationships} of {plural(e.capacity ?? 0, 'place')}{e.paused ? ', paused' : ''}</Text>}
                      {e.unmatchedDays !== null && <Text size="xs" c="dimmed">no mentor yet, {waitingWords(e.unmatchedDays)}</Text>}
                    </Table.Td>
                    <Table.Td><AnswerList answers={e.answers} program={program} /></Table.Td>
                    <Table.Td>
                      {e.status === 'pending' ? (
                        <Group gap={6} wrap="nowrap">
                          <Button size="compact-sm" onClick={() => decide.mutate({ enrollment: e, verb: 'approve' })} aria-label={`Approve ${e.name} as ${e.side}`}
                            loading={decide.isPending && decide.variables?.enrollment.id === e.id && decide.variables.verb === 'approve'}>Approve</Button>
                          <Button size="compact-sm" variant="default" onClick={() => decide.mutate({ enrollment: e, verb: 'decline' })} aria-label={`Decline ${e.name} as ${e.side}`}
                            loading={decide.isPending && decide.variables?.enrollment.id === e.id && decide.variables.verb === 'decline'}>Decline</Button>
                        </Group>
                      ) : (
                        <Badge size="sm" color={STATUS_BADGE[e.status]?.color ?? 'gray'}>{STATUS_BADGE[e.status]?.label ?? e.status}</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={current} pageSize={ENROLLMENTS_PAGE} total={matching.length} onChange={setPage} noun="enrollments" />
        </>
      )}
    </Card>
  );
}

function Answers({ enrollment, program }: { enrollment: Enrollment | undefined; program: Program }) {
  if (!enrollment) return null;
  return (
    <Card padding="sm" bg="stone.0">
      <Text size="sm" fw={600} mb={4}>{enrollment.name}</Text>
      {(enrollment.title || enrollment.department) && <Text size="xs" c="dimmed" mb={4}>{[enrollment.title, enrollment.department].filter(Boolean).join(' · ')}</Text>}
      <AnswerList answers={enrollment.answers} program={program} expanded />
    </Card>
  );
}

function Pairing({ program, initialMentee }: { program: Program; initialMentee: string | null }) {
  const { orgId } = useOrg();
  const enrollments = useEnrollments(orgId, program.id);
  const [mentor, setMentor] = useState<string | null>(null);
  const [mentee, setMentee] = useState<string | null>(initialMentee);
  const pair = useMentoringMutation(orgId, (input: { mentorPersonId: string; menteePersonId: string }) => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/pairs', {
    params: { path: { orgId, programId: program.id } }, body: input,
  })), {
    success: (result) => `${result.mentor.name} and ${result.mentee.name} are paired. Both were told.`,
    onSuccess: () => { setMentor(null); setMentee(null); },
  });
  if (enrollments.isPending) return <Loading />;
  if (enrollments.isError) return <LoadError error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
  const items = enrollments.data.items;
  const mentees = items.filter((e) => e.side === 'mentee' && e.status === 'approved')
    .sort((a, b) => (b.unmatchedDays ?? -1) - (a.unmatchedDays ?? -1) || a.name.localeCompare(b.name))
    .map((e) => ({ value: e.personId, label: `${e.name} — ${e.unmatchedDays !== null ? waitingWords(e.unmatchedDays) : `${plural(e.activeRelationships, 'mentor')} now`}` }));
  const mentorEnrollment = items.find((e) => e.side === 'mentor' && e.personId === mentor);
  const menteeEnrollment = items.find((e) => e.side === 'mentee' && e.personId === mentee);

  return (
    <Section title="Pair a mentor and a mentee" description="Both are told at once, and their relationship begins active. Mentors who are full or paused cannot be chosen.">
      <Stack>
        <ProblemAlert error={pair.error} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="sm">
            <Select label="Mentee" placeholder="Choose an approved mentee" searchable data={mentees} value={mentee} onChange={setMentee} nothingFoundMessage="No approved mentee" />
            <Answers enrollment={menteeEnrollment} program={program} />
          </Stack>
          <Stack gap="sm">
            <Select label="Mentor" placeholder="Choose a mentor with room" searchable data={mentorChoices(items, mentee ?? undefined)} value={mentor} onChange={setMentor}
              nothingFoundMessage="No approved mentor" />
            <Answers enrollment={mentorEnrollment} program={program} />
          </Stack>
        </SimpleGrid>
        {mentees.length === 0 && <Text size="sm" c="dimmed">No approved mentees yet. Approve enrollments first.</Text>}
        <Group justify="flex-end">
          <Button leftSection={<IconHeartHandshake size={16} aria-hidden />} disabled={!mentor || !mentee} loading={pair.isPending}
            onClick={() => mentor && mentee && pair.mutate({ mentorPersonId: mentor, menteePersonId: mentee })}>
            Pair them
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function Inclusion({ program }: { program: Program }) {
  const { orgId } = useOrg();
  const inclusion = useQuery({
    queryKey: mentoringKeys.inclusion(orgId, program.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/inclusion', { params: { path: { orgId, programId: program.id } } })),
  });
  return (
    <Stack gap="lg">
      <Alert variant="light" color="grape" icon={<IconInfoCircle size={18} aria-hidden />} title="Counts only, small groups hidden">
        People answer these questions only if they wish, with their consent, and may erase their answers at any time. You see how many gave each answer across the
        whole program, never who. Any answer given by fewer than five people is merged into “Other answers”; when even that group is under five, its count is hidden too,
        so that nobody can be singled out.
      </Alert>
      {inclusion.isPending ? <Loading /> : inclusion.isError ? <LoadError error={inclusion.error} onRetry={() => void inclusion.refetch()} /> : inclusion.data.items.length === 0 ? (
        <Card><Empty icon={<IconChartBar size={26} aria-hidden />} title="No self-identification questions" order={3} description="This program asks none." /></Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {inclusion.data.items.map((question) => {
            const total = question.rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
            return (
              <Section key={question.questionId} title={question.label} order={3}>
                {question.rows.length === 0 ? <Text size="sm" c="dimmed">No answers yet.</Text> : (
                  <Table aria-label={question.label}>
                    <Table.Thead><Table.Tr><Table.Th>Answer</Table.Th><Table.Th ta="right">People</Table.Th></Table.Tr></Table.Thead>
                    <Table.Tbody>
                      {question.rows.map((row) => (
                        <Table.Tr key={row.answer}>
                          <Table.Td>
                            <Text size="sm" c={row.suppressed ? 'dimmed' : undefined}>{row.answer}</Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            {row.count === null ? <Text size="sm" c="dimmed" title="Fewer than five: hidden">fewer than 5</Text> : (
                              <Group gap={8} justify="flex-end" wrap="nowrap">
                                {!row.suppressed && total > 0 && <Progress value={(row.count / total) * 100} w={80} size="sm" aria-hidden />}
                                <Text size="sm" fw={600}>{row.count}</Text>
                              </Group>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Section>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Settings({ program }: { program: Program }) {
  const { orgId } = useOrg();
  const save = useMentoringMutation(orgId, (values: ProgramValues) => call(api.PATCH('/api/orgs/{orgId}/mentoring/programs/{programId}', {
    params: { path: { orgId, programId: program.id } }, body: programBody(values, false),
  })), { success: 'Settings saved.' });
  const archive = useMentoringMutation(orgId, (status: 'active' | 'archived') => call(api.PATCH('/api/orgs/{orgId}/mentoring/programs/{programId}', {
    params: { path: { orgId, programId: program.id } }, body: { status },
  })), { success: (_, status) => (status === 'archived' ? 'Program archived: it takes no new enrollments.' : 'Program reopened.'), notifyErrors: true });
  return (
    <Stack gap="lg">
      <ProgramForm key={program.id} initial={programValues(program)} withQuestions={false} submitLabel="Save settings" pending={save.isPending} error={save.error}
        onSubmit={(values) => save.mutateAsync(values)} />
      <Section title="Enrollment questions" description="Set when the program was created; they cannot be changed afterwards.">
        {program.questions.length === 0 ? <Text size="sm" c="dimmed">This program asks no questions.</Text> : (
          <Stack gap={6} component="ol" style={{ margin: 0, paddingLeft: 20 }}>
            {program.questions.map((q) => (
              <li key={q.id}>
                <Text size="sm"><strong>{q.label}</strong> <Text span size="xs" c="dimmed">— {QUESTION_TYPE_LABELS[q.fieldType]}, asked of {q.askedOf === 'both' ? 'mentors and mentees' : `${q.askedOf}s`}{q.required ? ', required' : ''}</Text></Text>
              </li>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={program.status === 'archived' ? 'Reopen the program' : 'Archive the program'}
        description={program.status === 'archived' ? 'It becomes visible again and takes enrollments.' : 'It disappears from the programs list and takes no new enrollments. Pairs already under way go on.'}>
        <Button variant="default" color={program.status === 'archived' ? undefined : 'red'} leftSection={<IconArchive size={16} aria-hidden />} loading={archive.isPending}
          onClick={() => archive.mutate(program.status === 'archived' ? 'active' : 'archived')}>
          {program.status === 'archived' ? 'Reopen' : 'Archive'}
        </Button>
      </Section>
    </Stack>
  );
}
