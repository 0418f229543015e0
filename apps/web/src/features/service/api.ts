import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClaimRequest, MyService, Pairing, PairingListResponse, PairingPatch, PairingRequest, PairingVisit, PairingVisitListResponse, PairingVisitRequest,
  PostClaim, PostClaimListResponse, ServiceDemandRequest, ServiceFeedback, ServiceFeedbackListResponse, ServiceFeedbackRequest, ServiceHoursEntry,
  ServiceHoursListResponse, ServiceHoursRequest, ServiceItem, ServiceItemListResponse, ServiceItemPatch, ServicePost, ServicePostListResponse,
  ServicePostPatch, ServicePostRequest, ServiceProject, ServiceProjectListResponse, ServiceProjectPatch, ServiceProjectRequest, ServiceReport,
  ServiceReportListResponse, ServiceReportRequest, ServiceResourceRequest, ServiceTotals,
} from '@dangjian/contracts';
import { api, buildUrl, csrfHeader, ApiError } from '../../lib/api.ts';

export const SERVICE_PAGE_SIZE = 20;
export const serviceKeys = { all: ['service'] as const };
const k = (...parts: unknown[]) => [...serviceKeys.all, ...parts];
export type Side = 'community' | 'branch';

export const useMyService = () => useQuery({ queryKey: k('mine'), queryFn: ({ signal }) => api<MyService>('/posts/mine', { signal }) });
export const useCommunities = (q: string) => useQuery({
  queryKey: k('communities', q), queryFn: ({ signal }) => api<{ items: { id: string; name: string }[] }>('/service-communities', { query: { q }, signal }),
});
export const usePosts = (orgId: string | undefined, q: string, page: number) => useQuery({
  queryKey: k('posts', orgId, q, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<ServicePostListResponse>('/posts', { query: { orgId, q, page, pageSize: SERVICE_PAGE_SIZE }, signal }),
});
export const useClaims = (postId: string | undefined) => useQuery({
  queryKey: k('claims', postId), enabled: !!postId, queryFn: ({ signal }) => api<PostClaimListResponse>(`/posts/${postId}/claims`, { signal }),
});
export const useReports = (orgId: string | undefined, side: Side, year: number, status: string, page: number) => useQuery({
  queryKey: k('reports', orgId, side, year, status, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<ServiceReportListResponse>('/service-reports', { query: { orgId, side, year, status, page, pageSize: SERVICE_PAGE_SIZE }, signal }),
});
export const useFeedback = (orgId: string | undefined, side: Side, year: number) => useQuery({
  queryKey: k('feedback', orgId, side, year), enabled: !!orgId, retry: false,
  queryFn: ({ signal }) => api<ServiceFeedbackListResponse>('/service-feedback', { query: { orgId, side, year }, signal }),
});
export const useHours = (orgId: string | undefined, side: Side, year: number, page: number) => useQuery({
  queryKey: k('hours', orgId, side, year, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<ServiceHoursListResponse>('/service-hours', { query: { orgId, side, year, page, pageSize: SERVICE_PAGE_SIZE }, signal }),
});
export const useTotals = (orgId: string | undefined, side: Side, year: number) => useQuery({
  queryKey: k('totals', orgId, side, year), enabled: !!orgId, retry: false,
  queryFn: ({ signal }) => api<ServiceTotals>('/service-hours/totals', { query: { orgId, side, year }, signal }),
});
export const hoursExportUrl = (orgId: string, side: Side, year: number) => buildUrl('/service-hours/export', { orgId, side, year });
export const useItems = (kind: 'resources' | 'demands', orgId: string | undefined, page: number) => useQuery({
  queryKey: k(kind, orgId, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<ServiceItemListResponse>(`/service-${kind}`, { query: { orgId, page, pageSize: SERVICE_PAGE_SIZE }, signal }),
});
export const useProjects = (orgId: string | undefined, page: number) => useQuery({
  queryKey: k('projects', orgId, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<ServiceProjectListResponse>('/service-projects', { query: { orgId, page, pageSize: SERVICE_PAGE_SIZE }, signal }),
});
export const usePairings = (orgId: string | undefined, q: string, status: string, page: number) => useQuery({
  queryKey: k('pairings', orgId, q, status, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<PairingListResponse>('/pairings', { query: { orgId, q, status, page, pageSize: SERVICE_PAGE_SIZE }, signal }),
});
export const useVisits = (pairingId: string | undefined) => useQuery({
  queryKey: k('visits', pairingId), enabled: !!pairingId, queryFn: ({ signal }) => api<PairingVisitListResponse>(`/pairings/${pairingId}/visits`, { signal }),
});
export const visitPhotoUrl = (pairingId: string, visitId: string) => buildUrl(`/pairings/${pairingId}/visits/${visitId}/photo`);

function useServiceMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: serviceKeys.all }) });
}
export const useAddPost = () => useServiceMutation((b: ServicePostRequest) => api<ServicePost>('/posts', { method: 'POST', body: b }));
export const useUpdatePost = () => useServiceMutation((v: { id: string; patch: ServicePostPatch }) => api<ServicePost>(`/posts/${v.id}`, { method: 'PATCH', body: v.patch }));
export const useDeletePost = () => useServiceMutation((id: string) => api(`/posts/${id}`, { method: 'DELETE' }));
export const useClaim = () => useServiceMutation((v: { postId: string } & ClaimRequest) => api<PostClaim>(`/posts/${v.postId}/claim`, { method: 'POST', body: { memberId: v.memberId } }));
export const useUnclaim = () => useServiceMutation((v: { postId: string } & ClaimRequest) => api<PostClaim>(`/posts/${v.postId}/unclaim`, { method: 'POST', body: { memberId: v.memberId } }));
export const useReport = () => useServiceMutation((b: ServiceReportRequest) => api<ServiceReport>('/service-reports', { method: 'POST', body: b }));
export const useEndReport = () => useServiceMutation((id: string) => api<ServiceReport>(`/service-reports/${id}/end`, { method: 'POST', body: {} }));
export const useRate = () => useServiceMutation((b: ServiceFeedbackRequest) => api<ServiceFeedback>('/service-feedback', { method: 'PUT', body: b }));
export const useLogHours = () => useServiceMutation((b: ServiceHoursRequest) => api<ServiceHoursEntry>('/service-hours', { method: 'POST', body: b }));
export const useDeleteHours = () => useServiceMutation((id: string) => api(`/service-hours/${id}`, { method: 'DELETE' }));
export const useAddResource = () => useServiceMutation((b: ServiceResourceRequest) => api<ServiceItem>('/service-resources', { method: 'POST', body: b }));
export const useAddDemand = () => useServiceMutation((b: ServiceDemandRequest) => api<ServiceItem>('/service-demands', { method: 'POST', body: b }));
export const usePatchItem = () => useServiceMutation((v: { kind: 'resources' | 'demands'; id: string; patch: ServiceItemPatch }) => api<ServiceItem>(`/service-${v.kind}/${v.id}`, { method: 'PATCH', body: v.patch }));
export const useAddProject = () => useServiceMutation((b: ServiceProjectRequest) => api<ServiceProject>('/service-projects', { method: 'POST', body: b }));
export const usePatchProject = () => useServiceMutation((v: { id: string; patch: ServiceProjectPatch }) => api<ServiceProject>(`/service-projects/${v.id}`, { method: 'PATCH', body: v.patch }));
export const useAddPairing = () => useServiceMutation((b: PairingRequest) => api<Pairing>('/pairings', { method: 'POST', body: b }));
export const usePatchPairing = () => useServiceMutation((v: { id: string; patch: PairingPatch }) => api<Pairing>(`/pairings/${v.id}`, { method: 'PATCH', body: v.patch }));
export const useAddVisit = () => useServiceMutation(async (v: { pairingId: string; body: PairingVisitRequest; photo?: File }) => {
  const visit = await api<PairingVisit>(`/pairings/${v.pairingId}/visits`, { method: 'POST', body: v.body });
  if (v.photo) await uploadVisitPhoto(v.pairingId, visit.id, v.photo);
  return visit;
});

/** Uploads a visit photo as the raw request body (the server checks its bytes, not its name). */
export async function uploadVisitPhoto(pairingId: string, visitId: string, file: File): Promise<PairingVisit> {
  const res = await fetch(buildUrl(`/pairings/${pairingId}/visits/${visitId}/photo`), {
    method: 'PUT', body: file, credentials: 'same-origin', headers: { 'content-type': file.type || 'application/octet-stream', ...csrfHeader() },
  });
  const data = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? `HTTP_${res.status}`, data?.message ?? '照片上传失败');
  return data as PairingVisit;
}
