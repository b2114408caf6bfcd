import { Button, Divider, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { useCoachingMutation, useCoaches, type Coach, type CoachingRequest } from './api';
import { CoachSelect, MemberPicker, newTerms, TERMS_ALIASES, TermsFields, termsValidation, toTerms, type TermsValues } from './AgreementForm';
import { todayIn } from './time';

type ProposalValues = TermsValues & {
  coachPersonId: string | null;
  clientPersonId: string | null;
  sponsorPersonId: string | null;
  title: string;
};

function useProposalForm(initial: Partial<ProposalValues>, needsClient: boolean) {
  const format = useFormat();
  return useForm<ProposalValues>({
    initialValues: { ...newTerms(todayIn(format.timeZone)), coachPersonId: null, clientPersonId: null, sponsorPersonId: null, title: '', ...initial },
    validate: {
      ...termsValidation,
      sponsorVisibility: (value, values) => (values.sponsorPersonId && !value ? 'Choose what the sponsor may see' : null),
      coachPersonId: (value) => (value ? null : 'Choose a coach'),
      clientPersonId: (value) => (!needsClient || value ? null : 'Choose the client'),
      title: (value) => (!needsClient || value.trim() ? null : 'Give the engagement a short title'),
    },
  });
}

/** An admin answers a coaching request: a coach, an optional sponsor, and the agreement's terms. */
export function AssignRequestModal({ request, onClose }: { request: CoachingRequest | null; onClose: () => void }) {
  return (
    <Modal opened={Boolean(request)} onClose={onClose} size="xl" title={<Text fw={700}>Assign a coach</Text>}>
      {request && <AssignForm request={request} onClose={onClose} />}
    </Modal>
  );
}

function AssignForm({ request, onClose }: { request: CoachingRequest; onClose: () => void }) {
  const { orgId } = useOrg();
  const coaches = useCoaches(orgId);
  if (coaches.isPending) return <Loading label="Loading coaches…" />;
  if (coaches.isError) return <LoadError error={coaches.error} onRetry={() => void coaches.refetch()} />;
  return <AssignFormWith coaches={coaches.data.items} request={request} onClose={onClose} />;
}

function AssignFormWith({ request, coaches, onClose }: { request: CoachingRequest; coaches: Coach[]; onClose: () => void }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  // The coach the client asked for is chosen already, when they can take a client.
  const preferred = coaches.find((coach) => coach.personId === request.preferredCoach?.personId && coach.available);
  const form = useProposalForm({ title: request.topic.slice(0, 200), coachPersonId: preferred?.personId ?? null }, false);
  const assign = useCoachingMutation(orgId, (values: ProposalValues) => call(api.POST('/api/orgs/{orgId}/coaching-requests/{requestId}/assign', {
    params: { path: { orgId, requestId: request.id } },
    body: {
      coachPersonId: values.coachPersonId!, sponsorPersonId: values.sponsorPersonId, title: values.title.trim() || undefined,
      agreement: toTerms(values, Boolean(values.sponsorPersonId)),
    },
  })), {
    success: 'Coach assigned. The engagement is proposed: each party now reads and accepts the agreement.',
    onSuccess: (answer) => {
      onClose();
      if (answer.engagementId) void navigate(`/orgs/${orgId}/coaching/engagements/${answer.engagementId}`);
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => assign.mutate(values, { onError: (error) => showFieldErrors(form, error, TERMS_ALIASES) }))}>
      <Stack gap="md">
        <Stack gap={4} p="sm" bg="stone.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">{request.client.name} asked for coaching</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{request.topic}</Text>
          {request.preferredCoach && <Text size="xs" c="dimmed">Would like to work with {request.preferredCoach.name}</Text>}
        </Stack>
        <ProblemAlert error={assign.error} />
        <PartiesFields form={form} orgId={orgId} coaches={coaches} clientId={request.client.personId} />
        <TextInput label="Title" description="How the engagement is named in lists" maxLength={200} {...form.getInputProps('title')} />
        <Divider label="Agreement" labelPosition="left" />
        <TermsFields form={form} hasSponsor={Boolean(form.values.sponsorPersonId)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={assign.isPending}>Assign and propose the agreement</Button>
        </Group>
      </Stack>
    </form>
  );
}

function PartiesFields({ form, orgId, coaches, clientId }: { form: ReturnType<typeof useProposalForm>; orgId: string; coaches: Coach[]; clientId: string | null }) {
  const values = form.getValues();
  return (
    <Stack gap="sm">
      <CoachSelect coaches={coaches.filter((coach) => coach.personId !== clientId)} form={form} />
      <MemberPicker
        orgId={orgId}
        label="Sponsor (optional)"
        description="The client’s manager or HR. A sponsor accepts the agreement too, and sees only what it shares."
        value={values.sponsorPersonId}
        onChange={(value) => form.setFieldValue('sponsorPersonId', value)}
        exclude={[clientId, values.coachPersonId]}
        error={form.errors.sponsorPersonId}
      />
    </Stack>
  );
}

/** An admin proposes an engagement without a request: coach, client, optional sponsor, the terms. */
export function ProposeEngagementModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={700}>Propose an engagement</Text>}>
      {opened && <ProposeForm onClose={onClose} />}
    </Modal>
  );
}

function ProposeForm({ onClose }: { onClose: () => void }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const coaches = useCoaches(orgId);
  const form = useProposalForm({}, true);
  const propose = useCoachingMutation(orgId, (values: ProposalValues) => call(api.POST('/api/orgs/{orgId}/engagements', {
    params: { path: { orgId } },
    body: {
      coachPersonId: values.coachPersonId!, clientPersonId: values.clientPersonId!, sponsorPersonId: values.sponsorPersonId,
      title: values.title.trim(), agreement: toTerms(values, Boolean(values.sponsorPersonId)),
    },
  })), {
    success: 'Engagement proposed: each party now reads and accepts the agreement.',
    onSuccess: (engagement) => {
      onClose();
      void navigate(`/orgs/${orgId}/coaching/engagements/${engagement.id}`);
    },
  });

  if (coaches.isPending) return <Loading label="Loading coaches…" />;
  if (coaches.isError) return <LoadError error={coaches.error} onRetry={() => void coaches.refetch()} />;
  const values = form.getValues();
  return (
    <form noValidate onSubmit={form.onSubmit((submitted) => propose.mutate(submitted, { onError: (error) => showFieldErrors(form, error, TERMS_ALIASES) }))}>
      <Stack gap="md">
        <ProblemAlert error={propose.error} />
        <Title order={3} fz="sm">Who takes part</Title>
        <MemberPicker
          orgId={orgId}
          label="Client"
          required
          value={values.clientPersonId}
          onChange={(value) => form.setFieldValue('clientPersonId', value)}
          exclude={[values.coachPersonId, values.sponsorPersonId]}
          error={form.errors.clientPersonId}
        />
        <PartiesFields form={form} orgId={orgId} coaches={coaches.data.items} clientId={values.clientPersonId} />
        <TextInput label="Title" required description="How the engagement is named in lists, e.g. “Leading the new platform team”" maxLength={200} {...form.getInputProps('title')} />
        <Divider label="Agreement" labelPosition="left" />
        <TermsFields form={form} hasSponsor={Boolean(values.sponsorPersonId)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={propose.isPending}>Propose the engagement</Button>
        </Group>
      </Stack>
    </form>
  );
}
