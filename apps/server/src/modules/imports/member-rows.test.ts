import { describe, expect, it } from 'vitest';
import { idCheckChar, MEMBER_IMPORT_COLUMNS, type MemberImportKey } from '@dangjian/contracts';
import { checkMemberRow } from './member-rows.ts';
import { createOrgIndex, type IndexedOrg } from './org-index.ts';
import { readDate } from './values.ts';
import type { Cell, SheetRow } from './workbook.ts';

const org = (id: string, path: string, name: string, parentId: string | null, code: string | null = null): IndexedOrg =>
  ({ id, path, name, parentId, code, shortName: null, type: 'branch', regionId: '1' });
const orgs = createOrgIndex([
  org('1', '1', '镇党委', null), org('2', '1.2', '甲村党支部', '1', 'JC01'), org('3', '1.2.3', '第一党小组', '2'),
  org('4', '1.4', '乙村党支部', '1'), org('5', '1.4.5', '第一党小组', '4'),
], '1');
const id = (birth: string, seq = '123') => {
  const first17 = `411503${birth.replaceAll('-', '')}${seq}`;
  return first17 + idCheckChar(first17);
};
const row = (cells: Partial<Record<MemberImportKey, Cell>>, n = 2): SheetRow<MemberImportKey> => {
  const all = { name: '张三', idNumber: id('1980-01-01'), phone: '13800001111', ethnicity: '汉族', education: '本科', occupation: null, org: '甲村党支部', joinedOn: '2005-07-01', fullOn: '2006-07-01', status: '正式党员', categories: null, ...cells } as Record<MemberImportKey, Cell>;
  return { row: n, cells: all, texts: MEMBER_IMPORT_COLUMNS.map((c) => String(all[c.key] ?? '')) };
};
const check = (cells: Partial<Record<MemberImportKey, Cell>>, seen = new Map<string, number>()) =>
  checkMemberRow(row(cells), { today: '2026-11-26', orgs, seen });
const reasons = (cells: Partial<Record<MemberImportKey, Cell>>) => check(cells).errors.map((e) => `${e.column}:${e.reason}`).join('|');

describe('checkMemberRow', () => {
  it('accepts a valid row and derives birth date and sex', () => {
    const r = check({});
    expect(r.errors).toEqual([]);
    expect(r.member).toMatchObject({ orgId: '2', birthDate: '1980-01-01', gender: 'male', status: 'full', joinedOn: '2005-07-01' });
  });

  it('resolves orgs by code, name path, and refuses ambiguous names listing both', () => {
    expect(check({ org: 'jc01' }).member?.orgId).toBe('2');
    expect(check({ org: '乙村党支部/第一党小组' }).member?.orgId).toBe('5');
    expect(reasons({ org: '第一党小组' })).toMatch(/不唯一.*镇党委\/甲村党支部\/第一党小组.*镇党委\/乙村党支部\/第一党小组/);
  });

  it('applies the date rules', () => {
    expect(reasons({ joinedOn: '2026-12-01', fullOn: null, status: '预备党员' })).toMatch(/入党日期:.*晚于今天/);
    expect(reasons({ joinedOn: '1997-12-31', fullOn: '1998-12-31' })).toMatch(/入党日期:入党时未满 18 周岁/);
    expect(reasons({ joinedOn: '1998-01-01', fullOn: '1999-01-01' })).toBe('');
    expect(reasons({ fullOn: '2006-06-30' })).toMatch(/转正日期:.*满一年/);
    expect(reasons({ fullOn: '2007-07-02' })).toMatch(/转正日期:.*超过两年/);
    expect(reasons({ fullOn: null })).toMatch(/转正日期:正式党员须填写/);
    expect(reasons({ status: '预备党员' })).toMatch(/转正日期:预备党员不应填写/);
    expect(reasons({ status: '预备党员', fullOn: null, joinedOn: '2020-01-01' })).toMatch(/党员状态:.*两年/);
    expect(reasons({ idNumber: id('2009-01-01'), joinedOn: '2026-01-01', fullOn: null, status: '预备党员' })).toMatch(/身份证号:未满 18 周岁/);
  });

  it('checks ID numbers, duplicates in the file, phones and dictionaries', () => {
    const good = id('1980-01-01');
    expect(reasons({ idNumber: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') })).toMatch(/校验位/);
    expect(reasons({ idNumber: Number('411503198001011230') })).toMatch(/文本格式/);
    const seen = new Map<string, number>();
    expect(check({}, seen).errors).toEqual([]);
    expect(checkMemberRow(row({}, 7), { today: '2026-11-26', orgs, seen }).errors[0]!.reason).toBe('与第 2 行的身份证号重复');
    expect(reasons({ phone: '02812345678' })).toMatch(/手机号/);
    expect(reasons({ ethnicity: '汉' })).toMatch(/民族:不是有效的民族/);
    expect(reasons({ categories: '老党员,火星党员' })).toMatch(/人员类别:未知的人员类别「火星党员」/);
    expect(check({ categories: '老党员，困难党员、老党员' }).member?.categories).toEqual(['老党员', '困难党员']);
    expect(reasons({ name: null, status: '党员' })).toMatch(/姓名:必填.*党员状态:只能填写/);
  });
});

describe('readDate', () => {
  it('reads the ways people write dates', () => {
    for (const v of ['2020-07-01', '2020/7/1', '2020.07.01', '2020年7月1日', '20200701', 20200701, 44013, new Date(Date.UTC(2020, 6, 1))]) {
      expect(readDate(v), String(v)).toEqual({ ok: true, value: '2020-07-01' });
    }
    expect(readDate('2020-02-30').ok).toBe(false);
    expect(readDate('七月一日').ok).toBe(false);
  });
});
