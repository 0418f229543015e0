import {
  DEV_NOTICE_KINDS, DEV_RULE_NAMES, type DevDeadline, type DevDecision, type DevNoticeKind, type DevRuleCode,
  type DevRuleParams, type DevStepFacts, type DevViolation,
} from '@dangjian/contracts';
import { addDays, addMonths } from './dates.ts';
import type { WorkCalendar } from './calendar.ts';

/** One recorded step: what the engine needs to judge the next one. */
export interface StepRecord {
  stepNo: number;
  doneOn: string;
  decision: DevDecision;
  facts: DevStepFacts;
}

export interface NoticeRecord {
  kind: DevNoticeKind;
  startOn: string;
  endOn: string;
  workingDays: number;
}

/** A case as the engine sees it: the applicant's birth date and the steps so far, in order. */
export interface CaseState {
  birthDate: string;
  steps: readonly StepRecord[];
  notices: readonly NoticeRecord[];
}

export interface EngineContext {
  rules: DevRuleParams;
  calendar: WorkCalendar;
  today: string;
  /** Full members of the case's branch who may be 培养联系人 or 入党介绍人. */
  eligibleIds: ReadonlySet<string>;
}

/** The last record of a step (step 23 may be recorded twice: an extension, then the decision). */
export function lastOf(steps: readonly StepRecord[], no: number): StepRecord | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.stepNo === no) return steps[i];
  return undefined;
}

/** The step that may be recorded next, or null when the case is finished or closed. */
export function expectedStep(steps: readonly StepRecord[]): number | null {
  const last = steps[steps.length - 1];
  if (!last) return 1;
  if (last.decision === 'fail' || last.stepNo === 25) return null;
  if (last.stepNo === 23 && last.decision === 'extend') return 23;
  return last.stepNo + 1;
}

/**
 * The end of the 预备期: probationMonths from the branch meeting (step 15), plus the one
 * extension decided at step 23, if any. Null before step 15.
 * @example probationEnd(steps with 15 on '2024-06-20', cpc2014) // '2025-06-20'
 */
export function probationEnd(steps: readonly StepRecord[], rules: DevRuleParams): string | null {
  const d15 = lastOf(steps, 15)?.doneOn;
  if (!d15) return null;
  const ext = steps.find((s) => s.stepNo === 23 && s.decision === 'extend')?.facts.extensionMonths ?? 0;
  return addMonths(d15, rules.probationMonths + ext);
}

/**
 * Every rule that recording `next` on the case would break (empty: the step is accepted).
 * Order and date rules always apply; content rules apply to a 'pass' or 'extend' decision,
 * since a refusal ('fail') only closes the case.
 * @example checkStep(state, { stepNo: 2, doneOn: '2025-03-15', decision: 'pass', facts: { talker: '王书记' } }, ctx)
 *          // [{ rule: 'talk_within_1_month', … }] when step 1 was on 2025-02-01
 */
