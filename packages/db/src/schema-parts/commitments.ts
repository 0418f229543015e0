import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type CommitmentStatusCol = 'draft' | 'submitted' | 'approved' | 'returned';
export type CommitmentRatingCol = 'excellent' | 'good' | 'fair' | 'poor';

/** One promise of a member (member_id) or of a branch team (member_id null) for a year (migration 0018). */
export interface CommitmentsTable {
  id: Generated<string>;
  org_id: string;
  region_id: string | null;
  /** The village or community whose public board shows it (or the branch itself). */
  village_id: string;
  member_id: string | null;
  year: number;
  content: string;
  status: Generated<CommitmentStatusCol>;
  return_reason: string | null;
  submitted_at: Date | null;
  vetted_by: string | null;
  vetted_at: Date | null;
  completed_at: Date | null;
  completion_note: string | null;
  rating: CommitmentRatingCol | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A member's board photo (kind member, one per member) or a progress photo. */
export interface CommitmentPhotosTable {
  id: Generated<string>;
  org_id: string;
  region_id: string | null;
  kind: 'member' | 'progress';
  member_id: string | null;
  mime: string;
  size: number;
  data: Buffer;
  created_by: string | null;
  created_at: Timestamp;
}

/** 践诺 progress note. */
export interface CommitmentProgressTable {
  id: Generated<string>;
  commitment_id: string;
  org_id: string;
  region_id: string | null;
  on_date: DateCol;
  note: string;
  photo_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** A resident's public comment and the branch's answer. */
export interface CommitmentFeedbackTable {
  id: Generated<string>;
  commitment_id: string;
  org_id: string;
  region_id: string | null;
  nickname: string | null;
  content: string;
  created_at: Timestamp;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  hidden: Generated<boolean>;
  hidden_by: string | null;
  hidden_at: Date | null;
}

/** Tables of 公开承诺 (F2) (migration 0018). */
export interface CommitmentsTables {
  commitments: CommitmentsTable;
  commitment_photos: CommitmentPhotosTable;
  commitment_progress: CommitmentProgressTable;
  commitment_feedback: CommitmentFeedbackTable;
}
