import { Anchor, Badge, Button, Card, Group, List, Progress, Radio, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconClock, IconCompass, IconLock, IconUserOff } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { readDraft, scoreAnswers, useGuide, writeDraft, type Answers, type Guide } from './api';
import { FitFrame } from './FitFrame';

const DISTINCTION_LABELS: Record<string, string> = {
  aim: 'What you want', outcome: 'How you will know', time: 'Time', shape: 'Shape', who: 'Who helps you',
  each_meeting: 'Each conversation', tools: 'Tools', organization: 'Your organization',
};

/** /fit — the public fit guide: a short introduction, then one question at a time. */
export function FitGuidePage() {
  const guide = useGuide();
  return (
    <FitFrame title="Coaching or mentoring?" width={720}>
      {guide.isPending && <Loading label="Loading the fit guide…" />}
      {guide.isError && <LoadError error={guide.error} onRetry={() => void guide.refetch()} title="The fit guide could not be loaded" />}
      {guide.data && <Questionnaire guide={guide.data} />}
    </FitFrame>
  );
}

function Questionnaire({ guide }: { guide: Guide }) {
  const navigate = useNavigate();
  const [draft] = useState(() => readDraft(guide.version));
  const [answers, setAnswers] = useState<Answers>(draft?.answers ?? {});
  // -1 is the introduction.
  const [index, setIndex] = useState(draft ? Math.min(draft.index, guide.questions.length - 1) : -1);
  const total = guide.questions.length;
  const score = useMutation({
    mutationFn: scoreAnswers,
    onSuccess: (result) => {
      writeDraft(null);
      void navigate(`/fit/results/${result.code}`);
    },
  });

  useEffect(() => {
    if (index >= 0) writeDraft({ version: guide.version, answers, index });
  }, [answers, index, guide.version]);

  if (index < 0) return <Introduction total={total} onStart={() => setIndex(0)} />;

  const question = guide.questions[index]!;
  const answered = Object.keys(answers).filter((id) => guide.questions.some((q) => q.id === id)).length;
  const last = index === total - 1;
  const next = () => {
    if (last) score.mutate(answers);
    else setIndex(index + 1);
  };

  return (
    <QuestionCard
      key={question.id}
      question={question}
      position={index + 1}
      total={total}
      answered={answered}
      value={answers[question.id] ?? null}
      onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
      onBack={() => setIndex(index - 1)}
      onNext={next}
      last={last}
      pending={score.isPending}
      error={score.error}
    />
  );
}

function Introduction({ total, onStart }: { total: number; onStart: () => void }) {
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Badge variant="light" color="cairn" size="lg" w="fit-content">Fit guide</Badge>
        <Title order={1} fz={{ base: 28, sm: 36 }} lh={1.15}>Coaching or mentoring? Find the help that fits you.</Title>
        <Text size="lg" c="stone.7">
          Coaching and mentoring are often confused. A coach helps you reach specific goals in a few months; a mentor walks a longer
          road with you and shares what they have learned. Answer {total} short questions and see which fits, and why.
        </Text>
      </Stack>
      <Card padding="lg">
        <List spacing="sm" center>
          <List.Item icon={<ThemeIcon variant="light" radius="xl" size={30}><IconClock size={16} aria-hidden /></ThemeIcon>}>
            <Text size="sm">About three minutes, one question at a time. You can go back and change an answer.</Text>
          </List.Item>
          <List.Item icon={<ThemeIcon variant="light" radius="xl" size={30}><IconUserOff size={16} aria-hidden /></ThemeIcon>}>
            <Text size="sm">No account needed, and no wrong answers: pick the one closest to you, or “I am not sure” where it is offered.</Text>
          </List.Item>
          <List.Item icon={<ThemeIcon variant="light" radius="xl" size={30}><IconLock size={16} aria-hidden /></ThemeIcon>}>
            <Text size="sm">Nothing is stored: your result is a link you can share. Signed-in members may keep it, if they choose to.</Text>
          </List.Item>
        </List>
      </Card>
      <Group gap="md" wrap="wrap">
        <Button size="md" onClick={onStart} rightSection={<IconArrowRight size={18} aria-hidden />} data-autofocus>Start the guide</Button>
        <Anchor component={Link} to="/fit/about" size="sm">Read what each involves first</Anchor>
      </Group>
    </Stack>
  );
}

function QuestionCard({ question, position, total, answered, value, onChange, onBack, onNext, last, pending, error }: {
  question: Guide['questions'][number]; position: number; total: number; answered: number; value: string | null;
  onChange: (value: string) => void; onBack: () => void; onNext: () => void; last: boolean; pending: boolean; error: unknown;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Each new question takes the focus, so a screen reader reads it and Tab goes to its answers.
  useEffect(() => {
    if (position > 1) headingRef.current?.focus();
  }, [position]);
  const headingId = `question-${question.id}`;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (value) onNext();
      }}
    >
      <Stack gap="lg">
        <Stack gap={8}>
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={600} c="stone.7">Question {position} of {total}</Text>
            <Text size="sm" c="dimmed">{DISTINCTION_LABELS[question.distinction] ?? question.distinction}</Text>
          </Group>
          <Progress value={(position - 1 + (value ? 1 : 0)) / total * 100} size="sm" radius="xl" aria-label={`Fit guide progress: ${answered} of ${total} questions answered`} />
        </Stack>
        <Card padding="xl" radius="lg" shadow="xs">
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} fz={{ base: 22, sm: 26 }} lh={1.25} id={headingId} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
                {question.prompt}
              </Title>
              {question.help && <Text size="sm" c="dimmed">{question.help}</Text>}
            </Stack>
            <Radio.Group value={value} onChange={onChange} aria-labelledby={headingId} name={question.id}>
              <Stack gap="sm">
                {question.options.map((option) => (
                  <Card
                    key={option.id}
                    component="label"
                    padding="md"
                    radius="md"
                    style={{
                      cursor: 'pointer',
                      borderColor: value === option.id ? 'var(--mantine-color-cairn-7)' : undefined,
                      background: value === option.id ? 'var(--mantine-color-cairn-0)' : undefined,
                    }}
                  >
                    <Group gap="md" wrap="nowrap" align="flex-start">
                      <Radio value={option.id} aria-label={option.label} mt={2} />
                      <Text size="sm" fw={value === option.id ? 600 : 500}>{option.label}</Text>
                    </Group>
                  </Card>
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </Card>
        <ProblemAlert error={error} />
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
            {position === 1 ? 'Introduction' : 'Back'}
          </Button>
          <Button type="submit" disabled={!value} loading={pending} rightSection={last ? <IconCompass size={18} aria-hidden /> : <IconArrowRight size={16} aria-hidden />}>
            {last ? 'See my result' : 'Next'}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" ta="center">Choose an answer with the arrow keys, then press Enter to go on.</Text>
      </Stack>
    </form>
  );
}