export function checkStep(state: CaseState, next: StepRecord, ctx: EngineContext): DevViolation[] {
  const out: DevViolation[] = [];
  const { rules: p, today } = ctx;
  const v = (rule: DevRuleCode, message: string, field?: string) =>
    out.push({ rule, ruleName: DEV_RULE_NAMES[rule](p), message, ...(field ? { field } : {}) });
  const steps = state.steps;
  const expected = expectedStep(steps);
  if (expected === null || next.stepNo !== expected) {
    v('step_order', expected === null ? '该档案已结束' : `下一步应为第 ${expected} 步`, 'stepNo');
    return out;
  }
  const prev = steps[steps.length - 1];
  if (prev && next.doneOn < prev.doneOn) v('date_order', `不得早于第 ${prev.stepNo} 步的日期 ${prev.doneOn}`, 'doneOn');
  if (next.doneOn > today) v('no_future_date', `今天是 ${today}`, 'doneOn');
  if (next.decision === 'extend' && next.stepNo !== 23) v('extension_once', '只有支部大会讨论转正时可以延长预备期', 'decision');
  if (next.decision === 'fail') return out;

  const d = (no: number) => lastOf(steps, no)?.doneOn ?? '';
  const f = next.facts;
  const at = next.doneOn;
  switch (next.stepNo) {
    case 1:
      if (addMonths(state.birthDate, 12 * p.minAge) > at) v('age_18', `出生日期 ${state.birthDate}，申请时未满 ${p.minAge} 周岁`, 'appliedOn');
      break;
    case 2:
      if (at > addMonths(d(1), p.talkWithinMonths)) v('talk_within_1_month', `应在 ${addMonths(d(1), p.talkWithinMonths)} 前谈话`, 'doneOn');
      if (!f.talker) v('talker_required', '请填写谈话人', 'facts.talker');
      if (p.townshipFiling) checkTownship(f, d(1), at, today, p, v);
      break;
    case 3: case 7:
      if (p.differential && !((f.slots ?? 0) >= 1 && (f.candidates ?? 0) > (f.slots ?? 0))) {
        v('differential', `推荐人选 ${f.candidates ?? '未填'} 名，名额 ${f.slots ?? '未填'} 名`, 'facts.candidates');
      }
      if (next.stepNo === 7 && at < addMonths(d(3), p.activistMinMonths)) {
        v('activist_1_year', `确定为入党积极分子的日期是 ${d(3)}，最早 ${addMonths(d(3), p.activistMinMonths)} 可确定为发展对象`, 'doneOn');
      }
      break;
    case 5: checkPeople(f.contactIds, p.contactsMin, p.contactsMax, ctx.eligibleIds, 'contacts', 'facts.contactIds', v); break;
    case 9: checkPeople(f.introducerIds, p.introducers, p.introducers, ctx.eligibleIds, 'introducers', 'facts.introducerIds', v); break;
    case 10: if (f.politicalReviewPassed !== true) v('political_review', '政治审查结论须为合格', 'facts.politicalReviewPassed'); break;
    case 11:
      if (!((f.trainingDays ?? 0) >= p.trainingMinDays || (f.trainingHours ?? 0) >= p.trainingMinHours)) {
        v('training_3_days', `培训 ${f.trainingDays ?? 0} 天、${f.trainingHours ?? 0} 学时`, 'facts.trainingDays');
      }
      break;
    case 15:
      if (p.branchMeetingWithinMonths && at > addMonths(d(13), p.branchMeetingWithinMonths)) {
        v('branch_meeting_within', `预审日期 ${d(13)}，应在 ${addMonths(d(13), p.branchMeetingWithinMonths)} 前召开`, 'doneOn');
      }
      if (p.defense && !(f.defenseOn && f.defenseOn >= d(14) && f.defenseOn <= at)) {
        v('defense', '请填写填写志愿书之后、支部大会当日或之前的答辩日期', 'facts.defenseOn');
      }
      checkVotes(f, v);
      break;
    case 16: if (!f.talker) v('talker_required', '请填写谈话人', 'facts.talker'); break;
    case 17:
      if (at > addMonths(d(15), p.approvalMaxMonths)) v('approval_within_3_months', `最迟 ${addMonths(d(15), p.approvalMaxMonths)}`, 'doneOn');
      else if (at > addMonths(d(15), p.approvalWithinMonths) && !f.extensionReason) {
        v('approval_within_3_months', `超过 ${addMonths(d(15), p.approvalWithinMonths)}，须说明特殊情况`, 'facts.extensionReason');
      }
      break;
    case 20:
      if (p.oathWithinMonths && at > addMonths(d(17), p.oathWithinMonths)) v('oath_within', `应在 ${addMonths(d(17), p.oathWithinMonths)} 前宣誓`, 'doneOn');
      break;
    case 23: {
      const end = probationEnd(steps, p)!;
      if (at < end) v('probation_1_year', `预备期 ${end} 期满`, 'doneOn');
      if (next.decision === 'extend') {
        const m = f.extensionMonths ?? 0;
        if (lastOf(steps, 23) || m < p.extensionMinMonths || m > p.extensionMaxMonths) v('extension_once', `延长 ${m || '未填'} 个月`, 'facts.extensionMonths');
      }
      checkVotes(f, v);
      break;
    }
    case 24:
      if (at > addMonths(d(23), p.conversionApprovalMonths)) v('conversion_approval', `最迟 ${addMonths(d(23), p.conversionApprovalMonths)}`, 'doneOn');
      break;
  }
  checkPublicity(state, next, ctx, v);
  return out;
}

