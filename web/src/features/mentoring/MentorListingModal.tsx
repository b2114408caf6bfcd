import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useOrg } from '../../platform/shell/org-context';
import { Loading, ProblemAlert } from '../../platform/ui/states';
import { useMentoringMutation, useMentors, useSkills, type MentorListing } from './api';

/** "Offer to mentor" (people with the mentor role): expertise, what to ask about, availability, capacity, pause. */
export function MentorListingModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { orgId, me } = useOrg();
  const mentors = useMentors(orgId);
  const mine = mentors.data?.items.find((mentor) => mentor.personId === me.person.id) ?? null;
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={700}>{mine ? 'Your offer to mentor' : 'Offer to mentor'}</Text>}>
      {opened && (mentors.isPending ? <Loading /> : <ListingForm current={mine} onClose={onClose} />)}
    </Modal>
  );
}

function ListingForm({ current, onClose }: { current: MentorListing | null; onClose: () => void }) {
  const { orgId } = useOrg();
  const skills = useSkills(orgId);
  const form = useForm({
    initialValues: {
      expertise: current?.expertise ?? [],
      askMeAbout: current?.askMeAbout ?? '',
      availability: current?.availability ?? '',
      capacity: current?.capacity ?? 2,
      paused: current?.paused ?? false,
    },
    validate: {
      expertise: (value) => (value.length ? null : 'Name at least one area you can help with'),
      capacity: (value) => (typeof value === 'number' && value >= 0 && value <= 20 ? null : 'Between 0 and 20'),
    },
  });
  const save = useMentoringMutation(orgId, (values: typeof form.values) => call(api.PUT('/api/orgs/{orgId}/mentoring/mentor-listing', {
    params: { path: { orgId } },
    body: { expertise: values.expertise, askMeAbout: values.askMeAbout.trim(), availability: values.availability.trim(), capacity: Number(values.capacity), paused: values.paused },
  })), { success: current ? 'Your offer is updated.' : 'You now appear in the mentor directory.', onSuccess: onClose });
  const remove = useMentoringMutation(orgId, () => call(api.DELETE('/api/orgs/{orgId}/mentoring/mentor-listing', { params: { path: { orgId } } })), {
    success: 'You no longer appear in the mentor directory. Your relationships go on.', onSuccess: onClose, notifyErrors: true,
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack>
        <Text size="sm" c="dimmed">
          Colleagues find you in the mentor directory and ask you directly. You accept or kindly decline each request; nobody is assigned to you.
        </Text>
        <ProblemAlert error={save.error} />
        <TagsInput
          label="Expertise" description="Press Enter after each; pick from the shared list or add your own (up to 20)" required maxTags={20}
          data={skills.data?.items ?? []} data-autofocus {...form.getInputProps('expertise')}
        />
        <Textarea label="Ask me about" description="The questions you love to be asked, the paths you have walked" autosize minRows={3} maxRows={8} maxLength={2000}
          {...form.getInputProps('askMeAbout')} />
        <TextInput label="Availability" description="When and how you like to meet, e.g. “Tuesday mornings, video or coffee”" maxLength={300} {...form.getInputProps('availability')} />
        <NumberInput label="Capacity" description="How many mentees you take at once, outside programs" min={0} max={20} allowDecimal={false} w={200} {...form.getInputProps('capacity')} />
        <Switch label="Pause new requests" description="You stay listed, marked as not taking mentees for now" {...form.getInputProps('paused', { type: 'checkbox' })} />
        {current && current.activeMentees > 0 && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            You mentor {current.activeMentees} {current.activeMentees === 1 ? 'person' : 'people'} outside programs now. Changing your offer does not end any relationship.
          </Alert>
        )}
        <Group justify="space-between">
          {current ? <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(undefined)}>Stop offering</Button> : <span />}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>{current ? 'Save' : 'Offer to mentor'}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
