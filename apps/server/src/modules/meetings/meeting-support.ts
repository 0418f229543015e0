import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  BUILTIN_MEETING_KINDS, MEETING_LOCK_DAYS_DEFAULT, type AttendanceInput, type MeetingListItem, type MeetingUpdateRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, type Actor } from '../../lib/actor.ts';
import { createMeetingsRepo, type MeetingRow } from './meetings.repo.ts';
import { createMeetingExtrasRepo } from './meeting-extras.repo.ts';
import { countsOf, diffFields, isLocked, lockMoment, quorumOf, type Tally } from './meeting-rules.ts';

type Trx = Kysely<DB>;

/**
 * Meeting records are kept by those who keep the branch's records (书记, 组织委员 and the
 * admins above): the same roles as members:write. A member sees their own page (/mine).
 */
export const MEETINGS_PERM = 'members:write' as const;

/** Roles that may amend a locked record, on an org above the meeting's org. */
const AMENDERS = new Set(['secretary', 'org_dept_admin', 'sys_admin']);

/**
 * True when the actor is "the secretary above": a 书记 or org-department admin whose role
 * covers the PARENT of the meeting's org, so a branch cannot correct its own locked record.
 * @example canAmend(townSecretary, '1.5.12') // true; canAmend(secretaryOfBranch12, '1.5.12') // false
 */
export function canAmend(actor: Actor, orgPath: string): boolean {
  const parent = orgPath.split('.').slice(0, -1).join('.');
  return actor.roles.some((r) => AMENDERS.has(r.role) && (parent ? isUnder(parent, r.orgPath) : r.role === 'sys_admin'));
}

/** The meeting `id` if it lies in `scope`, else NOT_FOUND (never a hint that it exists). */
export async function meetingInScope(trx: Trx, id: string, scope: readonly string[]): Promise<MeetingRow> {
  const m = await createMeetingsRepo(trx).findInScope(id, scope);
  if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'meeting', id } });
  return m;
}

export async function lockDaysFor(trx: Trx, orgPath: string): Promise<number> {
  return (await createMeetingExtrasRepo(trx).lockSetting(orgPath))?.lock_days ?? MEETING_LOCK_DAYS_DEFAULT;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The list shape of a meeting row with its attendance tallies. */
export function toListItem(r: MeetingRow, tallies: readonly Tally[], now: Date): MeetingListItem {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, kind: r.kind,
    kindLabel: r.kind_label ?? BUILTIN_MEETING_KINDS[r.kind as keyof typeof BUILTIN_MEETING_KINDS] ?? r.kind,
    title: r.title, heldAt: iso(r.held_at)!, place: r.place, host: r.host, status: r.status,
    lockedAt: iso(r.locked_at), locked: isLocked(r.locked_at, now),
    lateEntry: r.locked_at !== null && new Date(r.created_at).getTime() > new Date(r.locked_at).getTime(),
    counts: countsOf(tallies), quorum: quorumOf(r.kind, tallies), amendmentCount: Number(r.amendment_count ?? 0),
  };
}

/** The record's own fields as the API names them (audit snapshots and amendment diffs). */
export function snapshot(r: MeetingRow) {
  return {
    kind: r.kind, title: r.title, heldAt: iso(r.held_at), endedAt: iso(r.ended_at), status: r.status, place: r.place,
    host: r.host, recorder: r.recorder, observers: r.observers, topics: r.topics, minutes: r.minutes, resolutions: r.resolutions,
  };
}

/** Refuses an absence without a reason. */
export function checkMarks(marks: readonly AttendanceInput[]): void {
  marks.forEach((a, i) => {
    if (a.status === 'absent' && !a.reason?.trim()) throw new AppError('MEETING_REASON_REQUIRED', { details: { field: `attendance.${i}.reason`, memberId: a.memberId } });
  });
}

export async function checkKind(trx: Trx, orgPath: string, kind: string): Promise<void> {
  const kinds = await createMeetingExtrasRepo(trx).kindsFor(orgPath);
  if (!kinds.some((k) => k.code === kind)) throw new AppError('MEETING_KIND_UNKNOWN', { details: { field: 'kind', kind } });
}

