import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { useInstrument, type Instrument } from '../assessments/api';
import { useAutosave } from '../assessments/autosave';
import { LikertItem } from '../assessments/Likert';
import { SaveIndicator } from '../assessments/SaveIndicator';
import { useFeedbackMutation, useRound, type Round } from './api';

/** /orgs/:orgId/feedback/:roundId/self — the subject rates themselves on the round's behaviours, saved as they go. */
export function SelfAssessmentPage() {
  const { orgId } = useOrg();
  const { roundId = '' } = useParams();
  const round = useRound(orgId, roundId);
  const instrument = useInstrument(orgId, round.data?.instrument.id ?? '', round.data?.instrument.version);
  useDocumentTitle('Your self-assessment · Cairn');
  if (round.isPending || (round.data && instrument.isPending)) return <Loading label="Loading your self-assessment…" />;
  if (round.isError) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  if (instrument.isError) return <LoadError error={instrument.error} onRetry={() => void instrument.refetch()} />;
  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/feedback`} size="sm">360° feedback</Anchor>
        <Anchor component={Link} to={`/orgs/${orgId}/feedback/${roundId}`} size="sm">{round.data.title}</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">Self-assessment</Text>
      </Breadcrumbs>
      <SelfForm round={round.data} instrument={instrument.data!} />
    </>
  );
}

const FIELDS = ['answers'] as const;

function SelfForm({ round, instrument }: { round: Round; instrument: Instrument }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const path = { orgId, roundId: round.id };
  const editable = round.state === 'collecting' && round.yourParts.includes('subject');
  const [answers, setAnswers] = useState<Record<string, number>>(() => round.selfAssessment.answers ?? {});
  const saver = useAutosave(FIELDS, (patch) => call(api.PUT('/api/orgs/{orgId}/feedback/rounds/{roundId}/self-assessment', {
    params: { path }, body: { answers: (patch.answers ?? {}) as Record<string, number | null> },
  })));
  const submit = useFeedbackMutation(orgId, async () => {
    await saver.flush();
    return call(api.PUT('/api/orgs/{orgId}/feedback/rounds/{roundId}/self-assessment', { params: { path }, body: { answers: {}, submit: true } }));
  }, { success: 'Your self-assessment is done.', onSuccess: () => void navigate(`/orgs/${orgId}/feedback/${round.id}`) });
  const rated = instrument.items.filter((item) => answers[item.id] !== undefined).length;

  const answer = (itemId: string, value: number | null) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === null) delete next[itemId];
      else next[itemId] = value;
      return next;
    });
    saver.queue('answers', { [itemId]: value });
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} fz={{ base: 24, sm: 28 }}>Your self-assessment</Title>
        <Text c="stone.8">{instrument.instructions}</Text>
        <Text size="sm" c="dimmed">Your raters answer the same statements about you. The report shows where your view and theirs differ most.</Text>
      </Stack>
      {!editable && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>This round has closed: the self-assessment can no longer change.</Alert>
      )}
      {round.selfAssessment.submitted && editable && (
        <Alert variant="light" color="cairn" icon={<IconCircleCheck size={18} aria-hidden />}>You marked it done; you can still change your ratings until the round closes.</Alert>
      )}
      <Card padding="md" pos="sticky" top={68} style={{ zIndex: 5 }} shadow="xs">
        <Stack gap={8}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" fw={600}>{rated} of {instrument.items.length} rated</Text>
            <SaveIndicator status={saver.status} savedAt={saver.savedAt} error={saver.error} onRetry={() => void saver.flush().catch(() => undefined)} />
          </Group>
          <Progress value={(rated / instrument.items.length) * 100} size="sm" radius="xl" aria-label={`${rated} of ${instrument.items.length} rated`} />
        </Stack>
      </Card>
      {instrument.subscales.map((competency) => (
        <Stack key={competency.id} gap="sm" component="section" aria-labelledby={`self-${competency.id}`}>
          <Stack gap={2}>
            <Title order={2} fz="lg" id={`self-${competency.id}`}>{competency.name}</Title>
            <Text size="sm" c="dimmed">{competency.description}</Text>
          </Stack>
          {instrument.items.filter((item) => item.subscale === competency.id).map((item) => (
            <LikertItem
              key={item.id} name={`self-${item.id}`} text={item.text} scale={instrument.scale} disabled={!editable}
              value={answers[item.id] ?? null} onChange={(value) => answer(item.id, value)}
            />
          ))}
        </Stack>
      ))}
      <ProblemAlert error={submit.error} />
      {editable && (
        <Group justify="flex-end">
          <Button size="md" leftSection={<IconSend size={18} aria-hidden />} disabled={rated === 0} loading={submit.isPending} onClick={() => submit.mutate(undefined)}>
            {round.selfAssessment.submitted ? 'Save and go back' : 'Mark it done'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
