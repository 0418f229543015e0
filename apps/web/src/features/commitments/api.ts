import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommitmentCompleteRequest, CommitmentCreateRequest, CommitmentDetail, CommitmentFeedback, CommitmentFeedbackListResponse, CommitmentListResponse,
  CommitmentMineResponse, CommitmentPhoto, CommitmentProgressRequest, CommitmentVetRequest, MemberListResponse,
} from '@dangjian/contracts';
import { api, ApiError, buildUrl, csrfHeader } from '../../lib/api.ts';

export const COMMITMENT_PAGE_SIZE = 20;
export const commitmentKeys = { all: ['commitments'] as const };
const k = (...parts: unknown[]) => [...commitmentKeys.all, ...parts];

export interface CommitmentFilter { year?: number; status?: string; kind?: string; completed?: string; q?: string }

export const useCommitments = (orgId: string | undefined, f: CommitmentFilter, page: number, pageSize = COMMITMENT_PAGE_SIZE) => useQuery({
  queryKey: k('list', orgId, f, page, pageSize), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<CommitmentListResponse>('/commitments', { query: { orgId, ...f, page, pageSize }, signal }),
});
export const useCommitment = (id: string | undefined) => useQuery({
  queryKey: k('detail', id), enabled: !!id, queryFn: ({ signal }) => api<CommitmentDetail>(`/commitments/${id}`, { signal }),
});
export const useMyCommitments = (year: number) => useQuery({
  queryKey: k('mine', year), queryFn: ({ signal }) => api<CommitmentMineResponse>('/commitments/mine', { query: { year }, signal }),
});
export const useCommitmentFeedback = (orgId: string | undefined, filter: string, page: number) => useQuery({
  queryKey: k('feedback', orgId, filter, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<CommitmentFeedbackListResponse>('/commitments/feedback', { query: { orgId, filter, page, pageSize: COMMITMENT_PAGE_SIZE }, signal }),
});
/** Members of a subtree by name, for the "write for a member" picker. */
export const useMemberSearch = (orgId: string | undefined, q: string) => useQuery({
  queryKey: ['members', 'pick', orgId, q], enabled: !!orgId,
  queryFn: ({ signal }) => api<MemberListResponse>('/members', { query: { orgId, q, limit: 20 }, signal }),
});

function useCommitmentMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: commitmentKeys.all }) });
}
export const useCreateCommitment = () => useCommitmentMutation((b: CommitmentCreateRequest) => api<CommitmentDetail>('/commitments', { method: 'POST', body: b }));
export const useUpdateCommitment = () => useCommitmentMutation((v: { id: string; content: string }) => api<CommitmentDetail>(`/commitments/${v.id}`, { method: 'PATCH', body: { content: v.content } }));
export const useDeleteCommitment = () => useCommitmentMutation((id: string) => api<{ id: string }>(`/commitments/${id}`, { method: 'DELETE' }));
export const useSubmitCommitment = () => useCommitmentMutation((id: string) => api<CommitmentDetail>(`/commitments/${id}/submit`, { method: 'POST' }));
export const useVetCommitment = () => useCommitmentMutation((v: { id: string } & CommitmentVetRequest) => api<CommitmentDetail>(`/commitments/${v.id}/vet`, { method: 'POST', body: { decision: v.decision, reason: v.reason } }));
export const useAddProgress = () => useCommitmentMutation((v: { id: string } & CommitmentProgressRequest) => api<CommitmentDetail>(`/commitments/${v.id}/progress`, { method: 'POST', body: { onDate: v.onDate, note: v.note } }));
export const useCompleteCommitment = () => useCommitmentMutation((v: { id: string } & CommitmentCompleteRequest) => api<CommitmentDetail & { pointsAwarded: number }>(`/commitments/${v.id}/complete`, { method: 'POST', body: { note: v.note, rating: v.rating } }));
export const useAnswerFeedback = () => useCommitmentMutation((v: { id: string; answer: string }) => api<CommitmentFeedback>(`/commitments/feedback/${v.id}/answer`, { method: 'POST', body: { answer: v.answer } }));
export const useHideFeedback = () => useCommitmentMutation((v: { id: string; hidden: boolean }) => api<CommitmentFeedback>(`/commitments/feedback/${v.id}/hide`, { method: 'POST', body: { hidden: v.hidden } }));

/** Sends an image file as the raw request body (the server checks its magic bytes). */
async function uploadImage(path: string, file: File): Promise<CommitmentPhoto> {
  const res = await fetch(buildUrl(path), { method: 'POST', body: file, credentials: 'same-origin', headers: { 'content-type': file.type || 'application/octet-stream', ...csrfHeader() } });
  const data = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? `HTTP_${res.status}`, data?.message ?? `上传失败（${res.status}）`);
  return data as CommitmentPhoto;
}
export const useUploadMyPhoto = () => useCommitmentMutation((file: File) => uploadImage('/commitments/photos/me', file));
export const useUploadMemberPhoto = () => useCommitmentMutation((v: { memberId: string; file: File }) => uploadImage(`/commitments/photos/members/${v.memberId}`, v.file));
export const useUploadProgressPhoto = () => useCommitmentMutation((v: { id: string; progressId: string; file: File }) => uploadImage(`/commitments/${v.id}/progress/${v.progressId}/photo`, v.file));

export const photoUrl = (id: string) => buildUrl(`/commitments/photos/${id}`);
export const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
export const formatDay = (s: string | null) => (s ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(s)) : '');
