import { z } from 'zod';
import { StudyId, studyPaging, studyText } from './common.ts';

/** 单选 / 多选 / 判断. A 判断 question has the fixed options 正确, 错误. */
export const QUESTION_TYPES = { single: '单选题', multiple: '多选题', judge: '判断题' } as const;
export type QuestionType = keyof typeof QUESTION_TYPES;
export const QuestionTypeSchema = z.enum(['single', 'multiple', 'judge']);
export const JUDGE_OPTIONS = ['正确', '错误'] as const;

export const QuestionCreateRequest = z.strictObject({
  orgId: StudyId,
  type: QuestionTypeSchema,
  stem: studyText(1000).min(1),
  /** Ignored for 判断题 (fixed 正确/错误). */
  options: z.array(studyText(300).min(1)).max(8).default([]),
  /** Indices into options of the right choices. */
  answer: z.array(z.number().int().min(0).max(7)).min(1).max(8),
  explanation: studyText(1000).optional(),
  tags: z.array(studyText(20).min(1)).max(10).default([]),
});
export type QuestionCreateRequest = z.infer<typeof QuestionCreateRequest>;

export const QuestionItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), type: QuestionTypeSchema, stem: z.string(),
  options: z.array(z.string()), answer: z.array(z.number().int()), explanation: z.string().nullable(), tags: z.array(z.string()),
});
export type QuestionItem = z.infer<typeof QuestionItem>;

export const QuestionListQuery = z.strictObject({ orgId: StudyId, type: QuestionTypeSchema.optional(), ...studyPaging });
export type QuestionListQuery = z.infer<typeof QuestionListQuery>;
export const QuestionListResponse = z.object({
  items: z.array(QuestionItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
export type QuestionListResponse = z.infer<typeof QuestionListResponse>;

const DrawRule = z.strictObject({ count: z.number().int().min(0).max(200), points: z.number().int().min(0).max(100) });
export const ExamCreateRequest = z.strictObject({
  orgId: StudyId,
  title: studyText(200).min(1),
  timeLimitMinutes: z.number().int().min(1).max(600),
  passScore: z.number().int().min(0).max(10000),
  /** How many questions of each type each sitting draws at random from the bank, and points each. */
  draw: z.strictObject({ single: DrawRule, multiple: DrawRule, judge: DrawRule }),
  opensAt: z.iso.datetime({ offset: true }).nullable().optional(),
  closesAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type ExamCreateRequest = z.infer<typeof ExamCreateRequest>;

export const ExamItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(), timeLimitMinutes: z.number().int(),
  passScore: z.number().int(), totalPoints: z.number().int(), questionCount: z.number().int(),
  draw: z.object({ single: DrawRule, multiple: DrawRule, judge: DrawRule }),
  opensAt: z.string().nullable(), closesAt: z.string().nullable(),
  /** Whether the caller may manage it (bank, results). */
  manageable: z.boolean(),
  /** The caller's own sitting: not_started, in_progress, submitted. */
  myStatus: z.enum(['not_started', 'in_progress', 'submitted']),
  myScore: z.number().int().nullable(),
});
export type ExamItem = z.infer<typeof ExamItem>;
export const ExamListQuery = z.strictObject({ ...studyPaging });
export const ExamListResponse = z.object({ items: z.array(ExamItem), total: z.number().int() });
export type ExamListResponse = z.infer<typeof ExamListResponse>;

/** The paper as the member sees it while sitting: no answers, no explanations. */
export const ExamPaper = z.object({
  sittingId: z.string(), examId: z.string(), title: z.string(), startedAt: z.string(), deadlineAt: z.string(),
  serverNow: z.string(), totalPoints: z.number().int(),
  questions: z.array(z.object({ id: z.string(), type: QuestionTypeSchema, stem: z.string(), options: z.array(z.string()), points: z.number().int() })),
});
export type ExamPaper = z.infer<typeof ExamPaper>;

export const ExamSubmitRequest = z.strictObject({
  answers: z.array(z.strictObject({ questionId: StudyId, choice: z.array(z.number().int().min(0).max(7)).max(8) })).max(600),
});
export type ExamSubmitRequest = z.infer<typeof ExamSubmitRequest>;

export const ExamResult = z.object({
  sittingId: z.string(), examId: z.string(), title: z.string(), score: z.number().int(), totalPoints: z.number().int(),
  passScore: z.number().int(), passed: z.boolean(), correctCount: z.number().int(), questionCount: z.number().int(),
  submittedAt: z.string(),
  items: z.array(z.object({
    questionId: z.string(), type: QuestionTypeSchema, stem: z.string(), options: z.array(z.string()),
    choice: z.array(z.number().int()), answer: z.array(z.number().int()), correct: z.boolean(), explanation: z.string().nullable(),
  })),
});
export type ExamResult = z.infer<typeof ExamResult>;

export const ExamResultsResponse = z.object({
  people: z.array(z.object({
    name: z.string(), orgName: z.string(), startedAt: z.string(), submittedAt: z.string().nullable(),
    score: z.number().int().nullable(), passed: z.boolean(),
  })),
  orgs: z.array(z.object({
    orgId: z.string(), orgName: z.string(), memberCount: z.number().int(), participants: z.number().int(),
    participationRate: z.number(), average: z.number().nullable(), passRate: z.number().nullable(),
  })),
});
export type ExamResultsResponse = z.infer<typeof ExamResultsResponse>;
