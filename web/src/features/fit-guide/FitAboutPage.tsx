import { Alert, Badge, Button, Card, Group, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconInfoCircle, IconRoute, IconUsersGroup } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { LoadError, Loading } from '../../platform/ui/states';
import { useGuide, type Explainer } from './api';
import { FitFrame } from './FitFrame';

/**
 * /fit/about — what coaching and what mentoring involve, side by side: the table of the two kinds
 * of help (DESIGN §1) as the API serves it. A table on wide screens, two cards on narrow ones.
 */
export function FitAboutPage() {
  const guide = useGuide();
  const { hash } = useLocation();
  const ready = Boolean(guide.data);
  // The result page links to #coaching or #mentoring: bring that part into view once it is drawn.
  useEffect(() => {
    if (ready && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);

  return (
    <FitFrame title="Coaching and mentoring: what each involves" width={1000}>
      <Stack gap="xl">
        <Stack gap="sm" maw={720}>
          <Badge variant="light" size="lg" w="fit-content">Two kinds of help</Badge>
          <Title order={1} fz={{ base: 28, sm: 34 }} lh={1.15}>Coaching and mentoring: what each involves</Title>
          <Text size="lg" c="stone.7">
            Both help people grow, in different ways. Coaching is short, structured and aimed at goals you can measure; mentoring is an
            open-ended relationship with someone who has walked the path.
          </Text>
        </Stack>
        {guide.isPending && <Loading />}
        {guide.isError && <LoadError error={guide.error} onRetry={() => void guide.refetch()} />}
        {guide.data && <Comparison explainers={guide.data.explainers} />}
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />} title="A coaching style inside mentoring">
          Coaching can be a style used inside mentoring: a mentor who lets you set the focus and asks good questions. Mentoring is not a
          style of coaching.
        </Alert>
        <Card padding="lg">
          <Group justify="space-between" gap="md" wrap="wrap">
            <Stack gap={2}>
              <Text fw={700}>Not sure which fits you?</Text>
              <Text size="sm" c="dimmed">{guide.data ? `${guide.data.questions.length} short questions` : 'A few short questions'}, about three minutes, no account needed.</Text>
            </Stack>
            <Button component={Link} to="/fit" rightSection={<IconArrowRight size={16} aria-hidden />}>Take the fit guide</Button>
          </Group>
        </Card>
      </Stack>
    </FitFrame>
  );
}

const ICONS = { coaching: <IconRoute size={20} aria-hidden />, mentoring: <IconUsersGroup size={20} aria-hidden /> };
const COLORS = { coaching: 'blue', mentoring: 'cairn' } as const;

function Comparison({ explainers }: { explainers: Explainer[] }) {
  const aspects = [...new Set(explainers.flatMap((e) => e.rows.map((r) => r.aspect)))];
  return (
    <>
      <Card padding={0} visibleFrom="sm">
        <Table verticalSpacing="md" horizontalSpacing="lg" layout="fixed" captionSide="top">
          <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>Coaching and mentoring compared</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="16%" scope="col"><Text size="sm" c="dimmed" fw={600}>Aspect</Text></Table.Th>
              {explainers.map((explainer) => (
                <Table.Th key={explainer.kind} scope="col" id={explainer.kind} style={{ scrollMarginTop: 24 }}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" color={COLORS[explainer.kind]} radius="md">{ICONS[explainer.kind]}</ThemeIcon>
                    <Stack gap={2}>
                      <Title order={2} fz="lg">{explainer.title}</Title>
                      <Text size="sm" c="dimmed" fw={400}>{explainer.summary}</Text>
                    </Stack>
                  </Group>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {aspects.map((aspect) => (
              <Table.Tr key={aspect}>
                <Table.Th scope="row"><Text size="sm" fw={700}>{aspect}</Text></Table.Th>
                {explainers.map((explainer) => (
                  <Table.Td key={explainer.kind}><Text size="sm">{explainer.rows.find((r) => r.aspect === aspect)?.text ?? '—'}</Text></Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Stack gap="lg" hiddenFrom="sm">
        {explainers.map((explainer) => (
          <Card key={explainer.kind} padding="lg" component="section" aria-labelledby={`${explainer.kind}-card`} id={`${explainer.kind}-narrow`}>
            <Stack gap="md">
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" color={COLORS[explainer.kind]} radius="md">{ICONS[explainer.kind]}</ThemeIcon>
                <Title order={2} fz="lg" id={`${explainer.kind}-card`}>{explainer.title}</Title>
              </Group>
              <Text size="sm" c="dimmed">{explainer.summary}</Text>
              <Stack gap="sm" component="dl" style={{ margin: 0 }}>
                {explainer.rows.map((row) => (
                  <div key={row.aspect}>
                    <Text component="dt" size="xs" fw={700} tt="uppercase" c="stone.7">{row.aspect}</Text>
                    <Text component="dd" size="sm" m={0}>{row.text}</Text>
                  </div>
                ))}
              </Stack>
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}
