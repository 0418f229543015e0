import { z } from 'zod';
import { pagedListFields } from './grids.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const text = (max: number) => z.string().trim().max(max);
/** Money is integer fen (分) everywhere in the API; the client formats 元. */
export const Fen = z.number().int('金额须为整数（分）').min(0, '金额不能为负').max(10_000_000_000, '金额过大');
/** A calendar month, 'YYYY-MM'. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Dues categories of 中组发〔2008〕3号, code → Chinese label. */
export const DUES_CATEGORIES = {
  salaried: '在职党员（税后工资）',
  retired: '离退休党员（基本养老金）',
  farmer: '农民党员',
  student: '学生党员',
  unemployed: '下岗失业党员',
  relief: '依靠抚恤、救济或低保生活的党员',
} as const;
export type DuesCategory = keyof typeof DUES_CATEGORIES;
export const DUES_CATEGORY_CODES = Object.keys(DUES_CATEGORIES) as [DuesCategory, ...DuesCategory[]];

export const DUES_KINDS = { full: '足额', reduced: '少交（经批准）', waived: '免交（经批准）' } as const;
export type DuesKind = keyof typeof DUES_KINDS;
export const DUES_MODES = { monthly: '按月', quarterly: '按季（经支部同意）' } as const;
export type DuesMode = keyof typeof DUES_MODES;

export const DuesRule = z.object({
  document: z.string(),
  effectiveFrom: z.string(),
  category: z.enum(DUES_CATEGORY_CODES),
  /** Base bounds (min, max] in fen; max null means no upper bound. */
  minBaseFen: z.number().int(),
  maxBaseFen: z.number().int().nullable(),
  /** Rate in basis points (1% = 100) on the whole base, or a fixed amount. */
  rateBp: z.number().int().nullable(),
  fixedFen: z.number().int().nullable(),
  fixedMaxFen: z.number().int().nullable(),
});
export type DuesRule = z.infer<typeof DuesRule>;
export const DuesRulesResponse = z.object({ items: z.array(DuesRule) });
export type DuesRulesResponse = z.infer<typeof DuesRulesResponse>;

export const DuesBaseRequest = z.strictObject({
  category: z.enum(DUES_CATEGORY_CODES),
  /** Monthly base after tax (retirees: basic pension), fen. 0 for categories with a fixed amount. */
  baseFen: Fen,
  /** Farmers: the amount the branch agreed within 0.2–1 元. */
  agreedFen: Fen.optional(),
  /** The month the new pay was first received. */
  effectiveMonth: Month,
  note: text(200).optional(),
});
export type DuesBaseRequest = z.infer<typeof DuesBaseRequest>;

export const DuesBase = z.object({
  id: z.string(),
  effectiveMonth: z.string(),
  category: z.enum(DUES_CATEGORY_CODES),
  baseFen: z.number().int(),
  agreedFen: z.number().int().nullable(),
  monthlyFen: z.number().int(),
  note: z.string().nullable(),
});
export type DuesBase = z.infer<typeof DuesBase>;

export const DuesPayment = z.object({
  id: z.string(),
  memberId: z.string(),
  month: z.string(),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  kind: z.enum(['full', 'reduced', 'waived']),
  mode: z.enum(['monthly', 'quarterly']),
  paidOn: z.string(),
  consentNote: z.string().nullable(),
  backPayNote: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvalDoc: z.string().nullable(),
});
export type DuesPayment = z.infer<typeof DuesPayment>;

export const DuesMemberParam = z.strictObject({ memberId: Id });

/** One member's dues: base history, payments, and 党费交至. */
export const DuesMemberDetail = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  currentMonth: z.string(),
  currentMonthlyFen: z.number().int().nullable(),
  bases: z.array(DuesBase),
  payments: z.array(DuesPayment),
  paidThrough: z.string().nullable(),
  unpaidMonths: z.array(z.string()),
  owedFen: z.number().int(),
});
export type DuesMemberDetail = z.infer<typeof DuesMemberDetail>;

export const PaidThroughResponse = z.object({
  memberId: z.string(),
  /** 党费交至: the last month up to which every due month is settled; null when nothing is. */
  paidThrough: z.string().nullable(),
  lastPaidMonth: z.string().nullable(),
});
export type PaidThroughResponse = z.infer<typeof PaidThroughResponse>;

