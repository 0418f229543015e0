import { describe, expect, it } from 'vitest';
import { checkStep, deadlines, probationEnd, type StepRecord } from './engine.ts';
import { addMonths } from './dates.ts';
import { noticeEnd, workingDaysBetween } from './calendar.ts';
import { resolveRules, type RuleSetRow } from './resolve.ts';
import { CAL, CPC_2014 } from './engine.fixtures.ts';

const ctx = { rules: CPC_2014, calendar: CAL, today: '2026-11-26', eligibleIds: new Set(['7', '8']) };
const s = (stepNo: number, doneOn: string, facts: StepRecord['facts'] = {}, decision: StepRecord['decision'] = 'pass'): StepRecord => ({ stepNo, doneOn, decision, facts });

describe('dates and the working-day calendar', () => {
  it('clamps month ends and counts 国庆 holidays and the make-up Saturday', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    // 9-29, 9-30, (10-1…10-8 holiday), 10-9, 10-10, and Saturday 10-11 is a working day.
    expect(noticeEnd(CAL, '2025-09-29', 5)).toBe('2025-10-11');
    // Starting on the Saturday before 春节 make-up rules: 1-26 (Sunday) is a working day.
    expect(noticeEnd(CAL, '2025-01-25', 2)).toBe('2025-01-27');
    expect(workingDaysBetween(CAL, '2025-04-27', '2025-05-06')).toBe(5); // Sunday 4-27 make-up, 4-28…4-30, 5-6
  });
});

describe('checkStep', () => {
  it('refuses an applicant under 18 at application, by the ID number\'s birth date', () => {
    const r = checkStep({ birthDate: '2007-03-02', steps: [], notices: [] }, s(1, '2025-03-01'), ctx);
    expect(r.map((v) => v.rule)).toEqual(['age_18']);
    expect(checkStep({ birthDate: '2007-03-01', steps: [], notices: [] }, s(1, '2025-03-01'), ctx)).toEqual([]);
  });

  it('names talk_within_1_month with its Chinese name when the talk is late', () => {
    const st = { birthDate: '1990-01-01', steps: [s(1, '2025-01-31')], notices: [] };
    expect(checkStep(st, s(2, '2025-02-28', { talker: '王' }), ctx)).toEqual([]);
    const [v] = checkStep(st, s(2, '2025-03-01', { talker: '王' }), ctx);
    expect(v).toMatchObject({ rule: 'talk_within_1_month', ruleName: '收到入党申请书后1个月内派人谈话' });
  });

  it('refuses skipping a step, a date before the previous step and a date in the future', () => {
    const st = { birthDate: '1990-01-01', steps: [s(1, '2025-01-10')], notices: [] };
    expect(checkStep(st, s(3, '2025-01-20'), ctx)[0]!.rule).toBe('step_order');
    expect(checkStep(st, s(2, '2025-01-09', { talker: '王' }), ctx)[0]!.rule).toBe('date_order');
    expect(checkStep({ ...st, steps: [s(1, '2026-11-20')] }, s(2, '2026-11-27', { talker: '王' }), ctx)[0]!.rule).toBe('no_future_date');
  });

  it('township filing (湟源) needs the filing and a review within one month', () => {
    const local = { ...ctx, rules: { ...CPC_2014, townshipFiling: true } };
    const st = { birthDate: '1990-01-01', steps: [s(1, '2025-03-01')], notices: [] };
    expect(checkStep(st, s(2, '2025-03-20', { talker: '王' }), local)[0]!.rule).toBe('township_filing');
    expect(checkStep(st, s(2, '2025-03-20', { talker: '王', townshipFiledOn: '2025-03-03', townshipReviewedOn: '2025-04-04' }), local)[0]!.rule).toBe('township_review_1_month');
    expect(checkStep(st, s(2, '2025-03-20', { talker: '王', townshipFiledOn: '2025-03-03', townshipReviewedOn: '2025-04-03' }), local)).toEqual([]);
  });

  it('probation: 转正 discussion only after one year, one extension of 6–12 months', () => {
    const base = Array.from({ length: 22 }, (_, i) => s(i + 1, i < 15 ? '2024-06-20' : '2024-08-01',
      i + 1 === 15 ? { votes: { entitled: 10, present: 9, yes: 8 } } : {}));
    const st = { birthDate: '1990-01-01', steps: base, notices: [] };
    expect(probationEnd(base, CPC_2014)).toBe('2025-06-20');
    const votes = { entitled: 10, present: 9, yes: 8 };
    expect(checkStep(st, s(23, '2025-06-19', { votes }), ctx)[0]!.rule).toBe('probation_1_year');
    expect(checkStep(st, s(23, '2025-06-20', { votes, extensionMonths: 5 }, 'extend'), ctx)[0]!.rule).toBe('extension_once');
    const ext = s(23, '2025-06-20', { votes, extensionMonths: 6 }, 'extend');
    expect(checkStep(st, ext, ctx)).toEqual([]);
    const st2 = { ...st, steps: [...base, ext] };
    expect(probationEnd(st2.steps, CPC_2014)).toBe('2025-12-20');
    expect(checkStep(st2, s(23, '2025-12-19', { votes }), ctx).map((v) => v.rule)).toContain('probation_1_year');
    expect(checkStep(st2, s(23, '2025-12-22', { votes, extensionMonths: 6 }, 'extend'), ctx).map((v) => v.rule)).toEqual(['extension_once']);
    expect(checkStep(st2, s(23, '2025-12-22', { votes }), ctx)).toEqual([]);
  });

  it('deadlines: the talk is overdue a month after application; the approval is due 3 months after the meeting', () => {
    const d1 = deadlines({ birthDate: '1990-01-01', steps: [s(1, '2026-09-01')], notices: [] }, ctx);
    expect(d1).toEqual([{ code: 'talk_within_1_month', name: '派人谈话', dueOn: '2026-10-01', state: 'overdue' }]);
    const steps = Array.from({ length: 15 }, (_, i) => s(i + 1, '2026-10-15'));
    expect(deadlines({ birthDate: '1990-01-01', steps, notices: [] }, ctx)[0]).toMatchObject({ dueOn: '2027-01-15', state: 'later' });
  });
});

describe('resolveRules', () => {
  const sets: RuleSetRow[] = [
    { id: '1', code: 'cpc_2014', document: '细则', scope: 'national', effective_from: '2014-06-10', status: 'active', params: { ...CPC_2014 } },
    { id: '2', code: 'cpc_2026', document: '细则修订', scope: 'national', effective_from: '2026-05-18', status: 'active', params: { oathWithinMonths: 1 } },
    { id: '3', code: 'huaiyin_3gs', document: '三公示', scope: 'local', effective_from: '2016-01-01', status: 'active', params: { differential: true } },
  ];
  it('takes the national sets in force on the application date and the locality\'s switched-on sets', () => {
    const b = [{ org_id: '5', rule_set_id: '3', effective_from: '2025-01-01' }];
    expect(resolveRules(sets, b, ['1', '5', '9'], '2024-12-31').sets.map((x) => x.code)).toEqual(['cpc_2014']);
    const r = resolveRules(sets, b, ['1', '5', '9'], '2026-06-01');
    expect(r.sets.map((x) => x.code)).toEqual(['cpc_2014', 'cpc_2026', 'huaiyin_3gs']);
    expect(r.params).toMatchObject({ differential: true, oathWithinMonths: 1, talkWithinMonths: 1 });
    expect(resolveRules(sets, b, ['1', '6', '9'], '2026-06-01').params.differential).toBe(false);
  });
});
