import { Alert, Badge, Box, Button, Card, Container, Group, Modal, Progress, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconClockOff, IconHeartHandshake, IconLinkOff, IconSend, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { LogoMark } from '../../platform/ui/Logo';
import { useAutosave } from '../assessments/autosave';
import { LikertItem } from '../assessments/Likert';
import { SaveIndicator } from '../assessments/SaveIndicator';
import { feedbackKeys, type RaterView } from './api';

/** The frame of the rater's page: no account, no navigation, just the request. */
function RaterFrame({ children, title }: { children: ReactNode; title: string }) {
  useDocumentTitle(`${title} · Cairn`);
  return (
    <Box mih="100vh" className="cairn-public">
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-stone-1)', background: 'rgba(255,255,255,0.7)' }}>
        <Group gap={8} maw={860} mx="auto">
          <LogoMark size={26} />
          <Text fw={700} c="stone.9">Cairn</Text>
          <Text size="sm" c="dimmed">· 360° feedback</Text>
        </Group>
      </Box>
      <Container component="main" size={860} px="md" py={{ base: 'lg', sm: 40 }}>{children}</Container>
    </Box>
  );
}

/** /feedback/:token — a rater gives feedback through their link, without an account. */
export function RaterPage() {
  const { token = '' } = useParams();
  const view = useQuery({
    queryKey: feedbackKeys.link(token),
    queryFn: () => call(api.GET('/api/feedback/{token}', { params: { path: { token } } })),
    staleTime: Infinity,
    retry: false,
  });
  const [sent, setSent] = useState(false);

  let body: ReactNode;
  let title = 'Your feedback';
  if (view.isPending) body = <Loading label="Loading the feedback request…" />;
  else if (sent || view.data?.submitted) {
    title = 'Thank you';
    body = (
      <Card padding="xl">
        <Empty icon={<IconHeartHandshake size={28} aria-hidden />} order={1} title="Thank you: your feedback was sent"
          description={`It is counted with the others${view.data ? ` once ${view.data.subjectName}’s round closes` : ''}, without your name. It can no longer be changed or read, by anyone, you included.`} />
      </Card>
    );
  } else if (view.isError) {
    if (isStatus(view.error, 410)) {
      title = 'Round closed';
      body = (
        <Card padding="xl">
          <Empty icon={<IconClockOff size={28} aria-hidden />} order={1} title="This feedback round has closed"
            description="It no longer takes answers, and anything saved but not sent was discarded. Thank you all the same." />
        </Card>
      );
    } else if (isStatus(view.error, 404, 400)) {
      title = 'Link not valid';
      body = (
        <Card padding="xl">
          <Empty icon={<IconLinkOff size={28} aria-hidden />} order={1} title="This link is not valid"
            description="It may be incomplete, or replaced by a newer link in a reminder: please use the link in the most recent email you received." />
        </Card>
      );
    } else body = <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  } else {
    title = `Feedback for ${view.data.subjectName}`;
    body = <RaterForm token={token} view={view.data} onSent={() => setSent(true)} />;
  }
  return <RaterFrame title={title}>{body}</RaterFrame>;
}

const FIELDS = ['answers', 'comment'] as const;

