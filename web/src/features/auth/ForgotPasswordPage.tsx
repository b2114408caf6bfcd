import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { PublicPage } from '../../platform/shell/PublicLayout';
import { ProblemAlert } from '../../platform/ui/states';

export function ForgotPasswordPage() {
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter your email address') },
  });
  const request = useMutation({
    mutationFn: (values: typeof form.values) => call(api.POST('/api/auth/password-reset', { body: { email: values.email.trim() } })),
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <PublicPage
      title="Reset your password"
      subtitle="Enter the email you sign in with and we will send you a link to choose a new password."
      footer={<Anchor component={Link} to="/sign-in" size="sm">Back to sign in</Anchor>}
    >
      {request.isSuccess ? (
        <Alert color="cairn" variant="light" icon={<IconMailCheck size={20} aria-hidden />} title="Check your email" role="status">
          <Text size="sm">
            If an account exists for <strong>{request.variables.email.trim()}</strong>, we emailed a link to reset its password.
            The link works once, for one hour.
          </Text>
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values))} noValidate>
          <Stack>
            <ProblemAlert error={request.error} />
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" fullWidth loading={request.isPending}>Email me a reset link</Button>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
}
