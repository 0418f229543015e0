import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEV_NOTICE_KINDS, type DevRuleParams } from '@dangjian/contracts';
import { checkStep, type NoticeRecord, type StepRecord } from './engine.ts';
import { addDays, addMonths } from './dates.ts';
import { noticeEnd } from './calendar.ts';
import { CAL, CPC_2014 } from './engine.fixtures.ts';

const TODAY = '2026-11-26';
const ELIGIBLE = new Set(['11', '12', '13']);

/**
 * The rules stated once more, over a whole timeline, independently of the step-by-step engine:
 * the list of rule codes the timeline breaks. Written from DOMAIN.md §2, not from engine.ts.
 */
function oracle(t: StepRecord[], birth: string, notices: NoticeRecord[], p: DevRuleParams): Set<string> {
  const bad = new Set<string>();
  const at = (n: number) => t[n - 1]?.doneOn;
  t.forEach((s, i) => {
    if (s.stepNo !== i + 1) bad.add('step_order');
    if (i > 0 && s.doneOn < t[i - 1]!.doneOn) bad.add('date_order');
    if (s.doneOn > TODAY) bad.add('no_future_date');
  });
  const f = (n: number) => t[n - 1]!.facts;
  const has = (n: number) => t.length >= n;
  if (addMonths(birth, 12 * p.minAge) > at(1)!) bad.add('age_18');
  if (has(2) && at(2)! > addMonths(at(1)!, p.talkWithinMonths)) bad.add('talk_within_1_month');
  for (const n of [2, 16]) if (has(n) && !f(n).talker) bad.add('talker_required');
  if (p.differential) for (const n of [3, 7]) if (has(n) && !((f(n).candidates ?? 0) > (f(n).slots ?? 0) && (f(n).slots ?? 0) > 0)) bad.add('differential');
  if (has(7) && at(7)! < addMonths(at(3)!, p.activistMinMonths)) bad.add('activist_1_year');
  const people = (ids: string[] | undefined, min: number, max: number) =>
    !!ids && ids.length >= min && ids.length <= max && new Set(ids).size === ids.length && ids.every((i) => ELIGIBLE.has(i));
  if (has(5) && !people(f(5).contactIds, p.contactsMin, p.contactsMax)) bad.add('contacts');
  if (has(9) && !people(f(9).introducerIds, p.introducers, p.introducers)) bad.add('introducers');
  if (has(10) && f(10).politicalReviewPassed !== true) bad.add('political_review');
  if (has(11) && (f(11).trainingDays ?? 0) < p.trainingMinDays && (f(11).trainingHours ?? 0) < p.trainingMinHours) bad.add('training_3_days');
  if (has(15)) {
    const v = f(15).votes;
    if (!v || v.present > v.entitled || v.yes > v.present || 2 * v.present <= v.entitled || 2 * v.yes <= v.entitled) bad.add('branch_vote');
    if (p.defense && !(f(15).defenseOn && f(15).defenseOn! >= at(14)! && f(15).defenseOn! <= at(15)!)) bad.add('defense');
  }
  if (has(17) && (at(17)! > addMonths(at(15)!, p.approvalMaxMonths) || (at(17)! > addMonths(at(15)!, p.approvalWithinMonths) && !f(17).extensionReason))) bad.add('approval_within_3_months');
  if (has(23)) {
    if (at(23)! < addMonths(at(15)!, p.probationMonths)) bad.add('probation_1_year');
    const v = f(23).votes;
    if (!v || v.present > v.entitled || v.yes > v.present || 2 * v.present <= v.entitled || 2 * v.yes <= v.entitled) bad.add('branch_vote');
  }
  if (has(24) && at(24)! > addMonths(at(23)!, p.conversionApprovalMonths)) bad.add('conversion_approval');
  for (const kind of p.publicityKinds) {
    const k = DEV_NOTICE_KINDS[kind];
    if (!has(k.beforeStep)) continue;
    const done = notices.some((n) => n.kind === kind && n.startOn >= at(k.afterStep)! && n.endOn < at(k.beforeStep)!
      && n.workingDays >= p.publicityWorkingDays);
    if (!done) bad.add('publicity');
  }
  return bad;
}