function RaterForm({ token, view, onSent }: { token: string; view: RaterView; onSent: () => void }) {
  const [answers, setAnswers] = useState<Record<string, number>>(() => view.draft?.answers ?? {});
  const [skipped, setSkipped] = useState<Set<string>>(() => new Set());
  const [comment, setComment] = useState(() => view.draft?.comment ?? '');
  const [confirming, confirm] = useDisclosure(false);
  const saver = useAutosave(FIELDS, (patch) => call(api.PUT('/api/feedback/{token}', {
    params: { path: { token } },
    body: {
      ...(patch.answers ? { answers: patch.answers as Record<string, number | null> } : {}),
      ...(patch.comment ? { comment: String(patch.comment.text ?? '') } : {}),
    },
  })));
  const submit = useMutation({
    mutationFn: async () => {
      await saver.flush().catch(() => undefined);
      return call(api.POST('/api/feedback/{token}/submit', { params: { path: { token } }, body: { answers, comment } }));
    },
    onSuccess: () => {
      confirm.close();
      window.scrollTo({ top: 0 });
      onSent();
    },
  });
  const items = view.instrument.items;
  const rated = items.filter((item) => answers[item.id] !== undefined).length;
  const considered = items.filter((item) => answers[item.id] !== undefined || skipped.has(item.id)).length;
  const name = view.subjectName;

  const answer = (itemId: string, value: number | null) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === null) delete next[itemId];
      else next[itemId] = value;
      return next;
    });
    setSkipped((current) => {
      const next = new Set(current);
      if (value === null) next.add(itemId);
      else next.delete(itemId);
      return next;
    });
    saver.queue('answers', { [itemId]: value });
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Badge variant="light" size="lg" w="fit-content">You were asked as: {view.relationshipLabel.toLowerCase()}</Badge>
        <Title order={1} fz={{ base: 26, sm: 32 }}>Feedback for {name}</Title>
        <Text c="stone.8">{view.title} · please answer by {new Date(`${view.closesOn}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' })}</Text>
      </Stack>
      <Alert variant="light" color="cairn" icon={<IconShieldLock size={20} aria-hidden />} title={view.anonymity.shownAlone ? 'How your answers are shown' : 'Anonymous by design'}>
        {view.anonymity.text}
      </Alert>
      <Card padding="md" pos="sticky" top={8} style={{ zIndex: 5 }} shadow="xs">
        <Stack gap={8}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" fw={600}>{rated} of {items.length} rated{considered > rated ? ` · ${considered - rated} not seen` : ''}</Text>
            <SaveIndicator status={saver.status} savedAt={saver.savedAt} error={saver.error} onRetry={() => void saver.flush().catch(() => undefined)}
              idleText="Saved as you go: you can come back to this link" />
          </Group>
          <Progress value={(considered / items.length) * 100} size="sm" radius="xl" aria-label={`${considered} of ${items.length} statements considered`} />
        </Stack>
      </Card>
      <Text size="sm" c="stone.8">{view.instrument.instructions}</Text>
      {view.instrument.competencies.map((competency) => {
        const its = items.filter((item) => item.competency === competency.id);
        return (
          <Stack key={competency.id} gap="sm" component="section" aria-labelledby={`competency-${competency.id}`}>
            <Stack gap={2}>
              <Title order={2} fz="lg" id={`competency-${competency.id}`}>{competency.name}</Title>
              <Text size="sm" c="dimmed">{competency.description}</Text>
            </Stack>
            {its.map((item) => (
              <LikertItem
                key={item.id} name={`rate-${item.id}`} text={item.text} scale={view.instrument.scale}
                value={answers[item.id] ?? null} skipped={skipped.has(item.id)} skipLabel="Not seen"
                onChange={(value) => answer(item.id, value)}
              />
            ))}
          </Stack>
        );
      })}
      <Card padding="lg" component="section" aria-labelledby="comment-title">
        <Stack gap="xs">
          <Title order={2} fz="lg" id="comment-title">Anything else?</Title>
          <Textarea
            label={`A comment for ${name} (optional)`}
            description="Shown without your name, mixed with the other comments. Describe what you saw, not who you are."
            autosize minRows={4} maxRows={12} maxLength={3000}
            value={comment}
            onChange={(event) => {
              setComment(event.currentTarget.value);
              saver.queue('comment', { text: event.currentTarget.value });
            }}
          />
        </Stack>
      </Card>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed">{rated === 0 ? 'Rate at least one statement to send your feedback.' : 'Ready when you are: after sending, it cannot be changed.'}</Text>
        <Button size="md" leftSection={<IconSend size={18} aria-hidden />} disabled={rated === 0} onClick={confirm.open}>Send my feedback</Button>
      </Group>
      <Modal opened={confirming} onClose={confirm.close} title={<Text fw={700}>Send your feedback to {name}?</Text>}>
        <Stack>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" radius="xl"><IconShieldLock size={16} aria-hidden /></ThemeIcon>
            <Text size="sm">
              You rated {rated} of {items.length} statements{comment.trim() ? ' and wrote a comment' : ''}. Once sent, your answers are kept without your name
              and cannot be changed or read, by anyone.
            </Text>
          </Group>
          <ProblemAlert error={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>Not yet</Button>
            <Button loading={submit.isPending} onClick={() => submit.mutate()} leftSection={<IconSend size={16} aria-hidden />}>Send</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
