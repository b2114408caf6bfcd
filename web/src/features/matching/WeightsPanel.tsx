import { Alert, Badge, Button, Card, Grid, Group, NumberInput, Radio, Select, Slider, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { api, call } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { Loading, LoadError, ProblemAlert } from '../../platform/ui/states';
import { useMentoringMutation } from '../mentoring/api';
import { CRITERION_LABELS, percent, sentence, useApprovedPeople, useMatchingSettings, usePreview, type Criterion, type MatchingSettings, type Scored } from './api';

const SLIDER_MAX = 10;

/** Weights with sliders (defaults marked), the program's preferences, and a live preview of a chosen pair under the draft. */
export function WeightsPanel({ programId }: { programId: string }) {
  const { orgId } = useOrg();
  const settings = useMatchingSettings(orgId, programId);
  if (settings.isPending) return <Loading label="Loading the matching settings…" />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <WeightsForm programId={programId} saved={settings.data.settings} defaults={settings.data.defaults} criteria={settings.data.criteria} />;
}

function WeightsForm({ programId, saved, defaults, criteria }: { programId: string; saved: MatchingSettings; defaults: MatchingSettings; criteria: Criterion[] }) {
  const { orgId } = useOrg();
  const [draft, setDraft] = useState<MatchingSettings>(saved);
  useEffect(() => setDraft(saved), [saved]);
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const gapWrong = draft.experienceGap.max < draft.experienceGap.min;
  const save = useMentoringMutation(orgId, (body: MatchingSettings) => call(api.PUT('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/settings', {
    params: { path: { orgId, programId } }, body: { ...body, requiredLanguage: body.requiredLanguage?.trim() || null },
  })), { success: 'Matching settings saved. The next run uses them.' });
  const setWeight = (criterion: Criterion, value: number) => setDraft((d) => ({ ...d, weights: { ...d.weights, [criterion]: value } }));

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Card padding="lg" component="section" aria-labelledby="weights-heading">
          <Stack gap="md">
            <div>
              <Title order={2} fz="lg" id="weights-heading">Weights</Title>
              <Text size="sm" c="dimmed">Points each criterion adds when a pair meets it fully; 0 turns it off. The marks show the defaults.</Text>
            </div>
            {criteria.map((criterion) => (
              <WeightSlider key={criterion} criterion={criterion} value={draft.weights[criterion]} defaultValue={defaults.weights[criterion]} onChange={(value) => setWeight(criterion, value)} />
            ))}
            <Radio.Group
              label="Function" description="Whether mentor and mentee should come from the same function"
              value={draft.departmentPreference} onChange={(value) => setDraft((d) => ({ ...d, departmentPreference: value as MatchingSettings['departmentPreference'] }))}
            >
              <Group mt="xs" gap="lg">
                <Radio value="different" label="Another function" />
                <Radio value="same" label="The same function" />
                <Radio value="none" label="Does not matter" />
              </Group>
            </Radio.Group>
            <Group grow align="flex-start">
              <NumberInput
                label="Mentor’s extra years, from" min={-50} max={60} value={draft.experienceGap.min}
                onChange={(value) => setDraft((d) => ({ ...d, experienceGap: { ...d.experienceGap, min: Number(value) || 0 } }))}
              />
              <NumberInput
                label="to" min={-50} max={60} value={draft.experienceGap.max} error={gapWrong ? 'Must not be below the first number' : undefined}
                onChange={(value) => setDraft((d) => ({ ...d, experienceGap: { ...d.experienceGap, max: Number(value) || 0 } }))}
              />
            </Group>
            <TextInput
              label="Required language" description="Every pair must share it (a code like “pt” or a name); leave empty for none" maxLength={35}
              value={draft.requiredLanguage ?? ''} onChange={(event) => { const value = event.currentTarget.value; setDraft((d) => ({ ...d, requiredLanguage: value || null })); }}
            />
            <Radio.Group
              label="Objective" description="Both match as many mentees as possible first"
              value={draft.objective} onChange={(value) => setDraft((d) => ({ ...d, objective: value as MatchingSettings['objective'] }))}
            >
              <Stack mt="xs" gap="xs">
                <Radio value="max_total" label="Best total fit" />
                <Radio value="max_min" label="Fairest: raise the lowest fit first" />
              </Stack>
            </Radio.Group>
            <ProblemAlert error={save.error} />
            <Group justify="space-between">
              <Button variant="subtle" leftSection={<IconRestore size={16} aria-hidden />} onClick={() => setDraft(defaults)}>Back to defaults</Button>
              <Group gap="sm">
                {changed && <Button variant="default" onClick={() => setDraft(saved)}>Discard changes</Button>}
                <Button onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!changed || gapWrong}>Save settings</Button>
              </Group>
            </Group>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <LivePreview programId={programId} draft={gapWrong ? saved : draft} />
      </Grid.Col>
    </Grid>
  );
}

