import { useQuery } from '@tanstack/react-query';
import type {
  LecturerCountResponse, LessonCreateRequest, LessonItem, LessonListResponse, MicroCreateRequest, MicroItem, MyTrainingRecord,
  SelectionResults, SelectionRound, StudyItem, StudyItemCreateRequest, StudyItemListResponse, StudyItemStats, TrainingCreateRequest,
  TrainingItem, TrainingRoster, VoteResults, VoteRound,
} from '@dangjian/contracts';
import { api, csrfHeader, ApiError } from '../../lib/api.ts';
import { studyKeys, useStudyMutation } from './api.ts';

const key = (...parts: (string | number | undefined)[]) => [...studyKeys.all, ...parts.map((p) => p ?? '')] as const;
const get = <T,>(path: string, query?: Record<string, string | number | undefined>) => ({ signal }: { signal: AbortSignal }) => api<T>(path, { query, signal });

export const useLessons = (orgId: string | undefined, year: number, page: number) =>
  useQuery({ queryKey: key('lessons', orgId, year, page), queryFn: get<LessonListResponse>('/lessons', { orgId, year, page, pageSize: 20 }), enabled: !!orgId });
export const useLecturers = (orgId: string | undefined, year: number) =>
  useQuery({ queryKey: key('lecturers', orgId, year), queryFn: get<LecturerCountResponse>('/lessons/lecturers', { orgId, year }), enabled: !!orgId });
export const useCreateLesson = () => useStudyMutation((b: LessonCreateRequest) => api<LessonItem>('/lessons', { method: 'POST', body: b }));
export const useSelections = () => useQuery({ queryKey: key('selections'), queryFn: get<{ items: SelectionRound[] }>('/lessons/selections') });
export const useSelectionResults = (id: string | undefined) =>
  useQuery({ queryKey: key('selection', id), queryFn: get<SelectionResults>(`/lessons/selections/${id}/results`), enabled: !!id });
export const useScore = (roundId: string) =>
  useStudyMutation((v: { itemId: string; score: number }) => api(`/lessons/selections/${roundId}/items/${v.itemId}/score`, { method: 'POST', body: { score: v.score } }));

export const useMicro = () => useQuery({ queryKey: key('micro'), queryFn: get<{ items: MicroItem[] }>('/lessons/micro') });
export const useSubmitMicro = () => useStudyMutation((b: MicroCreateRequest) => api<MicroItem>('/lessons/micro', { method: 'POST', body: b }));
export const useReviewMicro = () =>
  useStudyMutation((v: { id: string; approve: boolean; reason?: string }) => api<MicroItem>(`/lessons/micro/${v.id}/review`, { method: 'POST', body: { approve: v.approve, reason: v.reason } }));
/** Uploads the file as the raw request body; the server checks its type from its bytes. */
export const useUploadMicro = () => useStudyMutation(async (v: { title: string; file: File }) => {
  const q = new URLSearchParams({ title: v.title, fileName: v.file.name });
  const res = await fetch(`/api/v1/lessons/micro/upload?${q}`, { method: 'POST', body: v.file, headers: { 'content-type': v.file.type || 'application/octet-stream', ...csrfHeader() } });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.code ?? `HTTP_${res.status}`, data.message ?? '上传失败');
  return data as MicroItem;
});
export const useVoteRounds = () => useQuery({ queryKey: key('vote-rounds'), queryFn: get<{ items: VoteRound[] }>('/lessons/vote-rounds') });
export const useVoteResults = (id: string | undefined) =>
  useQuery({ queryKey: key('vote-results', id), queryFn: get<VoteResults>(`/lessons/vote-rounds/${id}/results`), enabled: !!id });
export const useCreateVoteRound = () => useStudyMutation((b: { orgId: string; title: string }) => api<VoteRound>('/lessons/vote-rounds', { method: 'POST', body: b }));
export const useVote = (roundId: string) => useStudyMutation((microLessonId: string) => api(`/lessons/vote-rounds/${roundId}/vote`, { method: 'POST', body: { microLessonId } }));

export const useStudyItems = (page: number) => useQuery({ queryKey: key('items', page), queryFn: get<StudyItemListResponse>('/study-items', { page, pageSize: 20 }) });
export const useCreateStudyItem = () => useStudyMutation((b: StudyItemCreateRequest) => api<StudyItem>('/study-items', { method: 'POST', body: b }));
export const useReadStudyItem = () => useStudyMutation((id: string) => api<StudyItem>(`/study-items/${id}/read`, { method: 'POST' }));
export const useStudyItemStats = (id: string | undefined) =>
  useQuery({ queryKey: key('item-stats', id), queryFn: get<StudyItemStats>(`/study-items/${id}/stats`), enabled: !!id });

export const useTrainings = () => useQuery({ queryKey: key('trainings'), queryFn: get<{ items: TrainingItem[] }>('/trainings') });
export const useMyTrainings = () => useQuery({ queryKey: key('my-trainings'), queryFn: get<MyTrainingRecord>('/trainings/mine') });
export const useTrainingRoster = (id: string | undefined) =>
  useQuery({ queryKey: key('roster', id), queryFn: get<TrainingRoster>(`/trainings/${id}/roster`), enabled: !!id });
export const useCreateTraining = () => useStudyMutation((b: TrainingCreateRequest) => api('/trainings', { method: 'POST', body: b }));
export const useEnrol = (id: string) => useStudyMutation((memberIds: string[]) => api(`/trainings/${id}/enrol`, { method: 'POST', body: { memberIds } }));
export const useAttend = (id: string) =>
  useStudyMutation((v: { sessionId: string; memberIds: string[] }) => api(`/trainings/${id}/sessions/${v.sessionId}/attendance`, { method: 'POST', body: { memberIds: v.memberIds } }));
/** Members of an organization's subtree for pickers (first 200). */
export const useMemberOptions = (orgId: string | undefined) => useQuery({
  queryKey: ['study', 'member-options', orgId ?? ''],
  queryFn: get<{ items: { id: string; name: string }[] }>('/members', { orgId, limit: 200 }), enabled: !!orgId,
});
