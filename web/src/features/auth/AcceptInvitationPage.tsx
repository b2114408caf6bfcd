import { Alert, Anchor, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconClockX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call, errorMessage, isStatus } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { reloadMe, useMe, type Me } from '../../platform/api/queries';
import { useFormat } from '../../platform/format';
import { ROLE_LABELS } from '../../platform/roles';
import { useSignOut } from '../../platform/shell/PersonMenu';
import { PublicPage } from '../../platform/shell/PublicLayout';
import { LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { PASSWORD_MIN, passwordRule } from './SignUpPage';

type Preview = Awaited<ReturnType<typeof loadPreview>>;

const loadPreview = (token: string) => call(api.GET('/api/invitations/{token}', { params: { path: { token } } }));

function Notice({ color, icon, title, children }: { color: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Alert color={color} variant="light" icon={icon} title={title} role={color === 'red' ? 'alert' : 'status'}>
      <Stack gap="sm" align="flex-start">{children}</Stack>
    </Alert>
  );
}

/** /invitations/:token — what the invitation offers, and the way to accept it for whoever opens it. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const preview = useQuery({ queryKey: ['invitation', token], queryFn: () => loadPreview(token), retry: false });
  const me = useMe();

  if (preview.isPending || me.isPending) return <Loading minHeight="100vh" label="Opening your invitation…" />;
  if (preview.isError) {
    return (
      <PublicPage title="Invitation">
        {isStatus(preview.error, 404, 400) ? (
          <Notice color="red" icon={<IconAlertTriangle size={20} aria-hidden />} title="This invitation link is not valid">
            <Text size="sm">Check that you opened the whole link from the email, or ask the person who invited you to send a new one.</Text>
          </Notice>
        ) : (
          <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        )}
      </PublicPage>
    );
  }
  return <InvitationCard token={token} invitation={preview.data} me={me.data ?? null} />;
}

function InvitationCard({ token, invitation, me }: { token: string; invitation: Preview; me: Me | null }) {
  const format = useFormat();
  const roles = (
    <Group gap={6}>{invitation.roles.map((role) => <Badge key={role}>{ROLE_LABELS[role]}</Badge>)}</Group>
  );
  const subtitle = (
    <>
      <strong>{invitation.invitedByName}</strong> invited <strong>{invitation.email}</strong> to join <strong>{invitation.orgName}</strong> on Cairn.
    </>
  );
  const title = `Join ${invitation.orgName}`;

  if (invitation.state === 'accepted') {
    const member = me?.memberships.find((membership) => membership.orgName === invitation.orgName);
    return (
      <PublicPage title={title} subtitle={subtitle}>
        <Notice color="cairn" icon={<IconCircleCheck size={20} aria-hidden />} title="This invitation has already been accepted">
          <Text size="sm">Sign in as {invitation.email} to enter {invitation.orgName}.</Text>
          <Button component={Link} to={member ? `/orgs/${member.orgId}` : `/sign-in?email=${encodeURIComponent(invitation.email)}`} size="xs">
            {member ? `Go to ${invitation.orgName}` : 'Sign in'}
          </Button>
        </Notice>
      </PublicPage>
    );
  }
  if (invitation.state === 'revoked' || invitation.state === 'expired') {
    return (
      <PublicPage title={title} subtitle={subtitle}>
        <Notice color="red" icon={<IconClockX size={20} aria-hidden />} title={invitation.state === 'expired' ? 'This invitation has expired' : 'This invitation was withdrawn'}>
          <Text size="sm">
            {invitation.state === 'expired' ? `It was valid until ${format.dateTime(invitation.expiresAt)}.` : 'An admin withdrew it, or sent a newer one.'}{' '}
            Ask {invitation.invitedByName} or another admin of {invitation.orgName} for a new invitation.
          </Text>
        </Notice>
      </PublicPage>
    );
  }
  return (
    <PublicPage title={title} subtitle={subtitle} width={480}>
      <Stack gap="md">
        <Group gap="xs"><Text size="sm" c="dimmed">Your roles:</Text>{roles}</Group>
        <Text size="sm" c="dimmed">This invitation is valid until {format.dateTime(invitation.expiresAt)}.</Text>
        <AcceptForm token={token} invitation={invitation} me={me} />
      </Stack>
    </PublicPage>
  );
}

function AcceptForm({ token, invitation, me }: { token: string; invitation: Preview; me: Me | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut(`/invitations/${token}`);
  const mode: 'signedIn' | 'wrongAccount' | 'existing' | 'new' =
    me ? (me.person.email.toLowerCase() === invitation.email.toLowerCase() ? 'signedIn' : 'wrongAccount') : invitation.accountExists ? 'existing' : 'new';

  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (value) => (mode === 'new' && !value.trim() ? 'Enter your name' : null),
      password: (value) => (mode === 'new' ? passwordRule(value) : mode === 'existing' && !value ? 'Enter your password' : null),
    },
  });
  const accept = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.POST('/api/invitations/{token}/accept', {
        params: { path: { token } },
        body: mode === 'new' ? { name: values.name.trim(), password: values.password } : mode === 'existing' ? { password: values.password } : {},
      })),
    onSuccess: async (result) => {
      queryClient.removeQueries({ queryKey: ['invitation', token] });
      await reloadMe(queryClient);
      notifications.show({ color: 'cairn', title: `Welcome to ${invitation.orgName}`, message: 'You have joined the organization.' });
      void navigate(`/orgs/${result.orgId}`, { replace: true });
    },
    onError: (error) => {
      showFieldErrors(form, error);
      if (isStatus(error, 409, 410)) void queryClient.invalidateQueries({ queryKey: ['invitation', token] });
    },
  });

  if (mode === 'wrongAccount') {
    return (
      <Notice color="amber" icon={<IconAlertTriangle size={20} aria-hidden />} title="You are signed in as someone else">
        <Text size="sm">
          You are signed in as <strong>{me!.person.email}</strong>, but this invitation is for <strong>{invitation.email}</strong>.
          Sign out, then open the link again to accept it as {invitation.email}.
        </Text>
        <Button size="xs" variant="default" onClick={() => void signOut()}>Sign out</Button>
      </Notice>
    );
  }

  const gone = isStatus(accept.error, 410, 409);
  return (
    <form onSubmit={form.onSubmit((values) => accept.mutate(values))} noValidate>
      <Stack>
        {gone ? (
          <Notice color="red" icon={<IconClockX size={20} aria-hidden />} title="This invitation can no longer be accepted">
            <Text size="sm">{errorMessage(accept.error)}</Text>
          </Notice>
        ) : (
          <ProblemAlert error={accept.error} />
        )}
        {mode === 'signedIn' && <Text size="sm">You are signed in as {me!.person.email}.</Text>}
        {mode === 'existing' && (
          <>
            <Text size="sm">You already have a Cairn account for {invitation.email}. Enter its password to accept.</Text>
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            <Anchor component={Link} to="/forgot-password" size="sm">Forgot your password?</Anchor>
          </>
        )}
        {mode === 'new' && (
          <>
            <Text size="sm">Create your account for <strong>{invitation.email}</strong>.</Text>
            <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
            <PasswordInput label="Choose a password" description={`At least ${PASSWORD_MIN} characters`} autoComplete="new-password" required {...form.getInputProps('password')} />
          </>
        )}
        <Button type="submit" fullWidth loading={accept.isPending} disabled={gone}>
          {mode === 'new' ? 'Create account and join' : `Join ${invitation.orgName}`}
        </Button>
      </Stack>
    </form>
  );
}
