import { z } from 'zod';
import { StudyDate, StudyId, studyPaging, studyText } from './common.ts';

export const LessonCreateRequest = z.strictObject({
  orgId: StudyId,
  heldOn: StudyDate,
  title: studyText(200).min(1),
  /** A member of the organization's subtree as lecturer, or an outside lecturer by name. */
  lecturerMemberId: StudyId.optional(),
  lecturerName: studyText(50).optional(),
  lecturerPost: studyText(100).optional(),
  /** 领导干部/书记讲党课: counted per person and per year. */
  lecturerIsLeader: z.boolean().default(false),
  attendees: z.number().int().min(0).max(100000).optional(),
  /** Count the attendees from the organization's roster instead of typing a number. */
  attendeesFromRoster: z.boolean().default(false),
  materials: studyText(5000).optional(),
});
export type LessonCreateRequest = z.infer<typeof LessonCreateRequest>;

export const LessonItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), heldOn: z.string(), title: z.string(),
  lecturerMemberId: z.string().nullable(), lecturerName: z.string(), lecturerPost: z.string().nullable(),
  lecturerIsLeader: z.boolean(), attendees: z.number().int(), materials: z.string().nullable(),
});
export type LessonItem = z.infer<typeof LessonItem>;

export const LessonListQuery = z.strictObject({ orgId: StudyId, year: z.coerce.number().int().min(1949).max(2100).optional(), ...studyPaging });
export type LessonListQuery = z.infer<typeof LessonListQuery>;
export const LessonListResponse = z.object({ items: z.array(LessonItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type LessonListResponse = z.infer<typeof LessonListResponse>;

export const LecturerCountQuery = z.strictObject({ orgId: StudyId, year: z.coerce.number().int().min(1949).max(2100) });
export const LecturerCountResponse = z.object({
  items: z.array(z.object({ lecturerName: z.string(), lecturerMemberId: z.string().nullable(), isLeader: z.boolean(), count: z.number().int() })),
});
export type LecturerCountResponse = z.infer<typeof LecturerCountResponse>;

/** 示范党课 and 党课名师 selection rounds. */
export const SELECTION_KINDS = { demo_lesson: '示范党课', famous_lecturer: '党课名师' } as const;
export const SelectionKind = z.enum(['demo_lesson', 'famous_lecturer']);
export const SelectionCreateRequest = z.strictObject({
  orgId: StudyId, kind: SelectionKind, title: studyText(200).min(1),
  /** User ids of the committee (评委). */
  committee: z.array(StudyId).min(1).max(30),
});
export type SelectionCreateRequest = z.infer<typeof SelectionCreateRequest>;
export const SelectionNominateRequest = z.strictObject({ lessonId: StudyId.optional(), nominee: studyText(200).min(1), note: studyText(500).optional() });
export type SelectionNominateRequest = z.infer<typeof SelectionNominateRequest>;
export const SelectionScoreRequest = z.strictObject({ score: z.number().int().min(0).max(100) });
export const SelectionItemParam = z.strictObject({ id: StudyId, itemId: StudyId });
export const SelectionListQuery = z.strictObject({ orgId: StudyId });

export const SelectionRound = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), kind: SelectionKind, title: z.string(), committee: z.array(z.string()),
  isCommittee: z.boolean(), closed: z.boolean(),
});
export type SelectionRound = z.infer<typeof SelectionRound>;
export const SelectionListResponse = z.object({ items: z.array(SelectionRound) });
export const SelectionResults = z.object({
  round: SelectionRound,
  items: z.array(z.object({
    id: z.string(), nominee: z.string(), lessonId: z.string().nullable(), note: z.string().nullable(),
    scoreCount: z.number().int(), average: z.number().nullable(), rank: z.number().int().nullable(), myScore: z.number().int().nullable(),
  })),
});
export type SelectionResults = z.infer<typeof SelectionResults>;
