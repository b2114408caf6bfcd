import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call, isStatus, errorMessage } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { reloadMe } from '../../platform/api/queries';
import { PublicPage } from '../../platform/shell/PublicLayout';
import { ProblemAlert } from '../../platform/ui/states';
import { PASSWORD_MIN, passwordRule } from './SignUpPage';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: passwordRule,
      confirm: (value, values) => (value === values.password ? null : 'The two passwords differ'),
    },
  });
  const complete = useMutation({
    mutationFn: (values: typeof form.values) => call(api.POST('/api/auth/password-reset/complete', { body: { token, password: values.password } })),
    onSuccess: async () => {
      queryClient.clear();
      await reloadMe(queryClient);
      notifications.show({ color: 'cairn', title: 'Password changed', message: 'You are signed in. Other sessions were signed out.' });
      void navigate('/', { replace: true });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  const linkBroken = !token || token.length < 10 || isStatus(complete.error, 410, 404);
  return (
    <PublicPage
      title="Choose a new password"
      footer={<Anchor component={Link} to="/sign-in" size="sm">Back to sign in</Anchor>}
    >
      {linkBroken ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title="This reset link cannot be used" role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {complete.error ? errorMessage(complete.error) : 'The link is incomplete. Open the link from the email again, or ask for a new one.'}
            </Text>
            <Button component={Link} to="/forgot-password" size="xs" variant="white" color="red">Ask for a new link</Button>
          </Stack>
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => complete.mutate(values))} noValidate>
          <Stack>
            <ProblemAlert error={complete.error} />
            <PasswordInput label="New password" description={`At least ${PASSWORD_MIN} characters`} autoComplete="new-password" required {...form.getInputProps('password')} />
            <PasswordInput label="Repeat the new password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
            <Button type="submit" fullWidth loading={complete.isPending}>Set new password</Button>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
}
