import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconChartBar, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { assessmentKeys, useAssessmentMutation, useAttempt, useInstrument, type Attempt, type Instrument } from './api';
import { useAutosave } from './autosave';
import { LikertItem } from './Likert';
import { AttemptResult } from './Results';
import { SaveIndicator } from './SaveIndicator';

/** /orgs/:orgId/assessments/attempts/:attemptId — take an assessment (resuming it), or read its result. */
export function AttemptPage() {
  const { orgId } = useOrg();
  const { attemptId = '' } = useParams();
  const attempt = useAttempt(orgId, attemptId);
  const instrument = useInstrument(orgId, attempt.data?.instrument.id ?? '', attempt.data?.instrument.version);
  useDocumentTitle(`${attempt.data?.instrument.name ?? 'Assessment'} · Cairn`);

  if (attempt.isPending || (attempt.data && instrument.isPending)) return <Loading label="Loading the assessment…" />;
  if (attempt.isError) {
    if (isStatus(attempt.error, 404)) {
      return (
        <Card>
          <Empty
            icon={<IconLock size={28} aria-hidden />} order={1} title="Assessment not found"
            description="It does not exist, or it is not yours to see. A result is seen by the person who took it, the coach of the engagement it was taken in, and the people it was shared with."
          >
            <Button component={Link} to={`/orgs/${orgId}/assessments`} variant="default">Back to assessments</Button>
          </Empty>
        </Card>
      );
    }
    return <LoadError error={attempt.error} onRetry={() => void attempt.refetch()} />;
  }
  if (instrument.isError) return <LoadError error={instrument.error} onRetry={() => void instrument.refetch()} />;
  const data = attempt.data;
  const taking = data.status === 'in_progress' && data.yourAccess === 'owner';

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/assessments`} size="sm">Assessments</Anchor>
        {data.engagementId && data.yourAccess === 'coach' && (
          <Anchor component={Link} to={`/orgs/${orgId}/assessments/engagements/${data.engagementId}`} size="sm">{data.person.name}</Anchor>
        )}
        <Text size="sm" c="dimmed" aria-current="page">{data.instrument.name}</Text>
      </Breadcrumbs>
      {taking
        ? <TakeView key={data.id} attempt={data} instrument={instrument.data!} />
        : <AttemptResult attempt={data} instrument={instrument.data!} />}
    </>
  );
}

const FIELDS = ['answers', 'itemLabels'] as const;

function TakeView({ attempt, instrument }: { attempt: Attempt; instrument: Instrument }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const items = instrument.items;
  const [answers, setAnswers] = useState<Record<string, number>>(() => attempt.answers ?? {});
  const [labels, setLabels] = useState<Record<string, string>>(() => attempt.itemLabels);
  const [missingShown, setMissingShown] = useState(false);
  const saver = useAutosave(FIELDS, (patch) => call(api.PATCH('/api/orgs/{orgId}/assessments/attempts/{attemptId}', {
    params: { path: { orgId, attemptId: attempt.id } },
    body: patch as { answers?: Record<string, number | null>; itemLabels?: Record<string, string | null> },
  })));
  const pageSize = items.length <= 12 ? items.length : 10;
  const pages = Math.ceil(items.length / pageSize);
  const [page, setPage] = useState(() => {
    const first = items.findIndex((item) => answers[item.id] === undefined);
    return first < 0 ? pages - 1 : Math.floor(first / pageSize);
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [page]);

  const answered = items.filter((item) => answers[item.id] !== undefined).length;
  const missing = items.map((item, index) => ({ item, index })).filter(({ item }) => answers[item.id] === undefined);
  const shown = items.slice(page * pageSize, (page + 1) * pageSize);
  const goTo = (next: number) => {
    moved.current = true;
    setMissingShown(false);
    setPage(next);
  };

  const complete = useAssessmentMutation(orgId, async () => {
    await saver.flush();
    return call(api.POST('/api/orgs/{orgId}/assessments/attempts/{attemptId}/complete', { params: { path: { orgId, attemptId: attempt.id } } }));
  }, {
    success: 'Your result is ready.',
    onSuccess: (result) => {
      queryClient.setQueryData(assessmentKeys.attempt(orgId, attempt.id), result);
      window.scrollTo({ top: 0 });
    },
  });

  const answer = (itemId: string, value: number | null) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === null) delete next[itemId];
      else next[itemId] = value;
      return next;
    });
    saver.queue('answers', { [itemId]: value });
  };
  const rename = (itemId: string, value: string) => {
    setLabels((current) => ({ ...current, [itemId]: value }));
    saver.queue('itemLabels', { [itemId]: value.trim() ? value.trim() : null });
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} fz={{ base: 24, sm: 28 }}>{instrument.name}</Title>
        <Text c="stone.8">{instrument.instructions}</Text>
        {attempt.engagementId && (
          <Text size="sm" c="dimmed">Taken within your coaching engagement: your coach will see the scores, never your answers.</Text>
        )}
      </Stack>

      <Card padding="md" pos="sticky" top={68} style={{ zIndex: 5 }} shadow="xs">
        <Stack gap={8}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" fw={600}>{answered} of {items.length} answered</Text>
            <SaveIndicator status={saver.status} savedAt={saver.savedAt} error={saver.error} onRetry={() => void saver.flush().catch(() => undefined)} />
          </Group>
          <Progress value={(answered / items.length) * 100} size="sm" radius="xl" aria-label={`${answered} of ${items.length} answered`} />
        </Stack>
      </Card>

      <Stack gap="sm" component="section" aria-labelledby="statements-heading">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="md" id="statements-heading" ref={headingRef} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 150 }}>
            {pages > 1
              ? `Statements ${page * pageSize + 1}–${page * pageSize + shown.length} of ${items.length}`
              : `${items.length} ${instrument.customizableItemLabels ? 'areas' : 'statements'}`}
          </Title>
          {pages > 1 && <Text size="sm" c="dimmed">Page {page + 1} of {pages}</Text>}
        </Group>
        {shown.map((item) => {
          const index = items.indexOf(item);
          const name = labels[item.id]?.trim() || item.text;
          return (
            <LikertItem
              key={item.id}
              name={`item-${item.id}`}
              number={index + 1}
              text={name}
              scale={instrument.scale}
              value={answers[item.id] ?? null}
              onChange={(value) => answer(item.id, value)}
            >
              {instrument.customizableItemLabels && (
                <TextInput
                  size="xs" mb="sm" maw={320}
                  label={`Your name for “${item.text}” (optional)`}
                  placeholder={item.text}
                  maxLength={60}
                  value={labels[item.id] ?? ''}
                  onChange={(event) => rename(item.id, event.currentTarget.value)}
                />
              )}
            </LikertItem>
          );
        })}
      </Stack>

      {missingShown && missing.length > 0 && (
        <Alert color="amber" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} title={`${missing.length} ${missing.length === 1 ? 'statement is' : 'statements are'} not answered yet`} role="alert">
          <Group gap="sm" justify="space-between" wrap="wrap">
            <Text size="sm">Number{missing.length === 1 ? '' : 's'} {missing.slice(0, 12).map((m) => m.index + 1).join(', ')}{missing.length > 12 ? ', …' : ''}. Every statement needs an answer to score the assessment.</Text>
            <Button size="xs" variant="white" color="amber" onClick={() => goTo(Math.floor(missing[0]!.index / pageSize))}>Go to the first</Button>
          </Group>
        </Alert>
      )}
      <ProblemAlert error={complete.error} />

      <Group justify="space-between" gap="sm">
        {page > 0 ? <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => goTo(page - 1)}>Previous page</Button> : <span />}
        {page < pages - 1 ? (
          <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={() => goTo(page + 1)}>Next page</Button>
        ) : (
          <Button
            leftSection={<IconChartBar size={16} aria-hidden />}
            loading={complete.isPending}
            onClick={() => {
              if (missing.length > 0) setMissingShown(true);
              else complete.mutate(undefined);
            }}
          >
            See my results
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Source: {instrument.source.citation} {instrument.source.license && `(${instrument.source.license})`}
      </Text>
    </Stack>
  );
}
