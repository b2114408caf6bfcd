import {
  Avatar, Badge, Button, Card, Group, Loader, Select, Spoiler, Stack, Switch, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconCertificate, IconEdit, IconLanguage, IconMessageCircleQuestion, IconSearch, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { languageName, languageOptions } from '../../platform/languages';
import { initials } from '../../platform/shell/PersonMenu';
import { useOrg } from '../../platform/shell/org-context';
import { CardDirectory } from '../../platform/ui/CardDirectory';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty } from '../../platform/ui/states';
import { useCoaches, type Coach } from './api';
import { CoachProfileModal } from './CoachProfileModal';
import { MyRequests, RequestCoachingModal } from './Requests';

/** /orgs/:orgId/coaching/coaches — find a coach: filters in the URL, cards, and "Request coaching". */
export function CoachDirectoryPage() {
  const { orgId, me, roles } = useOrg();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const specialty = params.get('specialty') ?? '';
  const language = params.get('language') ?? '';
  const available = params.get('available') === '1';
  const coaches = useCoaches(orgId, { q: q || undefined, specialty: specialty || undefined, language: language || undefined, available });
  // The specialty and language options come from the whole directory, not the filtered page.
  const everyone = useCoaches(orgId);
  const specialties = [...new Set((everyone.data?.items ?? []).flatMap((coach) => coach.specialties))].sort((a, b) => a.localeCompare(b));
  const languages = [...new Set((everyone.data?.items ?? []).flatMap((coach) => coach.languages))];
  const languageChoices = languageOptions(languages).filter((option) => languages.includes(option.value));

  const [requesting, setRequesting] = useState<{ coach: Coach | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const isCoach = roles.includes('coach');

  const update = (changes: Record<string, string | undefined>) => setParams((current) => {
    const next = new URLSearchParams(current);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return next;
  }, { replace: true });
  const [search, setSearch] = useState(q);
  const searchLater = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 300);
  const filtered = Boolean(q || specialty || language || available);

  return (
    <>
      <PageHeader
        title="Find a coach"
        description="Certified coaches work with you on specific goals over a few months. Browse, then ask for the coach you would like."
        actions={(
          <>
            {isCoach && <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>Edit your coach profile</Button>}
            <Button leftSection={<IconMessageCircleQuestion size={16} aria-hidden />} onClick={() => setRequesting({ coach: null })}>Request coaching</Button>
          </>
        )}
      />
      <MyRequests orgId={orgId} compact />
      <Card padding="md" mb="lg">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            aria-label="Search coaches"
            placeholder="Search by name, specialty or approach"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={coaches.isFetching && !coaches.isPending ? <Loader size={14} aria-label="Searching" /> : null}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              searchLater(event.currentTarget.value);
            }}
            style={{ flex: '1 1 260px' }}
          />
          <Select
            aria-label="Specialty"
            placeholder="Any specialty"
            data={specialties}
            value={specialty || null}
            onChange={(value) => update({ specialty: value ?? undefined })}
            clearable searchable
            w={{ base: '100%', xs: 230 }}
          />
          <Select
            aria-label="Language"
            placeholder="Any language"
            data={languageChoices}
            value={language || null}
            onChange={(value) => update({ language: value ?? undefined })}
            clearable searchable
            w={{ base: '100%', xs: 180 }}
          />
          <Switch
            label="Available only"
            checked={available}
            onChange={(event) => update({ available: event.currentTarget.checked ? '1' : undefined })}
            mb={8}
          />
        </Group>
      </Card>

      <CardDirectory
        query={coaches}
        label="Coaches"
        cardHeight={260}
        empty={filtered ? (
          <Empty icon={<IconSearch size={28} aria-hidden />} title="No coach matches" description="Try another specialty or language, or include coaches who are full.">
            <Button variant="default" onClick={() => { setSearch(''); setParams({}, { replace: true }); }}>Clear filters</Button>
          </Empty>
        ) : (
          <Empty icon={<IconUsersGroup size={28} aria-hidden />} title="No coaches yet" description="An admin gives people the coach role; their profiles appear here.">
            <Button variant="default" onClick={() => setRequesting({ coach: null })}>Request coaching anyway</Button>
          </Empty>
        )}
        card={(coach) => (
          <CoachCard
            key={coach.personId}
            coach={coach}
            isYou={coach.personId === me.person.id}
            onRequest={() => setRequesting({ coach })}
            onEdit={() => setEditing(true)}
          />
        )}
      />
      <RequestCoachingModal
        opened={Boolean(requesting)}
        preferred={requesting?.coach ?? null}
        coaches={everyone.data?.items ?? []}
        onClose={() => setRequesting(null)}
      />
      {isCoach && <CoachProfileModal opened={editing} onClose={() => setEditing(false)} />}
    </>
  );
}

function Availability({ coach }: { coach: Coach }) {
  if (!coach.acceptingClients) return <Badge color="gray" variant="outline">Not taking new clients</Badge>;
  if (!coach.available) return <Badge color="orange">Full</Badge>;
  const free = coach.capacity - coach.activeClients;
  return <Badge color="cairn">{free} of {coach.capacity} places free</Badge>;
}

function CoachCard({ coach, isYou, onRequest, onEdit }: { coach: Coach; isYou: boolean; onRequest: () => void; onEdit: () => void }) {
  return (
    <Card component="li" padding="lg" aria-label={coach.name} style={{ display: 'flex', flexDirection: 'column' }}>
      <Group wrap="nowrap" align="flex-start" gap="md" mb="md">
        <Avatar color="cairn" radius="xl" size={52} aria-hidden>{initials(coach.name)}</Avatar>
        <Stack gap={4} style={{ flex: 1 }} miw={0}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Title order={2} fz="md">{coach.name}{isYou && <Text span size="sm" c="dimmed" fw={500}> (you)</Text>}</Title>
            <Availability coach={coach} />
          </Group>
          <Text size="sm" c="dimmed">{coach.title || 'Coach'} · {coach.kind === 'internal' ? 'Internal coach' : 'External coach'}</Text>
        </Stack>
      </Group>
      <Stack gap="sm" style={{ flex: 1 }}>
        {coach.specialties.length > 0 && (
          <Group gap={6} aria-label="Specialties">
            {coach.specialties.map((specialty) => <Badge key={specialty} color="stone" variant="light" tt="none" fw={600}>{specialty}</Badge>)}
          </Group>
        )}
        {coach.approach && (
          <Spoiler maxHeight={66} showLabel="Read more" hideLabel="Show less">
            <Text size="sm">{coach.approach}</Text>
          </Spoiler>
        )}
        {coach.credentialsSummary && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconCertificate size={16} aria-label="Credentials" style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm">{coach.credentialsSummary}</Text>
          </Group>
        )}
        <Group gap="lg">
          <Group gap={6} wrap="nowrap">
            <IconLanguage size={16} aria-label="Languages" />
            <Text size="sm">{coach.languages.map(languageName).join(', ') || '—'}</Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconWorld size={16} aria-label="Time zone" />
            <Text size="sm">{coach.timeZone}</Text>
          </Group>
        </Group>
      </Stack>
      <Group justify="flex-end" mt="md">
        {isYou ? (
          <Button variant="default" onClick={onEdit}>Edit your coach profile</Button>
        ) : coach.available ? (
          <Button variant="light" onClick={onRequest} aria-label={`Request coaching with ${coach.name}`}>Request coaching</Button>
        ) : (
          <Text size="xs" c="dimmed">Not taking requests now</Text>
        )}
      </Group>
    </Card>
  );
}
