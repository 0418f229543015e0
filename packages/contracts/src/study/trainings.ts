import { z } from 'zod';
import { StudyDate, StudyId, studyText } from './common.ts';

/** Training classes 培训班/轮训 (C4): sessions with hours, enrolment, attendance, completion. */
const Hours = z.number().min(0.5).max(100).multipleOf(0.5);
export const TrainingCreateRequest = z.strictObject({
  orgId: StudyId,
  title: studyText(200).min(1),
  description: studyText(2000).optional(),
  /** 结业学时: completion when attended hours reach this. */
  requiredHours: z.number().min(0).max(1000).multipleOf(0.5),
  sessions: z.array(z.strictObject({ heldOn: StudyDate, title: studyText(200).min(1), hours: Hours })).min(1).max(100),
});
export type TrainingCreateRequest = z.infer<typeof TrainingCreateRequest>;
export const TrainingMembersRequest = z.strictObject({ memberIds: z.array(StudyId).min(1).max(1000) });
export const TrainingSessionParam = z.strictObject({ id: StudyId, sessionId: StudyId });

export const TrainingSession = z.object({ id: z.string(), heldOn: z.string(), title: z.string(), hours: z.number() });
export const TrainingItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(), description: z.string().nullable(),
  requiredHours: z.number(), totalHours: z.number(), sessions: z.array(TrainingSession), enrolled: z.number().int(),
  completed: z.number().int(), manageable: z.boolean(),
});
export type TrainingItem = z.infer<typeof TrainingItem>;
export const TrainingListResponse = z.object({ items: z.array(TrainingItem) });

export const TrainingRoster = z.object({
  items: z.array(z.object({
    memberId: z.string(), name: z.string(), orgName: z.string(), attendedSessions: z.array(z.string()),
    attendedHours: z.number(), completed: z.boolean(),
  })),
});
export type TrainingRoster = z.infer<typeof TrainingRoster>;

/** A member's own training record: each class enrolled in, hours attended, completed or not. */
export const MyTrainingRecord = z.object({
  items: z.array(z.object({ trainingId: z.string(), title: z.string(), orgName: z.string(), requiredHours: z.number(), attendedHours: z.number(), completed: z.boolean() })),
  totalHours: z.number(),
});
export type MyTrainingRecord = z.infer<typeof MyTrainingRecord>;
