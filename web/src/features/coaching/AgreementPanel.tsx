import { Alert, Badge, Box, Button, Card, Checkbox, DataList, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconClockHour4, IconEdit, IconInfoCircle, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { api, call } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { ProblemAlert } from '../../platform/ui/states';
import { TERMS_ALIASES, TermsFields, termsOf, termsValidation, toTerms, type TermsValues } from './AgreementForm';
import { useCoachingMutation, type EngagementDetail } from './api';
import { CADENCE_LABELS, PARTY_LABELS, SPONSOR_VISIBILITY } from './labels';

type AgreementParty = 'coach' | 'client' | 'sponsor';

/** The agreement: its terms, who accepted this version, Accept for a party still to, Amend for coach and admin. */
export function AgreementPanel({ engagement }: { engagement: EngagementDetail }) {
  const format = useFormat();
  const { agreement } = engagement;
  const [amending, amend] = useDisclosure(false);
  const nameOf = (party: string) => (party === 'coach' ? engagement.coach.name : party === 'client' ? engagement.client.name : engagement.sponsor?.name ?? '');
  const myPendingParts = engagement.agreement.acceptances
    .filter((acceptance) => !acceptance.acceptedAt && engagement.yourParts.includes(acceptance.party as AgreementParty))
    .map((acceptance) => acceptance.party as AgreementParty);
  const canAccept = myPendingParts.length > 0 && (engagement.state === 'proposed' || engagement.state === 'active');

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Card padding="lg" component="section" aria-labelledby="agreement-title">
          <Group justify="space-between" wrap="wrap" gap="sm" mb="md">
            <Group gap="sm">
              <Title order={2} fz="lg" id="agreement-title">Coaching agreement</Title>
              <Badge color="stone" variant="light">Version {agreement.version}</Badge>
              {agreement.fullyAccepted ? <Badge color="cairn" leftSection={<IconCheck size={12} aria-hidden />}>Accepted by every party</Badge> : <Badge color="amber">Awaiting acceptance</Badge>}
            </Group>
            {engagement.availableEvents.includes('amend_agreement') && (
              <Button variant="default" size="sm" leftSection={<IconEdit size={16} aria-hidden />} onClick={amend.open}>Amend</Button>
            )}
          </Group>
          <DataList orientation="vertical" gap="md" withDivider>
            <DataList.Item>
              <DataList.ItemLabel>Objectives</DataList.ItemLabel>
              <DataList.ItemValue><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{agreement.objectives}</Text></DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Dates and rhythm</DataList.ItemLabel>
              <DataList.ItemValue>
                <Text size="sm">
                  {format.day(agreement.startDate)} to {format.day(agreement.plannedEndDate)} · {agreement.plannedSessions} sessions · {CADENCE_LABELS[agreement.cadence]}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>What the sponsor sees</DataList.ItemLabel>
              <DataList.ItemValue>
                {engagement.sponsor ? (
                  <>
                    <Text size="sm" fw={600}>{SPONSOR_VISIBILITY[agreement.sponsorVisibility].label}</Text>
                    <Text size="sm" c="dimmed">{SPONSOR_VISIBILITY[agreement.sponsorVisibility].description}</Text>
                  </>
                ) : <Text size="sm">There is no sponsor: nothing is shared beyond coach and client.</Text>}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Limits of confidentiality</DataList.ItemLabel>
              <DataList.ItemValue><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{agreement.confidentialityLimits}</Text></DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <Card padding="lg" component="section" aria-labelledby="acceptances-title">
            <Title order={2} fz="md" mb="sm" id="acceptances-title">Acceptance of version {agreement.version}</Title>
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {agreement.acceptances.map((acceptance) => (
                <Group key={acceptance.party} component="li" justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={0} miw={0}>
                    <Text size="xs" c="dimmed" fw={700} tt="uppercase">{PARTY_LABELS[acceptance.party as AgreementParty] ?? acceptance.party}</Text>
                    <Text size="sm" fw={600} truncate>{nameOf(acceptance.party)}</Text>
                  </Stack>
                  {acceptance.acceptedAt ? (
                    <Stack gap={0} align="flex-end">
                      <Badge color="cairn" leftSection={<IconCheck size={12} aria-hidden />}>Accepted</Badge>
                      <Text size="xs" c="dimmed">{format.date(acceptance.acceptedAt)}</Text>
                    </Stack>
                  ) : (
                    <Badge color="amber" leftSection={<IconClockHour4 size={12} aria-hidden />}>Waiting</Badge>
                  )}
                </Group>
              ))}
            </Stack>
          </Card>
          {canAccept && <AcceptCard engagement={engagement} parts={myPendingParts} />}
        </Stack>
      </Grid.Col>
      <AmendModal engagement={engagement} opened={amending} onClose={amend.close} />
    </Grid>
  );
}

