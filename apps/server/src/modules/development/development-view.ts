import { maskIdNumber, maskPhone, stageOfStep, type DevCaseDetail, type DevCaseSummary, type DevRuleCode, type DevStepFacts } from '@dangjian/contracts';
import type { DevCaseRow } from './development.repo.ts';
import type { LoadedCase } from './development-context.ts';
import { deadlines } from './rules/engine.ts';

const dueName = (code: string | null) => (code && code in DEADLINE_NAMES ? DEADLINE_NAMES[code as keyof typeof DEADLINE_NAMES] : null);
const DEADLINE_NAMES: Partial<Record<DevRuleCode, string>> = {
  talk_within_1_month: '派人谈话', branch_meeting_within: '召开支部大会', approval_within_3_months: '上级党委审批',
  oath_within: '入党宣誓', probation_1_year: '预备期满，讨论转正', conversion_approval: '上级党委审批转正',
};

/** The list shape of a case: never the full ID number or phone. */
export function toSummary(r: DevCaseRow, today: string): DevCaseSummary {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, gender: r.gender, birthDate: r.birth_date,
    idNumberMasked: maskIdNumber(r.id_number), appliedOn: r.applied_on, status: r.status, currentStep: r.current_step,
    stage: stageOfStep(r.current_step), nextDueOn: r.status === 'active' ? r.next_due_on : null,
    nextDueName: r.status === 'active' ? dueName(r.next_due_code) ?? null : null,
    overdue: r.status === 'active' && !!r.next_due_on && r.next_due_on < today, memberId: r.member_id,
  };
}

/** The case page: steps with the people named, documents, notices, deadlines and the rules in force. */
export function toDetail(c: LoadedCase, docs: { id: string; step_no: number; file_name: string; mime: string; size: number; created_at: Date }[], canEdit: boolean): DevCaseDetail {
  const names = new Map(c.eligible.map((m) => [m.id, m.name]));
  return {
    ...toSummary(c.row, c.ctx.today),
    phoneMasked: c.row.phone ? maskPhone(c.row.phone) : null,
    ethnicity: c.row.ethnicity, education: c.row.education, occupation: c.row.occupation, note: c.row.note,
    probationEnd: c.row.probation_end,
    steps: c.steps.map((s) => {
      const f = s.facts as DevStepFacts;
      const people = [
        ...(f.contactIds ?? []).map((id) => ({ memberId: id, name: names.get(id) ?? `党员 ${id}`, role: 'contact' as const })),
        ...(f.introducerIds ?? []).map((id) => ({ memberId: id, name: names.get(id) ?? `党员 ${id}`, role: 'introducer' as const })),
      ];
      return { id: s.id, stepNo: s.step_no, doneOn: s.done_on, decision: s.decision, facts: f, people, note: s.note, recordedBy: s.recorded_by };
    }),
    documents: docs.map((d) => ({ id: d.id, stepNo: d.step_no, fileName: d.file_name, mime: d.mime, size: d.size, createdAt: new Date(d.created_at).toISOString() })),
    notices: c.notices.map((n) => ({ id: n.id, kind: n.kind, title: n.title, startOn: n.start_on, endOn: n.end_on, workingDays: n.working_days, contact: n.contact })),
    deadlines: c.row.status === 'active' ? deadlines(c.state, c.ctx) : [],
    ruleSets: c.rules.sets,
    rules: c.rules.params,
    canEdit,
  };
}
