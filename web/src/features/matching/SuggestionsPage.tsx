import { Anchor, Badge, Breadcrumbs, Button, Card, Group, List, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { IconCheck, IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, Loading, LoadError } from '../../platform/ui/states';
import { useMentoringMutation } from '../mentoring/api';
import { AskMentorModal } from '../mentoring/Requests';
import { PersonLine } from '../mentoring/ui';
import { percent, sentence, useMySuggestions, type Suggestion } from './api';

/**
 * Self-match: a mentee's five best mentors in a program where mentees choose, each with the reasons
 * in their own words, and a "Request" that goes through the usual mentoring request.
 */
export function SuggestionsPage() {
  const { orgId } = useOrg();
  const { programId = '' } = useParams();
  const suggestions = useMySuggestions(orgId, programId);
  const [asking, setAsking] = useState<Suggestion | null>(null);
  const data = suggestions.data;

  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/programs`} size="sm">Programs</Anchor>
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/programs/${programId}`} size="sm">{data?.programName ?? 'Program'}</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">Suggested mentors</Text>
      </Breadcrumbs>
      <PageHeader
        title="Suggested mentors"
        description={data ? `The five mentors in ${data.programName} who fit you best and have room, and why. Ask the one you would like; they have 14 days to answer.` : undefined}
      />
      {suggestions.isPending && <Loading label="Finding mentors who fit you…" />}
      {suggestions.isError && <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} title="Suggestions are not available" />}
      {data && (
        <Stack gap="lg">
          {data.inclusion.hasSelfIdentification && <InclusionChoice programId={programId} optedIn={data.inclusion.optedIn} />}
          {data.suggestions.length === 0 ? (
            <Card>
              <Empty icon={<IconUserSearch size={28} aria-hidden />} title="No mentor fits right now" description={data.shortfall ? sentence(data.shortfall) : undefined} />
            </Card>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Suggested mentors, best first">
              {data.suggestions.map((suggestion, index) => (
                <Card key={suggestion.mentor.personId} component="li" padding="lg">
                  <Stack gap="sm">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <PersonLine name={suggestion.mentor.name} part={`Suggestion ${index + 1}`} detail={[suggestion.mentor.title, suggestion.mentor.department].filter(Boolean).join(' · ')} />
                      <Badge variant="light" color="cairn" style={{ flexShrink: 0 }}>{percent(suggestion.fit)} fit</Badge>
                    </Group>
                    <Text size="sm" fw={600}>Why {suggestion.mentor.name.split(/\s+/)[0]}</Text>
                    <List size="sm" spacing={4}>
                      {suggestion.reasons.map((reason) => <List.Item key={reason}>{sentence(reason)}</List.Item>)}
                    </List>
                    <Group justify="flex-end">
                      {suggestion.requested
                        ? <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>Requested</Badge>
                        : <Button onClick={() => setAsking(suggestion)} aria-label={`Request ${suggestion.mentor.name} as your mentor`}>Request</Button>}
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )}
          {data.suggestions.length > 0 && data.shortfall && <Text size="sm" c="dimmed">{sentence(data.shortfall)}</Text>}
        </Stack>
      )}
      <AskMentorModal mentor={asking?.mentor ?? null} programId={programId} why={asking ? sentence(asking.explanation) : undefined} onClose={() => setAsking(null)} />
    </>
  );
}

/** The mentee's choice to have their own self-identification count; the answer itself is never shown. */
function InclusionChoice({ programId, optedIn }: { programId: string; optedIn: boolean }) {
  const { orgId } = useOrg();
  const save = useMentoringMutation(orgId, (optIn: boolean) => call(api.PUT('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/my-inclusion', {
    params: { path: { orgId, programId } }, body: { optIn },
  })), { success: (result) => (result.optedIn ? 'Your inclusion preference now counts in your suggestions.' : 'Your inclusion preference no longer counts.'), notifyErrors: true });
  return (
    <Card padding="md">
      <Switch
        checked={optedIn}
        disabled={save.isPending}
        onChange={(event) => save.mutate(event.currentTarget.checked)}
        label="Prefer mentors who gave the same self-identification answer as me"
        description="Your answer stays confidential: nobody sees it, and suggestions say only that a preference you opted into is met."
      />
    </Card>
  );
}
