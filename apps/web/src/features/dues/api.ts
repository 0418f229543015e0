import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DuesArrearsResponse, DuesBaseRequest, DuesMemberDetail, DuesMemberListResponse, DuesMineResponse, DuesMonthlyReport,
  DuesPaymentRequest, DuesPaymentResponse, DuesRulesResponse, DuesYearlyReport, LapseCandidatesResponse,
} from '@dangjian/contracts';
import { api, buildUrl } from '../../lib/api.ts';

export const DUES_PAGE_SIZE = 20;

export const duesKeys = {
  all: ['dues'] as const,
  rules: () => [...duesKeys.all, 'rules'] as const,
  members: (orgId: string, month: string, q: string, page: number) => [...duesKeys.all, 'members', orgId, month, q, page] as const,
  member: (id: string) => [...duesKeys.all, 'member', id] as const,
  arrears: (orgId: string, page: number) => [...duesKeys.all, 'arrears', orgId, page] as const,
  lapse: (orgId: string) => [...duesKeys.all, 'lapse', orgId] as const,
  monthly: (orgId: string, month: string) => [...duesKeys.all, 'monthly', orgId, month] as const,
  yearly: (orgId: string, year: number) => [...duesKeys.all, 'yearly', orgId, year] as const,
  mine: () => [...duesKeys.all, 'mine'] as const,
};

export const useDuesRules = () => useQuery({ queryKey: duesKeys.rules(), queryFn: ({ signal }) => api<DuesRulesResponse>('/dues/rules', { signal }), staleTime: 3_600_000 });

export function useDuesMembers(orgId: string | undefined, month: string, q: string, page: number) {
  return useQuery({
    queryKey: duesKeys.members(orgId ?? '', month, q, page), enabled: !!orgId, placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api<DuesMemberListResponse>('/dues/members', { query: { orgId, month, q, page, pageSize: DUES_PAGE_SIZE }, signal }),
  });
}

export const useDuesMember = (id: string | undefined) => useQuery({
  queryKey: duesKeys.member(id ?? ''), enabled: !!id, queryFn: ({ signal }) => api<DuesMemberDetail>(`/dues/members/${id}`, { signal }),
});

export function useArrears(orgId: string | undefined, page: number) {
  return useQuery({
    queryKey: duesKeys.arrears(orgId ?? '', page), enabled: !!orgId, placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api<DuesArrearsResponse>('/dues/arrears', { query: { orgId, page, pageSize: DUES_PAGE_SIZE }, signal }),
  });
}

export const useLapse = (orgId: string | undefined) => useQuery({
  queryKey: duesKeys.lapse(orgId ?? ''), enabled: !!orgId, queryFn: ({ signal }) => api<LapseCandidatesResponse>('/dues/lapse-candidates', { query: { orgId }, signal }),
});

export const useMonthlyReport = (orgId: string | undefined, month: string) => useQuery({
  queryKey: duesKeys.monthly(orgId ?? '', month), enabled: !!orgId,
  queryFn: ({ signal }) => api<DuesMonthlyReport>('/dues/reports/monthly', { query: { orgId, month }, signal }),
});

export const useYearlyReport = (orgId: string | undefined, year: number) => useQuery({
  queryKey: duesKeys.yearly(orgId ?? '', year), enabled: !!orgId,
  queryFn: ({ signal }) => api<DuesYearlyReport>('/dues/reports/yearly', { query: { orgId, year }, signal }),
});

export const useMyDues = () => useQuery({ queryKey: duesKeys.mine(), queryFn: ({ signal }) => api<DuesMineResponse>('/dues/mine', { signal }) });

function useDuesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: duesKeys.all }) });
}

export const useSetBase = (memberId: string) => useDuesMutation((b: DuesBaseRequest) => api<DuesMemberDetail>(`/dues/members/${memberId}/bases`, { method: 'POST', body: b }));
export const usePay = () => useDuesMutation((b: DuesPaymentRequest) => api<DuesPaymentResponse>('/dues/payments', { method: 'POST', body: b }));
export const useRevoke = () => useDuesMutation((v: { id: string; reason: string }) => api<DuesMemberDetail>(`/dues/payments/${v.id}/revoke`, { method: 'POST', body: { reason: v.reason } }));

export const monthlyExportUrl = (orgId: string, month: string) => buildUrl('/dues/reports/monthly/export', { orgId, month });
export const yearlyExportUrl = (orgId: string, year: number) => buildUrl('/dues/reports/yearly/export', { orgId, year });
