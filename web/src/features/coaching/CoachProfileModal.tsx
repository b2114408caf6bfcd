import { Button, Group, Modal, NumberInput, Radio, Stack, Switch, TagsInput, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useOrg } from '../../platform/shell/org-context';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { coachingKeys, useCoachingMutation, type Coach } from './api';

/** A coach keeps their own directory profile: specialties, approach, credentials, capacity. */
export function CoachProfileModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { orgId, me } = useOrg();
  const profile = useQuery({
    queryKey: [...coachingKeys.all(orgId), 'coach', me.person.id],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/coaches/{personId}', { params: { path: { orgId, personId: me.person.id } } })),
    enabled: opened,
  });
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={700}>Your coach profile</Text>}>
      {profile.isPending ? <Loading /> : profile.isError ? <LoadError error={profile.error} onRetry={() => void profile.refetch()} /> : (
        <ProfileForm coach={profile.data} onClose={onClose} />
      )}
    </Modal>
  );
}

function ProfileForm({ coach, onClose }: { coach: Coach; onClose: () => void }) {
  const { orgId } = useOrg();
  const form = useForm({
    initialValues: {
      specialties: coach.specialties, approach: coach.approach, credentialsSummary: coach.credentialsSummary, kind: coach.kind,
      capacity: coach.capacity as number | string, acceptingClients: coach.acceptingClients,
    },
    validate: { capacity: (value) => (Number(value) >= 0 && Number(value) <= 200 ? null : 'Between 0 and 200 clients') },
  });
  const save = useCoachingMutation(orgId, (values: typeof form.values) => call(api.PUT('/api/orgs/{orgId}/coach-profile', {
    params: { path: { orgId } },
    body: {
      specialties: values.specialties.map((value) => value.trim()).filter(Boolean), approach: values.approach.trim(),
      credentialsSummary: values.credentialsSummary.trim(), kind: values.kind, capacity: Number(values.capacity), acceptingClients: values.acceptingClients,
    },
  })), { success: 'Your coach profile is saved.', onSuccess: onClose });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack>
        <Text size="sm" c="dimmed">Everyone in the organization sees this in the coach directory. Your name, languages and time zone come from your personal profile.</Text>
        <ProblemAlert error={save.error} />
        <TagsInput label="Specialties" description="Press Enter after each (up to 20)" maxTags={20} {...form.getInputProps('specialties')} />
        <Textarea label="Your approach" description="How you work with clients, in a few sentences" autosize minRows={3} maxRows={8} maxLength={3000} {...form.getInputProps('approach')} />
        <Textarea label="Credentials" description="E.g. ICF PCC, EMCC Senior Practitioner, years of practice" autosize minRows={2} maxRows={4} maxLength={1000} {...form.getInputProps('credentialsSummary')} />
        <Radio.Group label="You are" {...form.getInputProps('kind')}>
          <Group mt="xs">
            <Radio value="internal" label="An internal coach" />
            <Radio value="external" label="An external coach" />
          </Group>
        </Radio.Group>
        <NumberInput label="Capacity" description="How many clients you can coach at the same time" min={0} max={200} allowDecimal={false} {...form.getInputProps('capacity')} />
        <Switch label="Taking new clients" description={`You coach ${coach.activeClients} client${coach.activeClients === 1 ? '' : 's'} now`} {...form.getInputProps('acceptingClients', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save profile</Button>
        </Group>
      </Stack>
    </form>
  );
}
