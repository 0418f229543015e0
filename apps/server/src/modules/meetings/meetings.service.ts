import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { MEETING_EXPORT_MAX } from '@dangjian/contracts';
import type {
  MeetingCreateRequest, MeetingExportQuery, MeetingDetail, MeetingListQuery, MeetingListResponse, MeetingPrint, MeetingRosterQuery,
  MeetingRosterResponse, MeetingUpdateRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { audit } from '../grids/grid-support.ts';
import { createMeetingsRepo, type MeetingRow } from './meetings.repo.ts';
import { createMeetingExtrasRepo } from './meeting-extras.repo.ts';
import { chinaDate, chinaDayStart, isLocked, lockMoment } from './meeting-rules.ts';
import {
  MEETINGS_PERM, applyChanges, canAmend, checkKind, checkMarks, checkTimes, lockDaysFor, meetingInScope, snapshot, toListItem,
} from './meeting-support.ts';

type Trx = Kysely<DB>;
export interface MeetingsDeps { db: Kysely<DB>; clock?: Clock }

/**
 * Records of organizational life (C1 三会一课, C2): meetings of an org with attendance taken
 * from its roster, a quorum check for 支部党员大会, and a lock `lockDays` after the meeting,
 * after which only the secretary above may correct the record (meeting-amend.service.ts).
 * @example await meetings.create(actor, { orgId, kind: 'branch_committee', title: '11月支委会', heldAt: '2026-11-20T09:00:00+08:00' });
 */
export function createMeetingsService(deps: MeetingsDeps) {
  const clock = deps.clock ?? systemClock;

  async function detail(trx: Trx, actor: Actor, m: MeetingRow): Promise<MeetingDetail> {
    const repo = createMeetingsRepo(trx);
    const extras = createMeetingExtrasRepo(trx);
    const now = clock();
    const [tallies, attendance, files, amendments, lockDays] = await Promise.all([
      repo.tallies([m.id]), repo.attendance(m.id), extras.files(m.id), extras.amendments(m.id), lockDaysFor(trx, m.org_path),
    ]);
    const item = toListItem(m, tallies, now);
    return {
      ...item,
      endedAt: m.ended_at ? new Date(m.ended_at).toISOString() : null, recorder: m.recorder, observers: m.observers,
      topics: m.topics, minutes: m.minutes, resolutions: m.resolutions, templateCode: m.template_code,
      createdAt: new Date(m.created_at).toISOString(), lockDays,
      attendance: attendance.map((a) => ({
        memberId: a.member_id, name: a.name, memberStatus: a.member_status as 'full' | 'probationary', orgName: a.org_name, status: a.status, reason: a.reason,
      })),
      files: files.map((f) => ({ id: f.id, category: f.category, name: f.name, mime: f.mime, size: f.size, createdAt: new Date(f.created_at).toISOString() })),
      amendments: amendments.map((x) => ({
        id: x.id, at: new Date(x.at).toISOString(), actorName: x.actor_name, reason: x.reason,
        changes: x.changes as Record<string, { before: unknown; after: unknown }>,
      })),
      canEdit: !item.locked && can(actor, MEETINGS_PERM, m.org_path),
      canAmend: item.locked && canAmend(actor, m.org_path),
    };
  }

  async function listPage(actor: Actor, q: MeetingExportQuery, limit: number, offset: number) {
    const scope = scopeFor(actor, MEETINGS_PERM);
    return withScope(deps.db, scope, async (trx) => {
      const org = await createOrgsRepo(trx).findInScope(q.orgId, scope);
      if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
      const repo = createMeetingsRepo(trx);
      const f = {
        orgPath: org.path, kind: q.kind, from: q.from ? chinaDayStart(q.from) : undefined,
        to: q.to ? new Date(chinaDayStart(q.to).getTime() + 86_400_000) : undefined,
      };
      const [rows, total] = await Promise.all([repo.list(f, limit, offset), repo.count(f)]);
      const tallies = await repo.tallies(rows.map((r) => r.id));
      const now = clock();
      return { orgName: org.name, items: rows.map((r) => toListItem(r, tallies.filter((t) => t.meeting_id === r.id), now)), total };
    });
  }

  /** A meeting the actor may change now: in write scope and not locked. */
  async function editable(trx: Trx, id: string, scope: string[]): Promise<MeetingRow> {
    const m = await meetingInScope(trx, id, scope);
    if (isLocked(m.locked_at, clock())) throw new AppError('MEETING_LOCKED', { details: { id, lockedAt: new Date(m.locked_at!).toISOString() } });
    return m;
  }

  return {
    /** Meetings of a subtree, newest first, with attendance counts; from/to are China dates. */
    async list(actor: Actor, q: MeetingListQuery): Promise<MeetingListResponse> {
      const { orgName: _o, ...page } = await listPage(actor, q, q.pageSize, (q.page - 1) * q.pageSize);
      return { ...page, page: q.page, pageSize: q.pageSize };
    },

    /** Every meeting of the filter (up to MEETING_EXPORT_MAX), for the Excel export. */
    async exportRows(actor: Actor, q: MeetingExportQuery) {
      return listPage(actor, q, MEETING_EXPORT_MAX, 0);
    },

    /** The roster a new meeting of `kind` on `date` would start from. */
    async roster(actor: Actor, q: MeetingRosterQuery): Promise<MeetingRosterResponse> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(q.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
        const repo = createMeetingsRepo(trx);
        const rows = await repo.rosterMembers(await repo.roster(org.id, org.path, q.kind, q.date));
        return { items: rows.map((r) => ({ memberId: r.id, name: r.name, memberStatus: r.status as 'full' | 'probationary', orgName: r.org_name })) };
      });
    },

    async get(actor: Actor, id: string): Promise<MeetingDetail> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => detail(trx, actor, await meetingInScope(trx, id, scope)));
    },

    /** The record for the paper file (会议记录), with the org's name and the print time. */
    async print(actor: Actor, id: string): Promise<MeetingPrint> {
      const d = await this.get(actor, id);
      return { ...d, orgFullName: d.orgName, printedAt: clock().toISOString() };
    },

    /**
     * Records a meeting. Attendance starts from the org's roster (everyone present) and the
     * given marks are applied on top; a member not on the roster is refused.
     */
    async create(actor: Actor, b: MeetingCreateRequest): Promise<MeetingDetail> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      checkMarks(b.attendance ?? []);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(b.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: b.orgId } });
        await checkKind(trx, org.path, b.kind);
        const extras = createMeetingExtrasRepo(trx);
        const template = b.templateCode ? (await extras.templates()).find((t) => t.code === b.templateCode) : undefined;
        if (b.templateCode && !template) throw new AppError('MEETING_TEMPLATE_UNKNOWN', { details: { field: 'templateCode' } });
        const now = clock();
        const heldAt = new Date(b.heldAt);
        const endedAt = b.endedAt ? new Date(b.endedAt) : null;
        const status = b.status ?? (heldAt > now ? 'planned' : 'held');
        checkTimes(heldAt, endedAt, status, now);
        const repo = createMeetingsRepo(trx);
        const roster = await repo.roster(org.id, org.path, b.kind, chinaDate(heldAt));
        const marks = new Map((b.attendance ?? []).map((a, i) => [a.memberId, { ...a, i }]));
        const onRoster = new Set(roster);
        for (const a of marks.values()) {
          if (!onRoster.has(a.memberId)) throw new AppError('MEETING_ATTENDEE_INVALID', { details: { field: `attendance.${a.i}.memberId`, memberId: a.memberId } });
        }
        const id = await repo.insert({
          org_id: org.id, kind: b.kind, title: b.title, held_at: heldAt, ended_at: endedAt, status,
          place: b.place || null, host: b.host || null, recorder: b.recorder || null, observers: b.observers || null,
          topics: b.topics || template?.topics || null, minutes: b.minutes || null, resolutions: b.resolutions || null,
          template_code: template?.code ?? null, locked_at: lockMoment(heldAt, await lockDaysFor(trx, org.path)),
          created_by: actor.userId, created_at: now, updated_at: now,
        });
        await repo.insertAttendance(roster.map((memberId) => {
          const a = marks.get(memberId);
          return { meeting_id: id, member_id: memberId, status: a?.status ?? 'present', reason: a && a.status !== 'present' ? a.reason?.trim() || null : null };
        }));
        const m = await meetingInScope(trx, id, scope);
        const d = await detail(trx, actor, m);
        await audit(trx, actor, { action: 'meeting.create', entityType: 'meeting', entityId: id, orgId: org.id, after: { ...snapshot(m), counts: d.counts } });
        return d;
      });
    },

    /** Changes a record before its lock date; after it, 409 MEETING_LOCKED. */
    async update(actor: Actor, id: string, b: MeetingUpdateRequest): Promise<MeetingDetail> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const m = await editable(trx, id, scope);
        const changes = await applyChanges(trx, m, b, clock());
        if (Object.keys(changes).length > 0) {
          await audit(trx, actor, {
            action: 'meeting.update', entityType: 'meeting', entityId: id, orgId: m.org_id,
            before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.before])),
            after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after])),
          });
        }
        return detail(trx, actor, await meetingInScope(trx, id, scope));
      });
    },

    /** Deletes a record (with attendance and files) before its lock date. */
    async remove(actor: Actor, id: string) {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const m = await editable(trx, id, scope);
        await createMeetingsRepo(trx).remove(id);
        await audit(trx, actor, { action: 'meeting.delete', entityType: 'meeting', entityId: id, orgId: m.org_id, before: snapshot(m) });
        return { id, deleted: true as const };
      });
    },
  };
}
