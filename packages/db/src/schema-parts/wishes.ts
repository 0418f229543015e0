import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type WishStatusCol = 'pending' | 'open' | 'claimed' | 'fulfilled' | 'confirmed' | 'disputed' | 'rejected' | 'merged' | 'closed';
export type WishCategoryCol = 'living' | 'study' | 'health' | 'jobs' | 'environment' | 'culture' | 'other';
export type WishEventKindCol = 'posted' | 'reviewed' | 'rejected' | 'merged' | 'claimed' | 'released' | 'fulfilled'
  | 'confirmed' | 'disputed' | 'closed' | 'reopened';

/** One wish (migration 0017). org_id reviews it; village_id is the grid's org. */
export interface WishesTable {
  id: Generated<string>;
  org_id: string;
  village_id: string;
  grid_id: string;
  region_id: string | null;
  source: Generated<'public' | 'console'>;
  category: WishCategoryCol;
  title: string;
  content: string;
  nickname: string | null;
  /** Never public; masked in the console except for the reviewing branch's secretary. */
  resident_phone: string | null;
  /** sha256 (hex) of the resident's token. */
  token_hash: string | null;
  status: WishStatusCol;
  claimant_id: string | null;
  claimed_at: NullableTimestamp;
  claim_deadline: NullableTimestamp;
  fulfil_note: string | null;
  fulfilled_at: NullableTimestamp;
  confirmed_at: NullableTimestamp;
  reject_reason: string | null;
  dispute_comment: string | null;
  close_reason: string | null;
  merged_into: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WishPhotosTable {
  id: Generated<string>;
  wish_id: string;
  kind: 'wish' | 'fulfil';
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  data: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface WishEventsTable {
  id: Generated<string>;
  wish_id: string;
  kind: WishEventKindCol;
  /** The user who acted; null for the resident (public page) and automatic releases. */
  actor: string | null;
  /** The user's display name at the time (users are not readable under a scope). */
  actor_name: string | null;
  note: string | null;
  at: Timestamp;
}

/** A verification code sent to a phone; both hashed (sha256 hex). */
export interface WishCodesTable {
  id: Generated<string>;
  phone_hash: string;
  code_hash: string;
  ip: string | null;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** Tables of 微心愿 (F1) (migration 0017); merged into DB in ../schema.ts. */
export interface WishesTables {
  wishes: WishesTable;
  wish_photos: WishPhotosTable;
  wish_events: WishEventsTable;
  wish_codes: WishCodesTable;
}
