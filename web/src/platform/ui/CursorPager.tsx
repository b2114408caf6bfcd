import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

/**
 * "Showing 26–50 of 12,000" with Previous and Next, for lists paged by cursor: the server says
 * whether a neighbouring page exists, and `first` is where this page starts (1-based), kept by
 * the caller as it moves.
 */
export function CursorPager({ first, shown, total, hasPrevious, hasNext, onPrevious, onNext, noun = 'items' }: {
  first: number; shown: number; total: number; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void; noun?: string;
}) {
  // Members may come and go between pages; never claim a position past the total.
  const last = Math.min(total, first + shown - 1);
  const start = Math.min(first, Math.max(1, last));
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 || shown === 0 ? `No ${noun}` : `Showing ${start}–${last} of ${total} ${noun}`}
      </Text>
      {(hasPrevious || hasNext) && (
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} aria-hidden />} disabled={!hasPrevious} onClick={onPrevious} aria-label="Previous page">Previous</Button>
          <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} aria-hidden />} disabled={!hasNext} onClick={onNext} aria-label="Next page">Next</Button>
        </Group>
      )}
    </Group>
  );
}
