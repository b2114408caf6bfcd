import {
  Alert, Anchor, Badge, Button, Card, Checkbox, CopyButton, Divider, Group, List, Progress, Select, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title,
} from '@mantine/core';
import {
  IconArrowRight, IconBook2, IconCheck, IconChevronDown, IconCompass, IconCopy, IconDeviceFloppy, IconLink, IconMessageCircleQuestion, IconRefresh, IconRoute, IconScale, IconUsersGroup,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, isStatus } from '../../platform/api/client';
import { useMe, type Me } from '../../platform/api/queries';
import { homeOrgOf } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { fitKeys, SUPPORT_LABELS, useGuide, useSharedResult, writeDraft, type FitResult, type Guide, type NextStep, type Reason } from './api';
import { FitFrame } from './FitFrame';

/** /fit/results/:code — a result, recomputed from its code: the link is the result. */
export function FitResultPage() {
  const { code = '' } = useParams();
  const result = useSharedResult(code);
  const guide = useGuide();

  let body: ReactNode;
  if (result.isPending || guide.isPending) body = <Loading label="Working out your result…" />;
  else if (result.isError) {
    body = isStatus(result.error, 400, 404, 410) ? (
      <Card padding="lg">
        <Empty
          icon={<IconCompass size={28} aria-hidden />}
          order={1}
          title={isStatus(result.error, 410) ? 'This result is from an earlier version of the guide' : 'This is not a fit guide result'}
          description={isStatus(result.error, 410)
            ? 'The questions have changed since this link was made. Take the guide again to see a current result: it takes about three minutes.'
            : 'The link may be incomplete. Take the guide to get your own result.'}
        >
          <Button component={Link} to="/fit" onClick={() => writeDraft(null)}>Take the fit guide</Button>
        </Empty>
      </Card>
    ) : <LoadError error={result.error} onRetry={() => void result.refetch()} />;
  } else if (guide.isError) body = <LoadError error={guide.error} onRetry={() => void guide.refetch()} />;
  else body = <><ResultView result={result.data} guide={guide.data} /><FitResultFooter result={result.data} /></>;

  return <FitFrame title="Your fit guide result">{body}</FitFrame>;
}

const RECOMMENDATION_ICONS: Record<FitResult['recommendation'], ReactNode> = {
  coaching: <IconRoute size={26} aria-hidden />,
  mentoring: <IconUsersGroup size={26} aria-hidden />,
  both: <IconScale size={26} aria-hidden />,
  mentoring_with_coaching_style: <IconUsersGroup size={26} aria-hidden />,
};

export function ResultView({ result, guide, inApp = false }: { result: FitResult; guide: Guide; inApp?: boolean }) {
  return (
    <Stack gap="xl">
      <Card padding="xl" radius="lg" shadow="xs">
        <Stack gap="md">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={52} radius="xl" variant="light" color="cairn">{RECOMMENDATION_ICONS[result.recommendation]}</ThemeIcon>
            <Stack gap={6}>
              <Text size="sm" fw={600} c="stone.7" tt="uppercase" lts={0.5}>Your result</Text>
              <Title order={inApp ? 2 : 1} fz={{ base: 24, sm: 30 }} lh={1.2}>{result.headline}</Title>
            </Stack>
          </Group>
          <Text size="md" c="stone.8">{result.summary}</Text>
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
            <Confidence result={result} />
            <Balance result={result} />
          </SimpleGrid>
        </Stack>
      </Card>

      <ReasonsSection title="Why" description="Each reason comes from the answers shown under it." reasons={result.reasons} guide={guide} answers={result.answers} />
      {result.considerations.length > 0 && (
        <ReasonsSection
          title="Worth weighing"
          description="Some of your answers point the other way: this is why the confidence is not higher."
          reasons={result.considerations} guide={guide} answers={result.answers} limit={3}
        />
      )}
      {!inApp && <NextSteps steps={result.nextSteps} />}
    </Stack>
  );
}

function Confidence({ result }: { result: FitResult }) {
  const percent = Math.round(result.confidence.value * 100);
  const color = result.confidence.label === 'high' ? 'cairn' : result.confidence.label === 'medium' ? 'blue' : 'amber';
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>Confidence</Text>
        <Badge color={color} variant="light">{result.confidence.label} · {percent}%</Badge>
      </Group>
      <Progress value={percent} color={color} size="lg" radius="xl" aria-label={`Confidence: ${result.confidence.label}, ${percent}%`} />
      <Text size="xs" c="dimmed">
        {result.informativeAnswers} of {result.questionCount} answers showed a preference
        {result.confidence.label === 'low' ? '. With this little to go on, reading what each involves is the best next step.' : '.'}
      </Text>
    </Stack>
  );
}

