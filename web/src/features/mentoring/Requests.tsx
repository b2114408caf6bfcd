import { Button, Card, Group, Modal, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { ProblemAlert } from '../../platform/ui/states';
import { useMentoringMutation, useRelationships, type DeclineReason, type MentorListing, type OpenRequest, type Relationship } from './api';
import { DECLINE_REASON_KEYS, DECLINE_REASONS, declineText } from './labels';
import { PersonLine, StateBadge } from './ui';

/** Who is asked: a listed mentor, or a suggested one (whose listing the suggestion does not carry). */
type AskedMentor = Pick<MentorListing, 'personId' | 'name'> & { askMeAbout?: string };

/**
 * "Ask to be mentored": a short message to one mentor; the request stays open for 14 days. From a
 * program's suggestions it names the program and says why the mentor was suggested.
 */
export function AskMentorModal({ mentor, programId, why, onClose }: { mentor: AskedMentor | null; programId?: string; why?: string; onClose: () => void }) {
  return (
    <Modal opened={Boolean(mentor)} onClose={onClose} size="lg" title={<Text fw={700}>Ask {mentor?.name ?? 'a mentor'} to mentor you</Text>}>
      {mentor && <AskForm mentor={mentor} programId={programId} why={why} onClose={onClose} />}
    </Modal>
  );
}

function AskForm({ mentor, programId, why, onClose }: { mentor: AskedMentor; programId?: string; why?: string; onClose: () => void }) {
  const { orgId } = useOrg();
  const form = useForm({
    initialValues: { message: '' },
    validate: { message: (value) => (value.trim() ? null : 'Write a few words to introduce yourself') },
  });
  const send = useMentoringMutation(orgId, (values: typeof form.values) => call(api.POST('/api/orgs/{orgId}/mentoring/requests', {
    params: { path: { orgId } }, body: { mentorPersonId: mentor.personId, message: values.message.trim(), ...(programId ? { programId } : {}) },
  })), { success: `Request sent to ${mentor.name}. They have 14 days to answer.`, onSuccess: onClose });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => send.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack>
        <Text size="sm" c="dimmed">
          Say who you are, what you would like to talk about, and why {mentor.name.split(/\s+/)[0]}. Mentoring is a conversation
          between colleagues: there is no contract, and either of you may bring it to a close later without fault.
        </Text>
        {why && <Text size="sm">{why}</Text>}
        {mentor.askMeAbout && (
          <Card padding="sm" bg="stone.0">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>Ask me about</Text>
            <Text size="sm">{mentor.askMeAbout}</Text>
          </Card>
        )}
        <ProblemAlert error={send.error} />
        <Textarea label="Your message" required autosize minRows={4} maxRows={10} maxLength={2000} data-autofocus {...form.getInputProps('message')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={send.isPending}>Send request</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The mentor declines with one of the kind, templated reasons; the mentee reads the reason's words. */
export function DeclineModal({ request, onClose }: { request: { relationshipId: string; name: string } | null; onClose: () => void }) {
  const { orgId } = useOrg();
  const [reason, setReason] = useState<DeclineReason>('no_capacity');
  const decline = useMentoringMutation(orgId, (input: { relationshipId: string; reason: DeclineReason }) => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/decline', {
    params: { path: { orgId, relationshipId: input.relationshipId } }, body: { reason: input.reason },
  })), { success: 'Request declined kindly.', onSuccess: onClose });
  return (
    <Modal opened={Boolean(request)} onClose={onClose} size="lg" title={<Text fw={700}>Decline {request?.name ?? ''}’s request</Text>}>
      <Stack>
        <Text size="sm" c="dimmed">Choose the reason closest to yours. {request?.name.split(/\s+/)[0]} reads these exact words, with a pointer to other mentors.</Text>
        <ProblemAlert error={decline.error} />
        <Radio.Group value={reason} onChange={(value) => setReason(value as DeclineReason)} label="Your reason" required>
          <Stack gap="sm" mt="xs">
            {DECLINE_REASON_KEYS.map((key) => (
              <Radio.Card key={key} value={key} p="sm" radius="md">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>{DECLINE_REASONS[key].label}</Text>
                    <Text size="sm" c="dimmed">“{DECLINE_REASONS[key].text}”</Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" loading={decline.isPending} onClick={() => request && decline.mutate({ relationshipId: request.relationshipId, reason })}>Decline request</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Requests waiting on the mentor: the mentee, their message, Accept or Decline. */
export function RequestsToAnswer({ requests }: { requests: OpenRequest[] }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const navigate = useNavigate();
  const [declining, setDeclining] = useState<{ relationshipId: string; name: string } | null>(null);
  const accept = useMentoringMutation(orgId, (request: OpenRequest) => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/accept', {
    params: { path: { orgId, relationshipId: request.relationshipId } },
  })), {
    success: (_, request) => `You are now mentoring ${request.with.name}.`,
    onSuccess: (_, request) => void navigate(`/orgs/${orgId}/mentoring/relationships/${request.relationshipId}`),
    notifyErrors: true,
  });
  if (requests.length === 0) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="requests-to-answer" style={{ borderColor: 'var(--mantine-color-amber-4)', borderWidth: 1.5 }}>
      <Title order={2} fz="lg" id="requests-to-answer" mb={4}>Requests to answer</Title>
      <Text size="sm" c="dimmed" mb="md">Each request stays open for 14 days. Accepting takes one of your places.</Text>
      <Stack gap="md" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {requests.map((request) => (
          <Card key={request.relationshipId} component="li" padding="md" bg="stone.0" aria-label={`Request from ${request.with.name}`}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="xs">
              <PersonLine name={request.with.name} detail={request.with.title || undefined} />
              <Text size="xs" c="dimmed">
                Asked {format.date(request.requestedAt)}{request.expiresAt && <> · open until {format.date(request.expiresAt)}</>}
                {request.programName && <> · {request.programName}</>}
              </Text>
            </Group>
            <Text size="sm" mb="sm" style={{ whiteSpace: 'pre-line' }}>“{request.message}”</Text>
            <Group gap="sm">
              <Button size="sm" leftSection={<IconCheck size={16} aria-hidden />} loading={accept.isPending && accept.variables?.relationshipId === request.relationshipId}
                onClick={() => accept.mutate(request)} aria-label={`Accept ${request.with.name}’s request`}>
                Accept
              </Button>
              <Button size="sm" variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDeclining({ relationshipId: request.relationshipId, name: request.with.name })}
                aria-label={`Decline ${request.with.name}’s request`}>
                Decline
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      <DeclineModal request={declining} onClose={() => setDeclining(null)} />
    </Card>
  );
}

const SHOWN_STATES: Relationship['state'][] = ['requested', 'declined', 'expired'];

/** The person's own requests as a mentee: open ones with Withdraw, and recent answers with the mentor's kind words. */
export function MyMentorRequests({ compact = false, mb = 'lg' }: { compact?: boolean; mb?: 'lg' | 0 }) {
  const { orgId, me } = useOrg();
  const format = useFormat();
  const relationships = useRelationships(orgId, 'mentee');
  const withdraw = useMentoringMutation(orgId, (relationship: Relationship) => call(api.POST('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/withdraw', {
    params: { path: { orgId, relationshipId: relationship.id } },
  })), { success: 'Request withdrawn.', notifyErrors: true });
  const mine = (relationships.data?.items ?? [])
    .filter((r) => r.mentee.personId === me.person.id && SHOWN_STATES.includes(r.state))
    .filter((r) => !compact || r.state === 'requested' || (r.endedAt && Date.now() - Date.parse(r.endedAt) < 30 * 86_400_000));
  if (mine.length === 0) return null;
  return (
    <Card padding="lg" mb={mb} component="section" aria-labelledby="my-mentor-requests">
      <Title order={2} fz="md" mb="sm" id="my-mentor-requests">Your requests</Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {mine.map((request) => (
          <Group component="li" key={request.id} justify="space-between" wrap="wrap" gap="sm" p="sm" aria-label={`Request to ${request.mentor.name}`}
            style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 'var(--mantine-radius-md)' }}>
            <Stack gap={2} style={{ flex: '1 1 320px' }} miw={0}>
              <Text size="sm" fw={600}>To {request.mentor.name}{request.programName && <Text span size="sm" c="dimmed" fw={400}> · {request.programName}</Text>}</Text>
              {request.requestMessage && <Text size="sm" c="dimmed" lineClamp={2}>“{request.requestMessage}”</Text>}
              {request.state === 'declined' && declineText(request.declineReason) && (
                <Text size="sm">{request.mentor.name.split(/\s+/)[0]} wrote: “{declineText(request.declineReason)}” There are other mentors who would be glad to hear from you.</Text>
              )}
              <Text size="xs" c="dimmed">
                {request.state === 'requested' && request.requestExpiresAt ? `Open until ${format.date(request.requestExpiresAt)}` : request.endedAt ? `Closed ${format.date(request.endedAt)}` : null}
              </Text>
            </Stack>
            <Group gap="sm">
              <StateBadge state={request.state} size="sm" />
              {request.availableEvents.includes('withdraw') && (
                <Button size="xs" variant="default" loading={withdraw.isPending && withdraw.variables?.id === request.id} onClick={() => withdraw.mutate(request)}
                  aria-label={`Withdraw your request to ${request.mentor.name}`}>
                  Withdraw
                </Button>
              )}
              {request.state === 'declined' && <Button size="xs" variant="subtle" component={Link} to={`/orgs/${orgId}/mentoring/mentors`}>Find another mentor</Button>}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
