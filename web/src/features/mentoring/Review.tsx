import { Alert, Badge, Box, Button, Card, Group, Modal, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconFlag, IconRotateClockwise2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, ProblemAlert } from '../../platform/ui/states';
import { FRESH, mentoringKeys, useMentoringMutation, type Relationship } from './api';
import { PrivateMark, todayIn } from './ui';

type Answer = 'continue' | 'conclude';

/** The no-fault words both sides read before answering. */
export const NO_FAULT = 'Each of you answers privately; the other never sees your answer. If you both continue, you carry on and the next review is set. ' +
  'If either of you would rather conclude, the relationship comes to a natural close: both of you read the same kind words, nobody learns who chose it, and nobody is at fault.';

/** "Shall we continue?": the open review, the viewer's private answer, and past outcomes. */
export function ReviewCard({ relationship }: { relationship: Relationship }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const review = useQuery({
    queryKey: mentoringKeys.review(orgId, relationship.id),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/review', { params: { path: { orgId, relationshipId: relationship.id } } })),
    ...FRESH,
  });
  const [confirming, setConfirming] = useState(false);
  const answer = useMentoringMutation(orgId, (value: Answer) => call(api.PUT('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/review/answer', {
    params: { path: { orgId, relationshipId: relationship.id } }, body: { answer: value },
  })), {
    success: (result) => (result.outcome === 'continued'
      ? 'You both chose to continue. The next review is set.'
      : result.outcome === 'concluded'
        ? 'The relationship has come to a close.'
        : 'Your answer is saved privately.'),
    onSuccess: () => setConfirming(false),
  });
  const other = relationship.yourParts.includes('mentor') ? relationship.mentee : relationship.mentor;
  const today = todayIn(me.person.timeZone);

  if (review.isPending) return <Skeleton h={150} radius="md" aria-label="Loading the review" />;
  if (review.isError) return <LoadError error={review.error} onRetry={() => void review.refetch()} title="The review could not be loaded" />;
  const current = review.data.current;
  const lastOutcome = review.data.history[0];

  if (!current || current.opensOn > today) {
    return (
      <Card padding="lg" component="section" aria-labelledby="review-heading" id="review">
        <Group gap="sm" wrap="nowrap" mb="xs">
          <ThemeIcon variant="light" size={32} radius="md" aria-hidden><IconRotateClockwise2 size={18} /></ThemeIcon>
          <Title order={2} fz="lg" id="review-heading">Shall we continue?</Title>
        </Group>
        {current ? (
          <Text size="sm">
            Your next review is due on <strong>{format.day(current.dueOn)}</strong>; it opens a week before, on {format.day(current.opensOn)}.
          </Text>
        ) : (
          <Text size="sm" c="dimmed">No review is scheduled.</Text>
        )}
        {lastOutcome && (
          <Text size="xs" c="dimmed" mt="xs">
            Last review ({format.day(lastOutcome.dueOn)}): {lastOutcome.outcome === 'continued' ? 'you both chose to continue' : 'concluded'}.
          </Text>
        )}
      </Card>
    );
  }

  return (
    <Card padding="lg" component="section" aria-labelledby="review-heading" id="review" bg="cairn.0" style={{ borderColor: 'var(--mantine-color-cairn-3)', borderWidth: 1.5 }}>
      <Group gap="sm" wrap="nowrap" mb="xs">
        <ThemeIcon size={36} radius="md" aria-hidden><IconRotateClockwise2 size={20} /></ThemeIcon>
        <Stack gap={0}>
          <Title order={2} fz="lg" id="review-heading">Shall we continue?</Title>
          <Text size="xs" c="dimmed">Review due {format.day(current.dueOn)}</Text>
        </Stack>
      </Group>
      <Text size="sm" mb="sm">{NO_FAULT}</Text>
      <ProblemAlert error={answer.error} />
      {current.yourAnswer && (
        <Alert variant="white" color="cairn" icon={<IconCircleCheck size={18} aria-hidden />} mb="sm" role="status">
          <Stack gap={4}>
            <Text size="sm">
              You answered <strong>{current.yourAnswer === 'continue' ? 'continue' : 'conclude'}</strong>
              {current.answeredAt && <> on {format.date(current.answeredAt)}</>}. Waiting for {other.name.split(/\s+/)[0]}’s answer; you may change yours until then.
            </Text>
            <PrivateMark>Your answer is private</PrivateMark>
          </Stack>
        </Alert>
      )}
      <Group gap="sm" wrap="wrap">
        <Button leftSection={<IconArrowRight size={16} aria-hidden />} onClick={() => answer.mutate('continue')}
          loading={answer.isPending && answer.variables === 'continue'} disabled={current.yourAnswer === 'continue'}>
          Continue
        </Button>
        <Button variant="default" leftSection={<IconFlag size={16} aria-hidden />} onClick={() => setConfirming(true)} disabled={current.yourAnswer === 'conclude'}>
          Conclude
        </Button>
        {current.pendingForYou && <Badge color="amber" variant="light">Waiting for your answer</Badge>}
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={700}>Conclude at this review?</Text>}>
        <Stack>
          <Text size="sm">
            Choosing to conclude ends the relationship now, whatever {other.name.split(/\s+/)[0]} answers. They will read that it came to a natural close,
            not who chose it. That is a normal part of mentoring; nobody is at fault.
          </Text>
          <Box>
            <Text size="sm">Afterwards, each of you may leave a closing reflection (private) and an appreciation for the other.</Text>
          </Box>
          <ProblemAlert error={answer.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Keep going</Button>
            <Button onClick={() => answer.mutate('conclude')} loading={answer.isPending && answer.variables === 'conclude'}>Conclude</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
