import type { ExamResultsResponse } from '@dangjian/contracts';
import type { createExamsRepo } from './exams.repo.ts';
import { iso } from './study-support.ts';

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Per-person rows and per-organization aggregates of one exam: participation rate (who
 * submitted / members of that organization), average score and pass rate over those who submitted.
 */
export async function examResults(
  repo: ReturnType<typeof createExamsRepo>, exam: { id: string; org_path: string; pass_score: number },
): Promise<ExamResultsResponse> {
  const sittings = await repo.sittingsOfExam(exam.id);
  const counts = await repo.memberCountsUnder(exam.org_path);
  const people = sittings.map((s) => ({
    name: s.taker_name, orgName: s.org_name ?? '', startedAt: iso(s.started_at)!, submittedAt: iso(s.submitted_at),
    score: s.submitted_at ? s.score : null, passed: !!s.submitted_at && (s.score ?? 0) >= exam.pass_score,
  }));
  const orgs = counts.map((c) => {
    const done = sittings.filter((s) => s.org_id === c.id && s.submitted_at);
    const memberCount = Number(c.n);
    const sum = done.reduce((a, s) => a + (s.score ?? 0), 0);
    return {
      orgId: c.id, orgName: c.name, memberCount, participants: done.length,
      participationRate: memberCount ? round1((done.length / memberCount) * 100) : 0,
      average: done.length ? round1(sum / done.length) : null,
      passRate: done.length ? round1((done.filter((s) => (s.score ?? 0) >= exam.pass_score).length / done.length) * 100) : null,
    };
  });
  return { people, orgs };
}
