import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { MemberListResponse, MemberStatus } from '@dangjian/contracts';
import { api } from '../../lib/api.ts';

export const MEMBER_PAGE_SIZE = 20;

export interface MemberFilter {
  orgId: string;
  status?: MemberStatus;
  q?: string;
}

export const memberKeys = {
  all: ['members'] as const,
  list: (f: MemberFilter) => [...memberKeys.all, 'list', f] as const,
};

/**
 * Members of an organization's subtree, page by page with the API's keyset cursor.
 * `fetchNextPage` appends the next page; `pages[0].total` is the filtered total.
 */
export function useMemberList(filter: MemberFilter) {
  return useInfiniteQuery({
    queryKey: memberKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<MemberListResponse>('/members', {
        query: { orgId: filter.orgId, status: filter.status, q: filter.q, limit: MEMBER_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
