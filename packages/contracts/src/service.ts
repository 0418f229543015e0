import { z } from 'zod';
import { pagedListFields } from './grids.ts';

/**
 * Contracts of 服务岗位、双报到、双向认领、结对帮扶 (F3, F4): /api/v1/posts, /service-reports,
 * /service-hours, /service-feedback, /service-resources, /service-demands, /service-projects, /pairings.
 */
const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const required = (max: number, what: string) => text(max).min(1, `请填写${what}`);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Year = z.coerce.number().int().min(2000).max(2100);
const codes = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const SERVICE_POST_KINDS = {
  civility: '文明劝导岗', policy: '政策宣传岗', sanitation: '环境卫生岗', care: '关爱帮扶岗', mediation: '矛盾调解岗', safety: '平安巡防岗', other: '其他岗位',
} as const;
export const SERVICE_POST_AUDIENCES = { all: '全体党员', in_service: '在职党员（双报到）', no_post: '无职党员（设岗定责）' } as const;
export const SERVICE_RATINGS = { excellent: '好', good: '较好', fair: '一般', poor: '差' } as const;
export const SERVICE_ITEM_STATUSES = { open: '待认领', matched: '已对接', closed: '已关闭' } as const;
export const SERVICE_PROJECT_STATUSES = { planned: '计划中', ongoing: '实施中', done: '已完成' } as const;
export const SERVICE_RESOURCE_KINDS = { venue: '场地', funds: '资金', volunteers: '志愿者', skills: '专业技能', goods: '物资', other: '其他' } as const;
export const SERVICE_DEMAND_KINDS = { elderly: '为老服务', youth: '青少年', environment: '环境整治', health: '医疗健康', culture: '文化活动', employment: '就业帮扶', other: '其他' } as const;
export const HARDSHIP_KINDS = {
  illness: '因病致困', disability: '因残致困', elderly: '独居高龄', education: '因学致困', unemployment: '失业', disaster: '因灾致困', other: '其他',
} as const;
/** Limits of the service hours log and visit photos. */
export const SERVICE_LIMITS = { hoursMax: 24, photoMaxBytes: 5 * 1024 * 1024 } as const;

export const ServiceIdParam = z.strictObject({ id: Id });
export const ServiceVisitParam = z.strictObject({ id: Id, visitId: Id });
export const ServiceOrgQuery = z.strictObject({ orgId: Id });
/** community: rows of the organization served (the community side); branch: rows of the subtree's own members. */
export const SERVICE_SIDES = { community: '服务社区（单位）', branch: '党员所在组织' } as const;
const Side = z.enum(codes(SERVICE_SIDES)).default('community');
export const ServiceYearQuery = z.strictObject({ orgId: Id, year: Year.optional(), side: Side });
export type ServiceYearQuery = z.infer<typeof ServiceYearQuery>;

export const Community = z.object({ id: z.string(), name: z.string() });
export const CommunityListResponse = z.object({ items: z.array(Community) });
export type CommunityListResponse = z.infer<typeof CommunityListResponse>;
export const CommunityQuery = z.strictObject({ q: text(30).optional() });

