import { ActionIcon, Badge, Button, Card, Checkbox, Group, Menu, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChecklist, IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { api, call, isStatus } from '../../platform/api/client';
import { showFieldErrors } from '../../platform/api/forms';
import { useFormat } from '../../platform/format';
import { useOrg } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading, ProblemAlert } from '../../platform/ui/states';
import { useActionItems, useCoachingMutation, type ActionItem, type ActionItemStatus, type EngagementDetail } from './api';
import { ACTION_STATUS } from './labels';
import { todayIn } from './time';
import { isOverdue, Section } from './ui';

interface Parties { coach: { personId: string; name: string }; client: { personId: string; name: string } }

/** One action item: tick it done, drop it, reopen it, or change it. */
export function ActionItemRow({ item, parties, editable }: { item: ActionItem; parties: Parties; editable: boolean }) {
  const { orgId } = useOrg();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const today = todayIn(format.timeZone);
  const setStatus = useCoachingMutation(orgId, (status: ActionItemStatus) => call(api.POST('/api/orgs/{orgId}/action-items/{itemId}/status', {
    params: { path: { orgId, itemId: item.id } }, body: { status },
  })), { success: (_, status) => (status === 'done' ? `Done: ${item.title}` : status === 'dropped' ? `Dropped: ${item.title}` : `Reopened: ${item.title}`), notifyErrors: true });
  const overdue = item.status === 'open' && isOverdue(item.dueDate, today);

  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="sm" py={8} align="flex-start" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
        <Checkbox
          mt={2}
          // Shows the change at once; the list catches up when the write is saved.
          checked={setStatus.isPending ? setStatus.variables === 'done' : item.status === 'done'}
          disabled={!editable || item.status === 'dropped' || setStatus.isPending}
          onChange={(event) => setStatus.mutate(event.currentTarget.checked ? 'done' : 'open')}
          aria-label={`Done: ${item.title}`}
        />
        <Stack gap={2} miw={0}>
          <Text size="sm" td={item.status === 'dropped' ? 'line-through' : undefined} c={item.status === 'open' ? undefined : 'dimmed'}>{item.title}</Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">{item.owner.name}{item.dueDate ? ` · due ${format.day(item.dueDate)}` : ''}</Text>
            {overdue && <Badge size="xs" color="red">Overdue</Badge>}
          </Group>
        </Stack>
      </Group>
      <Group gap={4} wrap="nowrap">
        {item.status !== 'open' && <Badge size="sm" color={ACTION_STATUS[item.status].color}>{ACTION_STATUS[item.status].label}</Badge>}
        {editable && (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`More for: ${item.title}`}><IconDots size={16} aria-hidden /></ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {item.status === 'open' && <Menu.Item onClick={() => setEditing(true)}>Edit</Menu.Item>}
              {item.status === 'open' && <Menu.Item onClick={() => setStatus.mutate('dropped')}>Drop</Menu.Item>}
              {item.status !== 'open' && <Menu.Item onClick={() => setStatus.mutate('open')}>Reopen</Menu.Item>}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={<Text fw={700}>Edit action item</Text>}>
        {editing && <ActionItemForm parties={parties} item={item} onDone={() => setEditing(false)} />}
      </Modal>
    </Group>
  );
}

/** A new action item (optionally from a session), or changes to one. */
export function ActionItemForm({ parties, engagementId, sessionId, item, onDone, compact = false }: {
  parties: Parties; engagementId?: string; sessionId?: string; item?: ActionItem; onDone?: () => void; compact?: boolean;
}) {
  const { orgId } = useOrg();
  const form = useForm({
    initialValues: { title: item?.title ?? '', ownerPersonId: item?.owner.personId ?? parties.client.personId, dueDate: item?.dueDate ?? '' },
    validate: { title: (value) => (value.trim() ? null : 'What is to be done?') },
  });
  const save = useCoachingMutation(orgId, (values: typeof form.values) => item
    ? call(api.PATCH('/api/orgs/{orgId}/action-items/{itemId}', {
      params: { path: { orgId, itemId: item.id } }, body: { title: values.title.trim(), ownerPersonId: values.ownerPersonId, dueDate: values.dueDate || null },
    }))
    : call(api.POST('/api/orgs/{orgId}/engagements/{engagementId}/action-items', {
      params: { path: { orgId, engagementId: engagementId! } },
      body: { title: values.title.trim(), ownerPersonId: values.ownerPersonId, dueDate: values.dueDate || null, sessionId: sessionId ?? null },
    })), {
    success: item ? 'Action item saved.' : 'Action item added.',
    onSuccess: () => {
      form.reset();
      onDone?.();
    },
  });
  const owners = [
    { value: parties.client.personId, label: `${parties.client.name} (client)` },
    { value: parties.coach.personId, label: `${parties.coach.name} (coach)` },
  ];
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values, { onError: (error) => showFieldErrors(form, error) }))}>
      <Stack gap="sm">
        <ProblemAlert error={save.error} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label={item ? 'Action' : 'New action item'} placeholder="e.g. Ask Mei to lead the next design review" required maxLength={500} style={{ flex: '1 1 260px' }} {...form.getInputProps('title')} />
          <Select label="Owner" data={owners} allowDeselect={false} w={compact ? 200 : 230} {...form.getInputProps('ownerPersonId')} />
          <TextInput type="date" label="Due" w={170} {...form.getInputProps('dueDate')} />
        </Group>
        <Group justify="flex-end" gap="xs">
          {item && <Button variant="default" onClick={onDone}>Cancel</Button>}
          <Button type="submit" variant={item ? 'filled' : 'light'} loading={save.isPending}>{item ? 'Save' : 'Add action item'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

type Filter = ActionItemStatus | 'all';

/** Every action item of the engagement, for its coach and client. */
export function ActionItemsPanel({ engagement }: { engagement: EngagementDetail }) {
  const { orgId } = useOrg();
  const items = useActionItems(orgId, engagement.id);
  const [filter, setFilter] = useState<Filter>('open');
  const running = engagement.state === 'agreed' || engagement.state === 'active';
  if (items.isPending) return <Loading label="Loading action items…" />;
  if (items.isError) {
    if (isStatus(items.error, 403, 404)) return <Card><Empty icon={<IconChecklist size={28} aria-hidden />} title="Action items are private" description={items.error.detail} /></Card>;
    return <LoadError error={items.error} onRetry={() => void items.refetch()} />;
  }
  const shown = items.data.items.filter((item) => filter === 'all' || item.status === filter);
  const count = (status: ActionItemStatus) => items.data.items.filter((item) => item.status === status).length;
  return (
    <Stack gap="lg">
      <Section
        title="Action items"
        description="What the client (or the coach) committed to. Each session reviews them."
        actions={(
          <SegmentedControl
            aria-label="Action items to show"
            size="xs"
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={[
              { value: 'open', label: `Open (${count('open')})` },
              { value: 'done', label: `Done (${count('done')})` },
              { value: 'dropped', label: `Dropped (${count('dropped')})` },
              { value: 'all', label: 'All' },
            ]}
          />
        )}
      >
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed" mb="md">{filter === 'open' ? 'Nothing open.' : 'None.'}</Text>
        ) : (
          <Stack gap={0} component="ul" aria-label="Action items" mb="md" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((item) => <ActionItemRow key={item.id} item={item} parties={engagement} editable={running} />)}
          </Stack>
        )}
        {running && <ActionItemForm parties={engagement} engagementId={engagement.id} />}
      </Section>
    </Stack>
  );
}
