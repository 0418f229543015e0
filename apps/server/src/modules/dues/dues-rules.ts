import type { DuesCategory, DuesRule } from '@dangjian/contracts';

/**
 * The monthly dues of one member from the brackets in force (中组发〔2008〕3号). Pure, so the
 * property tests can drive it. The rate applies to the WHOLE base, not marginally: 3000.00 元
 * pays 0.5% (15.00 元) and 3000.01 元 pays 1% (30.00 元). Rounding is not set nationally;
 * this rounds half up to the fen, in integer arithmetic so no floating point touches money.
 * Fixed categories (farmers, students, …) pay the rule's amount, or the amount the branch
 * agreed when the rule gives a range (farmers: 20–100 fen).
 * @example amountFen('salaried', 450_000, rules) // 4500 (4500 元 × 1% = 45.00 元)
 */
export function amountFen(category: DuesCategory, baseFen: number, rules: readonly DuesRule[], agreedFen?: number | null): number {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0) throw new RangeError(`base must be integer fen ≥ 0, got ${baseFen}`);
  const own = rules.filter((r) => r.category === category);
  if (own.length === 0) throw new RangeError(`no dues rule for ${category}`);
  const fixed = own.find((r) => r.fixedFen !== null);
  if (fixed) {
    const max = fixed.fixedMaxFen ?? fixed.fixedFen!;
    return agreedFen != null && agreedFen >= fixed.fixedFen! && agreedFen <= max ? agreedFen : fixed.fixedFen!;
  }
  // Brackets are (min, max]; the lowest bracket also takes a base of 0.
  const bracket = own.find((r) => (baseFen > r.minBaseFen || r.minBaseFen === 0) && (r.maxBaseFen === null || baseFen <= r.maxBaseFen));
  if (!bracket || bracket.rateBp === null) throw new RangeError(`no bracket for ${category} ${baseFen}`);
  // basis points: fen × bp / 10000, half up. Bases ≤ 10^10 fen keep this below 2^53.
  return Math.floor((baseFen * bracket.rateBp + 5000) / 10000);
}

/** True when an agreed amount lies within the fixed range of its category (no range: never). */
export function agreedInRange(category: DuesCategory, agreedFen: number, rules: readonly DuesRule[]): boolean {
  const fixed = rules.find((r) => r.category === category && r.fixedFen !== null);
  return !!fixed && agreedFen >= fixed.fixedFen! && agreedFen <= (fixed.fixedMaxFen ?? fixed.fixedFen!);
}

/**
 * The rules in force on a day: per category, the rows of the latest (document, effective date)
 * that began on or before it. A revised document or a locality's figures are new rows.
 * @example rulesInForce(allRules, '2026-11-01')
 */
export function rulesInForce(all: readonly DuesRule[], day: string): DuesRule[] {
  const out: DuesRule[] = [];
  const categories = [...new Set(all.map((r) => r.category))];
  for (const c of categories) {
    const mine = all.filter((r) => r.category === c && r.effectiveFrom <= day);
    const latest = mine.reduce<string | null>((m, r) => (m === null || r.effectiveFrom > m ? r.effectiveFrom : m), null);
    out.push(...mine.filter((r) => r.effectiveFrom === latest));
  }
  return out;
}