// ---- posts ----
export const ServicePost = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), name: z.string(), kind: z.enum(codes(SERVICE_POST_KINDS)),
  audience: z.enum(codes(SERVICE_POST_AUDIENCES)), description: z.string().nullable(), capacity: z.number().int(), claimed: z.number().int(),
  active: z.boolean(), personTimes: z.number().int(), hours: z.number(),
});
export type ServicePost = z.infer<typeof ServicePost>;
export const ServicePostListQuery = z.strictObject({ orgId: Id, q: text(30).optional(), active: z.enum(['true', 'false', 'all']).default('all'), ...pagedListFields });
export type ServicePostListQuery = z.infer<typeof ServicePostListQuery>;
export const ServicePostListResponse = z.object({ items: z.array(ServicePost), total: z.number().int() });
export type ServicePostListResponse = z.infer<typeof ServicePostListResponse>;
export const ServicePostRequest = z.strictObject({
  orgId: Id, name: required(60, '岗位名称'), kind: z.enum(codes(SERVICE_POST_KINDS)), audience: z.enum(codes(SERVICE_POST_AUDIENCES)).default('all'),
  description: text(500).nullable().optional(), capacity: z.number().int('名额须为整数').min(1, '名额至少 1 人').max(10000),
});
export type ServicePostRequest = z.infer<typeof ServicePostRequest>;
export const ServicePostPatch = ServicePostRequest.omit({ orgId: true }).partial().extend({ active: z.boolean().optional() }).strict();
export type ServicePostPatch = z.infer<typeof ServicePostPatch>;
export const ClaimRequest = z.strictObject({ memberId: Id.optional() });
export type ClaimRequest = z.infer<typeof ClaimRequest>;
export const PostClaim = z.object({
  id: z.string(), postId: z.string(), postName: z.string(), memberId: z.string(), memberName: z.string(), memberOrgName: z.string(),
  claimedOn: z.string(), endedOn: z.string().nullable(), assigned: z.boolean(),
});
export type PostClaim = z.infer<typeof PostClaim>;
export const PostClaimListResponse = z.object({ items: z.array(PostClaim) });
export type PostClaimListResponse = z.infer<typeof PostClaimListResponse>;
export const ServiceDeleted = z.object({ id: z.string(), deleted: z.literal(true) });

// ---- 双报到 ----
export const ServiceReportRequest = z.strictObject({ communityOrgId: Id, memberId: Id.optional(), reportedOn: Day.optional() });
export type ServiceReportRequest = z.infer<typeof ServiceReportRequest>;
export const ServiceReport = z.object({
  id: z.string(), memberId: z.string(), memberName: z.string(), memberOrgId: z.string(), memberOrgName: z.string(),
  communityOrgId: z.string(), communityName: z.string(), reportedOn: z.string(), status: z.enum(['active', 'ended']), endedOn: z.string().nullable(),
  /** Hours and person-times in the year asked (or this year). */
  hours: z.number(), personTimes: z.number().int(), posts: z.array(z.string()),
  rating: z.enum(codes(SERVICE_RATINGS)).nullable(), ratingNote: z.string().nullable(),
});
export type ServiceReport = z.infer<typeof ServiceReport>;
export const ServiceReportListQuery = z.strictObject({
  orgId: Id, side: Side, year: Year.optional(), status: z.enum(['active', 'ended', 'all']).default('active'), ...pagedListFields,
});
export type ServiceReportListQuery = z.infer<typeof ServiceReportListQuery>;
export const ServiceReportListResponse = z.object({ items: z.array(ServiceReport), total: z.number().int() });
export type ServiceReportListResponse = z.infer<typeof ServiceReportListResponse>;
export const ServiceReportEndRequest = z.strictObject({ endedOn: Day.optional() });

// ---- hours ----
export const ServiceHoursRequest = z.strictObject({
  memberId: Id.optional(), postId: Id.nullable().optional(), orgId: Id.optional(), servedOn: Day,
  hours: z.number().positive('时长须大于 0').max(SERVICE_LIMITS.hoursMax, '一次最多 24 小时').multipleOf(0.5, '时长按半小时计'),
  content: required(300, '服务内容'),
});
export type ServiceHoursRequest = z.infer<typeof ServiceHoursRequest>;
export const ServiceHoursEntry = z.object({
  id: z.string(), orgId: z.string(), memberId: z.string(), memberName: z.string(), memberOrgName: z.string(), postId: z.string().nullable(),
  postName: z.string().nullable(), servedOn: z.string(), hours: z.number(), content: z.string(), points: z.number().int(),
});
export type ServiceHoursEntry = z.infer<typeof ServiceHoursEntry>;
export const ServiceHoursListQuery = z.strictObject({ orgId: Id, side: Side, year: Year.optional(), memberId: Id.optional(), ...pagedListFields });
export type ServiceHoursListQuery = z.infer<typeof ServiceHoursListQuery>;
export const ServiceHoursListResponse = z.object({ items: z.array(ServiceHoursEntry), total: z.number().int() });
export type ServiceHoursListResponse = z.infer<typeof ServiceHoursListResponse>;
export const ServiceMemberTotal = z.object({
  memberId: z.string(), memberName: z.string(), memberOrgName: z.string(), hours: z.number(), personTimes: z.number().int(),
});
export const ServiceTotals = z.object({
  year: z.number().int(), hours: z.number(), personTimes: z.number().int(), members: z.number().int(),
  byMember: z.array(ServiceMemberTotal), byCommunity: z.array(z.object({ orgId: z.string(), orgName: z.string(), hours: z.number(), personTimes: z.number().int() })),
});
export type ServiceTotals = z.infer<typeof ServiceTotals>;

