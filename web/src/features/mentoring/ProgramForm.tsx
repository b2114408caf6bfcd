import {
  ActionIcon, Alert, Box, Button, Card, Checkbox, Group, Menu, NumberInput, Radio, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { showFieldErrors } from '../../platform/api/forms';
import { ProblemAlert } from '../../platform/ui/states';
import type { PairingMode, Program, ProgramInput, Purpose, QuestionInput, QuestionType } from './api';
import { PAIRING_LABELS, PURPOSE_LABELS, QUESTION_TYPE_LABELS } from './labels';

export type ProgramValues = Omit<ProgramInput, 'questions' | 'cohortStartsOn' | 'cohortEndsOn' | 'description'> & {
  description: string; cohortStartsOn: string; cohortEndsOn: string; questions: QuestionInput[];
};

/** What each kind of question usually asks, and of whom: a starting point the admin edits. */
const QUESTION_TEMPLATES: Record<QuestionType, Omit<QuestionInput, 'fieldType'>> = {
  skills_offered: { label: 'What could you help a mentee with?', askedOf: 'mentor', required: true },
  skills_wanted: { label: 'What would you like to grow in?', askedOf: 'mentee', required: true },
  interests: { label: 'Interests outside work you would enjoy talking about', askedOf: 'both', required: false },
  goals: { label: 'What would you like from this program?', askedOf: 'both', required: false },
  function: { label: 'Your function or team', askedOf: 'both', required: false },
  years_experience: { label: 'Years of professional experience', askedOf: 'both', required: false },
  languages: { label: 'Languages you can mentor or be mentored in', askedOf: 'both', required: false },
  time_zone: { label: 'Your time zone', askedOf: 'both', required: false },
  preferred_cadence: { label: 'How often would you like to meet?', askedOf: 'both', required: false, options: ['Weekly', 'Every two weeks', 'Monthly'] },
  self_identification: { label: 'How do you describe your gender?', askedOf: 'both', required: false, options: ['Woman', 'Man', 'Non-binary', 'In another way'] },
  preferred_mentors: { label: 'Mentors of this program you would like, most wanted first', askedOf: 'mentee', required: false },
  mentor_functions: { label: 'Functions you would like your mentor to come from', askedOf: 'mentee', required: false },
  mentor_min_years: { label: 'Years of experience you would like your mentor to have, at least', askedOf: 'mentee', required: false },
  mentor_language: { label: 'A language your mentor must speak, if any', askedOf: 'mentee', required: false },
};

const OPTION_TYPES: QuestionType[] = [
  'interests', 'function', 'languages', 'preferred_cadence', 'self_identification', 'skills_offered', 'skills_wanted', 'mentor_functions', 'mentor_language',
];

export function programValues(program?: Program): ProgramValues {
  return {
    name: program?.name ?? '',
    purpose: program?.purpose ?? 'career_growth',
    description: program?.description ?? '',
    enrollmentWindow: (program?.enrollmentWindow as 'always' | 'cohort' | undefined) ?? 'always',
    cohortStartsOn: program?.cohortStartsOn ?? '',
    cohortEndsOn: program?.cohortEndsOn ?? '',
    cadenceDays: program?.cadenceDays ?? 14,
    suggestedLengthWeeks: program?.suggestedLengthWeeks ?? 26,
    reviewEveryWeeks: program?.reviewEveryWeeks ?? 12,
    defaultMentorCapacity: program?.defaultMentorCapacity ?? 3,
    pairingMode: program?.pairingMode ?? 'admin_assigns',
    enrollmentApproval: (program?.enrollmentApproval as 'automatic' | 'admin' | undefined) ?? 'automatic',
    questions: [],
  };
}

/** The body the API takes, from the form's values (cohort dates only for a cohort). */
export function programBody(values: ProgramValues, withQuestions: boolean): ProgramInput {
  const cohort = values.enrollmentWindow === 'cohort';
  return {
    name: values.name.trim(), purpose: values.purpose, description: values.description.trim(), enrollmentWindow: values.enrollmentWindow,
    cohortStartsOn: cohort ? values.cohortStartsOn || null : null, cohortEndsOn: cohort ? values.cohortEndsOn || null : null,
    cadenceDays: Number(values.cadenceDays), suggestedLengthWeeks: Number(values.suggestedLengthWeeks), reviewEveryWeeks: Number(values.reviewEveryWeeks),
    defaultMentorCapacity: Number(values.defaultMentorCapacity), pairingMode: values.pairingMode, enrollmentApproval: values.enrollmentApproval,
    ...(withQuestions ? {
      questions: values.questions.map((q) => ({
        fieldType: q.fieldType, label: q.label.trim(), askedOf: q.askedOf, required: q.fieldType === 'self_identification' ? false : Boolean(q.required),
        options: (q.options ?? []).map((o) => o.trim()).filter(Boolean),
      })),
    } : {}),
  };
}

const between = (min: number, max: number) => (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : `A whole number from ${min} to ${max}`);

/** Every setting of a program; the enrollment questions are written when it is created. */
export function ProgramForm({ initial, withQuestions, submitLabel, pending, error, onSubmit, onCancel }: {
  initial: ProgramValues; withQuestions: boolean; submitLabel: string; pending: boolean; error: unknown;
  onSubmit: (values: ProgramValues) => Promise<unknown>; onCancel?: () => void;
}) {
  const form = useForm<ProgramValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() ? null : 'Give the program a name'),
      cohortStartsOn: (value, values) => (values.enrollmentWindow === 'cohort' && !value ? 'Required for a cohort' : null),
      cohortEndsOn: (value, values) => (values.enrollmentWindow === 'cohort' && !value ? 'Required for a cohort'
        : values.enrollmentWindow === 'cohort' && value < values.cohortStartsOn ? 'Not before the start' : null),
      cadenceDays: between(1, 180),
      suggestedLengthWeeks: between(1, 520),
      reviewEveryWeeks: between(1, 104),
      defaultMentorCapacity: between(1, 50),
      questions: { label: (value) => (value.trim() ? null : 'Write the question') },
    },
  });
  const values = form.getValues();
  const addQuestion = (fieldType: QuestionType) => form.insertListItem('questions', { fieldType, ...QUESTION_TEMPLATES[fieldType], options: [...(QUESTION_TEMPLATES[fieldType].options ?? [])] });

  return (
    <form noValidate onSubmit={form.onSubmit(async (submitted) => {
      try {
        await onSubmit(submitted);
      } catch (failure) {
        showFieldErrors(form, failure);
      }
    })}>
      <Stack gap="lg">
        <ProblemAlert error={error} />
        <Card padding="lg">
          <Title order={2} fz="lg" mb="md">The program</Title>
          <Stack>
            <TextInput label="Name" required maxLength={200} {...form.getInputProps('name')} />
            <Select label="Purpose" required data={(Object.keys(PURPOSE_LABELS) as Purpose[]).map((value) => ({ value, label: PURPOSE_LABELS[value] }))}
              allowDeselect={false} {...form.getInputProps('purpose')} />
            <Textarea label="Description" description="What the program is for and who it is for; everyone reads this before enrolling" autosize minRows={3} maxRows={10} maxLength={5000}
              {...form.getInputProps('description')} />
          </Stack>
        </Card>

        <Card padding="lg">
          <Title order={2} fz="lg" mb="md">Rhythm and dates</Title>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput label="Days between check-ins" description="A pair slips after this, and stalls after twice this" required min={1} max={180} allowDecimal={false}
                {...form.getInputProps('cadenceDays')} />
              <NumberInput label="Suggested length (weeks)" description="A guideline; pairs renew at each review" required min={1} max={520} allowDecimal={false}
                {...form.getInputProps('suggestedLengthWeeks')} />
              <NumberInput label="“Shall we continue?” every (weeks)" description="Each side answers privately; no fault either way" required min={1} max={104} allowDecimal={false}
                {...form.getInputProps('reviewEveryWeeks')} />
              <NumberInput label="Mentor capacity cap" description="The most mentees a mentor may take at once" required min={1} max={50} allowDecimal={false}
                {...form.getInputProps('defaultMentorCapacity')} />
            </SimpleGrid>
            <Radio.Group label="Enrollment" {...form.getInputProps('enrollmentWindow')}>
              <Group mt="xs" gap="lg">
                <Radio value="always" label="Always open" />
                <Radio value="cohort" label="A cohort with dates" />
              </Group>
            </Radio.Group>
            {values.enrollmentWindow === 'cohort' && (
              <Group gap="md" align="flex-start">
                <TextInput type="date" label="Cohort starts" required w={200} {...form.getInputProps('cohortStartsOn')} />
                <TextInput type="date" label="Cohort ends" description="Enrollment closes after this day" required w={200} {...form.getInputProps('cohortEndsOn')} />
              </Group>
            )}
          </Stack>
        </Card>

        <Card padding="lg">
          <Title order={2} fz="lg" mb="md">How pairs form</Title>
          <Stack>
            <Radio.Group {...form.getInputProps('pairingMode')} label="Pairing" required>
              <Stack gap="xs" mt="xs">
                {(Object.keys(PAIRING_LABELS) as PairingMode[]).map((mode) => (
                  <Radio key={mode} value={mode} label={PAIRING_LABELS[mode].label} description={PAIRING_LABELS[mode].description} />
                ))}
              </Stack>
            </Radio.Group>
            <Radio.Group {...form.getInputProps('enrollmentApproval')} label="Enrollment approval">
              <Stack gap="xs" mt="xs">
                <Radio value="automatic" label="Automatic" description="Whoever enrolls takes part at once" />
                <Radio value="admin" label="Approved by the program team" description="Each enrollment waits for an admin’s approval" />
              </Stack>
            </Radio.Group>
          </Stack>
        </Card>

        {withQuestions && (
          <Card padding="lg">
            <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="wrap">
              <Stack gap={2} style={{ flex: '1 1 300px' }}>
                <Title order={2} fz="lg">Enrollment questions</Title>
                <Text size="sm" c="dimmed">What people answer when they enroll; you read the answers when pairing. Questions are set when the program is created.</Text>
              </Stack>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />}>Add a question</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {(Object.keys(QUESTION_TYPE_LABELS) as QuestionType[]).map((type) => (
                    <Menu.Item key={type} onClick={() => addQuestion(type)} leftSection={type === 'self_identification' ? <IconLock size={14} aria-hidden /> : undefined}>
                      {QUESTION_TYPE_LABELS[type]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            </Group>
            {values.questions.length === 0 ? (
              <Text size="sm" c="dimmed">No questions yet. Skills offered and wanted make manual pairing much easier.</Text>
            ) : (
              <Stack gap="md" component="ol" aria-label="Enrollment questions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {values.questions.map((question, index) => {
                  const confidential = question.fieldType === 'self_identification';
                  return (
                    <Box component="li" key={form.key(`questions.${index}`)} p="md" aria-label={`Question ${index + 1}`}
                      style={{ border: `1px solid var(--mantine-color-${confidential ? 'grape-2' : 'gray-3'})`, borderRadius: 'var(--mantine-radius-md)', background: confidential ? 'var(--mantine-color-grape-0)' : undefined }}>
                      <Group justify="space-between" mb="sm" gap="xs">
                        <Text size="sm" fw={700}>{index + 1}. {QUESTION_TYPE_LABELS[question.fieldType]}</Text>
                        <Group gap={4}>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Move question ${index + 1} up`} disabled={index === 0}
                            onClick={() => form.reorderListItem('questions', { from: index, to: index - 1 })}><IconArrowUp size={16} /></ActionIcon>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Move question ${index + 1} down`} disabled={index === values.questions.length - 1}
                            onClick={() => form.reorderListItem('questions', { from: index, to: index + 1 })}><IconArrowDown size={16} /></ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={`Remove question ${index + 1}`} onClick={() => form.removeListItem('questions', index)}><IconTrash size={16} /></ActionIcon>
                        </Group>
                      </Group>
                      <Stack gap="sm">
                        <TextInput label="Question" required maxLength={300} {...form.getInputProps(`questions.${index}.label`)} />
                        <Group gap="md" align="flex-end" wrap="wrap">
                          <Select label="Asked of" w={230} allowDeselect={false}
                            data={[{ value: 'both', label: 'Mentors and mentees' }, { value: 'mentor', label: 'Mentors' }, { value: 'mentee', label: 'Mentees' }]}
                            {...form.getInputProps(`questions.${index}.askedOf`)} />
                          <Checkbox label="Required" disabled={confidential} mb={8} {...form.getInputProps(`questions.${index}.required`, { type: 'checkbox' })} />
                        </Group>
                        {OPTION_TYPES.includes(question.fieldType) && (
                          <TagsInput label="Answers to choose from" description={confidential ? 'Leave empty for a free answer' : 'Optional; press Enter after each'}
                            maxTags={50} {...form.getInputProps(`questions.${index}.options`)} />
                        )}
                        {confidential && (
                          <Alert variant="light" color="grape" icon={<IconLock size={16} aria-hidden />} p="xs">
                            Always optional. Answers are kept apart, only with the person’s consent, and you will see them only as counts, with groups under five hidden.
                          </Alert>
                        )}
                      </Stack>
                    </Box>
                  );
                })}
              </Stack>
            )}
          </Card>
        )}

        <Group justify="flex-end" gap="sm">
          {onCancel && <Button variant="default" onClick={onCancel}>Cancel</Button>}
          <Button type="submit" loading={pending}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