function AcceptCard({ engagement, parts }: { engagement: EngagementDetail; parts: AgreementParty[] }) {
  const { orgId } = useOrg();
  const asCoach = parts.includes('coach');
  const [ethics, setEthics] = useState(false);
  const [ethicsError, setEthicsError] = useState<string | null>(null);
  const accept = useCoachingMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/agreement/accept', {
    params: { path: { orgId, engagementId: engagement.id } },
    body: { version: engagement.agreement.version, ...(asCoach ? { ethicsAcknowledged: ethics } : {}) },
  })), {
    success: (detail) => (detail.state === 'agreed' ? 'Accepted. Every party has now accepted: the engagement is agreed.' : 'You accepted the agreement.'),
  });
  return (
    <Card padding="lg" component="section" aria-labelledby="accept-title" style={{ borderColor: 'var(--mantine-color-cairn-4)', borderWidth: 1.5 }}>
      <Group gap="xs" mb="xs">
        <IconSignature size={20} aria-hidden />
        <Title order={2} fz="md" id="accept-title">Your acceptance</Title>
      </Group>
      <Text size="sm" mb="md">
        Read the terms. By accepting version {engagement.agreement.version} you agree to them as the {parts.map((part) => PARTY_LABELS[part].toLowerCase()).join(' and ')}.
        If something should change, ask the coach or an admin to amend it first.
      </Text>
      <Stack gap="sm">
        <ProblemAlert error={accept.error} />
        {asCoach && (
          <Checkbox
            label="I acknowledge the code of ethics"
            description="As the coach you work within your professional body’s code of ethics (ICF or equivalent): confidentiality within the limits above, clear boundaries, and referring the client on when coaching is not the right help."
            checked={ethics}
            onChange={(event) => {
              setEthics(event.currentTarget.checked);
              setEthicsError(null);
            }}
            error={ethicsError}
          />
        )}
        <Button
          fullWidth
          loading={accept.isPending}
          onClick={() => {
            if (asCoach && !ethics) {
              setEthicsError('Tick this to accept as the coach');
              return;
            }
            accept.mutate(undefined);
          }}
        >
          Accept version {engagement.agreement.version}
        </Button>
      </Stack>
    </Card>
  );
}

function AmendModal({ engagement, opened, onClose }: { engagement: EngagementDetail; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={700}>Amend the agreement</Text>}>
      {opened && <AmendForm engagement={engagement} onClose={onClose} />}
    </Modal>
  );
}

function AmendForm({ engagement, onClose }: { engagement: EngagementDetail; onClose: () => void }) {
  const { orgId } = useOrg();
  const hasSponsor = Boolean(engagement.sponsor);
  const form = useForm<TermsValues>({ initialValues: termsOf(engagement.agreement), validate: termsValidation });
  const save = useCoachingMutation(orgId, (values: TermsValues) => call(api.PUT('/api/orgs/{orgId}/engagements/{engagementId}/agreement', {
    params: { path: { orgId, engagementId: engagement.id } }, body: toTerms(values, hasSponsor),
  })), { success: (detail) => `Version ${detail.agreement.version} written. Every party must now accept it.`, onSuccess: onClose });
  const next = engagement.agreement.version + 1;
  const parties = hasSponsor ? 'the coach, the client and the sponsor' : 'the coach and the client';
  const consequence = engagement.state === 'agreed'
    ? 'Until they do, the engagement goes back to proposed.'
    : engagement.state === 'active'
      ? `The engagement stays active; until everyone accepts, version ${engagement.agreement.version} still decides what the sponsor sees.`
      : 'The engagement stays proposed until they do.';
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error, TERMS_ALIASES) }))}>
      <Stack gap="md">
        <Alert role="note" variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} title={`This writes version ${next}`}>
          An amended agreement must be accepted again by {parties}, including anyone who accepted version {engagement.agreement.version}. {consequence}
        </Alert>
        <ProblemAlert error={save.error} />
        <TermsFields form={form} hasSponsor={hasSponsor} />
        <Box>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>Write version {next}</Button>
          </Group>
        </Box>
      </Stack>
    </form>
  );
}