// ---- feedback ----
export const ServiceFeedbackRequest = z.strictObject({ reportId: Id, year: Year, rating: z.enum(codes(SERVICE_RATINGS)), note: text(300).nullable().optional() });
export type ServiceFeedbackRequest = z.infer<typeof ServiceFeedbackRequest>;
export const ServiceFeedback = z.object({
  id: z.string(), reportId: z.string(), memberId: z.string(), memberName: z.string(), memberOrgName: z.string(), communityName: z.string(),
  year: z.number().int(), rating: z.enum(codes(SERVICE_RATINGS)), note: z.string().nullable(),
});
export type ServiceFeedback = z.infer<typeof ServiceFeedback>;
export const ServiceFeedbackListResponse = z.object({ items: z.array(ServiceFeedback) });
export type ServiceFeedbackListResponse = z.infer<typeof ServiceFeedbackListResponse>;

// ---- 双向认领 ----
export const ServiceItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), communityOrgId: z.string(), communityName: z.string(), title: z.string(),
  kind: z.string(), description: z.string().nullable(), status: z.enum(codes(SERVICE_ITEM_STATUSES)), createdAt: z.string(),
});
export type ServiceItem = z.infer<typeof ServiceItem>;
export const ServiceItemListQuery = z.strictObject({ orgId: Id, status: z.enum(['open', 'matched', 'closed', 'all']).default('all'), ...pagedListFields });
export type ServiceItemListQuery = z.infer<typeof ServiceItemListQuery>;
export const ServiceItemListResponse = z.object({ items: z.array(ServiceItem), total: z.number().int() });
export type ServiceItemListResponse = z.infer<typeof ServiceItemListResponse>;
/** A resource: orgId offers it to communityOrgId. A demand: communityOrgId is orgId itself (left out). */
export const ServiceResourceRequest = z.strictObject({
  orgId: Id, communityOrgId: Id, title: required(80, '资源名称'), kind: z.enum(codes(SERVICE_RESOURCE_KINDS)), description: text(500).nullable().optional(),
});
export type ServiceResourceRequest = z.infer<typeof ServiceResourceRequest>;
export const ServiceDemandRequest = z.strictObject({
  orgId: Id, title: required(80, '需求名称'), kind: z.enum(codes(SERVICE_DEMAND_KINDS)), description: text(500).nullable().optional(),
});
export type ServiceDemandRequest = z.infer<typeof ServiceDemandRequest>;
export const ServiceItemPatch = z.strictObject({
  title: required(80, '名称').optional(), description: text(500).nullable().optional(), status: z.enum(['open', 'closed']).optional(),
});
export type ServiceItemPatch = z.infer<typeof ServiceItemPatch>;

export const ServiceProject = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(), responsibleOrgId: z.string(), responsibleOrgName: z.string(),
  startsOn: z.string(), endsOn: z.string().nullable(), status: z.enum(codes(SERVICE_PROJECT_STATUSES)), resultNote: z.string().nullable(),
  resources: z.array(z.object({ id: z.string(), title: z.string() })), demands: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type ServiceProject = z.infer<typeof ServiceProject>;
