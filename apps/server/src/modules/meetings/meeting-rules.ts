import type { MeetingFileType } from '@dangjian/contracts';

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/**
 * The moment a record becomes read-only: `lockDays` whole days after the meeting began.
 * Stored on the row at creation (and moved only by an amendment of held_at), so "locked" is
 * a comparison with the clock, with no job to run.
 * @example lockMoment(new Date('2026-11-01T09:00:00+08:00'), 7) // 2026-11-08T01:00:00Z
 */
export function lockMoment(heldAt: Date, lockDays: number): Date {
  return new Date(heldAt.getTime() + lockDays * DAY);
}

export function isLocked(lockedAt: Date | null, now: Date): boolean {
  return lockedAt !== null && now.getTime() >= lockedAt.getTime();
}

/** The instant a China calendar day begins: chinaDayStart('2026-01-01') = 2025-12-31T16:00Z. */
export function chinaDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET);
}

/** The China calendar date of an instant, 'YYYY-MM-DD'. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);
}

export interface Tally { status: string; member_status: string; n: string }

/** Counts of a meeting's attendance: due (everyone on the roster), present, absent, leave. */
export function countsOf(rows: readonly Tally[]) {
  const sum = (f: (r: Tally) => boolean) => rows.filter(f).reduce((s, r) => s + Number(r.n), 0);
  return {
    due: sum(() => true),
    present: sum((r) => r.status === 'present'),
    absent: sum((r) => r.status === 'absent'),
    leave: sum((r) => r.status === 'leave'),
  };
}

/**
 * Quorum of a 支部党员大会 (支部工作条例 Art.11): 半数以上 of the members with a vote (full
 * members) present, where 以上 includes half. Other kinds have no quorum here (null).
 * @example quorumOf('branch_congress', rows) // { fullDue: 9, fullPresent: 4, required: 5, met: false }
 */
export function quorumOf(kind: string, rows: readonly Tally[]) {
  if (kind !== 'branch_congress') return null;
  const full = rows.filter((r) => r.member_status === 'full');
  const fullDue = full.reduce((s, r) => s + Number(r.n), 0);
  const fullPresent = full.filter((r) => r.status === 'present').reduce((s, r) => s + Number(r.n), 0);
  const required = Math.ceil(fullDue / 2);
  return { fullDue, fullPresent, required, met: fullPresent >= required };
}

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/**
 * The file type from its bytes (magic numbers), never from the name or the declared type:
 * JPEG, PNG, PDF, or a Word .docx (a ZIP whose directory names word/document.xml).
 * @example sniffMeetingFile(Buffer.from('%PDF-1.7 …')) // 'application/pdf'
 */
export function sniffMeetingFile(b: Buffer): MeetingFileType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 && b.includes('word/document.xml')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** The fields whose value changes: { field: { before, after } }. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = { before: before[k] ?? null, after: v ?? null };
  }
  return out;
}
