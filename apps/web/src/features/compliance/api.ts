import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ComplianceRemindersResponse, ComplianceResponse, ComplianceSort, MeetingRule, MeetingRuleCreateRequest, MeetingRuleListResponse,
  MeetingRuleUpdateRequest,
} from '@dangjian/contracts';
import { api, buildUrl } from '../../lib/api.ts';

export const COMPLIANCE_PAGE_SIZE = 50;

export const complianceKeys = {
  all: ['compliance'] as const,
  report: (orgId: string, period: string, onlyShort: boolean, sort: string, cursor: string) =>
    [...complianceKeys.all, 'report', orgId, period, onlyShort, sort, cursor] as const,
  rules: (orgId: string) => [...complianceKeys.all, 'rules', orgId] as const,
  reminders: () => [...complianceKeys.all, 'reminders'] as const,
};

export interface ReportFilter { orgId?: string; period: string; onlyShort: boolean; sort: ComplianceSort }

/** One page of the compliance report (cursor = position from the previous page). */
export function useComplianceReport(f: ReportFilter, cursor: string) {
  return useQuery({
    queryKey: complianceKeys.report(f.orgId ?? '', f.period, f.onlyShort, f.sort, cursor),
    queryFn: ({ signal }) => api<ComplianceResponse>('/compliance', {
      query: { orgId: f.orgId, period: f.period, onlyShort: f.onlyShort ? 'true' : undefined, sort: f.sort, cursor: cursor || undefined, pageSize: COMPLIANCE_PAGE_SIZE }, signal,
    }),
    enabled: !!f.orgId,
    placeholderData: keepPreviousData,
  });
}

export const complianceExportUrl = (f: ReportFilter) =>
  buildUrl('/compliance/export', { orgId: f.orgId, period: f.period, onlyShort: f.onlyShort ? 'true' : undefined, sort: f.sort });

/** The signed-in secretary's reminders (computed on read; refreshed every 10 minutes). */
export function useReminders() {
  return useQuery({
    queryKey: complianceKeys.reminders(),
    queryFn: ({ signal }) => api<ComplianceRemindersResponse>('/compliance/reminders', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useMeetingRules(orgId: string | undefined) {
  return useQuery({
    queryKey: complianceKeys.rules(orgId ?? ''),
    queryFn: ({ signal }) => api<MeetingRuleListResponse>('/meeting-rules', { query: { orgId }, signal }),
    enabled: !!orgId,
  });
}

function useRuleMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  // Rules change every report, so the whole feature's cache is refreshed.
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: complianceKeys.all }) });
}

export const useCreateRule = () => useRuleMutation((b: MeetingRuleCreateRequest) => api<MeetingRule>('/meeting-rules', { method: 'POST', body: b }));
export const useUpdateRule = () => useRuleMutation(({ id, body }: { id: string; body: MeetingRuleUpdateRequest }) =>
  api<MeetingRule>(`/meeting-rules/${id}`, { method: 'PATCH', body }));
export const useDeleteRule = () => useRuleMutation((id: string) => api(`/meeting-rules/${id}`, { method: 'DELETE' }));
