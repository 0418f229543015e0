import type { Kysely, Transaction } from 'kysely';
import { nameKeys, withScope, type DB } from '@dangjian/db';
import {
  MEMBER_HOME_ORG_TYPES, parseIdNumber, type DevCaseCreateRequest, type DevCaseDetail, type DevCaseListQuery,
  type DevCaseListResponse, type DevEligibleMembersResponse, type DevStepFacts, type DevStepRequest, type DevViolation,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createDevelopmentRepo, type DevCaseRow } from './development.repo.ts';
import { loadCalendar, loadCase, rulesForCase } from './development-context.ts';
import { toDetail, toSummary } from './development-view.ts';
import { checkStep, deadlines, expectedStep, probationEnd, type StepRecord } from './rules/engine.ts';
import { chinaDate } from './rules/dates.ts';
import { onStepRecorded } from './development-registry.ts';

/**
 * Development cases are personal files of applicants: the people who keep the roster
 * (members:write — secretaries, 组织委员, the organization department) read and write them;
 * ordinary members do not.
 */
export const DEV_PERMISSION = 'members:write' as const;

export function ruleViolation(violations: DevViolation[]): AppError {
  const first = violations[0]!;
  return new AppError('DEV_RULE_VIOLATION', {
    message: `不符合规定：${first.ruleName}（${first.message}）`,
    details: { rule: first.rule, ruleName: first.ruleName, message: first.message, field: first.field, violations },
  });
}

export async function caseInScope(trx: Transaction<DB>, id: string, scope: string[]): Promise<DevCaseRow> {
  const row = await createDevelopmentRepo(trx).findInScope(id, scope);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'development-case', id } });
  return row;
}

/**
 * Development cases (D1): open a case at the application (step 1), record each further step in
 * order through the rule engine, read the case with its deadlines. Every call is one transaction
 * as the app role with the caller's scope; every write is audited in that transaction.
 * @example await dev.addStep(actor, caseId, { stepNo: 2, doneOn: '2025-03-10', facts: { talker: '王书记' } });
 */
