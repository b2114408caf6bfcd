import { Alert, Anchor, Badge, Box, Breadcrumbs, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconEyeOff, IconInfoCircle, IconLock, IconQuote, IconSparkles, IconUsersGroup } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isStatus } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import { formatScore } from '../assessments/api';
import { Section } from '../assessments/Section';
import { useReport, useRound, type Report } from './api';
import { ScrollTable } from '../assessments/ScrollTable';

/** /orgs/:orgId/feedback/:roundId/report — the closed round's report: aggregates only, never one rater's answers. */
export function ReportPage() {
  const { orgId } = useOrg();
  const { roundId = '' } = useParams();
  const round = useRound(orgId, roundId);
  const report = useReport(orgId, roundId, round.data?.state === 'closed');
  useDocumentTitle(`Report: ${round.data?.title ?? '360° feedback'} · Cairn`);

  const back = <Button component={Link} to={`/orgs/${orgId}/feedback/${roundId}`} variant="default">Back to the round</Button>;
  let body;
  if (round.isPending || (round.data?.state === 'closed' && report.isPending)) body = <Loading label="Loading the report…" />;
  else if (round.isError) {
    body = isStatus(round.error, 404)
      ? <Card><Empty icon={<IconLock size={28} aria-hidden />} order={1} title="Report not found" description="A round’s report is seen by the person it is about and the coach of its engagement only." /></Card>
      : <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  } else if (round.data.state !== 'closed') {
    body = (
      <Card>
        <Empty icon={<IconLock size={28} aria-hidden />} order={1} title="The report is ready when the round closes"
          description={`Until then only who has answered is shown, so that no one can work out an answer by comparing the report before and after it. The round closes at the end of ${round.data.closesOn}, or when you close it.`}>
          {back}
        </Empty>
      </Card>
    );
  } else if (report.isError) body = <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  else body = <ReportView report={report.data!} own={round.data.yourParts.includes('subject')} />;

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/feedback`} size="sm">360° feedback</Anchor>
        <Anchor component={Link} to={`/orgs/${orgId}/feedback/${roundId}`} size="sm">{round.data?.title ?? 'Round'}</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">Report</Text>
      </Breadcrumbs>
      {body}
    </>
  );
}

function ReportView({ report, own }: { report: Report; own: boolean }) {
  const format = useFormat();
  const you = own ? 'You' : report.subjectName;
  return (
    <Stack gap="lg">
      <Card padding="lg">
        <Stack gap={6}>
          <Title order={1} fz={{ base: 22, sm: 26 }}>{report.title}</Title>
          <Text size="sm" c="dimmed">
            Report for {report.subjectName} · closed {format.day(report.closesOn)} · {report.responses} {report.responses === 1 ? 'rater' : 'raters'} answered
          </Text>
          <Group gap="xs" mt={4}>
            {report.groups.map((group) => (
              <Badge key={group.group} variant="light" color="cairn" leftSection={<IconUsersGroup size={12} aria-hidden />} style={{ textTransform: 'none' }}>
                {group.label}: {group.responses}
              </Badge>
            ))}
            {report.withheldResponses > 0 && (
              <Badge variant="light" color="amber" leftSection={<IconEyeOff size={12} aria-hidden />} style={{ textTransform: 'none' }}>
                Held back: {report.withheldResponses}
              </Badge>
            )}
          </Group>
        </Stack>
      </Card>

      <Anonymity report={report} />

      <Section title="Self and others, per competency" description={`Averages on the scale from ${report.scale.min} to ${report.scale.max}. Each “others” average combines at least ${report.minGroupSize} raters.`}>
        <Stack gap="lg">
          <SelfOthersChart report={report} you={you} />
          <ScoresTable report={report} you={you} />
        </Stack>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <GapList
          title="Blind spots" icon={<IconEyeOff size={18} aria-hidden />} color="amber"
          description={`Where ${own ? 'you rated yourself' : `${report.subjectName} rated themselves`} higher than others did.`}
          empty="No competency where the self-rating is half a point or more above the others’."
          gaps={report.blindSpots} you={you}
        />
        <GapList
          title="Hidden strengths" icon={<IconSparkles size={18} aria-hidden />} color="cairn"
          description={`Where others rated ${own ? 'you' : report.subjectName} higher than ${own ? 'you did' : 'they did themselves'}.`}
          empty="No competency where others rate half a point or more above the self-rating."
          gaps={report.hiddenStrengths} you={you}
        />
      </SimpleGrid>

      <Section title="Comments" description="Shown without names or groups, in a shuffled order.">
        {report.commentsWithheld ? (
          <Alert variant="light" color="amber" icon={<IconEyeOff size={18} aria-hidden />}>
            Comments are held back: fewer than {report.minGroupSize} raters are in the groups shown, so a comment could point to its writer.
          </Alert>
        ) : report.comments.length === 0 ? <Text size="sm" c="dimmed">No rater wrote a comment.</Text> : (
          <Stack gap="sm" component="ul" aria-label="Comments from raters" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {report.comments.map((comment, index) => (
              <Group key={index} component="li" gap="sm" wrap="nowrap" align="flex-start" p="md" style={{ background: 'var(--mantine-color-stone-0)', borderRadius: 'var(--mantine-radius-md)' }}>
                <IconQuote size={18} color="var(--mantine-color-stone-5)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{comment}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function Anonymity({ report }: { report: Report }) {
  const hasNotes = report.notes.length > 0;
  return (
    <Alert variant="light" color={report.withheldResponses > 0 ? 'amber' : 'gray'} icon={<IconInfoCircle size={18} aria-hidden />} title="Who this report shows">
      <Stack gap={6}>
        <Text size="sm">
          A group of raters (manager, peers, direct reports, others) appears only when at least {report.minGroupSize} of them answered
          {report.managerShownAlone ? ', except the manager, whom your organization allows to be shown alone' : ''}. Smaller groups are combined into
          “others”; if even together they are fewer than {report.minGroupSize}, their answers are held back from every number here. No one’s answers are ever shown on their own.
        </Text>
        {hasNotes && (
          <List size="sm" spacing={2}>
            {report.notes.map((note) => <List.Item key={note}>{note}</List.Item>)}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

const SELF = '#2a2824';
const OTHERS = '#0f7a57';

/** Per competency: the self-rating (a diamond) and the others' average (a dot) on one line, and the gap between. */
function SelfOthersChart({ report, you }: { report: Report; you: string }) {
  const { min, max } = report.scale;
  const share = (value: number) => ((value - min) / (max - min || 1)) * 100;
  const ticks: number[] = [];
  for (let t = min; t <= max; t += 1) ticks.push(t);
  return (
    <Box component="figure" m={0} aria-label={`${you} and others, per competency`}>
      <Group gap="lg" mb="sm" wrap="wrap" aria-hidden>
        <Group gap={6}><Diamond /><Text size="xs" c="stone.8">{you === 'You' ? 'You' : `${you} (self)`}</Text></Group>
        <Group gap={6}><Dot /><Text size="xs" c="stone.8">Others (average)</Text></Group>
        <Group gap={6}><Box w={18} h={4} bg="amber.6" style={{ borderRadius: 2 }} /><Text size="xs" c="stone.8">Self above others</Text></Group>
        <Group gap={6}><Box w={18} h={4} bg="cairn.4" style={{ borderRadius: 2 }} /><Text size="xs" c="stone.8">Others above self</Text></Group>
      </Group>
      <Box pos="relative" h={16} ml={{ base: 0, sm: 212 }} mr={12} aria-hidden>
        {ticks.map((tick) => (
          <Text key={tick} size="xs" c="dimmed" pos="absolute" style={{ left: `${share(tick)}%`, transform: 'translateX(-50%)' }}>{tick}</Text>
        ))}
      </Box>
      <Stack gap={10} mt={4}>
        {report.competencies.map((row) => {
          const self = row.self;
          const others = row.others?.mean ?? null;
          return (
            <Group key={row.id} gap="sm" wrap="wrap" align="center">
              <Stack gap={0} w={{ base: '100%', sm: 200 }}>
                <Text size="sm" fw={600} lh={1.3}>{row.name}</Text>
                <Text size="xs" c="dimmed">
                  {you === 'You' ? 'You' : 'Self'} {formatScore(self)} · others {others === null ? 'held back' : formatScore(others)}
                </Text>
              </Stack>
              <Box pos="relative" h={28} mr={12} style={{ flex: '1 1 240px' }} aria-hidden>
                <Box pos="absolute" left={0} right={0} top={13} h={2} bg="stone.1" />
                {ticks.map((tick) => <Box key={tick} pos="absolute" top={6} h={16} w={1} bg="stone.2" style={{ left: `${share(tick)}%` }} />)}
                {self !== null && others !== null && (
                  <Box pos="absolute" top={12} h={4} style={{
                    left: `${Math.min(share(self), share(others))}%`, width: `${Math.abs(share(self) - share(others))}%`,
                    background: self > others ? 'var(--mantine-color-amber-6)' : 'var(--mantine-color-cairn-4)', borderRadius: 2,
                  }} />
                )}
                {others !== null && <Box pos="absolute" top={6} style={{ left: `calc(${share(others)}% - 8px)` }}><Dot size={16} /></Box>}
                {self !== null && <Box pos="absolute" top={5} style={{ left: `calc(${share(self)}% - 9px)` }}><Diamond size={18} /></Box>}
              </Box>
            </Group>
          );
        })}
      </Stack>
    </Box>
  );
}

function Dot({ size = 12 }: { size?: number }) {
  return <svg width={size} height={size} viewBox="0 0 12 12" aria-hidden focusable="false" style={{ display: 'block' }}><circle cx="6" cy="6" r="5" fill={OTHERS} stroke="#fff" strokeWidth="1.5" /></svg>;
}

function Diamond({ size = 13 }: { size?: number }) {
  return <svg width={size} height={size} viewBox="0 0 14 14" aria-hidden focusable="false" style={{ display: 'block' }}><path d="M7 1 L13 7 L7 13 L1 7 Z" fill="#fff" stroke={SELF} strokeWidth="2" /></svg>;
}

function ScoresTable({ report, you }: { report: Report; you: string }) {
  const groups = report.groups;
  return (
    <ScrollTable minWidth={560} label="Averages per competency">
      <Table verticalSpacing="xs" striped>
        <Table.Caption>The averages behind the chart. A dash means the group is too small to show for that competency.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Competency</Table.Th>
            <Table.Th scope="col">{you === 'You' ? 'You' : 'Self'}</Table.Th>
            <Table.Th scope="col">All others</Table.Th>
            {groups.map((group) => <Table.Th key={group.group} scope="col">{group.label}</Table.Th>)}
            <Table.Th scope="col">Gap</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.competencies.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={600}>{row.name}</Table.Th>
              <Table.Td>{formatScore(row.self)}</Table.Td>
              <Table.Td fw={600}>{row.others ? `${formatScore(row.others.mean)} (${row.others.n})` : '—'}</Table.Td>
              {groups.map((group) => {
                const cell = row.groups.find((g) => g.group === group.group);
                return <Table.Td key={group.group}>{cell ? formatScore(cell.mean) : '—'}</Table.Td>;
              })}
              <Table.Td>{row.gap === null ? '—' : `${row.gap > 0 ? '+' : row.gap < 0 ? '−' : ''}${formatScore(Math.abs(row.gap))}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function GapList({ title, description, empty, gaps, icon, color, you }: {
  title: string; description: string; empty: string; gaps: Report['blindSpots']; icon: React.ReactNode; color: string; you: string;
}) {
  return (
    <Section title={<Group gap="xs" component="span"><ThemeIcon variant="light" color={color} size={26} radius="xl">{icon}</ThemeIcon>{title}</Group>} description={description}>
      {gaps.length === 0 ? <Text size="sm" c="dimmed">{empty}</Text> : (
        <Stack gap="sm" component="ol" style={{ margin: 0, paddingLeft: 18 }}>
          {gaps.map((gap) => (
            <li key={gap.competencyId}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>{gap.name}</Text>
                <Badge color={color} variant="light">{gap.gap > 0 ? '+' : '−'}{formatScore(Math.abs(gap.gap))}</Badge>
              </Group>
              <Text size="xs" c="dimmed">{you === 'You' ? 'You' : 'Self'} {formatScore(gap.self)} · others {formatScore(gap.others)}</Text>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
