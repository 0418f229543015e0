import type { DuesRule } from '@dangjian/contracts';

/** The 2008 规定 default set, as the migration seeds it (kept literal here on purpose: the test is the table). */
const doc = { document: '中组发〔2008〕3号', effectiveFrom: '2008-04-01', fixedFen: null, fixedMaxFen: null };
export const rate = (category: DuesRule['category'], minBaseFen: number, maxBaseFen: number | null, rateBp: number): DuesRule =>
  ({ ...doc, category, minBaseFen, maxBaseFen, rateBp });
export const fixed = (category: DuesRule['category'], fixedFen: number, fixedMaxFen: number | null = null): DuesRule =>
  ({ ...doc, category, minBaseFen: 0, maxBaseFen: null, rateBp: null, fixedFen, fixedMaxFen });
export const RULES_2008: DuesRule[] = [
  rate('salaried', 0, 300000, 50), rate('salaried', 300000, 500000, 100), rate('salaried', 500000, 1000000, 150), rate('salaried', 1000000, null, 200),
  rate('retired', 0, 500000, 50), rate('retired', 500000, null, 100),
  fixed('farmer', 20, 100), fixed('student', 20), fixed('unemployed', 20), fixed('relief', 20),
];
