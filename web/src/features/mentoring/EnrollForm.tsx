import { Alert, Box, Button, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { timeZoneOptions } from '../../platform/format';
import { languageOptions } from '../../platform/languages';
import { useOrg } from '../../platform/shell/org-context';
import { ProblemAlert } from '../../platform/ui/states';
import { useMentoringMutation, useSkills, type EnrollInput, type Program, type ProgramQuestion } from './api';

type Side = 'mentor' | 'mentee';
type AnswerValue = string | number | string[];

const DEFAULT_CADENCES = ['Weekly', 'Every two weeks', 'Monthly'];

const asked = (question: ProgramQuestion, sides: readonly Side[]) => question.askedOf === 'both' || sides.includes(question.askedOf as Side);
const isEmpty = (value: AnswerValue | undefined | null) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The explanation every self-identification question comes with. */
export const IDENTITY_EXPLANATION = 'These questions are optional. Your answers are stored apart from your enrollment, are never shown next to your name, ' +
  'and reach the program team only as counts for the whole program, with groups smaller than five merged and hidden. ' +
  'You can see and erase your answers on this page at any time.';

/** Enroll as mentor, mentee or both, answering the program's questions for the chosen sides. */
export function EnrollForm({ program, takenSides, onDone }: { program: Program; takenSides: Side[]; onDone?: () => void }) {
  const { orgId, me } = useOrg();
  const skills = useSkills(orgId);
  const open: Side[] = (['mentee', 'mentor'] as const).filter((side) => !takenSides.includes(side));
  const questions = program.questions.filter((q) => q.fieldType !== 'self_identification');
  const identityQuestions = program.questions.filter((q) => q.fieldType === 'self_identification');
  const initialAnswers: Record<string, AnswerValue> = {};
  for (const q of questions) {
    initialAnswers[q.id] = q.fieldType === 'time_zone' ? me.person.timeZone
      : q.fieldType === 'languages' ? [...me.person.languages]
        : ['skills_offered', 'skills_wanted', 'interests', 'preferred_mentors', 'mentor_functions'].includes(q.fieldType) ? []
          : q.fieldType === 'years_experience' ? '' : '';
  }
  const form = useForm({
    initialValues: {
      sides: open.length === 1 ? [open[0]!] : [] as Side[],
      capacity: program.defaultMentorCapacity as number | string,
      answers: initialAnswers,
      identity: Object.fromEntries(identityQuestions.map((q) => [q.id, ''])) as Record<string, string>,
      consent: false,
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (values.sides.length === 0) errors.sides = 'Choose how you would like to take part';
      for (const q of questions) {
        if (q.required && asked(q, values.sides) && isEmpty(values.answers[q.id])) errors[`answers.${q.id}`] = 'Please answer this question';
      }
      const gave = Object.values(values.identity).some((v) => v.trim());
      if (gave && !values.consent) errors.consent = 'Tick this to give your consent, or leave the optional questions blank';
      if (values.sides.includes('mentor') && (typeof values.capacity !== 'number' || values.capacity < 1 || values.capacity > program.defaultMentorCapacity)) {
        errors.capacity = `Between 1 and ${program.defaultMentorCapacity}`;
      }
      return errors;
    },
  });
  const sides = form.getValues().sides;

  const enroll = useMentoringMutation(orgId, (values: typeof form.values) => {
    const answers: NonNullable<EnrollInput['answers']> = {};
    for (const q of questions) {
      const value = values.answers[q.id];
      if (!asked(q, values.sides) || isEmpty(value)) continue;
      answers[q.id] = typeof value === 'string' ? value.trim() : value!;
    }
    const identity = Object.fromEntries(Object.entries(values.identity).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    const hasIdentity = Object.keys(identity).length > 0;
    return call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments', {
      params: { path: { orgId, programId: program.id } },
      body: {
        sides: values.sides, answers,
        ...(hasIdentity ? { identity, identityConsent: values.consent } : {}),
        ...(values.sides.includes('mentor') ? { capacity: Number(values.capacity) } : {}),
      },
    }));
  }, {
    success: () => (program.enrollmentApproval === 'admin' ? 'Enrollment sent. The program team will approve it.' : 'You are enrolled.'),
    onSuccess: () => onDone?.(),
  });

  return (
    <form noValidate aria-label={`Enroll in ${program.name}`} onSubmit={form.onSubmit((values) => enroll.mutate(values, {
      onError: (error) => showFieldErrors(form, error, { identityConsent: 'consent' }),
    }))}>
      <Stack gap="lg">
        <ProblemAlert error={enroll.error} />
        <Checkbox.Group label="Take part as" required {...form.getInputProps('sides')}>
          <Group mt="xs" gap="lg">
            {open.includes('mentee') && <Checkbox value="mentee" label="Mentee: I would like a mentor" />}
            {open.includes('mentor') && <Checkbox value="mentor" label="Mentor: I would like to mentor someone" />}
          </Group>
        </Checkbox.Group>
        {sides.includes('mentor') && (
          <NumberInput label="How many mentees at once?" description={`Up to the program’s cap of ${program.defaultMentorCapacity}`}
            min={1} max={program.defaultMentorCapacity} allowDecimal={false} w={260} {...form.getInputProps('capacity')} />
        )}
        {sides.length > 0 && questions.some((q) => asked(q, sides)) && (
          <Stack gap="md">
            <Title order={3} fz="md">About you</Title>
            {questions.filter((q) => asked(q, sides)).map((q) => (
              <QuestionField key={q.id} question={q} skills={skills.data?.items ?? []} inputProps={form.getInputProps(`answers.${q.id}`)} />
            ))}
          </Stack>
        )}
        {sides.length > 0 && identityQuestions.length > 0 && (
          <Box p="md" style={{ border: '1px solid var(--mantine-color-grape-2)', background: 'var(--mantine-color-grape-0)', borderRadius: 'var(--mantine-radius-md)' }}>
            <Stack gap="sm">
              <Group gap={8} wrap="nowrap">
                <IconLock size={18} aria-hidden color="var(--mantine-color-grape-8)" />
                <Title order={3} fz="md">Optional: self-identification</Title>
              </Group>
              <Text size="sm">{IDENTITY_EXPLANATION}</Text>
              {identityQuestions.map((q) => (
                q.options.length > 0 ? (
                  <Select key={q.id} label={q.label} data={q.options} clearable placeholder="Prefer not to say" {...form.getInputProps(`identity.${q.id}`)}
                    value={form.getValues().identity[q.id] || null} onChange={(value) => form.setFieldValue(`identity.${q.id}`, value ?? '')} />
                ) : (
                  <TextInput key={q.id} label={q.label} placeholder="Prefer not to say" maxLength={200} {...form.getInputProps(`identity.${q.id}`)} />
                )
              ))}
              <Checkbox
                label="I consent to Cairn keeping these answers, apart from my enrollment, to count in the program’s anonymous totals"
                {...form.getInputProps('consent', { type: 'checkbox' })}
              />
            </Stack>
          </Box>
        )}
        {program.enrollmentApproval === 'admin' && (
          <Alert variant="light" color="blue">The program team approves each enrollment; you will see it here once they have.</Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {onDone && <Button variant="default" onClick={onDone}>Cancel</Button>}
          <Button type="submit" loading={enroll.isPending}>Enroll</Button>
        </Group>
      </Stack>
    </form>
  );
}

type InputProps = ReturnType<ReturnType<typeof useForm>['getInputProps']>;

function QuestionField({ question, skills, inputProps }: { question: ProgramQuestion; skills: string[]; inputProps: InputProps }) {
  const common = { label: question.label, required: question.required };
  switch (question.fieldType) {
    case 'skills_offered':
    case 'skills_wanted':
      return <TagsInput {...common} description="Pick from the shared list or type your own, then press Enter" data={[...new Set([...question.options, ...skills])]} maxTags={30} {...inputProps} />;
    case 'interests':
      return <TagsInput {...common} description="Press Enter after each" data={question.options} maxTags={30} {...inputProps} />;
    case 'goals':
      return <Textarea {...common} autosize minRows={2} maxRows={6} maxLength={500} {...inputProps} />;
    case 'years_experience':
    case 'mentor_min_years':
      return <NumberInput {...common} min={0} max={60} allowDecimal={false} w={200} {...inputProps} />;
    case 'preferred_mentors':
      return <TagsInput {...common} description="Their names as the program lists them, most wanted first; press Enter after each" data={question.options} maxTags={5} {...inputProps} />;
    case 'mentor_functions':
      return question.options.length
        ? <MultiSelect {...common} data={question.options} searchable clearable {...inputProps} />
        : <TagsInput {...common} description="Press Enter after each" maxTags={10} {...inputProps} />;
    case 'mentor_language':
      return <Select {...common} data={question.options.length ? question.options : languageOptions()} searchable clearable {...inputProps} value={inputProps.value || null} />;
    case 'languages':
      return <MultiSelect {...common} data={question.options.length ? question.options : languageOptions()} searchable {...inputProps} />;
    case 'time_zone':
      return <Select {...common} data={timeZoneOptions(typeof inputProps.value === 'string' ? inputProps.value : undefined)} searchable {...inputProps} />;
    case 'preferred_cadence':
      return <Select {...common} data={question.options.length ? question.options : DEFAULT_CADENCES} clearable {...inputProps} value={inputProps.value || null} />;
    case 'function':
      return question.options.length
        ? <Select {...common} data={question.options} clearable searchable {...inputProps} value={inputProps.value || null} />
        : <TextInput {...common} maxLength={500} {...inputProps} />;
    default:
      return <TextInput {...common} maxLength={500} {...inputProps} />;
  }
}
