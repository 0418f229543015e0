import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgRequest, CreateTeamRequest, DissolveOrgResponse, ExpiringTeamsResponse, MergeOrgResponse, MoveOrgRequest,
  OrgHistoryResponse, OrgRecord, SizeReportResponse, Team, TeamListResponse, UpdateOrgRequest, UpdateTeamRequest,
} from '@dangjian/contracts';
import { api, buildUrl } from '../../lib/api.ts';
import { orgKeys } from './api.ts';

export const adminKeys = {
  history: (id: string, page: number) => [...orgKeys.all, 'history', id, page] as const,
  teams: (id: string) => [...orgKeys.all, 'teams', id] as const,
  expiring: (orgId: string | undefined, page: number) => [...orgKeys.all, 'expiring', orgId ?? '', page] as const,
  sizes: (id: string, page: number, onlyWarnings: boolean) => [...orgKeys.all, 'sizes', id, page, onlyWarnings] as const,
};

/**
 * After any organization write, everything under ['orgs'] is stale: the tree, every detail
 * (figures, warnings), history, teams and reports. One prefix invalidation refreshes them.
 */
function useOrgWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }) });
}

export const useCreateOrg = () => useOrgWrite((body: CreateOrgRequest) => api<OrgRecord>('/orgs', { method: 'POST', body }));
export const useUpdateOrg = (id: string) =>
  useOrgWrite((body: UpdateOrgRequest) => api<OrgRecord>(`/orgs/${id}`, { method: 'PATCH', body }));
export const useMoveOrg = (id: string) =>
  useOrgWrite((body: MoveOrgRequest) => api<{ id: string; path: string; movedCount: number }>(`/orgs/${id}/move`, { method: 'POST', body }));
export const useMergeOrg = (id: string) =>
  useOrgWrite((body: { intoId: string; reason: string }) => api<MergeOrgResponse>(`/orgs/${id}/merge`, { method: 'POST', body }));
export const useDissolveOrg = (id: string) =>
  useOrgWrite((body: { reason: string; transferMembersTo?: string }) => api<DissolveOrgResponse>(`/orgs/${id}/dissolve`, { method: 'POST', body }));

export const useCreateTeam = (orgId: string) =>
  useOrgWrite((body: CreateTeamRequest) => api<Team>(`/orgs/${orgId}/teams`, { method: 'POST', body }));
export const useUpdateTeam = (orgId: string) =>
  useOrgWrite(({ teamId, body }: { teamId: string; body: UpdateTeamRequest }) => api<Team>(`/orgs/${orgId}/teams/${teamId}`, { method: 'PATCH', body }));
export const useDeleteTeam = (orgId: string) =>
  useOrgWrite((teamId: string) => api<{ id: string }>(`/orgs/${orgId}/teams/${teamId}`, { method: 'DELETE' }));

export function useOrgHistory(id: string, page: number, pageSize = 10) {
  return useQuery({
    queryKey: adminKeys.history(id, page),
    queryFn: ({ signal }) => api<OrgHistoryResponse>(`/orgs/${id}/history`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTeams(orgId: string) {
  return useQuery({
    queryKey: adminKeys.teams(orgId),
    queryFn: ({ signal }) => api<TeamListResponse>(`/orgs/${orgId}/teams`, { signal }),
  });
}

export function useExpiringTeams(orgId: string | undefined, page: number, pageSize = 20) {
  return useQuery({
    queryKey: adminKeys.expiring(orgId, page),
    queryFn: ({ signal }) => api<ExpiringTeamsResponse>('/orgs/teams/expiring', { query: { orgId, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSizeReport(orgId: string, page: number, onlyWarnings: boolean, pageSize = 20) {
  return useQuery({
    queryKey: adminKeys.sizes(orgId, page, onlyWarnings),
    queryFn: ({ signal }) => api<SizeReportResponse>(`/orgs/${orgId}/size-report`, {
      query: { page, pageSize, onlyWarnings: onlyWarnings ? 'true' : undefined }, signal,
    }),
    placeholderData: keepPreviousData,
  });
}

/** URL of the Excel export (a plain link: the browser downloads it with the session cookie). */
export const sizeReportExportUrl = (orgId: string) => buildUrl(`/orgs/${orgId}/size-report/export`);