export function checkTimes(heldAt: Date, endedAt: Date | null, status: string, now: Date): void {
  // A few minutes of slack for a record typed in as the meeting ends.
  if (status === 'held' && heldAt.getTime() > now.getTime() + 10 * 60_000) throw new AppError('MEETING_TIME_INVALID', { details: { field: 'heldAt' } });
  if (endedAt && endedAt.getTime() < heldAt.getTime()) throw new AppError('MEETING_TIME_INVALID', { details: { field: 'endedAt' } });
}

/**
 * Applies field and attendance changes to a meeting (PATCH before the lock, an amendment
 * after it) and returns what changed as { field: { before, after } }. A changed held_at moves
 * the lock date with it.
 */
export async function applyChanges(trx: Trx, m: MeetingRow, c: MeetingUpdateRequest, now: Date) {
  const repo = createMeetingsRepo(trx);
  if (c.kind !== undefined && c.kind !== m.kind) await checkKind(trx, m.org_path, c.kind);
  const heldAt = c.heldAt ? new Date(c.heldAt) : new Date(m.held_at);
  const endedAt = c.endedAt !== undefined ? (c.endedAt ? new Date(c.endedAt) : null) : m.ended_at;
  checkTimes(heldAt, endedAt, c.status ?? m.status, now);
  const pick = <K extends keyof MeetingUpdateRequest>(k: K) => c[k] !== undefined;
  const cols = {
    ...(pick('kind') && { kind: c.kind! }),
    ...(pick('title') && { title: c.title! }),
    ...(pick('heldAt') && { held_at: heldAt, locked_at: lockMoment(heldAt, await lockDaysFor(trx, m.org_path)) }),
    ...(pick('endedAt') && { ended_at: endedAt }),
    ...(pick('status') && { status: c.status! }),
    ...(pick('place') && { place: c.place || null }),
    ...(pick('host') && { host: c.host || null }),
    ...(pick('recorder') && { recorder: c.recorder || null }),
    ...(pick('observers') && { observers: c.observers || null }),
    ...(pick('topics') && { topics: c.topics || null }),
    ...(pick('minutes') && { minutes: c.minutes || null }),
    ...(pick('resolutions') && { resolutions: c.resolutions || null }),
  };
  const before = snapshot(m);
  const { attendance: marks, ...fields } = c;
  const changes: Record<string, { before: unknown; after: unknown }> = diffFields(before, {
    ...fields, ...(fields.heldAt && { heldAt: heldAt.toISOString() }), ...(fields.endedAt !== undefined && { endedAt: endedAt?.toISOString() ?? null }),
  });
  if (marks && marks.length > 0) {
    checkMarks(marks);
    const current = new Map((await repo.attendance(m.id)).map((a) => [a.member_id, a]));
    const moved: { memberId: string; name: string; before: string; after: string }[] = [];
    for (const [i, a] of marks.entries()) {
      const was = current.get(a.memberId);
      if (!was) throw new AppError('MEETING_ATTENDEE_INVALID', { details: { field: `attendance.${i}.memberId`, memberId: a.memberId } });
      const reason = a.status === 'present' ? null : a.reason?.trim() || null;
      if (was.status === a.status && was.reason === reason) continue;
      await repo.setAttendance(m.id, a.memberId, a.status, reason);
      moved.push({ memberId: a.memberId, name: was.name, before: mark(was.status, was.reason), after: mark(a.status, reason) });
    }
    if (moved.length > 0) {
      changes.attendance = { before: moved.map((x) => `${x.name}：${x.before}`), after: moved.map((x) => `${x.name}：${x.after}`) };
    }
  }
  if (Object.keys(cols).length > 0 || changes.attendance) await repo.update(m.id, { ...cols, updated_at: now });
  return changes;
}

const MARKS = { present: '出席', absent: '缺席', leave: '请假' } as const;
function mark(status: keyof typeof MARKS, reason: string | null): string {
  return reason ? `${MARKS[status]}（${reason}）` : MARKS[status];
}
