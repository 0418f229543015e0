import { parseIdNumber } from '../idnumber.ts';
import { REPORTING_CATEGORY } from './vocab.ts';

/** Whole years from a 'YYYY-MM-DD' birth date to `today` (UTC calendar day). */
export function ageAt(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const mm = today.getUTCMonth() + 1;
  if (mm < m || (mm === m && today.getUTCDate() < d)) age--;
  return age;
}

/** Today as 'YYYY-MM-DD' in China time, the calendar that dates in the registry use. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Adds whole years to a 'YYYY-MM-DD' date (29 Feb → 28 Feb in common years). */
function plusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCDate() !== d) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

/**
 * Checks an ID number for the registry: valid GB 11643 number (parseIdNumber) of someone aged
 * 18 or more. Returns the Chinese problem, or null when fine.
 * @example idNumberProblem('11010520150101002X') // '年龄未满 18 周岁，不能登记为党员'
 */
export function idNumberProblem(id: string, now: Date = new Date()): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位（最后一位可为 X）';
  const info = parseIdNumber(id, now);
  if (!info) return '身份证号无效：出生日期不存在或校验位不符';
  if (ageAt(info.birthDate, now) < 18) return '年龄未满 18 周岁，不能登记为党员';
  return null;
}

/** The fields the cross-field rules read; the same on create, and on a patch merged with the record. */
export interface MemberRuleInput {
  idNumber: string;
  status: 'probationary' | 'full';
  joinedOn: string;
  fullOn?: string | null;
  categories?: readonly string[];
  reportingOrgId?: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Rules between fields, shared by the server (on the merged record) and the web form:
 * joined at 18 or later and not in the future; a full member has a 转正 date on or after
 * joining; a probationary member has none; only an 在职党员 names a reporting community.
 * @example memberRuleProblems({ idNumber, status: 'probationary', joinedOn: '2026-01-05', fullOn: '2026-06-01' })
 *   // [{ field: 'fullOn', message: '预备党员不应填写转正日期' }]
 */
export function memberRuleProblems(m: MemberRuleInput, now: Date = new Date()): FieldProblem[] {
  const out: FieldProblem[] = [];
  const today = chinaToday(now);
  const info = parseIdNumber(m.idNumber, now);
  if (m.joinedOn > today) out.push({ field: 'joinedOn', message: '入党日期不能晚于今天' });
  else if (info && m.joinedOn < plusYears(info.birthDate, 18)) out.push({ field: 'joinedOn', message: '入党时应年满 18 周岁' });
  if (m.status === 'full') {
    if (!m.fullOn) out.push({ field: 'fullOn', message: '正式党员须填写转正日期' });
    else if (m.fullOn < m.joinedOn) out.push({ field: 'fullOn', message: '转正日期不能早于入党日期' });
    else if (m.fullOn > today) out.push({ field: 'fullOn', message: '转正日期不能晚于今天' });
  } else if (m.fullOn) {
    out.push({ field: 'fullOn', message: '预备党员不应填写转正日期' });
  }
  if (m.reportingOrgId && !(m.categories ?? []).includes(REPORTING_CATEGORY)) {
    out.push({ field: 'reportingOrgId', message: '只有在职党员需要填写报到社区' });
  }
  return out;
}
