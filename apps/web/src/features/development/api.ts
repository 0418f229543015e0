import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DevCaseCreateRequest, DevCaseDetail, DevCaseListResponse, DevDocumentView, DevEligibleMembersResponse, DevNoticeRequest,
  DevNoticeView, DevPipelineResponse, DevStepRequest, DevTodoResponse,
} from '@dangjian/contracts';
import { api, ApiError, buildUrl, csrfHeader } from '../../lib/api.ts';

export const DEV_PAGE_SIZE = 20;

export const devKeys = {
  all: ['development'] as const,
  list: (orgId: string, status: string, stage: number | undefined, q: string, page: number) => [...devKeys.all, 'list', orgId, status, stage, q, page] as const,
  pipeline: (orgId: string) => [...devKeys.all, 'pipeline', orgId] as const,
  todo: () => [...devKeys.all, 'todo'] as const,
  detail: (id: string) => [...devKeys.all, 'detail', id] as const,
  eligible: (id: string) => [...devKeys.all, 'eligible', id] as const,
};

export function useDevCases(orgId: string | undefined, status: string, stage: number | undefined, q: string, page: number) {
  return useQuery({
    queryKey: devKeys.list(orgId ?? '', status, stage, q, page),
    queryFn: ({ signal }) => api<DevCaseListResponse>('/development-cases', { query: { orgId, status: status || undefined, stage, q, page, pageSize: DEV_PAGE_SIZE }, signal }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}

export const usePipeline = (orgId: string | undefined) => useQuery({
  queryKey: devKeys.pipeline(orgId ?? ''), enabled: !!orgId,
  queryFn: ({ signal }) => api<DevPipelineResponse>('/development-cases/pipeline', { query: { orgId }, signal }),
});

export const useTodo = () => useQuery({ queryKey: devKeys.todo(), queryFn: ({ signal }) => api<DevTodoResponse>('/development-cases/todo', { signal }) });

export const useDevCase = (id: string | undefined) => useQuery({
  queryKey: devKeys.detail(id ?? ''), enabled: !!id, queryFn: ({ signal }) => api<DevCaseDetail>(`/development-cases/${id}`, { signal }),
});

export const useEligible = (id: string | undefined) => useQuery({
  queryKey: devKeys.eligible(id ?? ''), enabled: !!id,
  queryFn: ({ signal }) => api<DevEligibleMembersResponse>(`/development-cases/${id}/eligible-members`, { signal }),
});

function useDevMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: devKeys.all }) });
}

export const useCreateCase = () => useDevMutation((b: DevCaseCreateRequest) => api<DevCaseDetail>('/development-cases', { method: 'POST', body: b }));
export const useAddStep = (id: string) => useDevMutation((b: DevStepRequest) => api<DevCaseDetail>(`/development-cases/${id}/steps`, { method: 'POST', body: b }));
export const usePublishNotice = (id: string) => useDevMutation((b: DevNoticeRequest) => api<DevNoticeView>(`/development-cases/${id}/notices`, { method: 'POST', body: b }));

/** Uploads a step document as the raw body; the server decides the type from its bytes. */
export async function uploadDocument(caseId: string, stepNo: number, file: File): Promise<DevDocumentView> {
  const res = await fetch(buildUrl(`/development-cases/${caseId}/documents`, { stepNo, fileName: file.name.slice(0, 200) }), {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json', ...csrfHeader() },
  });
  const data = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? `HTTP_${res.status}`, data?.message ?? `上传失败（${res.status}）`);
  return data as DevDocumentView;
}

export const documentUrl = (caseId: string, docId: string) => buildUrl(`/development-cases/${caseId}/documents/${docId}`);