function WeightSlider({ criterion, value, defaultValue, onChange }: { criterion: Criterion; value: number; defaultValue: number; onChange: (value: number) => void }) {
  const labelId = useId();
  const { label, hint } = CRITERION_LABELS[criterion];
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} id={labelId}>{label}</Text>
        <Text size="sm" c="dimmed">{value} {value === 1 ? 'point' : 'points'}{value === defaultValue ? ' (default)' : ` (default ${defaultValue})`}</Text>
      </Group>
      <Text size="xs" c="dimmed">{hint}</Text>
      <Slider
        min={0} max={Math.max(SLIDER_MAX, value)} step={0.5} value={value} onChange={onChange} label={(v) => `${v}`}
        thumbLabel={`${label} weight`} aria-labelledby={labelId} marks={[{ value: defaultValue }]} mb={4}
      />
    </Stack>
  );
}

/** One pair (or a mentee's top candidates) scored under the draft settings, asked again as they change; nothing is saved. */
function LivePreview({ programId, draft }: { programId: string; draft: MatchingSettings }) {
  const { orgId } = useOrg();
  const people = useApprovedPeople(orgId, programId);
  const [menteeId, setMenteeId] = useState<string | null>(null);
  const [mentorId, setMentorId] = useState<string | null>(null);
  const [settings] = useDebouncedValue(draft, 250);
  const preview = usePreview(orgId, programId, menteeId ? {
    settings: { ...settings, requiredLanguage: settings.requiredLanguage?.trim() || null }, menteePersonId: menteeId, ...(mentorId ? { mentorPersonId: mentorId } : {}), limit: 5,
  } : null);
  return (
    <Card padding="lg" component="section" aria-labelledby="preview-heading">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="preview-heading">Live preview</Title>
          <Text size="sm" c="dimmed">Choose a mentee and a mentor to see their score under the weights on the left, or a mentee alone for their best candidates. Nothing is saved.</Text>
        </div>
        {people.isError && <LoadError error={people.error} />}
        <Group grow align="flex-start">
          <Select label="Mentee" placeholder="Choose a mentee" data={people.data?.mentees ?? []} value={menteeId} onChange={setMenteeId} searchable clearable nothingFoundMessage="No approved mentee by that name" />
          <Select label="Mentor" placeholder="Top candidates" data={people.data?.mentors ?? []} value={mentorId} onChange={setMentorId} searchable clearable nothingFoundMessage="No approved mentor by that name" />
        </Group>
        {!menteeId && <Text size="sm" c="dimmed">Choose a mentee to start.</Text>}
        {preview.isError && <ProblemAlert error={preview.error} />}
        <div aria-live="polite" aria-busy={preview.isFetching}>
          {preview.data?.pair && <ScoredCard scored={preview.data.pair} />}
          {preview.data && !preview.data.pair && (
            <Stack gap="sm">
              {preview.data.candidates.map((candidate, index) => <ScoredCard key={candidate.mentor.personId} scored={candidate} rank={index + 1} compact />)}
              {preview.data.shortfall && <Text size="sm" c="dimmed">{sentence(preview.data.shortfall)}</Text>}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}

function ScoredCard({ scored, rank, compact }: { scored: Scored; rank?: number; compact?: boolean }) {
  return (
    <Card withBorder padding="md" data-testid="preview-result">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>{rank ? `${rank}. ` : ''}{scored.mentor.name}</Text>
          <Group gap={6} wrap="nowrap">
            <Badge variant="light" color="cairn">{percent(scored.fit)} fit</Badge>
            <Badge variant="outline" color="gray">{scored.score.toFixed(2)} points</Badge>
          </Group>
        </Group>
        <Text size="sm">{scored.explanation}</Text>
        {scored.blocker && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} aria-hidden />} p="xs">
            <Text size="sm">Would not be proposed: {scored.blockerText}.</Text>
          </Alert>
        )}
        {!compact && <ContributionTable contributions={scored.contributions} caption={`How ${scored.mentor.name}’s score adds up`} />}
      </Stack>
    </Card>
  );
}

export function ContributionTable({ contributions, caption }: { contributions: Scored['contributions']; caption: string }) {
  return (
    <Table fz="sm" verticalSpacing={4} captionSide="top">
      <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr><Table.Th scope="col">Criterion</Table.Th><Table.Th scope="col">Met</Table.Th><Table.Th scope="col">Weight</Table.Th><Table.Th scope="col">Points</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contributions.map((c) => (
          <Table.Tr key={c.criterion}>
            <Table.Th scope="row" fw={500}>{CRITERION_LABELS[c.criterion].label}</Table.Th>
            <Table.Td>{percent(c.value)}</Table.Td>
            <Table.Td>{c.weight}</Table.Td>
            <Table.Td>{c.points.toFixed(2)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
