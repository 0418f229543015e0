import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MeetingAmendmentRequest, MeetingCreateRequest, MeetingDetail, MeetingFile, MeetingKindsResponse, MeetingListResponse,
  MeetingMineResponse, MeetingPrint, MeetingRosterResponse, MeetingTemplate, MeetingUpdateRequest,
} from '@dangjian/contracts';
import { api, ApiError, buildUrl, csrfHeader } from '../../lib/api.ts';

export const MEETING_PAGE_SIZE = 20;

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (f: MeetingFilter, page: number) => [...meetingKeys.all, 'list', f, page] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
};

export interface MeetingFilter { orgId?: string; kind?: string; from?: string; to?: string }

/** Meetings of a subtree, newest first, one page. */
export function useMeetingList(f: MeetingFilter, page: number) {
  return useQuery({
    queryKey: meetingKeys.list(f, page),
    queryFn: ({ signal }) => api<MeetingListResponse>('/meetings', { query: { ...f, page, pageSize: MEETING_PAGE_SIZE }, signal }),
    enabled: !!f.orgId,
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({ queryKey: meetingKeys.detail(id ?? ''), queryFn: ({ signal }) => api<MeetingDetail>(`/meetings/${id}`, { signal }), enabled: !!id });
}

export function useMeetingPrint(id: string) {
  return useQuery({ queryKey: [...meetingKeys.all, 'print', id], queryFn: ({ signal }) => api<MeetingPrint>(`/meetings/${id}/print`, { signal }) });
}

export function useMeetingKinds(orgId: string | undefined) {
  return useQuery({
    queryKey: [...meetingKeys.all, 'kinds', orgId ?? ''],
    queryFn: ({ signal }) => api<MeetingKindsResponse>('/meetings/kinds', { query: { orgId }, signal }),
    enabled: !!orgId, staleTime: 60_000,
  });
}

export function useMeetingTemplates() {
  return useQuery({ queryKey: [...meetingKeys.all, 'templates'], queryFn: ({ signal }) => api<{ items: MeetingTemplate[] }>('/meetings/templates', { signal }), staleTime: 300_000 });
}

export function useMeetingRoster(orgId: string | undefined, kind: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: [...meetingKeys.all, 'roster', orgId ?? '', kind ?? '', date ?? ''],
    queryFn: ({ signal }) => api<MeetingRosterResponse>('/meetings/roster', { query: { orgId, kind, date }, signal }),
    enabled: !!orgId && !!kind && !!date,
  });
}

export function useMyMeetings(year: number) {
  return useQuery({ queryKey: [...meetingKeys.all, 'mine', year], queryFn: ({ signal }) => api<MeetingMineResponse>('/meetings/mine', { query: { year }, signal }) });
}

function useMeetingMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: meetingKeys.all }) });
}

export const useCreateMeeting = () => useMeetingMutation((b: MeetingCreateRequest) => api<MeetingDetail>('/meetings', { method: 'POST', body: b }));
export const useUpdateMeeting = (id: string) => useMeetingMutation((b: MeetingUpdateRequest) => api<MeetingDetail>(`/meetings/${id}`, { method: 'PATCH', body: b }));
export const useDeleteMeeting = () => useMeetingMutation((id: string) => api(`/meetings/${id}`, { method: 'DELETE' }));
export const useAmendMeeting = (id: string) => useMeetingMutation((b: MeetingAmendmentRequest) => api<MeetingDetail>(`/meetings/${id}/amendments`, { method: 'POST', body: b }));
export const useCreateKind = () => useMeetingMutation((b: { orgId: string; label: string }) => api<{ code: string }>('/meetings/kinds', { method: 'POST', body: b }));
export const useDeleteMeetingFile = (id: string) => useMeetingMutation((fileId: string) => api(`/meetings/${id}/files/${fileId}`, { method: 'DELETE' }));

/** Uploads one photo or attachment as the raw request body (the server checks its bytes). */
export async function uploadMeetingFile(id: string, file: File, category: 'photo' | 'attachment'): Promise<MeetingFile> {
  const res = await fetch(buildUrl(`/meetings/${id}/files`, { category, name: file.name.slice(0, 200) }), {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json', ...csrfHeader() },
  });
  const data = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? `HTTP_${res.status}`, data?.message ?? `上传失败（${res.status}）`);
  return data as MeetingFile;
}

export const meetingFileUrl = (id: string, fileId: string) => buildUrl(`/meetings/${id}/files/${fileId}`);
export const meetingExportUrl = (f: MeetingFilter) => buildUrl('/meetings/export', { ...f });
