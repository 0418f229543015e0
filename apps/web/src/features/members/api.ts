import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MemberCreateRequest, MemberDetail, MemberHistoryResponse, MemberListQuery, MemberListResponse, MemberPatchRequest,
  MemberRevealResponse, MemberStatus,
} from '@dangjian/contracts';
import { api } from '../../lib/api.ts';
import { orgKeys } from '../orgs/api.ts';

export const MEMBER_PAGE_SIZE = 20;

/** The list's filters and order: every GET /members parameter except paging. */
export type MemberFilter = { orgId: string; status?: MemberStatus; q?: string } & Partial<Omit<MemberListQuery, 'orgId' | 'limit' | 'cursor' | 'status' | 'q'>>;

export const memberKeys = {
  all: ['members'] as const,
  list: (f: MemberFilter) => [...memberKeys.all, 'list', f] as const,
  detail: (id: string) => [...memberKeys.all, 'detail', id] as const,
  history: (id: string) => [...memberKeys.all, 'history', id] as const,
};

/**
 * Members of an organization's subtree, page by page with the API's keyset cursor.
 * `fetchNextPage` appends the next page; `pages[0].total` is the filtered total.
 */
export function useMemberList(filter: MemberFilter) {
  return useInfiniteQuery({
    queryKey: memberKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<MemberListResponse>('/members', { query: { ...filter, limit: MEMBER_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useMemberDetail(id: string | undefined) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<MemberDetail>(`/members/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useMemberHistory(id: string | undefined) {
  return useQuery({
    queryKey: memberKeys.history(id ?? ''),
    queryFn: ({ signal }) => api<MemberHistoryResponse>(`/members/${id}/history`, { signal }),
    enabled: id !== undefined,
  });
}

/** After any write: lists, the member, its history and org figures may all have changed. */
function useInvalidateMembers() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: memberKeys.all }), qc.invalidateQueries({ queryKey: orgKeys.all })]);
}

export function useCreateMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (body: MemberCreateRequest) => api<MemberDetail>('/members', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateMember(id: string) {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (body: MemberPatchRequest) => api<MemberDetail>(`/members/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useMoveMember(id: string) {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (body: { toOrgId: string; reason: string }) => api<MemberDetail>(`/members/${id}/move`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** The full ID number or phone; the server audits every call, so it is never cached. */
export function useRevealMember(id: string) {
  return useMutation({
    mutationFn: (field: 'idNumber' | 'phone') => api<MemberRevealResponse>(`/members/${id}/reveal`, { method: 'POST', body: { field } }),
  });
}
