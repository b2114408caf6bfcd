import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Role } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { keys } from '../../platform/api/queries';
import { ROLE_OPTIONS } from '../../platform/roles';
import { ProblemAlert } from '../../platform/ui/states';

/** Invite someone by email: they receive a link that works for seven days. */
export function InviteModal({ orgId, orgName, opened, onClose }: { orgId: string; orgName: string; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: '', roles: ['member'] as Role[], message: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address'),
      roles: (value) => (value.length > 0 ? null : 'Choose at least one role'),
    },
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.POST('/api/orgs/{orgId}/invitations', {
        params: { path: { orgId } },
        body: { email: values.email.trim(), roles: values.roles, ...(values.message.trim() ? { message: values.message.trim() } : {}) },
      })),
    onSuccess: (invitation) => {
      void queryClient.invalidateQueries({ queryKey: keys.invitations(orgId) });
      void queryClient.invalidateQueries({ queryKey: keys.outbox(orgId) });
      notifications.show({ color: 'cairn', title: 'Invitation sent', message: `${invitation.email} can now join ${orgName}.` });
      close();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const close = () => {
    form.reset();
    invite.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={`Invite someone to ${orgName}`} size="lg">
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">They receive an email with a link to join. The link works for 7 days; a new invitation to the same address replaces it.</Text>
          <ProblemAlert error={invite.error} />
          <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps('email')} />
          <MultiSelect label="Roles" required searchable data={ROLE_OPTIONS} {...form.getInputProps('roles')} comboboxProps={{ withinPortal: true }} />
          <Textarea label="Personal message" description="Optional; included in the email" autosize minRows={2} maxRows={6} maxLength={1000} {...form.getInputProps('message')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={invite.isPending}>Send invitation</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
