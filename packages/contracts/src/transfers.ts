import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { MemberFields, DateString } from './members/record.ts';

/**
 * Contracts of transfers (D8, 组织关系转接) and leaving (D2, 出党/党员减少).
 * Letter validity: DOMAIN.md §4 — usually ≤ 3 months, 市内 ~10 days, 市外 ~30 days.
 */
export const LETTER_VALID_DAYS = { default: 30, min: 1, max: 90 } as const;

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '党费交至应为 YYYY-MM');
const Page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
};

export const TRANSFER_KINDS = { internal: '系统内转接', out: '转出系统外（介绍信）', in: '从系统外转入' } as const;
export const TRANSFER_STATUSES = {
  pending: '待接收', done: '已办结', rejected: '已退回', cancelled: '已撤销',
  issued: '已开具介绍信', returned: '回执已返回', filed: '已归档',
} as const;
type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
const kindCodes = Object.keys(TRANSFER_KINDS) as Keys<typeof TRANSFER_KINDS>;
const statusCodes = Object.keys(TRANSFER_STATUSES) as Keys<typeof TRANSFER_STATUSES>;

/** The queues of the 待办队列 tab; each filters the caller's subtree. */
export const TRANSFER_QUEUES = {
  all: '全部', pending: '待接收/待处理', unfinished: '未办结', expiring: '7 天内到期', expired: '已过期未回执',
} as const;

export const TransferListQuery = z.strictObject({
  direction: z.enum(['out', 'in', 'any']).default('any'),
  queue: z.enum(Object.keys(TRANSFER_QUEUES) as Keys<typeof TRANSFER_QUEUES>).default('all'),
  q: z.string().trim().max(50).optional(),
  ...Page,
});
export type TransferListQuery = z.infer<typeof TransferListQuery>;

