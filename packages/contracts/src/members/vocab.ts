/**
 * Fixed vocabularies of the member record. Values are stored as the Chinese terms themselves,
 * the way the national 党员管理信息系统 and every paper 登记表 write them.
 */

/** The 56 officially recognised ethnic groups (GB 3304 order). */
export const MEMBER_ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;
export type Ethnicity = (typeof MEMBER_ETHNICITIES)[number];

/** Highest education completed, highest first (as the registry forms list it). */
export const MEMBER_EDUCATIONS = ['博士研究生', '硕士研究生', '本科', '大专', '中专', '高中', '初中', '小学'] as const;
export type Education = (typeof MEMBER_EDUCATIONS)[number];

/** Categories a member may carry at once (A3). 在职党员 may name the community reported to. */
export const MEMBER_CATEGORY_VALUES = ['流动党员', '在职党员', '无职党员', '老党员', '困难党员', '党员中心户'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORY_VALUES)[number];

/** The category that carries a reporting community (在职党员到社区报到, 双报到). */
export const REPORTING_CATEGORY: MemberCategory = '在职党员';

/**
 * Organization types a member can belong to. Committees of a district, street or town hold
 * members only through a branch (e.g. 机关党支部), so they are not valid homes.
 */
export const MEMBER_HOME_ORG_TYPES = [
  'party_committee', 'general_branch', 'branch', 'group', 'temp_branch', 'grid_branch', 'building_group',
  'center_household', 'building_lead', 'industry_chain', 'new_org', 'building_branch',
] as const;

/** Sort orders of the member list; each has its own keyset cursor. */
export const MEMBER_SORTS = { name: '姓名拼音', joinedOn: '入党日期', birthDate: '出生日期' } as const;
export type MemberSort = keyof typeof MEMBER_SORTS;
export const MEMBER_SORT_CODES = Object.keys(MEMBER_SORTS) as [MemberSort, ...MemberSort[]];
