import { Card, SimpleGrid, Skeleton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadError } from './states';

/**
 * A directory of people as cards, two to a row on wide screens: skeleton cards while it loads, the
 * reason and a retry when it fails, `empty` (filtered or not, the page knows which) when nobody is
 * listed, and otherwise a list whose items are the cards `card` draws.
 */
export function CardDirectory<Item>({ query, label, cardHeight, empty, card }: {
  query: UseQueryResult<{ items: Item[] }>;
  /** What the list holds, e.g. "Coaches": names the list and its loading state. */
  label: string;
  /** About a card's height, so the page does not jump when the cards arrive. */
  cardHeight: number;
  empty: ReactNode;
  card: (item: Item) => ReactNode;
}) {
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" aria-busy="true" aria-label={`Loading ${label.toLowerCase()}`}>
        {[0, 1, 2, 3].map((index) => <Skeleton key={index} h={cardHeight} radius="md" />)}
      </SimpleGrid>
    );
  }
  if (query.data.items.length === 0) return <Card>{empty}</Card>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={label}>
      {query.data.items.map(card)}
    </SimpleGrid>
  );
}