/** Gaps in days between steps: mostly realistic, sometimes too short or too long. */
const gap = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 300, max: 420 }), fc.integer({ min: 80, max: 200 }));
const votes = fc.record({ entitled: fc.integer({ min: 3, max: 30 }), present: fc.integer({ min: 0, max: 30 }), yes: fc.integer({ min: 0, max: 30 }) });
const ids = fc.array(fc.constantFrom('11', '12', '13', '99'), { minLength: 0, maxLength: 3 });
const timeline = fc.record({
  birth: fc.constantFrom('1990-05-01', '2005-02-28', '2006-07-15', '2004-12-31'),
  start: fc.constantFrom('2020-03-02', '2021-01-31', '2022-06-15', '2023-01-03'),
  gaps: fc.array(gap, { minLength: 24, maxLength: 24 }),
  variant: fc.constantFrom('base', 'huaiyin'),
  talker: fc.boolean(), cand: fc.integer({ min: 0, max: 5 }), slots: fc.integer({ min: 0, max: 3 }),
  contacts: ids, introducers: ids, review: fc.boolean(), days: fc.integer({ min: 0, max: 5 }), hours: fc.integer({ min: 0, max: 40 }),
  votes15: votes, votes23: votes, defenseBack: fc.integer({ min: -5, max: 30 }), reason: fc.boolean(),
  noticeDelay: fc.array(fc.integer({ min: -3, max: 20 }), { minLength: 4, maxLength: 4 }),
});

type Timeline = typeof timeline extends fc.Arbitrary<infer U> ? U : never;

function build(x: Timeline) {
  const p: DevRuleParams = x.variant === 'base' ? CPC_2014
    : { ...CPC_2014, publicityKinds: ['activist', 'object', 'admission'], differential: true, defense: true };
  const steps: StepRecord[] = [];
  let d: string = x.start;
  for (let n = 1; n <= 25; n++) {
    if (n > 1) d = addDays(d, x.gaps[n - 2]!);
    const facts: StepRecord['facts'] = {};
    if (n === 2 || n === 16) Object.assign(facts, x.talker ? { talker: '王书记' } : {});
    if (n === 3 || n === 7) Object.assign(facts, { candidates: x.cand, slots: x.slots });
    if (n === 5) facts.contactIds = x.contacts.slice(0, 2);
    if (n === 9) facts.introducerIds = x.introducers;
    if (n === 10) facts.politicalReviewPassed = x.review;
    if (n === 11) Object.assign(facts, { trainingDays: x.days, trainingHours: x.hours });
    if (n === 15) Object.assign(facts, { votes: x.votes15, defenseOn: addDays(d, -x.defenseBack) });
    if (n === 17 && x.reason) facts.extensionReason = '审批会议延期';
    if (n === 23) facts.votes = x.votes23;
    steps.push({ stepNo: n, doneOn: d, decision: 'pass', facts });
  }
  const kinds = ['activist', 'object', 'admission', 'conversion'] as const;
  const notices: NoticeRecord[] = kinds.map((kind, i) => {
    const startOn = addDays(steps[DEV_NOTICE_KINDS[kind].afterStep - 1]!.doneOn, x.noticeDelay[i]!);
    return { kind, startOn, endOn: noticeEnd(CAL, startOn, 5), workingDays: 5 };
  });
  return { p, steps, notices };
}

describe('rule engine (property)', () => {
  it('accepts a step exactly when the timeline up to it breaks no rule', () => {
    fc.assert(fc.property(timeline, (x) => {
      const { p, steps, notices } = build(x);
      const accepted: StepRecord[] = [];
      for (const s of steps) {
        const known = notices.filter((n) => n.startOn <= s.doneOn);
        const refused = checkStep({ birthDate: x.birth, steps: accepted, notices: known }, s, { rules: p, calendar: CAL, today: TODAY, eligibleIds: ELIGIBLE });
        const broken = oracle([...accepted, s], x.birth, known, p);
        // No sequence that breaks a rule is accepted, and every sequence that keeps them is.
        expect(refused.length > 0, `step ${s.stepNo}: engine ${JSON.stringify(refused.map((r) => r.rule))}, oracle ${[...broken]}`).toBe(broken.size > 0);
        // The rule the engine names is one the oracle also finds broken.
        for (const r of refused) expect(broken.has(r.rule)).toBe(true);
        if (refused.length > 0) return;
        accepted.push(s);
      }
      expect(oracle(accepted, x.birth, notices, p).size).toBe(0);
    }), { numRuns: 400 });
  });
});