export const ServiceProjectListResponse = z.object({ items: z.array(ServiceProject), total: z.number().int() });
export type ServiceProjectListResponse = z.infer<typeof ServiceProjectListResponse>;
export const ServiceProjectListQuery = z.strictObject({ orgId: Id, ...pagedListFields });
export type ServiceProjectListQuery = z.infer<typeof ServiceProjectListQuery>;
export const ServiceProjectRequest = z.strictObject({
  orgId: Id, title: required(80, '项目名称'), responsibleOrgId: Id, startsOn: Day, endsOn: Day.nullable().optional(),
  resourceIds: z.array(Id).min(1, '请至少选择一项资源').max(20), demandIds: z.array(Id).min(1, '请至少选择一项需求').max(20),
});
export type ServiceProjectRequest = z.infer<typeof ServiceProjectRequest>;
export const ServiceProjectPatch = z.strictObject({
  title: required(80, '项目名称').optional(), endsOn: Day.nullable().optional(), status: z.enum(codes(SERVICE_PROJECT_STATUSES)).optional(),
  resultNote: text(500).nullable().optional(),
});
export type ServiceProjectPatch = z.infer<typeof ServiceProjectPatch>;

// ---- 结对帮扶 ----
const Phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话格式不正确');
export const Pairing = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), memberId: z.string().nullable(), memberName: z.string().nullable(),
  householdName: z.string(), address: z.string(), hardshipKind: z.enum(codes(HARDSHIP_KINDS)),
  /** Always masked (138****5678). */
  phone: z.string().nullable(), note: z.string().nullable(), startedOn: z.string(), endedOn: z.string().nullable(),
  visits: z.number().int(), lastVisitOn: z.string().nullable(),
});
export type Pairing = z.infer<typeof Pairing>;
export const PairingListQuery = z.strictObject({ orgId: Id, q: text(30).optional(), status: z.enum(['active', 'ended', 'all']).default('active'), ...pagedListFields });
export type PairingListQuery = z.infer<typeof PairingListQuery>;
export const PairingListResponse = z.object({ items: z.array(Pairing), total: z.number().int() });
export type PairingListResponse = z.infer<typeof PairingListResponse>;
export const PairingRequest = z.strictObject({
  orgId: Id, memberId: Id.nullable().optional(), householdName: required(50, '帮扶对象姓名'), address: required(200, '住址'),
  hardshipKind: z.enum(codes(HARDSHIP_KINDS)), phone: Phone.nullable().optional(), note: text(300).nullable().optional(), startedOn: Day,
});
export type PairingRequest = z.infer<typeof PairingRequest>;
export const PairingPatch = PairingRequest.omit({ orgId: true }).partial().extend({ endedOn: Day.nullable().optional() }).strict();
export type PairingPatch = z.infer<typeof PairingPatch>;
export const PairingVisit = z.object({
  id: z.string(), pairingId: z.string(), visitedOn: z.string(), content: z.string(), hasPhoto: z.boolean(), recordedByName: z.string().nullable(),
});
export type PairingVisit = z.infer<typeof PairingVisit>;
export const PairingVisitListResponse = z.object({ items: z.array(PairingVisit) });
export type PairingVisitListResponse = z.infer<typeof PairingVisitListResponse>;
/** A visit: JSON fields; the photo, if any, is a second request with the image as body. */
export const PairingVisitRequest = z.strictObject({ visitedOn: Day, content: required(500, '走访内容') });
export type PairingVisitRequest = z.infer<typeof PairingVisitRequest>;

// ---- 我的服务 ----
export const MyService = z.object({
  isMember: z.boolean(),
  report: ServiceReport.nullable(),
  /** Posts the member may take: the reported community's and the own organization's subtree and its ancestors'. */
  posts: z.array(ServicePost.extend({ mine: z.boolean() })),
  hours: z.array(ServiceHoursEntry),
  year: z.number().int(), yearHours: z.number(), yearPersonTimes: z.number().int(),
  pairings: z.array(Pairing),
});
export type MyService = z.infer<typeof MyService>;
