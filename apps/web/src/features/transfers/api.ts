import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FloatingCreateRequest, FloatingListResponse, FloatingMember, IncomingLetterRequest, InternalTransferRequest, LapseResponse,
  MemberExit, MemberExitCreateRequest, MemberExitDetail, MemberExitListResponse, MemberListResponse, OutLetterRequest, Transfer,
  TransferListResponse,
} from '@dangjian/contracts';
import { api } from '../../lib/api.ts';

type Query = Record<string, string | number | undefined>;

export const transferKeys = {
  all: ['transfers'] as const,
  list: (q: Query) => [...transferKeys.all, 'list', q] as const,
  one: (id: string) => [...transferKeys.all, 'one', id] as const,
  floating: (q: Query) => [...transferKeys.all, 'floating', q] as const,
  exits: (q: Query) => [...transferKeys.all, 'exits', q] as const,
  exit: (id: string) => [...transferKeys.all, 'exit', id] as const,
  lapse: (q: Query) => [...transferKeys.all, 'lapse', q] as const,
};

export const useTransfers = (q: Query) => useQuery({
  queryKey: transferKeys.list(q), placeholderData: keepPreviousData,
  queryFn: ({ signal }) => api<TransferListResponse>('/transfers', { query: q, signal }),
});
export const useTransfer = (id: string) => useQuery({
  queryKey: transferKeys.one(id), queryFn: ({ signal }) => api<Transfer>(`/transfers/${id}`, { signal }),
});
export const useFloating = (q: Query) => useQuery({
  queryKey: transferKeys.floating(q), placeholderData: keepPreviousData,
  queryFn: ({ signal }) => api<FloatingListResponse>('/transfers/floating', { query: q, signal }),
});
export const useExits = (q: Query) => useQuery({
  queryKey: transferKeys.exits(q), placeholderData: keepPreviousData,
  queryFn: ({ signal }) => api<MemberExitListResponse>('/member-exits', { query: q, signal }),
});
export const useExit = (id: string | undefined) => useQuery({
  queryKey: transferKeys.exit(id ?? ''), enabled: !!id,
  queryFn: ({ signal }) => api<MemberExitDetail>(`/member-exits/${id}`, { signal }),
});
export const useLapse = (q: Query) => useQuery({
  queryKey: transferKeys.lapse(q), placeholderData: keepPreviousData,
  queryFn: ({ signal }) => api<LapseResponse>('/member-exits/lapse-candidates', { query: q, signal }),
});

/** Members of the caller's scope matching a name (for pickers). */
export async function searchMembers(orgId: string, q: string) {
  return (await api<MemberListResponse>('/members', { query: { orgId, q: q || undefined, limit: 20 } })).items;
}
/** Branches anywhere in the tree, by name (destination of an internal transfer). */
export async function searchDestinations(q: string) {
  return (await api<{ items: { id: string; name: string }[] }>('/transfers/destinations', { query: { q } })).items;
}

/** Every write invalidates the feature and the member registry (members move or leave). */
function useWrite<B, R>(fn: (b: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: transferKeys.all }), qc.invalidateQueries({ queryKey: ['members'] })]),
  });
}
const post = <R>(path: string, body?: unknown) => api<R>(path, { method: 'POST', body });

export const useInternalTransfer = () => useWrite((b: InternalTransferRequest) => post<Transfer>('/transfers/internal', b));
export const useIssueLetter = () => useWrite((b: OutLetterRequest) => post<Transfer>('/transfers/letters', b));
export const useIncomingLetter = () => useWrite((b: IncomingLetterRequest) => post<Transfer>('/transfers/incoming', b));
export const useTransferAction = () => useWrite((a: { id: string; action: 'accept' | 'reject' | 'cancel' | 'file' | 'receipt'; body?: unknown }) =>
  post<Transfer>(`/transfers/${a.id}/${a.action}`, a.body ?? (a.action === 'accept' || a.action === 'reject' ? {} : undefined)));
export const useCreateFloating = () => useWrite((b: FloatingCreateRequest) => post<FloatingMember>('/transfers/floating', b));
export const useEndFloating = () => useWrite((id: string) => post<FloatingMember>(`/transfers/floating/${id}/end`));
export const useCreateExit = () => useWrite((b: MemberExitCreateRequest) => post<MemberExit>('/member-exits', b));