export const DuesMemberListQuery = z.strictObject({ orgId: Id, month: Month.optional(), q: text(50).optional(), ...pagedListFields });
export type DuesMemberListQuery = z.infer<typeof DuesMemberListQuery>;
export const DuesMemberListItem = z.object({
  memberId: z.string(),
  name: z.string(),
  orgName: z.string(),
  category: z.enum(DUES_CATEGORY_CODES).nullable(),
  baseFen: z.number().int().nullable(),
  baseSince: z.string().nullable(),
  monthlyFen: z.number().int().nullable(),
  paidFen: z.number().int().nullable(),
  paidThrough: z.string().nullable(),
});
export const DuesMemberListResponse = z.object({ month: z.string(), items: z.array(DuesMemberListItem), total: z.number().int() });
export type DuesMemberListResponse = z.infer<typeof DuesMemberListResponse>;

export const DuesPaymentRequest = z.strictObject({
  memberId: Id,
  months: z.array(z.strictObject({ month: Month, paidFen: Fen.optional() })).min(1, '至少选择一个月').max(12, '一次最多登记 12 个月'),
  mode: z.enum(['monthly', 'quarterly']).default('monthly'),
  paidOn: Day,
  /** Quarterly payment: how the branch consented (支委会/支部大会 date, etc.). */
  consentNote: text(200).optional(),
  /** Back-payment older than 6 months: the reason and who approved it. */
  backPayNote: text(200).optional(),
  /** A reduced or waived amount: the approving committee and its document. */
  approvedBy: text(50).optional(),
  approvalDoc: text(100).optional(),
});
export type DuesPaymentRequest = z.infer<typeof DuesPaymentRequest>;
export const DuesPaymentResponse = z.object({ items: z.array(DuesPayment), totalPaidFen: z.number().int() });
export type DuesPaymentResponse = z.infer<typeof DuesPaymentResponse>;

export const DuesPaymentParam = z.strictObject({ id: Id });
export const DuesRevokeRequest = z.strictObject({ reason: z.string().trim().min(1, '请填写撤销原因').max(200) });

export const DuesOrgQuery = z.strictObject({ orgId: Id, ...pagedListFields });
export const DuesArrearsItem = z.object({
  memberId: z.string(),
  name: z.string(),
  orgName: z.string(),
  months: z.array(z.string()),
  owedFen: z.number().int(),
  /** The longest run of consecutive unpaid months ending at the last finished month. */
  trailingUnpaid: z.number().int(),
});
export type DuesArrearsItem = z.infer<typeof DuesArrearsItem>;
export const DuesArrearsResponse = z.object({
  asOf: z.string(),
  items: z.array(DuesArrearsItem),
  total: z.number().int(),
  owedFenTotal: z.number().int(),
});
export type DuesArrearsResponse = z.infer<typeof DuesArrearsResponse>;

export const LapseCandidatesResponse = z.object({
  asOf: z.string(),
  items: z.array(DuesArrearsItem),
});
export type LapseCandidatesResponse = z.infer<typeof LapseCandidatesResponse>;

export const DuesMonthlyReportQuery = z.strictObject({ orgId: Id, month: Month });
export const DuesYearlyReportQuery = z.strictObject({ orgId: Id, year: z.coerce.number().int().min(2008).max(2100) });
export const DuesMonthlyReport = z.object({
  orgName: z.string(),
  month: z.string(),
  rows: z.array(z.object({
    memberId: z.string(), name: z.string(), orgName: z.string(), category: z.enum(DUES_CATEGORY_CODES).nullable(),
    baseFen: z.number().int().nullable(), dueFen: z.number().int().nullable(), paidFen: z.number().int().nullable(),
    kind: z.enum(['full', 'reduced', 'waived']).nullable(), paidOn: z.string().nullable(),
  })),
  totals: z.object({ members: z.number().int(), paid: z.number().int(), unpaid: z.number().int(), dueFen: z.number().int(), paidFen: z.number().int() }),
});
export type DuesMonthlyReport = z.infer<typeof DuesMonthlyReport>;
export const DuesYearlyReport = z.object({
  orgName: z.string(),
  year: z.number().int(),
  rows: z.array(z.object({ memberId: z.string(), name: z.string(), orgName: z.string(), monthsFen: z.array(z.number().int().nullable()), totalFen: z.number().int() })),
  monthTotalsFen: z.array(z.number().int()),
  totalFen: z.number().int(),
});
export type DuesYearlyReport = z.infer<typeof DuesYearlyReport>;

/** The signed-in member's own dues. */
export const DuesMineResponse = z.object({ member: DuesMemberDetail.nullable() });
export type DuesMineResponse = z.infer<typeof DuesMineResponse>;
