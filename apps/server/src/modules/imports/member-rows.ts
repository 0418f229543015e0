import {
  EDUCATION_LEVELS, ETHNICITIES, MEMBER_CATEGORIES, MEMBER_IMPORT_COLUMNS, parseIdNumber,
  type ImportRowError, type MemberImportKey,
} from '@dangjian/contracts';
import type { SheetRow } from './workbook.ts';
import type { OrgIndex } from './org-index.ts';
import { addYears, ageOn, readDate, readIdNumber, readText } from './values.ts';

/** A checked row, ready to insert. */
export interface NewMember {
  row: number;
  orgId: string;
  regionId: string | null;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  phone: string | null;
  ethnicity: string | null;
  education: string | null;
  occupation: string | null;
  status: 'probationary' | 'full';
  joinedOn: string;
  fullOn: string | null;
  categories: string[];
}

const HEADER = Object.fromEntries(MEMBER_IMPORT_COLUMNS.map((c) => [c.key, c.header.replace('*', '')])) as Record<MemberImportKey, string>;
const STATUS_BY_LABEL: Record<string, 'full' | 'probationary'> = { 正式党员: 'full', 预备党员: 'probationary', 正式: 'full', 预备: 'probationary' };
const PHONE = /^1[3-9]\d{9}$/;

export interface MemberCheckContext {
  /** Today in China, 'YYYY-MM-DD'. */
  today: string;
  orgs: OrgIndex;
  /** ID number → first Excel row that holds it; shared across chunks of one file. */
  seen: Map<string, number>;
}

/**
 * Checks one roster row against every rule that needs no database beyond the org index:
 * required cells, ID checksum (birth date and sex derived from it), age ≥ 18, joined on or
 * after the 18th birthday, no future dates, 转正 one to two years after joining (预备期 of a
 * year, extended at most once by up to a year), phone format, known org, dictionaries, and
 * a duplicate ID earlier in the file. Returns the member, or the errors of the row.
 * @example checkMemberRow(row, { today: '2026-11-01', orgs, seen: new Map() })
 */
export function checkMemberRow(r: SheetRow<MemberImportKey>, ctx: MemberCheckContext): { member: NewMember | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (key: MemberImportKey, reason: string) => errors.push({ row: r.row, column: HEADER[key], reason });
  const c = r.cells;

  const name = readText(c.name, 50);
  if (!name.ok) fail('name', name.reason);
  else if (!name.value) fail('name', '必填');

  const id = readIdNumber(c.idNumber);
  let info: ReturnType<typeof parseIdNumber> = null;
  if (!id.ok) fail('idNumber', id.reason);
  else if (!id.value) fail('idNumber', '必填');
  else {
    info = parseIdNumber(id.value, new Date(`${ctx.today}T23:59:59Z`));
    if (!info) fail('idNumber', '身份证号不正确（位数、出生日期或校验位有误）');
    const first = ctx.seen.get(id.value);
    if (first !== undefined) fail('idNumber', `与第 ${first} 行的身份证号重复`);
    else ctx.seen.set(id.value, r.row);
  }
  if (info && ageOn(info.birthDate, ctx.today) < 18) fail('idNumber', '未满 18 周岁，不能登记为党员');

  const phone = readText(c.phone, 20);
  if (!phone.ok) fail('phone', phone.reason);
  else if (phone.value && !PHONE.test(phone.value)) fail('phone', '手机号应为 11 位数字，以 1 开头');

  const pick = <T extends string>(key: MemberImportKey, list: readonly T[], what: string): string | null => {
    const t = readText(c[key], 50);
    if (!t.ok) return fail(key, t.reason), null;
    if (t.value && !list.includes(t.value as T)) return fail(key, `不是有效的${what}，请从下拉列表中选择`), null;
    return t.value;
  };
  const ethnicity = pick('ethnicity', ETHNICITIES, '民族');
  const education = pick('education', EDUCATION_LEVELS, '学历');
  const occupation = readText(c.occupation, 50);
  if (!occupation.ok) fail('occupation', occupation.reason);

  const orgRef = readText(c.org, 200);
  let org = null;
  if (!orgRef.ok) fail('org', orgRef.reason);
  else if (!orgRef.value) fail('org', '必填');
  else {
    const found = ctx.orgs.resolve(orgRef.value);
    if (found.ok) org = found.org;
    else fail('org', found.reason);
  }

  const statusText = readText(c.status, 10);
  const status = statusText.ok && statusText.value ? STATUS_BY_LABEL[statusText.value] : undefined;
  if (!statusText.ok || !statusText.value) fail('status', '必填，填写“正式党员”或“预备党员”');
  else if (!status) fail('status', '只能填写“正式党员”或“预备党员”');

  const joined = readDate(c.joinedOn);
  const full = readDate(c.fullOn);
  if (!joined.ok) fail('joinedOn', joined.reason);
  else if (!joined.value) fail('joinedOn', '必填');
  else if (joined.value > ctx.today) fail('joinedOn', '入党日期不能晚于今天');
  else if (info && joined.value < addYears(info.birthDate, 18)) fail('joinedOn', '入党时未满 18 周岁，请核对入党日期或身份证号');
  if (!full.ok) fail('fullOn', full.reason);
  else if (full.value && full.value > ctx.today) fail('fullOn', '转正日期不能晚于今天');
  else if (status === 'probationary' && full.value) fail('fullOn', '预备党员不应填写转正日期');
  else if (status === 'full' && !full.value) fail('fullOn', '正式党员须填写转正日期');
  else if (status === 'full' && full.value && joined.ok && joined.value) {
    if (full.value < addYears(joined.value, 1)) fail('fullOn', '转正日期应在入党满一年之后（预备期为一年）');
    else if (full.value > addYears(joined.value, 2)) fail('fullOn', '转正日期距入党超过两年（预备期最多延长一年），请核对');
  }
  if (status === 'probationary' && joined.ok && joined.value && joined.value < addYears(ctx.today, -2)) {
    fail('status', '入党已满两年仍为预备党员，请核对党员状态或入党日期');
  }

  const categories: string[] = [];
  const catText = readText(c.categories, 200);
  if (!catText.ok) fail('categories', catText.reason);
  for (const cat of (catText.ok && catText.value ? catText.value.split(/[,，、;；\s]+/) : []).filter(Boolean)) {
    if (!(MEMBER_CATEGORIES as readonly string[]).includes(cat)) fail('categories', `未知的人员类别「${cat}」，可选：${MEMBER_CATEGORIES.join('、')}`);
    else if (!categories.includes(cat)) categories.push(cat);
  }

  if (errors.length > 0 || !info || !org || !status || !name.ok || !name.value || !id.ok || !id.value || !joined.ok || !joined.value) {
    return { member: null, errors };
  }
  return {
    member: {
      row: r.row, orgId: org.id, regionId: org.regionId, name: name.value, gender: info.gender, birthDate: info.birthDate,
      idNumber: id.value, phone: phone.ok ? phone.value : null, ethnicity, education,
      occupation: occupation.ok ? occupation.value : null, status, joinedOn: joined.value,
      fullOn: full.ok ? full.value : null, categories,
    },
    errors,
  };
}

/** The error of a row whose ID number is already registered (somewhere; which org is not said). */
export function takenError(row: number): ImportRowError {
  return { row, column: HEADER.idNumber, reason: '该身份证号已在系统中登记，不能重复导入' };
}
