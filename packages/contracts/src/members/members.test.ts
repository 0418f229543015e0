import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../idnumber.ts';
import { MEMBER_ETHNICITIES } from './vocab.ts';
import { normalizePhone } from './phone.ts';
import { idNumberProblem, memberRuleProblems } from './rules.ts';
import { MemberCreateRequest, MemberPatchRequest } from './record.ts';

const id = (birth: string, seq = '001') => `110105${birth}${seq}` + idCheckChar(`110105${birth}${seq}`);

describe('member contracts', () => {
  // The import template re-exports these lists (imports.ts), so one list serves both.
  it('has the 56 ethnic groups, each once', () => {
    expect(MEMBER_ETHNICITIES).toHaveLength(56);
    expect(new Set(MEMBER_ETHNICITIES).size).toBe(56);
  });

  it('normalizes phone numbers as people type them', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('8613812345678')).toBe('13812345678');
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
  });

  it('checks the ID number: checksum, age 18 on the day', () => {
    const now = new Date('2026-06-15T00:00:00Z');
    expect(idNumberProblem(id('20080615'), now)).toBeNull();
    expect(idNumberProblem(id('20080616'), now)).toMatch(/18 周岁/);
    expect(idNumberProblem(id('19800101').slice(0, 17) + 'Y', now)).toMatch(/18 位/);
    expect(idNumberProblem('11010519491231002X'.replace('X', '1'), now)).toMatch(/校验位/);
  });

  it('cross-field rules: join at 18+, full needs a later 转正 date, probationary has none, reporting only for 在职党员', () => {
    const now = new Date('2026-06-15T00:00:00Z');
    const base = { idNumber: id('19900101'), status: 'full' as const, joinedOn: '2015-01-01', fullOn: '2016-01-01' };
    expect(memberRuleProblems(base, now)).toEqual([]);
    expect(memberRuleProblems({ ...base, joinedOn: '2007-12-31', fullOn: '2009-01-01' }, now)[0]?.field).toBe('joinedOn');
    expect(memberRuleProblems({ ...base, fullOn: '2014-12-31' }, now)[0]?.field).toBe('fullOn');
    expect(memberRuleProblems({ ...base, status: 'probationary' }, now)[0]?.field).toBe('fullOn');
    expect(memberRuleProblems({ ...base, reportingOrgId: '7', categories: ['老党员'] }, now)[0]?.field).toBe('reportingOrgId');
    expect(memberRuleProblems({ ...base, reportingOrgId: '7', categories: ['在职党员'] }, now)).toEqual([]);
  });

  it('parses a create body (upper-casing the ID, normalizing the phone) and refuses unknown keys', () => {
    const body = { orgId: '5', name: ' 张三 ', idNumber: '11010519491231002x', phone: '+86 139 0000 0000', status: 'full', joinedOn: '1975-01-01', fullOn: '1976-01-01' };
    const v = MemberCreateRequest.parse(body);
    expect(v).toMatchObject({ name: '张三', idNumber: '11010519491231002X', phone: '13900000000', categories: [], posts: [] });
    expect(MemberCreateRequest.safeParse({ ...body, gender: 'male' }).success).toBe(false);
    expect(MemberPatchRequest.safeParse({}).success).toBe(false);
    expect(MemberPatchRequest.safeParse({ orgId: '9' }).success).toBe(false);
  });
});
