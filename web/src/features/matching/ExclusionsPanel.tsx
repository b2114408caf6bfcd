import { Button, Card, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, call } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { Loading, LoadError, ProblemAlert } from '../../platform/ui/states';
import { useMentoringMutation } from '../mentoring/api';
import { useApprovedPeople, useExclusions } from './api';

/** Pairs an admin ruled out: never proposed, whatever the weights. */
export function ExclusionsPanel({ programId }: { programId: string }) {
  const { orgId } = useOrg();
  const exclusions = useExclusions(orgId, programId);
  const people = useApprovedPeople(orgId, programId);
  const [menteeId, setMenteeId] = useState<string | null>(null);
  const [mentorId, setMentorId] = useState<string | null>(null);
  const add = useMentoringMutation(orgId, (body: { menteePersonId: string; mentorPersonId: string }) => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/exclusions', {
    params: { path: { orgId, programId } }, body,
  })), { success: 'Pair excluded: matching will not propose it.', onSuccess: () => { setMenteeId(null); setMentorId(null); } });
  const remove = useMentoringMutation(orgId, (exclusionId: string) => call(api.DELETE('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/exclusions/{exclusionId}', {
    params: { path: { orgId, programId, exclusionId } },
  })), { success: 'The pair may be proposed again.', notifyErrors: true });

  return (
    <Card padding="lg" component="section" aria-labelledby="exclusions-heading">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="exclusions-heading">Excluded pairs</Title>
          <Text size="sm" c="dimmed">Pairs that must never be proposed (a conflict you know of, for instance). Reporting lines and pairs that declined or ended before are excluded without being listed here.</Text>
        </div>
        <Group align="flex-end" gap="sm">
          <Select label="Mentee" placeholder="Choose a mentee" searchable data={people.data?.mentees ?? []} value={menteeId} onChange={setMenteeId} style={{ flex: '1 1 200px' }} />
          <Select label="Mentor" placeholder="Choose a mentor" searchable data={people.data?.mentors ?? []} value={mentorId} onChange={setMentorId} style={{ flex: '1 1 200px' }} />
          <Button disabled={!menteeId || !mentorId} loading={add.isPending} onClick={() => menteeId && mentorId && add.mutate({ menteePersonId: menteeId, mentorPersonId: mentorId })}>Exclude pair</Button>
        </Group>
        <ProblemAlert error={add.error} />
        {exclusions.isPending && <Loading label="Loading excluded pairs…" minHeight={80} />}
        {exclusions.isError && <LoadError error={exclusions.error} onRetry={() => void exclusions.refetch()} />}
        {exclusions.data && (exclusions.data.items.length === 0 ? <Text size="sm" c="dimmed">No pair is excluded.</Text> : (
          <Table>
            <Table.Thead><Table.Tr><Table.Th scope="col">Mentee</Table.Th><Table.Th scope="col">Mentor</Table.Th><Table.Th scope="col"><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {exclusions.data.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.mentee.name}</Table.Td>
                  <Table.Td>{x.mentor.name}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} aria-label={`Allow ${x.mentee.name} with ${x.mentor.name} again`} onClick={() => remove.mutate(x.id)}>Allow again</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </Stack>
    </Card>
  );
}
