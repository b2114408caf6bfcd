import { Avatar, Badge, Button, Card, Group, Loader, Select, Spoiler, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconCalendarTime, IconEdit, IconHeartHandshake, IconLanguage, IconSearch, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { languageName } from '../../platform/languages';
import { initials } from '../../platform/shell/PersonMenu';
import { useOrg } from '../../platform/shell/org-context';
import { CardDirectory } from '../../platform/ui/CardDirectory';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty } from '../../platform/ui/states';
import { useMentors, useRelationships, type MentorListing } from './api';
import { MentorListingModal } from './MentorListingModal';
import { NoticesButton } from './NoticesPage';
import { plural } from './labels';
import { AskMentorModal, MyMentorRequests } from './Requests';

/** /orgs/:orgId/mentoring/mentors — mentors who offer to mentor outside programs; filters in the URL. */
export function MentorDirectoryPage() {
  const { orgId, me, roles } = useOrg();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const expertise = params.get('expertise') ?? '';
  const withRoom = params.get('room') === '1';
  const mentors = useMentors(orgId, { q: q || undefined, expertise: expertise || undefined, withRoom });
  // Expertise options come from the whole directory, not the filtered page.
  const everyone = useMentors(orgId);
  const areas = [...new Set((everyone.data?.items ?? []).flatMap((mentor) => mentor.expertise))].sort((a, b) => a.localeCompare(b));
  const mine = useRelationships(orgId, 'mentee');
  const busyWith = new Set((mine.data?.items ?? []).filter((r) => ['requested', 'active', 'paused'].includes(r.state)).map((r) => r.mentor.personId));
  const isMentor = roles.includes('mentor');
  const listed = (everyone.data?.items ?? []).some((mentor) => mentor.personId === me.person.id);

  const [asking, setAsking] = useState<MentorListing | null>(null);
  const [offering, setOffering] = useState(false);
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
  const filtered = Boolean(q || expertise || withRoom);

  return (
    <>
      <PageHeader
        title="Find a mentor"
        description="Colleagues who offer their experience. Ask one of them for an open-ended mentoring relationship."
        actions={(
          <>
            <NoticesButton />
            {isMentor && (
              <Button variant={listed ? 'default' : 'filled'} leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setOffering(true)}>
                {listed ? 'Edit your offer' : 'Offer to mentor'}
              </Button>
            )}
          </>
        )}
      />
      <MyMentorRequests />
      <Card padding="md" mb="lg">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            aria-label="Search mentors" placeholder="Search by name, expertise or what to ask about" type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={mentors.isFetching && !mentors.isPending ? <Loader size={14} aria-label="Searching" /> : null}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              searchLater(event.currentTarget.value);
            }}
            style={{ flex: '1 1 260px' }}
          />
          <Select aria-label="Expertise" placeholder="Any expertise" data={areas} value={expertise || null} onChange={(value) => update({ expertise: value ?? undefined })}
            clearable searchable w={{ base: '100%', xs: 240 }} />
          <Switch label="With a free place" checked={withRoom} onChange={(event) => update({ room: event.currentTarget.checked ? '1' : undefined })} mb={8} />
        </Group>
      </Card>

      <CardDirectory
        query={mentors}
        label="Mentors"
        cardHeight={240}
        empty={filtered ? (
          <Empty icon={<IconSearch size={28} aria-hidden />} title="No mentor matches" description="Try other words or expertise, or include mentors who are full.">
            <Button variant="default" onClick={() => { setSearch(''); setParams({}, { replace: true }); }}>Clear filters</Button>
          </Empty>
        ) : (
          <Empty icon={<IconUsersGroup size={28} aria-hidden />} title="No mentors listed yet"
            description="People with the mentor role can offer to mentor; they appear here. Programs are another way to find a mentor.">
            {isMentor && <Button onClick={() => setOffering(true)}>Offer to mentor</Button>}
          </Empty>
        )}
        card={(mentor) => (
          <MentorCard key={mentor.personId} mentor={mentor} isYou={mentor.personId === me.person.id} busy={busyWith.has(mentor.personId)}
            onAsk={() => setAsking(mentor)} onEdit={() => setOffering(true)} />
        )}
      />
      <AskMentorModal mentor={asking} onClose={() => setAsking(null)} />
      {isMentor && <MentorListingModal opened={offering} onClose={() => setOffering(false)} />}
    </>
  );
}

function Places({ mentor }: { mentor: MentorListing }) {
  if (mentor.paused) return <Badge color="gray" variant="outline">Not taking mentees now</Badge>;
  if (mentor.openPlaces === 0) return <Badge color="orange">Full</Badge>;
  return <Badge color="cairn">{mentor.openPlaces} of {plural(mentor.capacity, 'place')} open</Badge>;
}

function MentorCard({ mentor, isYou, busy, onAsk, onEdit }: { mentor: MentorListing; isYou: boolean; busy: boolean; onAsk: () => void; onEdit: () => void }) {
  return (
    <Card component="li" padding="lg" aria-label={mentor.name} style={{ display: 'flex', flexDirection: 'column' }}>
      <Group wrap="nowrap" align="flex-start" gap="md" mb="md">
        <Avatar color="blue" radius="xl" size={52} aria-hidden>{initials(mentor.name)}</Avatar>
        <Stack gap={4} style={{ flex: 1 }} miw={0}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Title order={2} fz="md">{mentor.name}{isYou && <Text span size="sm" c="dimmed" fw={500}> (you)</Text>}</Title>
            <Places mentor={mentor} />
          </Group>
          <Text size="sm" c="dimmed">{[mentor.title, mentor.department].filter(Boolean).join(' · ') || 'Mentor'}</Text>
        </Stack>
      </Group>
      <Stack gap="sm" style={{ flex: 1 }}>
        {mentor.expertise.length > 0 && (
          <Group gap={6} aria-label="Expertise">
            {mentor.expertise.map((area) => <Badge key={area} color="stone" variant="light" tt="none" fw={600}>{area}</Badge>)}
          </Group>
        )}
        {mentor.askMeAbout && (
          <Stack gap={2}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">Ask me about</Text>
            <Spoiler maxHeight={66} showLabel="Read more" hideLabel="Show less">
              <Text size="sm">{mentor.askMeAbout}</Text>
            </Spoiler>
          </Stack>
        )}
        <Group gap="lg">
          {mentor.availability && (
            <Group gap={6} wrap="nowrap">
              <IconCalendarTime size={16} aria-label="Availability" />
              <Text size="sm">{mentor.availability}</Text>
            </Group>
          )}
          <Group gap={6} wrap="nowrap">
            <IconLanguage size={16} aria-label="Languages" />
            <Text size="sm">{mentor.languages.map(languageName).join(', ') || '—'}</Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconWorld size={16} aria-label="Time zone" />
            <Text size="sm">{mentor.timeZone}</Text>
          </Group>
        </Group>
      </Stack>
      <Group justify="flex-end" mt="md">
        {isYou ? (
          <Button variant="default" onClick={onEdit}>Edit your offer</Button>
        ) : busy ? (
          <Text size="sm" c="dimmed">You have asked or are mentored by {mentor.name.split(/\s+/)[0]}</Text>
        ) : mentor.openPlaces > 0 ? (
          <Button variant="light" leftSection={<IconHeartHandshake size={16} aria-hidden />} onClick={onAsk} aria-label={`Ask ${mentor.name} to mentor you`}>
            Ask to be mentored
          </Button>
        ) : (
          <Text size="sm" c="dimmed">Not taking requests now</Text>
        )}
      </Group>
    </Card>
  );
}
