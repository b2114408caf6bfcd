import { Alert, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEyeOff } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../platform/api/client';
import { keys } from '../../platform/api/queries';
import type { Agreement, AgreementTerms, Cadence, Coach, SponsorVisibility } from './api';
import { CADENCE_LABELS, SPONSOR_VISIBILITY, SPONSOR_VISIBILITY_OPTIONS } from './labels';
import { addDays } from './time';

/*
 * The agreement's terms, written by an admin assigning a coach (or proposing an engagement) and by
 * the coach or admin amending it. What the sponsor may see is always chosen explicitly: there is
 * no preselected answer.
 */

export type TermsValues = {
  objectives: string;
  plannedSessions: number | string;
  startDate: string;
  plannedEndDate: string;
  cadence: Cadence;
  sponsorVisibility: SponsorVisibility | '';
  confidentialityLimits: string;
};

export function newTerms(today: string): TermsValues {
  const start = addDays(today, 7);
  return {
    objectives: '', plannedSessions: 6, startDate: start, plannedEndDate: addDays(start, 119), cadence: 'fortnightly', sponsorVisibility: '', confidentialityLimits: '',
  };
}

export function termsOf(agreement: Agreement): TermsValues {
  return {
    objectives: agreement.objectives, plannedSessions: agreement.plannedSessions, startDate: agreement.startDate, plannedEndDate: agreement.plannedEndDate,
    cadence: agreement.cadence, sponsorVisibility: agreement.sponsorVisibility, confidentialityLimits: agreement.confidentialityLimits,
  };
}

export const termsValidation = {
  objectives: (value: string) => (value.trim() ? null : 'Write what the coaching is for'),
  plannedSessions: (value: number | string) => (Number(value) >= 1 && Number(value) <= 200 ? null : 'Between 1 and 200 sessions'),
  startDate: (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Pick the start date'),
  plannedEndDate: (value: string, values: TermsValues) =>
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'Pick the planned end date' : value < values.startDate ? 'Must not be before the start date' : null,
  sponsorVisibility: (value: string) => (value ? null : 'Choose what the sponsor may see'),
};

export function toTerms(values: TermsValues, hasSponsor: boolean): AgreementTerms {
  return {
    objectives: values.objectives.trim(),
    plannedSessions: Number(values.plannedSessions),
    startDate: values.startDate,
    plannedEndDate: values.plannedEndDate,
    cadence: values.cadence,
    sponsorVisibility: hasSponsor ? (values.sponsorVisibility || 'nothing') : 'nothing',
    ...(values.confidentialityLimits.trim() ? { confidentialityLimits: values.confidentialityLimits.trim() } : {}),
  };
}

/** Field errors from the server name "agreement.startDate"; the form's field is "startDate". */
export const TERMS_ALIASES: Record<string, string> = Object.fromEntries(
  ['objectives', 'plannedSessions', 'startDate', 'plannedEndDate', 'cadence', 'sponsorVisibility', 'confidentialityLimits'].map((field) => [`agreement.${field}`, field]),
);

type AnyForm = UseFormReturnType<any, any, any>;

export function TermsFields({ form, hasSponsor }: { form: AnyForm; hasSponsor: boolean }) {
  return (
    <Stack gap="md">
      <Textarea
        label="Objectives"
        description="What the client wants to be different at the end, in their words"
        required autosize minRows={3} maxRows={8} maxLength={5000}
        {...form.getInputProps('objectives')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput type="date" label="Start date" required {...form.getInputProps('startDate')} />
        <TextInput type="date" label="Planned end date" required {...form.getInputProps('plannedEndDate')} />
        <NumberInput label="Planned sessions" required min={1} max={200} allowDecimal={false} {...form.getInputProps('plannedSessions')} />
        <Select
          label="Cadence" required allowDeselect={false}
          data={(Object.keys(CADENCE_LABELS) as Cadence[]).map((value) => ({ value, label: CADENCE_LABELS[value] }))}
          {...form.getInputProps('cadence')}
        />
      </SimpleGrid>
      {hasSponsor ? (
        <Radio.Group
          label="What the sponsor may see"
          description="The sponsor is party to the agreement; choose explicitly. Session content and the coach’s private notes are never shared."
          required
          {...form.getInputProps('sponsorVisibility')}
        >
          <Stack gap="sm" mt="xs">
            {SPONSOR_VISIBILITY_OPTIONS.map((value) => (
              <Radio key={value} value={value} label={SPONSOR_VISIBILITY[value].label} description={SPONSOR_VISIBILITY[value].description} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Alert role="note" variant="light" color="gray" icon={<IconEyeOff size={18} aria-hidden />} title="No sponsor">
          Without a sponsor the agreement is between coach and client only; nothing is shared with anyone else.
        </Alert>
      )}
      <Textarea
        label="Limits of confidentiality"
        description="When the coach may break confidentiality. Left empty, the agreement uses Cairn’s standard wording (only where the law requires it or someone is at risk of serious harm)."
        autosize minRows={2} maxRows={6} maxLength={3000}
        {...form.getInputProps('confidentialityLimits')}
      />
    </Stack>
  );
}

/** Members found by name as one types; the chosen one stays listed whatever the search. */
export function MemberPicker({ orgId, label, description, value, onChange, error, required, exclude = [], placeholder = 'Search by name' }: {
  orgId: string; label: string; description?: string; value: string | null; onChange: (value: string | null, name: string | null) => void;
  error?: React.ReactNode; required?: boolean; exclude?: (string | null)[]; placeholder?: string;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const query = chosen && debounced === chosen.label ? '' : debounced.trim();
  const members = useQuery({
    queryKey: [...keys.members(orgId), 'picker', query],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/members', { params: { path: { orgId }, query: { pageSize: 20, ...(query ? { q: query } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const options = (members.data?.items ?? [])
    .filter((member) => !exclude.includes(member.personId))
    .map((member) => ({ value: member.personId, label: member.name, title: [member.title, member.department].filter(Boolean).join(' · ') }));
  if (chosen && !options.some((option) => option.value === chosen.value)) options.unshift({ ...chosen, title: '' });
  const titles = new Map(options.map((option) => [option.value, option.title]));
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      required={required}
      searchable
      clearable={!required}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map(({ value: optionValue, label: optionLabel }) => ({ value: optionValue, label: optionLabel }))}
      filter={({ options: all }) => all}
      value={value}
      onChange={(next, option) => {
        setChosen(next && option ? { value: next, label: option.label } : null);
        onChange(next, option?.label ?? null);
      }}
      nothingFoundMessage={members.isFetching ? 'Searching…' : 'Nobody by that name'}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {titles.get(option.value) && <Text size="xs" c="dimmed">{titles.get(option.value)}</Text>}
        </Stack>
      )}
      error={error}
    />
  );
}

export function coachOptionLabel(coach: Coach): string {
  if (!coach.acceptingClients) return `${coach.name} — not taking new clients`;
  if (!coach.available) return `${coach.name} — full (${coach.activeClients} of ${coach.capacity})`;
  return `${coach.name} — ${coach.capacity - coach.activeClients} of ${coach.capacity} places free`;
}

/** The coach to assign: coaches who cannot take a client are listed, but cannot be chosen. */
export function CoachSelect({ coaches, form, field = 'coachPersonId' }: { coaches: Coach[]; form: AnyForm; field?: string }) {
  return (
    <Select
      label="Coach"
      required
      searchable
      placeholder="Choose a coach"
      data={coaches.map((coach) => ({ value: coach.personId, label: coachOptionLabel(coach), disabled: !coach.available }))}
      {...form.getInputProps(field)}
    />
  );
}
