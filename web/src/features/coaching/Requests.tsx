import { Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { ProblemAlert } from '../../platform/ui/states';
import { useCoachingMutation, useRequests, type Coach, type CoachingRequest } from './api';

/** Ask for coaching: what to work on, and optionally a coach one would like. */
export function RequestCoachingModal({ opened, preferred, coaches, onClose }: { opened: boolean; preferred: Coach | null; coaches: Coach[]; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={700}>Request coaching</Text>}>
      {opened && <RequestForm preferred={preferred} coaches={coaches} onClose={onClose} />}
    </Modal>
  );
}

function RequestForm({ preferred, coaches, onClose }: { preferred: Coach | null; coaches: Coach[]; onClose: () => void }) {
  const { orgId, me } = useOrg();
  const form = useForm({
    initialValues: { topic: '', preferredCoachPersonId: preferred?.personId ?? null as string | null },
    validate: { topic: (value) => (value.trim() ? null : 'Say what you would like to work on') },
  });
  const send = useCoachingMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/coaching-requests', {
    params: { path: { orgId } },
    body: { topic: values.topic.trim(), preferredCoachPersonId: values.preferredCoachPersonId },
  })), { success: 'Request sent. An admin will assign a coach and propose an agreement.', onSuccess: onClose });
  const choices = coaches.filter((coach) => coach.personId !== me.person.id && coach.available);

  return (
    <form noValidate onSubmit={form.onSubmit((values) => send.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack>
        <Text size="sm" c="dimmed">
          Coaching suits a specific change you want to make in the next few months. An admin reads your request, assigns a coach, and proposes
          an agreement that you, your coach (and a sponsor, if there is one) each accept.
        </Text>
        <ProblemAlert error={send.error} />
        <Textarea
          label="What would you like to work on?"
          description="A few sentences are enough: the situation, and what you would like to be different"
          required autosize minRows={4} maxRows={10} maxLength={2000} data-autofocus
          {...form.getInputProps('topic')}
        />
        <Select
          label="Preferred coach (optional)"
          description="Only coaches with a free place are listed"
          placeholder="No preference"
          clearable searchable
          data={choices.map((coach) => ({ value: coach.personId, label: coach.name }))}
          {...form.getInputProps('preferredCoachPersonId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={send.isPending}>Send request</Button>
        </Group>
      </Stack>
    </form>
  );
}

const STATUS: Record<CoachingRequest['status'], { label: string; color: string }> = {
  open: { label: 'Waiting for an admin', color: 'amber' },
  assigned: { label: 'Coach assigned', color: 'cairn' },
  declined: { label: 'Declined', color: 'gray' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
};

/** The signed-in person's own requests, with Withdraw on open ones. Hidden when there are none. */
export function MyRequests({ orgId, compact = false }: { orgId: string; compact?: boolean }) {
  const { me } = useOrg();
  const format = useFormat();
  const requests = useRequests(orgId);
  const withdraw = useCoachingMutation(orgId, (request: CoachingRequest) => call(api.POST('/api/orgs/{orgId}/coaching-requests/{requestId}/withdraw', {
    params: { path: { orgId, requestId: request.id } },
  })), { success: 'Request withdrawn.', notifyErrors: true });
  // Admins receive everyone's requests from the same route; this list is one's own.
  const mine = (requests.data?.items ?? []).filter((request) => request.client.personId === me.person.id);
  const shown = compact ? mine.filter((request) => request.status === 'open' || request.status === 'assigned').slice(0, 3) : mine;
  if (shown.length === 0) return null;
  return (
    <Card padding="lg" mb="lg" component="section" aria-labelledby="my-requests">
      <Title order={2} fz="md" mb="sm" id="my-requests">Your requests</Title>
      <Stack gap="sm">
        {shown.map((request) => (
          <Group key={request.id} justify="space-between" wrap="wrap" gap="sm" p="sm" style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 'var(--mantine-radius-md)' }}>
            <Stack gap={2} style={{ flex: '1 1 320px' }} miw={0}>
              <Text size="sm" lineClamp={2}>{request.topic}</Text>
              <Text size="xs" c="dimmed">
                Sent {format.date(request.createdAt)}{request.preferredCoach && <> · preferred coach {request.preferredCoach.name}</>}
              </Text>
            </Stack>
            <Group gap="sm">
              <Badge color={STATUS[request.status].color}>{STATUS[request.status].label}</Badge>
              {request.status === 'open' && (
                <Button size="xs" variant="default" loading={withdraw.isPending && withdraw.variables?.id === request.id} onClick={() => withdraw.mutate(request)}>
                  Withdraw
                </Button>
              )}
              {request.engagementId && (
                <Anchor component={Link} to={`/orgs/${orgId}/coaching/engagements/${request.engagementId}`} size="sm">See the agreement</Anchor>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
