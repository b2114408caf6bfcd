import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { reloadMe, useMe } from '../../platform/api/queries';
import { PublicPage } from '../../platform/shell/PublicLayout';
import { Loading, ProblemAlert } from '../../platform/ui/states';

/** Only paths inside this site are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: params.get('email') ?? '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });
  const signIn = useMutation({
    mutationFn: (values: typeof form.values) => call(api.POST('/api/auth/login', { body: { email: values.email.trim(), password: values.password } })),
    onSuccess: async () => {
      queryClient.clear();
      await reloadMe(queryClient);
      void navigate(next, { replace: true });
    },
    onError: (error) => {
      showFieldErrors(form, error);
      form.setFieldValue('password', '');
    },
  });

  if (me.isPending) return <Loading minHeight="100vh" />;
  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  return (
    <PublicPage
      title="Sign in to Cairn"
      subtitle="Coaching and mentoring, in one place."
      footer={(
        <>
          New to Cairn? <Anchor component={Link} to="/sign-up" size="sm">Create an account</Anchor>
          <br />
          Not sure whether you need a coach or a mentor? <Anchor component={Link} to="/fit" size="sm">Take the fit guide</Anchor>
        </>
      )}
    >
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack>
          <ProblemAlert error={signIn.error} />
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Group justify="flex-end" mt={-6}>
            <Anchor component={Link} to="/forgot-password" size="sm">Forgot your password?</Anchor>
          </Group>
          <Button type="submit" fullWidth loading={signIn.isPending}>Sign in</Button>
        </Stack>
      </form>
    </PublicPage>
  );
}
