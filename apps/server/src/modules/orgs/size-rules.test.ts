import { describe, expect, it } from 'vitest';
import { chinaToday, daysBetween, orgWarnings, type SizeFacts } from './size-rules.ts';

const base: SizeFacts = { type: 'branch', full: 5, probationary: 0, termEnd: null, validUntil: null, today: '2026-11-26' };
const codes = (f: Partial<SizeFacts>) => orgWarnings({ ...base, ...f }).map((w) => w.code);

describe('orgWarnings', () => {
  it('a normal branch of 5 full members has no warning', () => {
    expect(codes({})).toEqual([]);
  });
  it('over 50 members, counting probationary ones', () => {
    expect(codes({ full: 48, probationary: 3, termEnd: '2028-01-01' })).toEqual(['BRANCH_TOO_LARGE']);
    expect(codes({ full: 48, probationary: 2, termEnd: '2028-01-01' })).toEqual([]);
  });
  it('7 full members without a team need a committee; 6 do not', () => {
    expect(codes({ full: 7 })).toEqual(['BRANCH_NEEDS_COMMITTEE']);
    expect(codes({ full: 6 })).toEqual([]);
    expect(codes({ full: 7, termEnd: '2028-01-01' })).toEqual([]);
  });
  it('fewer than 3 full members, except a temporary branch', () => {
    expect(codes({ full: 2, probationary: 4 })).toEqual(['BRANCH_TOO_FEW_FULL']);
    expect(codes({ type: 'temp_branch', full: 1 })).toEqual([]);
  });
  it('term expired, ending within 90 days, or far off', () => {
    expect(codes({ termEnd: '2026-11-25' })).toEqual(['TEAM_TERM_EXPIRED']);
    expect(codes({ termEnd: '2027-02-24' })).toEqual(['TEAM_TERM_ENDING']);
    expect(codes({ termEnd: '2027-02-25' })).toEqual([]);
  });
  it('member-count rules apply to branch-level types only; term rules to all', () => {
    expect(codes({ type: 'town_committee', full: 400 })).toEqual([]);
    expect(codes({ type: 'town_committee', full: 400, termEnd: '2020-01-01' })).toEqual(['TEAM_TERM_EXPIRED']);
  });
  it('a temporary branch past its validity', () => {
    expect(codes({ type: 'temp_branch', validUntil: '2026-11-01' })).toEqual(['TEMP_BRANCH_EXPIRED']);
  });
  it('messages carry the figures', () => {
    expect(orgWarnings({ ...base, full: 60 })[0]?.message).toContain('60');
  });
});

describe('dates', () => {
  it('China today is UTC+8', () => {
    expect(chinaToday(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
  });
  it('days between', () => {
    expect(daysBetween('2026-11-26', '2026-12-01')).toBe(5);
    expect(daysBetween('2026-11-26', '2026-11-20')).toBe(-6);
  });
});
