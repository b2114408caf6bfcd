import { QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { api, ApiError, call, isStatus } from './client';

/** Query keys in one place, so a write knows what to refresh. */
export const keys = {
  me: ['me'] as const,
  org: (orgId: string) => ['orgs', orgId] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
  audit: (orgId: string) => ['orgs', orgId, 'audit'] as const,
  outbox: (orgId: string) => ['orgs', orgId, 'outbox'] as const,
};

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that ended (signed out elsewhere, expired) sends everyone back to sign in.
      onError: (error, query) => {
        if (isStatus(error, 401) && query.queryKey[0] !== 'me') client.setQueryData(keys.me, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Answers like 403/404 will not change by asking again; network and server errors might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

async function fetchMe() {
  try {
    return await call(api.GET('/api/me'));
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

/** The signed-in person and their organizations; null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 60_000 });
}

/** Loads who is signed in now (after signing in, up or out), whatever the cache holds. */
export function reloadMe(client: QueryClient) {
  return client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 0 });
}

export type Me = NonNullable<ReturnType<typeof useMe>['data']>;
export type Membership = Me['memberships'][number];
