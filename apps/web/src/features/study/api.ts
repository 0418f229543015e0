import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExamCreateRequest, ExamItem, ExamListResponse, ExamPaper, ExamResult, ExamResultsResponse, ExamSubmitRequest,
  QuestionCreateRequest, QuestionItem, QuestionListResponse, QuestionType,
} from '@dangjian/contracts';
import { api } from '../../lib/api.ts';

export const studyKeys = {
  all: ['study'] as const,
  exams: () => [...studyKeys.all, 'exams'] as const,
  questions: (orgId: string, type: string, page: number) => [...studyKeys.all, 'questions', orgId, type, page] as const,
  results: (id: string) => [...studyKeys.all, 'results', id] as const,
  myResult: (id: string) => [...studyKeys.all, 'my-result', id] as const,
};

export function useExams() {
  return useQuery({ queryKey: studyKeys.exams(), queryFn: ({ signal }) => api<ExamListResponse>('/exams', { query: { pageSize: 200 }, signal }) });
}

export function useQuestions(orgId: string | undefined, type: QuestionType | '', page: number) {
  return useQuery({
    queryKey: studyKeys.questions(orgId ?? '', type, page),
    queryFn: ({ signal }) => api<QuestionListResponse>('/exams/questions', { query: { orgId, type, page, pageSize: 10 }, signal }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}

export function useExamResults(id: string | undefined) {
  return useQuery({ queryKey: studyKeys.results(id ?? ''), queryFn: ({ signal }) => api<ExamResultsResponse>(`/exams/${id}/results`, { signal }), enabled: !!id });
}

export function useMyResult(id: string | undefined) {
  return useQuery({ queryKey: studyKeys.myResult(id ?? ''), queryFn: ({ signal }) => api<ExamResult>(`/exams/${id}/my-result`, { signal }), enabled: !!id });
}

/** A mutation that refreshes every study query when it succeeds. */
export function useStudyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: studyKeys.all }) });
}

export const useCreateQuestion = () => useStudyMutation((b: QuestionCreateRequest) => api<QuestionItem>('/exams/questions', { method: 'POST', body: b }));
export const useCreateExam = () => useStudyMutation((b: ExamCreateRequest) => api<ExamItem>('/exams', { method: 'POST', body: b }));
/** Starting is not cached: each call returns the stored paper and the server's clock. */
export const startExam = (id: string) => api<ExamPaper>(`/exams/${id}/start`, { method: 'POST' });
export const useSubmitExam = (id: string) => useStudyMutation((b: ExamSubmitRequest) => api<ExamResult>(`/exams/${id}/submit`, { method: 'POST', body: b }));
