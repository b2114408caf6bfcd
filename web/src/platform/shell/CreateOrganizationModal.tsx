import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { showFieldErrors } from '../api/forms';
import { keys } from '../api/queries';
import { browserTimeZone, timeZoneOptions } from '../format';
import { ProblemAlert } from '../ui/states';

export function CreateOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', defaultTimeZone: browserTimeZone() },
    validate: { name: (value) => (value.trim() ? null : 'Give the organization a name') },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) => call(api.POST('/api/orgs', { body: { name: values.name.trim(), defaultTimeZone: values.defaultTimeZone } })),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: keys.me });
      notifications.show({ color: 'cairn', title: 'Organization created', message: `You are the admin of ${org.name}.` });
      form.reset();
      onClose();
      void navigate(`/orgs/${org.id}`);
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Create an organization">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">A separate space with its own members, programs and settings. You will be its admin.</Text>
          <ProblemAlert error={create.error} />
          <TextInput label="Organization name" required data-autofocus {...form.getInputProps('name')} />
          <Select label="Default time zone" searchable data={timeZoneOptions(form.values.defaultTimeZone)} allowDeselect={false} {...form.getInputProps('defaultTimeZone')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create organization</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
