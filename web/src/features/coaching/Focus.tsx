import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { ProblemAlert } from '../../platform/ui/states';
import { useCoachingMutation } from './api';

/** The client chooses what a session is about; the coach reads it beforehand. */
export function FocusForm({ orgId, sessionId, current, onDone, autoFocus = false, label = 'Focus for this session' }: {
  orgId: string; sessionId: string; current: string | null; onDone?: () => void; autoFocus?: boolean; label?: string;
}) {
  const form = useForm({
    initialValues: { focus: current ?? '' },
    validate: { focus: (value) => (value.trim() ? null : 'Write what you want to work on') },
  });
  const save = useCoachingMutation(orgId, (focus: string) => call(api.PUT('/api/orgs/{orgId}/sessions/{sessionId}/focus', {
    params: { path: { orgId, sessionId } }, body: { focus },
  })), { success: 'Focus saved. Your coach will see it before the session.', onSuccess: () => onDone?.() });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values.focus.trim(), { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack gap="sm">
        <ProblemAlert error={save.error} />
        <Textarea
          label={label}
          description="What do you want to work on, and what would make this session worth your time?"
          placeholder="e.g. Preparing the conversation with my director about the team’s workload"
          autosize minRows={2} maxRows={6} maxLength={2000}
          data-autofocus={autoFocus || undefined}
          {...form.getInputProps('focus')}
        />
        <Group justify="flex-end" gap="xs">
          {onDone && current && <Button variant="default" onClick={onDone}>Cancel</Button>}
          <Button type="submit" loading={save.isPending}>{current ? 'Save focus' : 'Set focus'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FocusText({ focus }: { focus: string | null }) {
  if (!focus) return <Text size="sm" c="dimmed">No focus set yet.</Text>;
  return <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{focus}</Text>;
}
