import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SiteCreateRequest, SiteDetail, SiteKind, SiteListResponse, SitePhoto, SiteUpdateRequest } from '@dangjian/contracts';
import { api, ApiError, buildUrl } from '../../lib/api.ts';

export const SITE_PAGE_SIZE = 20;

export const siteKeys = {
  all: ['sites'] as const,
  list: (orgId: string, kind: string, q: string, page: number) => [...siteKeys.all, 'list', orgId, kind, q, page] as const,
  detail: (id: string) => [...siteKeys.all, 'detail', id] as const,
};

/** Sites of a subtree, one page, with totals over the whole filter. */
export function useSiteList(orgId: string | undefined, kind: SiteKind | undefined, q: string, page: number) {
  return useQuery({
    queryKey: siteKeys.list(orgId ?? '', kind ?? '', q, page),
    queryFn: ({ signal }) => api<SiteListResponse>('/sites', { query: { orgId, kind, q, page, pageSize: SITE_PAGE_SIZE }, signal }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}

export function useSite(id: string | undefined) {
  return useQuery({ queryKey: siteKeys.detail(id ?? ''), queryFn: ({ signal }) => api<SiteDetail>(`/sites/${id}`, { signal }), enabled: !!id });
}

function useSiteMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: siteKeys.all }) });
}

export const useCreateSite = () => useSiteMutation((b: SiteCreateRequest) => api<SiteDetail>('/sites', { method: 'POST', body: b }));
export const useUpdateSite = (id: string) => useSiteMutation((b: SiteUpdateRequest) => api<SiteDetail>(`/sites/${id}`, { method: 'PATCH', body: b }));
export const useDeleteSite = () => useSiteMutation((id: string) => api(`/sites/${id}`, { method: 'DELETE' }));
export const useDeletePhoto = (siteId: string) => useSiteMutation((photoId: string) => api(`/sites/${siteId}/photos/${photoId}`, { method: 'DELETE' }));

/** Uploads one photo as the raw request body (the server checks its bytes, not its name). */
export async function uploadSitePhoto(siteId: string, file: File, csrfToken: string): Promise<SitePhoto> {
  const res = await fetch(buildUrl(`/sites/${siteId}/photos`), {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrfToken, accept: 'application/json' },
  });
  const data = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? `HTTP_${res.status}`, data?.message ?? `上传失败（${res.status}）`);
  return data as SitePhoto;
}

export const photoUrl = (siteId: string, photoId: string) => buildUrl(`/sites/${siteId}/photos/${photoId}`);
export const exportUrl = (orgId: string, kind?: SiteKind, q?: string) => buildUrl('/sites/export', { orgId, kind, q });
