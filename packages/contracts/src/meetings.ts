import { z } from 'zod';
import { pagedListFields } from './grids.ts';
import { MEMBER_STATUS_CODES } from './enums.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const text = (max: number) => z.string().trim().max(max);
const KindCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '会议类型代码格式不正确');
const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/**
 * Built-in meeting kinds are MEETING_KINDS of compliance.ts (the codes compliance counts);
 * custom kinds (团拜会 …) are rows of meeting_kinds with generated codes 'custom_<id>'.
 */
export { MEETING_KINDS as BUILTIN_MEETING_KINDS } from './compliance.ts';

export const ATTENDANCE_STATUSES = { present: '出席', absent: '缺席', leave: '请假' } as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;
const ATTENDANCE_CODES = Object.keys(ATTENDANCE_STATUSES) as [AttendanceStatus, ...AttendanceStatus[]];

export const MEETING_STATUSES = { planned: '计划', held: '已召开', cancelled: '已取消' } as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;
const MEETING_STATUS_CODES = Object.keys(MEETING_STATUSES) as [MeetingStatus, ...MeetingStatus[]];

export const MEETING_FILE_TYPES = {
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/pdf': 'PDF 文件',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文件',
} as const;
export type MeetingFileType = keyof typeof MEETING_FILE_TYPES;
export const MEETING_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const MEETING_FILE_MAX_COUNT = 50;
export const MEETING_LOCK_DAYS_DEFAULT = 7;

export const MeetingKindItem = z.object({ code: z.string(), label: z.string(), builtin: z.boolean(), orgId: z.string().nullable() });
export type MeetingKindItem = z.infer<typeof MeetingKindItem>;
export const MeetingKindsQuery = z.strictObject({ orgId: Id });
export const MeetingKindsResponse = z.object({ items: z.array(MeetingKindItem) });
export type MeetingKindsResponse = z.infer<typeof MeetingKindsResponse>;
export const MeetingKindCreateRequest = z.strictObject({ orgId: Id, label: text(50).min(2) });

export const MeetingTemplate = z.object({
  code: z.string(), name: z.string(), kind: z.string(), title: z.string(), topics: z.string(), source: z.string().nullable(),
});
export type MeetingTemplate = z.infer<typeof MeetingTemplate>;
export const MeetingTemplatesResponse = z.object({ items: z.array(MeetingTemplate) });

