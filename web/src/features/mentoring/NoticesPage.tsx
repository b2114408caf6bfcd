import { Anchor, Badge, Box, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconBell, IconBellCheck, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { Empty, LoadError } from '../../platform/ui/states';
import { useMentoringMutation, useNotices, type Notice } from './api';

/** A notice's link is relative to the organization ("/mentoring/relationships/…"). */
export const noticeHref = (orgId: string, link: string | null) => (link ? `/orgs/${orgId}${link.startsWith('/') ? link : `/${link}`}` : null);

/** The header's way to the notices, with the unread count in words for screen readers. */
export function NoticesButton() {
  const { orgId } = useOrg();
  const notices = useNotices(orgId);
  const unread = notices.data?.unread ?? 0;
  return (
    <Button
      component={Link}
      to={`/orgs/${orgId}/mentoring/notices`}
      variant="default"
      leftSection={<IconBell size={16} aria-hidden />}
      rightSection={unread > 0 ? <Badge size="sm" color="red" variant="filled" circle aria-hidden>{unread}</Badge> : null}
      aria-label={unread ? `Notices, ${unread} unread` : 'Notices'}
    >
      Notices
    </Button>
  );
}

/** /orgs/:orgId/mentoring/notices — what Cairn told the person, newest first; opening one marks it read. */
export function NoticesPage() {
  const { orgId } = useOrg();
  const [page, setPage] = useState(1);
  const notices = useNotices(orgId, page);
  const navigate = useNavigate();
  const markAll = useMentoringMutation(orgId, () => call(api.POST('/api/orgs/{orgId}/notices/read-all', { params: { path: { orgId } } })), {
    success: 'All notices marked read.', notifyErrors: true,
  });
  const markRead = useMentoringMutation(orgId, (notice: Notice) => call(api.POST('/api/orgs/{orgId}/notices/{noticeId}/read', {
    params: { path: { orgId, noticeId: notice.id } },
  })), { notifyErrors: true });
  const open = async (notice: Notice) => {
    if (!notice.readAt) await markRead.mutateAsync(notice).catch(() => undefined);
    const href = noticeHref(orgId, notice.link);
    if (href) void navigate(href);
  };
  const unread = notices.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title="Notices"
        description="What happened in your mentoring: requests, answers, pairings, reviews and closings."
        actions={unread > 0 && (
          <Button variant="default" leftSection={<IconChecks size={16} aria-hidden />} loading={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
            Mark all read
          </Button>
        )}
      />
      {notices.isError ? (
        <LoadError error={notices.error} onRetry={() => void notices.refetch()} />
      ) : notices.isPending ? (
        <Stack aria-busy="true" aria-label="Loading notices">{[0, 1, 2].map((i) => <Skeleton key={i} h={88} radius="md" />)}</Stack>
      ) : notices.data.items.length === 0 ? (
        <Card><Empty icon={<IconBellCheck size={28} aria-hidden />} title="No notices yet" description="When someone asks you to mentor them, answers your request or a review settles, you will read it here." /></Card>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm" aria-live="polite">{unread === 0 ? 'Everything is read.' : `${unread} unread`}</Text>
          <Stack gap="sm" component="ul" aria-label="Notices" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {notices.data.items.map((notice) => <NoticeItem key={notice.id} notice={notice} onOpen={() => void open(notice)} />)}
          </Stack>
          <Pager page={page} pageSize={notices.data.pageSize} total={notices.data.total} onChange={setPage} noun="notices" />
        </>
      )}
    </>
  );
}

function NoticeItem({ notice, onOpen }: { notice: Notice; onOpen: () => void }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const unread = !notice.readAt;
  const href = noticeHref(orgId, notice.link);
  return (
    <Card component="li" padding="md" aria-label={notice.title} style={unread ? { borderLeft: '4px solid var(--mantine-color-cairn-7)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Box miw={0} style={{ flex: 1 }}>
          <Group gap={8} mb={4} wrap="wrap">
            <Text fw={unread ? 700 : 600} size="sm">{notice.title}</Text>
            {unread && <Badge size="xs" color="cairn" variant="filled">New</Badge>}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{notice.body}</Text>
          <Text size="xs" c="dimmed" mt={6}>{format.dateTime(notice.createdAt)}</Text>
        </Box>
        {href ? (
          <Anchor component="button" type="button" size="sm" onClick={onOpen} style={{ whiteSpace: 'nowrap' }}>Open</Anchor>
        ) : unread ? (
          <Anchor component="button" type="button" size="sm" onClick={onOpen} style={{ whiteSpace: 'nowrap' }}>Mark read</Anchor>
        ) : null}
      </Group>
    </Card>
  );
}
