import type { CommitmentDetail, CommitmentFeedback, CommitmentItem, CommitmentProgress } from '@dangjian/contracts';
import type { CommitmentRow } from './commitments.repo.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString());

export function toItem(r: CommitmentRow): CommitmentItem {
  return {
    id: r.id, kind: r.member_id ? 'member' : 'branch', memberId: r.member_id, name: r.name, orgId: r.org_id, orgName: r.org_name,
    villageId: r.village_id, villageName: r.village_name ?? r.org_name, year: r.year, content: r.content, status: r.status,
    returnReason: r.return_reason, submittedAt: iso(r.submitted_at), vettedAt: iso(r.vetted_at), completedAt: iso(r.completed_at),
    completionNote: r.completion_note, rating: r.rating, progressCount: r.progress_count, feedbackCount: r.feedback_count,
    unansweredCount: r.unanswered_count, createdAt: iso(r.created_at)!,
  };
}

type ProgressRow = { id: string; commitment_id: string; on_date: string; note: string; photo_id: string | null; created_at: Date };
type FeedbackRow = { id: string; commitment_id: string; nickname: string | null; content: string; created_at: Date; answer: string | null; answered_at: Date | null; hidden: boolean };

export const toProgress = (p: ProgressRow): CommitmentProgress => ({ id: p.id, onDate: String(p.on_date).slice(0, 10), note: p.note, photoId: p.photo_id, createdAt: iso(p.created_at)! });
export const toFeedback = (f: FeedbackRow): CommitmentFeedback => ({
  id: f.id, commitmentId: f.commitment_id, nickname: f.nickname, content: f.content, createdAt: iso(f.created_at)!, answer: f.answer,
  answeredAt: iso(f.answered_at), hidden: f.hidden,
});

/** Commitments with their progress and feedback, grouped by commitment id. */
export function toDetails(rows: CommitmentRow[], progress: ProgressRow[], feedback: FeedbackRow[]): CommitmentDetail[] {
  return rows.map((r) => ({
    ...toItem(r),
    progress: progress.filter((p) => p.commitment_id === r.id).map(toProgress),
    feedback: feedback.filter((f) => f.commitment_id === r.id).map(toFeedback),
  }));
}

/** The post 职务 shown on the board: the member record's posts, else 党员 / 预备党员. */
export function postOf(posts: string[] | null, status: string | null): string {
  if (posts && posts.length > 0) return posts.join('、');
  return status === 'probationary' ? '预备党员' : '党员';
}

/**
 * Masks anything in free text that looks like a mobile number or an ID number, since residents
 * and members may type one into a note: public answers must never carry either.
 * @example maskPii('电话13912345678') // '电话139****5678'
 */
export function maskPii(s: string): string {
  return s
    .replace(/(?<![\dXx])(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g, '$1********$2')
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}
