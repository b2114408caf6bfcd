import { Anchor, Button, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { reloadMe, useMe } from '../../platform/api/queries';
import { browserTimeZone, timeZoneOptions } from '../../platform/format';
import { PublicPage } from '../../platform/shell/PublicLayout';
import { Loading, ProblemAlert } from '../../platform/ui/states';

export const PASSWORD_MIN = 10;

export const passwordRule = (value: string) => (value.length >= PASSWORD_MIN ? null : `Use at least ${PASSWORD_MIN} characters`);

export function SignUpPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', organizationName: '', timeZone: browserTimeZone() },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address'),
      password: passwordRule,
      organizationName: (value) => (value.trim() ? null : 'Name your organization'),
    },
  });
  const signUp = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.POST('/api/auth/signup', {
        body: { name: values.name.trim(), email: values.email.trim(), password: values.password, organizationName: values.organizationName.trim(), timeZone: values.timeZone },
      })),
    onSuccess: async (result) => {
      queryClient.clear();
      await reloadMe(queryClient);
      void navigate(`/orgs/${result.orgId}`, { replace: true });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  if (me.isPending) return <Loading minHeight="100vh" />;
  if (me.data && !signUp.isPending && !signUp.isSuccess) return <Navigate to="/" replace />;

  return (
    <PublicPage
      title="Create your Cairn account"
      subtitle="Set up an organization for your coaching and mentoring. You will be its admin and can invite colleagues next."
      footer={<>Already have an account? <Anchor component={Link} to="/sign-in" size="sm">Sign in</Anchor></>}
      width={480}
    >
      <form onSubmit={form.onSubmit((values) => signUp.mutate(values))} noValidate>
        <Stack>
          <ProblemAlert error={signUp.error} />
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label="Work email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN} characters. A short sentence is easy to remember.`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <TextInput label="Organization name" description="Your company, team or coaching practice" required {...form.getInputProps('organizationName')} />
          <Select
            label="Time zone"
            description="Used for your sessions and reminders; detected from this browser"
            searchable
            allowDeselect={false}
            data={timeZoneOptions(form.values.timeZone)}
            {...form.getInputProps('timeZone')}
          />
          <Button type="submit" fullWidth loading={signUp.isPending} mt="xs">Create account</Button>
          <Text size="xs" c="dimmed" ta="center">Cairn is open source. Your data stays on the server your organization runs.</Text>
        </Stack>
      </form>
    </PublicPage>
  );
}