type Report = (rule: DevRuleCode, message: string, field?: string) => void;

function checkTownship(f: DevStepFacts, d1: string, at: string, today: string, p: DevRuleParams, v: Report) {
  const filed = f.townshipFiledOn;
  if (!filed || filed < d1 || filed > at) {
    v('township_filing', '请填写提出申请之后、谈话当日或之前的备案日期', 'facts.townshipFiledOn');
    return;
  }
  const r = f.townshipReviewedOn;
  if (!r || r < filed || r > addMonths(filed, p.townshipReviewMonths) || r > today) {
    v('township_review_1_month', `应在备案后 ${addMonths(filed, p.townshipReviewMonths)} 前审核`, 'facts.townshipReviewedOn');
  }
}

function checkPeople(ids: readonly string[] | undefined, min: number, max: number, eligible: ReadonlySet<string>, rule: 'contacts' | 'introducers', field: string, v: Report) {
  const list = ids ?? [];
  if (new Set(list).size !== list.length || list.length < min || list.length > max) v(rule, `已选 ${list.length} 名（不得重复）`, field);
  else if (!list.every((id) => eligible.has(id))) v(rule, '所选人员须为本支部正式党员', field);
}

function checkVotes(f: DevStepFacts, v: Report) {
  const t = f.votes;
  if (!t || t.present > t.entitled || t.yes > t.present || t.present * 2 <= t.entitled || t.yes * 2 <= t.entitled) {
    v('branch_vote', t ? `应到 ${t.entitled}、实到 ${t.present}、赞成 ${t.yes}` : '请填写表决情况', 'facts.votes');
  }
}

/** A 公示 the rule set requires must have started after its decision and ended before this step. */
function checkPublicity(state: CaseState, next: StepRecord, ctx: EngineContext, v: Report) {
  for (const kind of ctx.rules.publicityKinds) {
    const k = DEV_NOTICE_KINDS[kind];
    if (k.beforeStep !== next.stepNo) continue;
    const after = lastOf(state.steps, k.afterStep)?.doneOn ?? '';
    const ok = state.notices.some((n) => n.kind === kind && n.startOn >= after && n.workingDays >= ctx.rules.publicityWorkingDays && n.endOn < next.doneOn);
    if (!ok) v('publicity', `须先完成${k.name}（${ctx.rules.publicityWorkingDays} 个工作日），期满后办理`, 'doneOn');
  }
}

/**
 * The deadlines of a case for its next step, earliest first, with their state relative to today.
 * @example deadlines(caseAtStep1, ctx) // [{ code: 'talk_within_1_month', dueOn: '2025-03-01', state: 'due_soon', … }]
 */
export function deadlines(state: CaseState, ctx: EngineContext): DevDeadline[] {
  const p = ctx.rules;
  const steps = state.steps;
  const next = expectedStep(steps);
  if (next === null) return [];
  const d = (no: number) => lastOf(steps, no)?.doneOn ?? '';
  const out: { code: DevRuleCode; name: string; dueOn: string }[] = [];
  if (next === 2) out.push({ code: 'talk_within_1_month', name: '派人谈话', dueOn: addMonths(d(1), p.talkWithinMonths) });
  if (next === 15 && p.branchMeetingWithinMonths) out.push({ code: 'branch_meeting_within', name: '召开支部大会', dueOn: addMonths(d(13), p.branchMeetingWithinMonths) });
  if (next === 16 || next === 17) out.push({ code: 'approval_within_3_months', name: '上级党委审批', dueOn: addMonths(d(15), p.approvalWithinMonths) });
  if (next === 20 && p.oathWithinMonths) out.push({ code: 'oath_within', name: '入党宣誓', dueOn: addMonths(d(17), p.oathWithinMonths) });
  if (next >= 18 && next <= 23) out.push({ code: 'probation_1_year', name: '预备期满，讨论转正', dueOn: probationEnd(steps, p)! });
  if (next === 24) out.push({ code: 'conversion_approval', name: '上级党委审批转正', dueOn: addMonths(d(23), p.conversionApprovalMonths) });
  const soon = addDays(ctx.today, p.dueSoonDays);
  return out
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((x) => ({ ...x, state: x.dueOn < ctx.today ? 'overdue' : x.dueOn <= soon ? 'due_soon' : 'later' }));
}
