import { Badge, Button, Card, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCompass, IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../platform/api/client';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { fitKeys, RECOMMENDATION_LABELS, useSavedResults, writeDraft, type SavedResult } from './api';

/** /orgs/:orgId/fit-guide — the fit guide results the person kept (theirs only). */
export function SavedResultsPage() {
  const { orgId } = useOrg();
  const saved = useSavedResults(orgId);
  const [deleting, setDeleting] = useState<SavedResult | null>(null);

  const header = (
    <PageHeader
      title="Coaching or mentoring?"
      description="The fit guide asks a few short questions and says which kind of help fits you, and why. These are the results you chose to keep: only you can see them."
      actions={<Button component={Link} to="/fit" onClick={() => writeDraft(null)} leftSection={<IconCompass size={16} aria-hidden />}>Take the fit guide</Button>}
    />
  );
  if (saved.isPending) return <>{header}<Loading label="Loading your results…" /></>;
  if (saved.isError) return <>{header}<LoadError error={saved.error} onRetry={() => void saved.refetch()} /></>;
  const items = saved.data.items;

  return (
    <>
      {header}
      {items.length === 0 ? (
        <Card>
          <Empty
            icon={<IconCompass size={28} aria-hidden />}
            title="No saved results"
            description="Take the fit guide; on your result, tick that you agree to keep it, and it appears here."
          >
            <Button component={Link} to="/fit" onClick={() => writeDraft(null)}>Take the fit guide</Button>
            <Button component={Link} to="/fit/about" variant="default">What each involves</Button>
          </Empty>
        </Card>
      ) : (
        <Stack gap="md" component="ul" aria-label="Your saved results" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => <SavedCard key={item.id} item={item} onDelete={() => setDeleting(item)} />)}
        </Stack>
      )}
      <DeleteModal item={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

function SavedCard({ item, onDelete }: { item: SavedResult; onDelete: () => void }) {
  const format = useFormat();
  const percent = Math.round(item.confidence * 100);
  return (
    <Card component="li" padding="lg" aria-label={`Result of ${format.date(item.createdAt)}`}>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 320px' }} miw={0}>
          <Text size="xs" c="dimmed">Kept {format.dateTime(item.createdAt)}</Text>
          {item.result ? (
            <>
              <Text fw={700}>{item.result.headline}</Text>
              <Text size="sm" c="dimmed" lineClamp={2}>{item.result.summary}</Text>
              {item.result.reasons[0] && <Text size="sm">Top reason: {item.result.reasons[0].text}</Text>}
            </>
          ) : (
            <>
              <Text fw={700}>{RECOMMENDATION_LABELS[item.recommendation as keyof typeof RECOMMENDATION_LABELS] ?? item.recommendation}</Text>
              <Text size="sm" c="dimmed">The guide has changed since you took it. Take it again for a current result with its reasons.</Text>
            </>
          )}
          <Group gap="sm" maw={320} wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>Confidence</Text>
            <Progress value={percent} size="sm" radius="xl" style={{ flex: 1 }} aria-label={`Confidence ${percent}%`} />
            <Text size="xs" fw={600}>{percent}%</Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {item.result && <Badge variant="light">{RECOMMENDATION_LABELS[item.result.recommendation]}</Badge>}
          {item.result && (
            <Button component={Link} to={`/fit/results/${item.code}`} size="xs" variant="default" rightSection={<IconExternalLink size={14} aria-hidden />}>
              Open
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>Delete</Button>
        </Group>
      </Group>
    </Card>
  );
}

function DeleteModal({ item, onClose }: { item: SavedResult | null; onClose: () => void }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/orgs/{orgId}/fit-guide/saved/{resultId}', { params: { path: { orgId, resultId: id } } })),
    onSuccess: async () => {
      notifications.show({ color: 'cairn', message: 'The result was deleted.' });
      onClose();
      await queryClient.invalidateQueries({ queryKey: fitKeys.saved(orgId) });
    },
  });
  return (
    <Modal opened={Boolean(item)} onClose={onClose} title={<Text fw={700}>Delete this result?</Text>}>
      <Stack>
        <Text size="sm">It is removed from your account. Anyone you shared its link with can still open it: the link holds the answers, not the saved copy.</Text>
        <ProblemAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Keep it</Button>
          <Button color="red" loading={remove.isPending} onClick={() => item && remove.mutate(item.id)}>Delete</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
