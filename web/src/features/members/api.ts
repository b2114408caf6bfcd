import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { api, call, type Role, type Schema } from '../../platform/api/client';
import { keys } from '../../platform/api/queries';

export type Member = Schema<'Member'>;
export type MemberStatusFilter = 'active' | 'deactivated' | 'all';

export interface MemberFilters {
  q?: string;
  role?: Role;
  status?: MemberStatusFilter;
  /** A nextCursor / previousCursor of the page before; none for the first page. */
  cursor?: string;
  pageSize: number;
}

export function useMembers(orgId: string, filters: MemberFilters) {
  return useQuery({
    queryKey: [...keys.members(orgId), 'list', filters],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/members', {
        params: {
          path: { orgId },
          query: {
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.role ? { role: filters.role } : {}),
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.cursor ? { cursor: filters.cursor } : {}),
            pageSize: filters.pageSize,
          },
        },
      })),
    placeholderData: keepPreviousData,
  });
}

export function useMember(orgId: string, personId: string) {
  return useQuery({
    queryKey: [...keys.members(orgId), 'one', personId],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/members/{personId}', { params: { path: { orgId, personId } } })),
  });
}