/** How the evidence of the answers split between coaching and mentoring. */
function Balance({ result }: { result: FitResult }) {
  const { coaching, mentoring, coachingStyle } = result.totals;
  const sum = coaching + mentoring;
  const coachingShare = sum ? Math.round((coaching / sum) * 100) : 50;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>How your answers lean</Text>
      <Progress.Root size={18} radius="xl" aria-hidden>
        <Progress.Section value={coachingShare} color="blue.7" />
        <Progress.Section value={100 - coachingShare} color="cairn.7" />
      </Progress.Root>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="blue.9" fw={600}>Coaching {sum ? `${coachingShare}%` : '—'}</Text>
        <Text size="xs" c="cairn.9" fw={600}>Mentoring {sum ? `${100 - coachingShare}%` : '—'}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {sum ? `Evidence ${coaching} for coaching, ${mentoring} for mentoring` : 'No answer leaned either way'}
        {coachingStyle > 0 ? `; ${coachingStyle} for a coaching style of conversation.` : '.'}
      </Text>
    </Stack>
  );
}

/** The reasons, strongest first; past the first few, behind a button, so the page stays calm. */
function ReasonsSection({ title, description, reasons, guide, answers, limit = 4 }: {
  title: string; description: string; reasons: Reason[]; guide: Guide; answers: Record<string, string>; limit?: number;
}) {
  const [all, setAll] = useState(false);
  if (reasons.length === 0) return null;
  const shown = all || reasons.length <= limit + 1 ? reasons : reasons.slice(0, limit);
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Stack gap={2}>
        <Title order={2} fz="xl">{title}</Title>
        <Text size="sm" c="dimmed">{description}</Text>
      </Stack>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((reason) => (
          <Card component="li" key={reason.id} padding="lg">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                <Text fw={600} size="sm">{reason.text}</Text>
                <Badge color={SUPPORT_LABELS[reason.supports].color} variant="light" style={{ flexShrink: 0 }}>{SUPPORT_LABELS[reason.supports].label}</Badge>
              </Group>
              <TracedAnswers questionIds={reason.fromQuestions} guide={guide} answers={answers} />
            </Stack>
          </Card>
        ))}
      </Stack>
      {shown.length < reasons.length && (
        <Button variant="subtle" onClick={() => setAll(true)} w="fit-content" rightSection={<IconChevronDown size={16} aria-hidden />}>
          Show {reasons.length - shown.length} more {reasons.length - shown.length === 1 ? 'reason' : 'reasons'}
        </Button>
      )}
    </Stack>
  );
}