export const AttendanceInput = z.strictObject({
  memberId: Id,
  status: z.enum(ATTENDANCE_CODES),
  reason: text(200).nullable().optional(),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

const meetingFields = {
  kind: KindCode,
  title: text(200).min(2),
  heldAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  status: z.enum(MEETING_STATUS_CODES).optional(),
  place: text(200).nullable().optional(),
  host: text(50).nullable().optional(),
  recorder: text(50).nullable().optional(),
  observers: text(500).nullable().optional(),
  topics: text(5000).nullable().optional(),
  minutes: text(50000).nullable().optional(),
  resolutions: text(10000).nullable().optional(),
  /** Marks (present/absent/leave) of roster members; members left out keep their mark (present on create). */
  attendance: z.array(AttendanceInput).max(2000).optional(),
};
export const MeetingCreateRequest = z.strictObject({ orgId: Id, templateCode: KindCode.optional(), ...meetingFields });
export type MeetingCreateRequest = z.infer<typeof MeetingCreateRequest>;
export const MeetingUpdateRequest = z.strictObject(meetingFields).partial();
export type MeetingUpdateRequest = z.infer<typeof MeetingUpdateRequest>;
export const MeetingAmendmentRequest = z.strictObject({
  changes: MeetingUpdateRequest.refine((c) => Object.keys(c).length > 0, '至少更正一项'),
  reason: text(500).min(2),
});
export type MeetingAmendmentRequest = z.infer<typeof MeetingAmendmentRequest>;

export const MeetingIdParam = z.strictObject({ id: Id });
export const MeetingFileParam = z.strictObject({ id: Id, fileId: Id });
export const MeetingFileQuery = z.strictObject({ category: z.enum(['photo', 'attachment']).default('attachment'), name: text(200).min(1).default('附件') });

export const MeetingListQuery = z.strictObject({
  orgId: Id, kind: KindCode.optional(), from: DateStr.optional(), to: DateStr.optional(), ...pagedListFields,
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;
/** The list filter without paging, for the Excel export (at most MEETING_EXPORT_MAX rows). */
export const MeetingExportQuery = z.strictObject({ orgId: Id, kind: KindCode.optional(), from: DateStr.optional(), to: DateStr.optional() });
export type MeetingExportQuery = z.infer<typeof MeetingExportQuery>;
export const MEETING_EXPORT_MAX = 20_000;

export const AttendanceCounts = z.object({ due: z.number().int(), present: z.number().int(), absent: z.number().int(), leave: z.number().int() });
/** 支部党员大会 quorum: full members present ≥ half of full members due (半数以上 includes half). */
export const Quorum = z.object({ fullDue: z.number().int(), fullPresent: z.number().int(), required: z.number().int(), met: z.boolean() });

export const MeetingListItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), kind: z.string(), kindLabel: z.string(), title: z.string(),
  heldAt: z.string(), place: z.string().nullable(), host: z.string().nullable(), status: z.enum(MEETING_STATUS_CODES),
  /** Read-only from this moment (held_at + lock days). */
  lockedAt: z.string().nullable(), locked: z.boolean(),
  /** Entered after its lock date (补录): shown so late records cannot pass as timely ones. */
  lateEntry: z.boolean(),
  counts: AttendanceCounts,
  quorum: Quorum.nullable(),
  amendmentCount: z.number().int(),
});
export type MeetingListItem = z.infer<typeof MeetingListItem>;
export const MeetingListResponse = z.object({ items: z.array(MeetingListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type MeetingListResponse = z.infer<typeof MeetingListResponse>;

export const MeetingAttendee = z.object({
  memberId: z.string(), name: z.string(), memberStatus: z.enum(MEMBER_STATUS_CODES), orgName: z.string(),
  status: z.enum(ATTENDANCE_CODES), reason: z.string().nullable(),
});
export type MeetingAttendee = z.infer<typeof MeetingAttendee>;
export const MeetingFile = z.object({ id: z.string(), category: z.enum(['photo', 'attachment']), name: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() });
export type MeetingFile = z.infer<typeof MeetingFile>;
export const MeetingAmendment = z.object({
  id: z.string(), at: z.string(), actorName: z.string().nullable(), reason: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type MeetingAmendment = z.infer<typeof MeetingAmendment>;

export const MeetingDetail = MeetingListItem.extend({
  endedAt: z.string().nullable(), recorder: z.string().nullable(), observers: z.string().nullable(),
  topics: z.string().nullable(), minutes: z.string().nullable(), resolutions: z.string().nullable(),
  templateCode: z.string().nullable(), createdAt: z.string(), lockDays: z.number().int(),
  attendance: z.array(MeetingAttendee), files: z.array(MeetingFile), amendments: z.array(MeetingAmendment),
  /** The caller may PATCH (in write scope and not locked). */
  canEdit: z.boolean(),
  /** The caller is a secretary above the meeting's org, who may amend a locked record. */
  canAmend: z.boolean(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
export const MeetingPrint = MeetingDetail.extend({ orgFullName: z.string(), printedAt: z.string() });
export type MeetingPrint = z.infer<typeof MeetingPrint>;
export const MeetingDeletedResponse = z.object({ id: z.string(), deleted: z.literal(true) });

export const MeetingMineQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const MeetingMineItem = z.object({
  meetingId: z.string(), title: z.string(), kind: z.string(), kindLabel: z.string(), heldAt: z.string(), orgName: z.string(),
  status: z.enum(ATTENDANCE_CODES), reason: z.string().nullable(),
});
export const MeetingMineResponse = z.object({
  year: z.number().int(),
  member: z.object({ id: z.string(), name: z.string(), orgName: z.string() }).nullable(),
  due: z.number().int(), attended: z.number().int(), missed: z.number().int(), leave: z.number().int(),
  byKind: z.array(z.object({ kind: z.string(), kindLabel: z.string(), due: z.number().int(), attended: z.number().int() })),
  items: z.array(MeetingMineItem),
});
export type MeetingMineResponse = z.infer<typeof MeetingMineResponse>;

export const MeetingSettingsQuery = z.strictObject({ orgId: Id });
export const MeetingSettingsRequest = z.strictObject({ orgId: Id, lockDays: z.number().int().min(1).max(365) });
export const MeetingSettings = z.object({ orgId: z.string(), lockDays: z.number().int(), inheritedFromOrgId: z.string().nullable() });
export type MeetingSettings = z.infer<typeof MeetingSettings>;

/** Who a new meeting of this kind would list (for the record form's attendance table). */
export const MeetingRosterQuery = z.strictObject({ orgId: Id, kind: KindCode, date: DateStr });
export type MeetingRosterQuery = z.infer<typeof MeetingRosterQuery>;
export const MeetingRosterResponse = z.object({
  items: z.array(z.object({ memberId: z.string(), name: z.string(), memberStatus: z.enum(MEMBER_STATUS_CODES), orgName: z.string() })),
});
export type MeetingRosterResponse = z.infer<typeof MeetingRosterResponse>;
