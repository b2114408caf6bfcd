import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schema } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { keys } from '../../platform/api/queries';
import { useFormat, timeZoneOptions } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';

export function OrgSettingsPage() {
  const { orgId } = useOrg();
  const org = useQuery({ queryKey: keys.org(orgId), queryFn: () => call(api.GET('/api/orgs/{orgId}', { params: { path: { orgId } } })) });
  return (
    <>
      <PageHeader title="Organization settings" description="The name people see and the time zone new members start with." />
      {org.isPending ? <Loading /> : org.isError ? <LoadError error={org.error} onRetry={() => void org.refetch()} /> : <SettingsForm org={org.data} key={org.data.id} />}
    </>
  );
}

function SettingsForm({ org }: { org: Schema<'Organization'> }) {
  const queryClient = useQueryClient();
  const format = useFormat();
  const form = useForm({
    initialValues: { name: org.name, defaultTimeZone: org.defaultTimeZone },
    validate: { name: (value) => (value.trim() ? null : 'Give the organization a name') },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.PATCH('/api/orgs/{orgId}', { params: { path: { orgId: org.id } }, body: { name: values.name.trim(), defaultTimeZone: values.defaultTimeZone } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.org(org.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.me });
      form.resetDirty({ name: updated.name, defaultTimeZone: updated.defaultTimeZone });
      notifications.show({ color: 'cairn', title: 'Settings saved', message: `${updated.name} is up to date.` });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Card padding="lg" maw={640}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <ProblemAlert error={save.error} />
          <TextInput label="Organization name" required maxLength={200} {...form.getInputProps('name')} />
          <Select
            label="Default time zone"
            description="Used for people and schedules that have no time zone of their own"
            searchable
            allowDeselect={false}
            data={timeZoneOptions(form.values.defaultTimeZone)}
            {...form.getInputProps('defaultTimeZone')}
          />
          <Text size="xs" c="dimmed">Created {format.date(org.createdAt)}</Text>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>Save settings</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