/** The answers that produced a reason: each question, and what was answered. */
function TracedAnswers({ questionIds, guide, answers }: { questionIds: string[]; guide: Guide; answers: Record<string, string> }) {
  if (questionIds.length === 0) return null;
  return (
    <Stack gap={6} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-stone-2)' }}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">From your {questionIds.length === 1 ? 'answer' : 'answers'}</Text>
      <List size="sm" spacing={4}>
        {questionIds.map((id) => {
          const question = guide.questions.find((q) => q.id === id);
          if (!question) return null;
          const option = question.options.find((o) => o.id === answers[id]);
          return (
            <List.Item key={id}>
              <Text span size="sm" c="dimmed">{question.prompt} </Text>
              <Text span size="sm" fw={600}>{option ? `“${option.label}”` : 'not answered'}</Text>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

const STEP_ICONS: Record<NextStep['id'], ReactNode> = {
  request_coach: <IconMessageCircleQuestion size={20} aria-hidden />,
  join_mentoring_program: <IconUsersGroup size={20} aria-hidden />,
  browse_mentors: <IconUsersGroup size={20} aria-hidden />,
  read_about_coaching: <IconBook2 size={20} aria-hidden />,
  read_about_mentoring: <IconBook2 size={20} aria-hidden />,
};

export function stepLink(step: NextStep['id']): string {
  if (step === 'read_about_coaching') return '/fit/about#coaching';
  if (step === 'read_about_mentoring') return '/fit/about#mentoring';
  return `/fit/go/${step}`;
}

function NextSteps({ steps }: { steps: NextStep[] }) {
  const me = useMe();
  return (
    <Stack gap="sm" component="section" aria-labelledby="next-steps">
      <Stack gap={2}>
        <Title order={2} fz="xl" id="next-steps">Next steps</Title>
        <Text size="sm" c="dimmed">
          {me.data ? 'Steps inside Cairn open in your organization.' : 'Steps inside Cairn ask you to sign in first, then take you straight there.'}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {steps.map((step, index) => (
          <Card key={step.id} component={Link} to={stepLink(step.id)} padding="lg" className="cairn-link-card">
            <Group gap="md" wrap="nowrap" align="flex-start">
              <ThemeIcon variant={index === 0 ? 'filled' : 'light'} radius="md" size={38}>{STEP_ICONS[step.id]}</ThemeIcon>
              <Stack gap={4} style={{ flex: 1 }}>
                <Group gap={6} wrap="nowrap">
                  <Text fw={700} size="sm">{step.label}</Text>
                  <IconArrowRight size={14} aria-hidden />
                </Group>
                <Text size="sm" c="dimmed">{step.description}</Text>
                {step.requiresSignIn && <Text size="xs" c="dimmed" fs="italic">In your organization on Cairn</Text>}
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The share link, the keep-it card, and taking the guide again: everything below the result. */
export function ShareAndKeep({ result }: { result: FitResult }) {
  const link = `${window.location.origin}/fit/results/${result.code}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <Card padding="lg" component="section" aria-labelledby="share-title">
        <Stack gap="sm">
          <Group gap="xs"><IconLink size={18} aria-hidden /><Title order={2} fz="md" id="share-title">Share this result</Title></Group>
          <Text size="sm" c="dimmed">The link holds your answers, not your name: anyone who opens it sees this same result.</Text>
          <TextInput label="Link to this result" value={link} readOnly onFocus={(event) => event.currentTarget.select()} />
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />} w="fit-content">
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Card>
      <KeepCard result={result} />
    </SimpleGrid>
  );
}

function KeepCard({ result }: { result: FitResult }) {
  const me = useMe();
  return (
    <Card padding="lg" component="section" aria-labelledby="keep-title">
      <Stack gap="sm">
        <Group gap="xs"><IconDeviceFloppy size={18} aria-hidden /><Title order={2} fz="md" id="keep-title">Keep it in your account</Title></Group>
        {me.isPending ? <Loading minHeight={80} /> : me.data && me.data.memberships.length > 0 ? <KeepForm me={me.data} result={result} /> : (
          <>
            <Text size="sm" c="dimmed">
              Members of an organization on Cairn can keep their results, to look back at or talk over with a coach or program manager.
              Only you can ever see what you keep.
            </Text>
            {me.data ? <Text size="sm">Join an organization on Cairn to keep results.</Text> : (
              <Button component={Link} to={`/sign-in?next=${encodeURIComponent(`/fit/results/${result.code}`)}`} variant="default" w="fit-content">Sign in to keep it</Button>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function KeepForm({ me, result }: { me: Me; result: FitResult }) {
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState<string>(() => homeOrgOf(me) ?? me.memberships[0]!.orgId);
  const [consent, setConsent] = useState(false);
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => call(api.POST('/api/orgs/{orgId}/fit-guide/saved', { params: { path: { orgId } }, body: { code: result.code, consent: true } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fitKeys.saved(orgId) }),
  });
  if (save.isSuccess) {
    return (
      <Alert color="cairn" variant="light" icon={<IconCheck size={18} aria-hidden />} title="Kept in your account" role="status">
        <Stack gap={6} align="flex-start">
          <Text size="sm">Only you can see it. You can delete it whenever you like.</Text>
          <Anchor component={Link} to={`/orgs/${orgId}/fit-guide`} size="sm">See your saved results</Anchor>
        </Stack>
      </Alert>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (consent) save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">Signed in as {me.person.name}. Only you can ever see what you keep; you can delete it at any time.</Text>
        {me.memberships.length > 1 && (
          <Select
            label="Keep it in" value={orgId} allowDeselect={false}
            data={me.memberships.map((m) => ({ value: m.orgId, label: m.orgName }))}
            onChange={(value) => value && setOrgId(value)}
          />
        )}
        <Checkbox
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          label="I agree to keep this result in my Cairn account"
          error={tried && !consent ? 'Tick this to keep the result: nothing is kept without your agreement' : undefined}
        />
        <ProblemAlert error={save.error} />
        <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />} w="fit-content">Keep this result</Button>
      </Stack>
    </form>
  );
}

/** The page under the result: share and keep it, or start over. */
export function FitResultFooter({ result }: { result: FitResult }) {
  return (
    <Stack gap="lg" mt="xl">
      <ShareAndKeep result={result} />
      <Group justify="center">
        <Button component={Link} to="/fit" variant="subtle" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => writeDraft(null)}>Take the guide again</Button>
      </Group>
    </Stack>
  );
}
