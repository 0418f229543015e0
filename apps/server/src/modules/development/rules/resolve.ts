import { DevRuleParams } from '@dangjian/contracts';

export interface RuleSetRow {
  id: string;
  code: string;
  document: string;
  scope: 'national' | 'local';
  effective_from: string;
  status: 'active' | 'draft';
  params: Record<string, unknown>;
}

export interface BindingRow {
  org_id: string;
  rule_set_id: string;
  effective_from: string;
}

export interface ResolvedRules {
  params: DevRuleParams;
  sets: { code: string; document: string; effectiveFrom: string }[];
}

/**
 * The rules a case follows, fixed by its application date: the national sets in force on that
 * date, oldest first (a later revision lists only what it changes), then the local sets switched
 * on for the case's organization or any ancestor by that date, in the order they were switched on.
 * Rules do not change under a running case when a county switches a variant on later.
 * @example resolveRules(sets, bindings, ['1', '5', '12'], '2025-03-01').params.talkWithinMonths // 1
 */
export function resolveRules(sets: readonly RuleSetRow[], bindings: readonly BindingRow[], ancestorIds: readonly string[], appliedOn: string): ResolvedRules {
  const allNational = sets
    .filter((s) => s.scope === 'national' && s.status === 'active')
    .sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  // An application older than every national set (a legacy record) follows the oldest one.
  const inForce = allNational.filter((s) => s.effective_from <= appliedOn);
  const national = inForce.length > 0 ? inForce : allNational.slice(0, 1);
  const byId = new Map(sets.map((s) => [s.id, s]));
  const local = bindings
    .filter((b) => ancestorIds.includes(b.org_id) && b.effective_from <= appliedOn)
    .sort((a, b) => a.effective_from.localeCompare(b.effective_from))
    .map((b) => byId.get(b.rule_set_id))
    .filter((s): s is RuleSetRow => !!s && s.scope === 'local' && s.status === 'active');
  const applied = [...national, ...local];
  const merged = Object.assign({}, ...applied.map((s) => s.params)) as unknown;
  return {
    // Parsing the merge catches a seed or local set that leaves a parameter out or mistypes it.
    params: DevRuleParams.parse(merged),
    sets: applied.map((s) => ({ code: s.code, document: s.document, effectiveFrom: s.effective_from })),
  };
}
