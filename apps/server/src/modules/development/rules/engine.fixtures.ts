import type { DevRuleParams } from '@dangjian/contracts';
import { addDays } from './dates.ts';
import type { WorkCalendar } from './calendar.ts';

/** The 2014 细则 parameters as seeded by migration 0013 (tests only). */
export const CPC_2014: DevRuleParams = {
  minAge: 18, talkWithinMonths: 1, activistMinMonths: 12, contactsMin: 1, contactsMax: 2, introducers: 2,
  trainingMinDays: 3, trainingMinHours: 24, approvalWithinMonths: 3, approvalMaxMonths: 6, probationMonths: 12,
  extensionMinMonths: 6, extensionMaxMonths: 12, conversionApprovalMonths: 3, publicityWorkingDays: 5, publicityKinds: [],
  townshipFiling: false, townshipReviewMonths: 1, differential: false, defense: false,
  branchMeetingWithinMonths: null, oathWithinMonths: null, dueSoonDays: 30,
};

function range(from: string, to: string, kind: 'holiday' | 'workday'): [string, 'holiday' | 'workday'][] {
  const out: [string, 'holiday' | 'workday'][] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push([d, kind]);
  return out;
}

/** The 2025 State Council arrangement (the same rows migration 0013 seeds). */
export const CAL: WorkCalendar = new Map([
  ...range('2025-01-01', '2025-01-01', 'holiday'), ...range('2025-01-26', '2025-01-26', 'workday'),
  ...range('2025-01-28', '2025-02-04', 'holiday'), ...range('2025-02-08', '2025-02-08', 'workday'),
  ...range('2025-04-04', '2025-04-06', 'holiday'), ...range('2025-04-27', '2025-04-27', 'workday'),
  ...range('2025-05-01', '2025-05-05', 'holiday'), ...range('2025-05-31', '2025-06-02', 'holiday'),
  ...range('2025-09-28', '2025-09-28', 'workday'), ...range('2025-10-01', '2025-10-08', 'holiday'),
  ...range('2025-10-11', '2025-10-11', 'workday'),
]);
