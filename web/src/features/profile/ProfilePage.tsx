import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { CalendarFeedCard } from '../coaching/CalendarFeedCard';
import { keys, useMe, type Me } from '../../platform/api/queries';
import { timeZoneOptions } from '../../platform/format';
import { languageOptions } from '../../platform/languages';
import { OrgContext, type OrgContextValue } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { RoleBadges } from '../../platform/ui/RoleBadges';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';

/** Your own profile: personal details everywhere, and your title and department in this organization. */
export function ProfilePage() {
  const org = useContext(OrgContext);
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError || !me.data) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <>
      <PageHeader title="Your profile" description="What colleagues, coaches and mentors see about you." />
      <SimpleGrid cols={{ base: 1, lg: org ? 2 : 1 }} spacing="lg" maw={org ? undefined : 720}>
        <PersonalDetails me={me.data} />
        {org && (
          <Stack gap="lg">
            <OrgDetails org={org} />
            <CalendarFeedCard orgId={org.orgId} orgName={org.membership.orgName} />
          </Stack>
        )}
      </SimpleGrid>
    </>
  );
}

function PersonalDetails({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: me.person.name, timeZone: me.person.timeZone, languages: me.person.languages, bio: me.person.bio },
    validate: { name: (value) => (value.trim() ? null : 'Enter your name') },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => call(api.PATCH('/api/me', { body: { ...values, name: values.name.trim() } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.me, updated);
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      form.resetDirty({ name: updated.person.name, timeZone: updated.person.timeZone, languages: updated.person.languages, bio: updated.person.bio });
      notifications.show({ color: 'cairn', title: 'Profile saved', message: 'Your personal details are up to date.' });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Card padding="lg">
      <Title order={2} fz="lg" mb={4}>Personal details</Title>
      <Text size="sm" c="dimmed" mb="md">Shared by all your organizations.</Text>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <ProblemAlert error={save.error} />
          <TextInput label="Name" required autoComplete="name" {...form.getInputProps('name')} />
          <TextInput label="Email" value={me.person.email} readOnly description="The address you sign in with" />
          <Select
            label="Time zone"
            description="Dates, sessions and reminders are shown in this zone"
            searchable
            allowDeselect={false}
            data={timeZoneOptions(form.values.timeZone)}
            {...form.getInputProps('timeZone')}
          />
          <MultiSelect
            label="Languages"
            description="Languages you can coach, mentor or be coached in (up to 10)"
            searchable
            maxValues={10}
            data={languageOptions(form.values.languages)}
            {...form.getInputProps('languages')}
          />
          <Textarea label="About you" description="A few lines on your background and what you are looking for" autosize minRows={3} maxRows={10} maxLength={2000} {...form.getInputProps('bio')} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>Save personal details</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function OrgDetails({ org }: { org: OrgContextValue }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { title: org.membership.title, department: org.membership.department } });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.PATCH('/api/orgs/{orgId}/members/{personId}', { params: { path: { orgId: org.orgId, personId: org.me.person.id } }, body: { title: values.title.trim(), department: values.department.trim() } })),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: keys.me });
      void queryClient.invalidateQueries({ queryKey: keys.members(org.orgId) });
      form.resetDirty({ title: updated.title, department: updated.department });
      notifications.show({ color: 'cairn', title: 'Saved', message: `Your position in ${org.membership.orgName} is up to date.` });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Card padding="lg">
      <Title order={2} fz="lg" mb={4}>In {org.membership.orgName}</Title>
      <Group gap="xs" mb="md"><Text size="sm" c="dimmed">Your roles:</Text><RoleBadges roles={org.roles} /></Group>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <ProblemAlert error={save.error} />
          <TextInput label="Title" maxLength={200} {...form.getInputProps('title')} />
          <TextInput label="Department" maxLength={200} {...form.getInputProps('department')} />
          <Text size="xs" c="dimmed">Admins manage roles and reporting lines.</Text>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>Save</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