export function createDevelopmentService(deps: { db: Kysely<DB>; clock: Clock }) {
  const today = () => chinaDate(deps.clock());

  async function detailOf(trx: Transaction<DB>, actor: Actor, row: DevCaseRow): Promise<DevCaseDetail> {
    const loaded = await loadCase(trx, row, today());
    const docs = await createDevelopmentRepo(trx).documents(row.id);
    return toDetail(loaded, docs, row.status === 'active' && can(actor, DEV_PERMISSION, row.org_path));
  }

  return {
    async list(actor: Actor, q: DevCaseListQuery): Promise<DevCaseListResponse> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(q.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
        const { rows, count } = createDevelopmentRepo(trx).list({ orgPath: org.path, status: q.status, stage: q.stage, q: q.q, today: today() }, q.pageSize, (q.page - 1) * q.pageSize);
        const [items, total] = await Promise.all([rows, count]);
        return { items: items.map((r) => toSummary(r, today())), total: Number(total.n), page: q.page, pageSize: q.pageSize };
      });
    },

    async detail(actor: Actor, id: string): Promise<DevCaseDetail> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => detailOf(trx, actor, await caseInScope(trx, id, scope)));
    },

    /** Full members of the case's branch: the only people who may be 培养联系人 or 入党介绍人. */
    async eligible(actor: Actor, id: string): Promise<DevEligibleMembersResponse> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const row = await caseInScope(trx, id, scope);
        const items = await createDevelopmentRepo(trx).eligibleMembers(row.org_path);
        return { items: items.map((m) => ({ id: m.id, name: m.name, fullOn: m.full_on })) };
      });
    },

    /** Opens a case with step 1 (递交入党申请书); the age rule is checked against the ID number. */
    async create(actor: Actor, input: DevCaseCreateRequest): Promise<DevCaseDetail> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(input.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: input.orgId, fields: [{ field: 'body.orgId', message: '组织不存在或不在管理范围内' }] } });
        if (!(MEMBER_HOME_ORG_TYPES as readonly string[]).includes(org.type)) throw new AppError('DEV_ORG_NOT_BRANCH', { details: { fields: [{ field: 'body.orgId', message: '请选择党支部' }] } });
        const info = parseIdNumber(input.idNumber)!;
        const rules = await rulesForCase(trx, org.path, input.appliedOn);
        const step1: StepRecord = { stepNo: 1, doneOn: input.appliedOn, decision: 'pass', facts: {} };
        const ctx = { rules: rules.params, calendar: await loadCalendar(trx), today: today(), eligibleIds: new Set<string>() };
        const problems = checkStep({ birthDate: info.birthDate, steps: [], notices: [] }, step1, ctx);
        if (problems.length > 0) throw ruleViolation(problems);
        // Within the caller's scope; a person registered elsewhere is caught by the unique index at step 17.
        const already = await trx.selectFrom('members').select('id').where('id_number', '=', input.idNumber).executeTakeFirst();
        if (already) throw new AppError('DEV_ALREADY_MEMBER', { details: { fields: [{ field: 'body.idNumber', message: '该身份证号已登记为党员' }] } });
        const keys = nameKeys(input.name);
        const due = deadlines({ birthDate: info.birthDate, steps: [step1], notices: [] }, ctx)[0];
        const regionId = (await trx.selectFrom('orgs').select('region_id').where('id', '=', org.id).executeTakeFirst())?.region_id ?? null;
        const repo = createDevelopmentRepo(trx);
        let id: string;
        try {
          ({ id } = await repo.insertCase({
            org_id: org.id, region_id: regionId, name: input.name, name_pinyin: keys.pinyin, name_initials: keys.initials,
            gender: info.gender, birth_date: info.birthDate, id_number: input.idNumber, phone: input.phone ?? null,
            ethnicity: input.ethnicity ?? null, education: input.education ?? null, occupation: input.occupation || null,
            note: input.note || null, applied_on: input.appliedOn, created_by: actor.userId,
            next_due_on: due?.dueOn ?? null, next_due_code: due?.code ?? null,
          }));
        } catch (e) {
          if ((e as { code?: string }).code === '23505') throw new AppError('DEV_CASE_DUPLICATE', { details: { fields: [{ field: 'body.idNumber', message: '已有进行中的发展档案' }] } });
          throw e;
        }
        await repo.insertStep({ case_id: id, step_no: 1, done_on: input.appliedOn, decision: 'pass', facts: {}, note: null, recorded_by: actor.displayName });
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'development.create',
          entityType: 'development-case', entityId: id, orgId: org.id, before: null,
          after: { name: input.name, appliedOn: input.appliedOn, ruleSets: rules.sets.map((s) => s.code) },
        });
        return detailOf(trx, actor, (await caseInScope(trx, id, scope)));
      });
    },

    /**
     * Records the next step. The rule engine judges it against the steps so far and the rules in
     * force for the case; a broken rule refuses it (422 DEV_RULE_VIOLATION naming the rule). The
     * approval (17) puts the person in the registry as a probationary member, the 转正 approval
     * (24) makes them a full member, the filing (25) completes the case, a 'fail' closes it.
     */
    async addStep(actor: Actor, id: string, input: DevStepRequest): Promise<DevCaseDetail> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const row = await caseInScope(trx, id, scope);
        if (row.status !== 'active') throw new AppError('DEV_CASE_NOT_ACTIVE');
        const c = await loadCase(trx, row, today());
        const step: StepRecord = { stepNo: input.stepNo, doneOn: input.doneOn, decision: input.decision ?? 'pass', facts: (input.facts ?? {}) as DevStepFacts };
        const problems = checkStep(c.state, step, c.ctx);
        if (problems.length > 0) throw ruleViolation(problems);
        const repo = createDevelopmentRepo(trx);
        await repo.insertStep({ case_id: id, step_no: step.stepNo, done_on: step.doneOn, decision: step.decision, facts: step.facts, note: input.note || null, recorded_by: actor.displayName });
        const steps = [...c.state.steps, step];
        const status = step.decision === 'fail' ? 'closed' : step.stepNo === 25 ? 'completed' : 'active';
        const due = status === 'active' ? deadlines({ ...c.state, steps }, c.ctx)[0] : undefined;
        const end = probationEnd(steps, c.ctx.rules);
        const memberId = await onStepRecorded(trx, actor, row, steps, end);
        const after = { stepNo: step.stepNo, doneOn: step.doneOn, decision: step.decision, status, memberId: memberId ?? row.member_id };
        await repo.updateCase(id, {
          current_step: step.stepNo, status, probation_end: end, member_id: memberId ?? row.member_id,
          next_due_on: due?.dueOn ?? null, next_due_code: due?.code ?? null,
        });
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'development.step',
          entityType: 'development-case', entityId: id, orgId: row.org_id,
          before: { currentStep: row.current_step, status: row.status, expected: expectedStep(c.state.steps) }, after,
        });
        return detailOf(trx, actor, await caseInScope(trx, id, scope));
      });
    },
  };
}

export type DevelopmentService = ReturnType<typeof createDevelopmentService>;