export const Transfer = z.object({
  id: z.string(),
  kind: z.enum(kindCodes),
  status: z.enum(statusCodes),
  memberId: z.string(),
  memberName: z.string(),
  fromOrgId: z.string().nullable(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.string().nullable(),
  toOrgName: z.string().nullable(),
  externalOrgName: z.string().nullable(),
  letterNo: z.string().nullable(),
  validDays: z.number().int().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  duesPaidTo: z.string().nullable(),
  reason: z.string().nullable(),
  receiptOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the caller may accept or reject (pending, addressed to its subtree). */
  canDecide: z.boolean(),
});
export type Transfer = z.infer<typeof Transfer>;
export const TransferListResponse = z.object({ items: z.array(Transfer), total: z.number().int() });
export type TransferListResponse = z.infer<typeof TransferListResponse>;

const Reason = z.string().trim().min(1, '请填写转接原因').max(200, '原因最多 200 个字');

/** POST /transfers/internal: inside the tree. Done at once when the caller covers both ends. */
export const InternalTransferRequest = z.strictObject({ memberId: Id, toOrgId: Id, reason: Reason });
export type InternalTransferRequest = z.infer<typeof InternalTransferRequest>;

export const TransferDecisionRequest = z.strictObject({ note: z.string().trim().max(200, '说明最多 200 个字').optional() });
export type TransferDecisionRequest = z.infer<typeof TransferDecisionRequest>;

/** POST /transfers/letters: 介绍信 to an organization outside the tree. */
export const OutLetterRequest = z.strictObject({
  memberId: Id,
  destinationOrgName: z.string().trim().min(2, '请填写转往的党组织名称').max(200, '组织名称最多 200 个字'),
  validDays: z.number().int().min(LETTER_VALID_DAYS.min).max(LETTER_VALID_DAYS.max, `有效期最长 ${LETTER_VALID_DAYS.max} 天`).default(LETTER_VALID_DAYS.default),
  /** 党费交至; left out, it is taken from the member's dues records (data entered once). */
  duesPaidTo: YearMonth.optional(),
  reason: Reason,
});
export type OutLetterRequest = z.infer<typeof OutLetterRequest>;

export const LetterReceiptRequest = z.strictObject({ receiptOn: DateString });
export type LetterReceiptRequest = z.infer<typeof LetterReceiptRequest>;

/** POST /transfers/incoming: a letter from outside; creates the member record in a branch. */
export const IncomingLetterRequest = z.strictObject({
  letterNo: z.string().trim().min(1, '请填写介绍信编号').max(60, '编号最多 60 个字'),
  fromOrgName: z.string().trim().min(2, '请填写转出的党组织名称').max(200, '组织名称最多 200 个字'),
  duesPaidTo: YearMonth,
  orgId: MemberFields.orgId,
  name: MemberFields.name,
  idNumber: MemberFields.idNumber,
  phone: MemberFields.phone.optional(),
  status: MemberFields.status,
  joinedOn: MemberFields.joinedOn,
  fullOn: MemberFields.fullOn.optional(),
}).refine((v) => v.status === 'full' || !v.fullOn, { path: ['fullOn'], message: '预备党员不能有转正日期' })
  .refine((v) => !v.fullOn || v.fullOn >= v.joinedOn, { path: ['fullOn'], message: '转正日期不能早于入党日期' });
export type IncomingLetterRequest = z.infer<typeof IncomingLetterRequest>;

// ---- Floating members (流动党员) ----
export const FloatingListQuery = z.strictObject({
  direction: z.enum(['out', 'in']).optional(),
  status: z.enum(['active', 'ended']).optional(),
  ...Page,
});
export type FloatingListQuery = z.infer<typeof FloatingListQuery>;

export const FloatingMember = z.object({
  id: z.string(), direction: z.enum(['out', 'in']), orgId: z.string(), orgName: z.string(), memberId: z.string().nullable(),
  name: z.string(), phone: z.string().nullable(), place: z.string(), contact: z.string().nullable(),
  startOn: z.string(), endOn: z.string().nullable(), status: z.enum(['active', 'ended']), remarks: z.string().nullable(),
});
export type FloatingMember = z.infer<typeof FloatingMember>;
export const FloatingListResponse = z.object({ items: z.array(FloatingMember), total: z.number().int() });
export type FloatingListResponse = z.infer<typeof FloatingListResponse>;

/** out: a member of the caller's branch going away; in: someone from elsewhere hosted here. */
export const FloatingCreateRequest = z.strictObject({
  direction: z.enum(['out', 'in']),
  orgId: Id,
  memberId: Id.optional(),
  name: z.string().trim().min(1, '请填写姓名').max(50).optional(),
  phone: MemberFields.phone.optional(),
  place: z.string().trim().min(2, '请填写流入地/流出地').max(200, '最多 200 个字'),
  contact: z.string().trim().max(100, '最多 100 个字').optional(),
  startOn: DateString,
  endOn: DateString.optional(),
  remarks: z.string().trim().max(500, '备注最多 500 个字').optional(),
}).refine((v) => v.direction === 'in' || v.memberId, { path: ['memberId'], message: '请选择外出的党员' })
  .refine((v) => v.direction === 'out' || v.name, { path: ['name'], message: '请填写流入党员姓名' })
  .refine((v) => !v.endOn || v.endOn >= v.startOn, { path: ['endOn'], message: '结束日期不能早于开始日期' });
export type FloatingCreateRequest = z.infer<typeof FloatingCreateRequest>;

// ---- Leaving (D2): 不合格党员处置, 纪律处分, 自行脱党, 死亡, 退党 ----
/** Category → measure → whether the member leaves the active registry. */
export const EXIT_MEASURES = {
  unqualified: { 限期改正: false, 劝退: true, 除名: true },
  discipline: { 警告: false, 严重警告: false, 撤销党内职务: false, 留党察看: false, 开除党籍: true },
  lapse: { 自行脱党除名: true },
  death: { 死亡: true },
  withdrawal: { 退党: true },
  transfer_out: { 转出系统外: true },
} as const;
export type ExitKind = keyof typeof EXIT_MEASURES;
export const EXIT_KINDS = {
  unqualified: '不合格党员处置', discipline: '纪律处分', lapse: '自行脱党', death: '死亡', withdrawal: '退党', transfer_out: '组织关系转出',
} as const satisfies Record<ExitKind, string>;
const exitKindCodes = Object.keys(EXIT_KINDS) as [ExitKind, ...ExitKind[]];

export const MemberExitCreateRequest = z.strictObject({
  memberId: Id,
  kind: z.enum(exitKindCodes.filter((k) => k !== 'transfer_out') as [ExitKind, ...ExitKind[]]),
  measure: z.string().trim().min(1, '请选择处置方式').max(20),
  decidedOn: DateString,
  decision: z.string().trim().min(1, '请填写决定（如支部大会决议）').max(500, '最多 500 个字'),
  approver: z.string().trim().max(100, '最多 100 个字').optional(),
  reason: z.string().trim().max(500, '最多 500 个字').optional(),
}).refine((v) => v.measure in EXIT_MEASURES[v.kind], { path: ['measure'], message: '处置方式与类别不匹配' });
export type MemberExitCreateRequest = z.infer<typeof MemberExitCreateRequest>;

export const MemberExitListQuery = z.strictObject({
  orgId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  kind: z.enum(exitKindCodes).optional(),
  /** true: only records that removed the member (党员减少); false: only measures that keep them. */
  removes: z.enum(['true', 'false']).optional(),
  ...Page,
});
export type MemberExitListQuery = z.infer<typeof MemberExitListQuery>;

export const MemberExit = z.object({
  id: z.string(), memberId: z.string(), orgId: z.string(), orgName: z.string(), name: z.string(),
  kind: z.enum(exitKindCodes), measure: z.string(), removes: z.boolean(), decidedOn: z.string(),
  decision: z.string().nullable(), approver: z.string().nullable(), reason: z.string().nullable(),
  transferId: z.string().nullable(), createdAt: z.string(),
});
export type MemberExit = z.infer<typeof MemberExit>;
export const MemberExitListResponse = z.object({ items: z.array(MemberExit), total: z.number().int() });
export type MemberExitListResponse = z.infer<typeof MemberExitListResponse>;
/** The archived record: the snapshot of the member row (ID number and phone masked). */
export const MemberExitDetail = MemberExit.extend({ snapshot: z.record(z.string(), z.unknown()) });
export type MemberExitDetail = z.infer<typeof MemberExitDetail>;

export const LapseQuery = z.strictObject({ orgId: Id.optional(), ...Page });
export type LapseQuery = z.infer<typeof LapseQuery>;
/** A member with no organizational life (and, once dues exist, no dues) for 6 months. */
export const LapseCandidate = z.object({
  memberId: z.string(), name: z.string(), orgId: z.string(), orgName: z.string(),
  lastPresentOn: z.string().nullable(), monthsAbsent: z.number().int().nullable(),
  /** Consecutive unpaid dues months ending last month (0 when paid or no base recorded). */
  duesUnpaidMonths: z.number().int(),
  /** Why the member is listed: no organizational life, no dues, or both, for 6 months. */
  reasons: z.array(z.enum(['no_life', 'no_dues'])),
});
export const LapseResponse = z.object({ items: z.array(LapseCandidate), total: z.number().int(), since: z.string() });
export type LapseResponse = z.infer<typeof LapseResponse>;
