import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '@dangjian/db';
import type { DevStepFacts } from '@dangjian/contracts';
import type { CaseState, EngineContext, StepRecord } from './rules/engine.ts';
import { resolveRules, type ResolvedRules, type RuleSetRow } from './rules/resolve.ts';
import type { WorkCalendar } from './rules/calendar.ts';
import { createDevelopmentRepo, type DevCaseRow } from './development.repo.ts';

/** All rule sets (reference data, a handful of rows). */
export async function loadRuleSets(trx: Kysely<DB>): Promise<RuleSetRow[]> {
  const rows = await trx.selectFrom('dev_rule_sets').select(['id', 'code', 'document', 'scope', 'effective_from', 'status', 'params']).orderBy('id').execute();
  return rows.map((r) => ({ ...r, params: r.params }));
}

/** The working-day calendar rows (holidays, make-up days). */
export async function loadCalendar(trx: Kysely<DB>): Promise<WorkCalendar> {
  const rows = await trx.selectFrom('work_calendar').select(['day', 'kind']).execute();
  return new Map(rows.map((r) => [r.day, r.kind]));
}

/**
 * The rules of a case. A county's switch applies to every branch below it, while row-level
 * security shows a branch secretary only their subtree, so the bindings of the case's ancestors
 * (named by its own path) come from the definer function dev_rule_bindings_for (migration 0013).
 */
export async function rulesForCase(trx: Kysely<DB>, orgPath: string, appliedOn: string): Promise<ResolvedRules> {
  const ancestorIds = orgPath.split('.');
  const sets = await loadRuleSets(trx);
  const ids = `{${ancestorIds.join(',')}}`;
  const { rows } = await sql<{ org_id: string; rule_set_id: string; effective_from: string }>`
    SELECT org_id::text AS org_id, rule_set_id::text AS rule_set_id, effective_from::text AS effective_from
    FROM dev_rule_bindings_for(${ids}::bigint[])`.execute(trx);
  return resolveRules(sets, rows, ancestorIds, appliedOn);
}

export interface LoadedCase {
  row: DevCaseRow;
  rules: ResolvedRules;
  state: CaseState;
  ctx: EngineContext;
  steps: Awaited<ReturnType<ReturnType<typeof createDevelopmentRepo>['steps']>>;
  notices: Awaited<ReturnType<ReturnType<typeof createDevelopmentRepo>['notices']>>;
  eligible: { id: string; name: string; full_on: string | null }[];
}

/** A case with everything the engine needs to judge its next step. */
export async function loadCase(trx: Transaction<DB>, row: DevCaseRow, today: string): Promise<LoadedCase> {
  const repo = createDevelopmentRepo(trx);
  const branchPath = row.org_path;
  const [rules, calendar, steps, notices, eligible] = await Promise.all([
    rulesForCase(trx, row.org_path, row.applied_on), loadCalendar(trx), repo.steps(row.id), repo.notices(row.id),
    repo.eligibleMembers(branchPath),
  ]);
  const records: StepRecord[] = steps.map((s) => ({ stepNo: s.step_no, doneOn: s.done_on, decision: s.decision, facts: s.facts as DevStepFacts }));
  const state: CaseState = {
    birthDate: row.birth_date, steps: records,
    notices: notices.map((n) => ({ kind: n.kind, startOn: n.start_on, endOn: n.end_on, workingDays: n.working_days })),
  };
  const ctx: EngineContext = { rules: rules.params, calendar, today, eligibleIds: new Set(eligible.map((m) => m.id)) };
  return { row, rules, state, ctx, steps, notices, eligible };
}
