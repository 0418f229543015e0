import type { Agent } from '../../test/harness.ts';
import { freshIdNumber } from '../members/members.test-helpers.ts';

/** The dates a real case would have (2014 rules): activist a year before object, one-year probation. */
export const REAL_DATES: Record<number, string> = {
  1: '2023-03-01', 2: '2023-03-20', 3: '2023-06-10', 4: '2023-06-20', 5: '2023-06-25', 6: '2023-12-25', 7: '2024-06-15',
  8: '2024-06-25', 9: '2024-07-01', 10: '2024-07-20', 11: '2024-08-05', 12: '2024-08-20', 13: '2024-09-05', 14: '2024-09-10',
  15: '2024-09-20', 16: '2024-10-10', 17: '2024-11-15', 18: '2024-11-25', 19: '2024-12-01', 20: '2024-12-10', 21: '2025-06-10',
  22: '2025-08-20', 23: '2025-09-22', 24: '2025-10-20', 25: '2025-11-10',
};

export function caseBody(orgId: string, over: Record<string, unknown> = {}) {
  return { orgId, name: '赵入党', idNumber: freshIdNumber('19980512'), phone: '13912345678', ethnicity: '汉族', education: '本科', occupation: '农民', appliedOn: REAL_DATES[1], ...over };
}

/** The facts each step needs to pass; people from the branch's eligible full members. */
export function factsFor(stepNo: number, eligible: string[]): Record<string, unknown> {
  const votes = { entitled: 9, present: 8, yes: 8 };
  switch (stepNo) {
    case 2: return { talker: '王书记' };
    case 5: return { contactIds: eligible.slice(0, 1) };
    case 9: return { introducerIds: eligible.slice(0, 2) };
    case 10: return { politicalReviewPassed: true };
    case 11: return { trainingDays: 3, trainingHours: 24 };
    case 15: return { votes };
    case 16: return { talker: '李组织员' };
    case 23: return { votes };
    default: return {};
  }
}

/** Records steps from..to with REAL_DATES; throws on the first refusal. */
export async function walk(agent: Agent, caseId: string, from: number, to: number, dates = REAL_DATES): Promise<void> {
  const eligible = (await agent.get(`/api/v1/development-cases/${caseId}/eligible-members`)).json().items.map((m: { id: string }) => m.id);
  for (let n = from; n <= to; n++) {
    const res = await agent.post(`/api/v1/development-cases/${caseId}/steps`, { stepNo: n, doneOn: dates[n], facts: factsFor(n, eligible) });
    if (res.statusCode !== 200) throw new Error(`step ${n}: ${res.statusCode} ${res.body}`);
  }
}
