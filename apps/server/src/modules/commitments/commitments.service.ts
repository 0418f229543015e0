import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  COMMITMENT_MAX_PER_YEAR, type CommitmentCompleteRequest, type CommitmentCreateRequest, type CommitmentDetail, type CommitmentExportQuery,
  type CommitmentItem, type CommitmentListQuery, type CommitmentListResponse, type CommitmentMineResponse, type CommitmentProgressRequest,
  type CommitmentUpdateRequest, type CommitmentVetRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { awardPoints } from '../points/points-ledger.ts';
import { createCommitmentsRepo, placementOf, type CommitmentRow } from './commitments.repo.ts';
import { postOf, toDetails, toItem } from './commitments-view.ts';

export interface CommitmentsDeps { db: Kysely<DB>; clock?: Clock }

/** Commitments are vetted and kept by branch secretaries and 组织委员 (and the committees above). */
export const MANAGE = 'members:write' as const;
/** Members act on their own commitments inside their read scope. */
export const READ = 'members:read' as const;

type Audit = { action: string; entityType: string; entityId: string; orgId: string; before?: unknown; after?: unknown };
/** Appends the audit row of a commitment write, in the write's transaction. */
export const auditCommitment = (trx: Kysely<DB>, actor: Actor, e: Audit) =>
  appendAudit(trx, { actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, ...e });

export const chinaYear = (now: Date) => Number(chinaToday(now).slice(0, 4));

/** Who may do what with one commitment: its member (owner) and the managers of its branch. */
export interface Access { row: CommitmentRow; owner: boolean; manager: boolean }

/**
 * Loads a commitment for the actor: visible only to its member and to managers over its branch;
 * anyone else gets NOT_FOUND (so a sibling branch cannot even learn that it exists).
 */
export async function accessOf(trx: Kysely<DB>, actor: Actor, selfMemberId: string | null, id: string): Promise<Access> {
  const row = await createCommitmentsRepo(trx).item(id, scopeFor(actor, READ));
  const owner = !!row && !!selfMemberId && row.member_id === selfMemberId;
  const manager = !!row && can(actor, MANAGE, row.org_path);
  if (!row || (!owner && !manager)) throw new AppError('NOT_FOUND', { details: { entity: 'commitment', id } });
  return { row, owner, manager };
}

const requireStatus = (row: CommitmentRow, ...allowed: string[]) => {
  if (!allowed.includes(row.status)) throw new AppError('COMMITMENT_STATE', { details: { status: row.status, allowed } });
};
const requireOpen = (row: CommitmentRow) => {
  requireStatus(row, 'approved');
  if (row.completed_at) throw new AppError('COMMITMENT_STATE', { details: { status: 'completed' } });
};

/**
 * 公开承诺 (F2) in the console: write, submit, vet, record progress, complete (with points), list
 * and export. Every call runs in withScope() with an explicit scope filter too; writes are audited
 * in their transaction.
 * @example await commitments.create(actor, { year: 2026, content: '每月参加 1 次志愿服务' });
 */
export function createCommitmentsService(deps: CommitmentsDeps) {
  const clock = deps.clock ?? systemClock;
  const ownRepo = createCommitmentsRepo(deps.db);
  const selfMember = (actor: Actor) => ownRepo.memberIdOfUser(actor.userId);

  const detail = async (trx: Kysely<DB>, row: CommitmentRow, includeHidden: boolean): Promise<CommitmentDetail> => {
    const repo = createCommitmentsRepo(trx);
    const [progress, feedback] = await Promise.all([repo.progressOf([row.id]), repo.feedbackOf([row.id], includeHidden)]);
    return toDetails([row], progress, feedback)[0]!;
  };
  const reload = async (trx: Kysely<DB>, actor: Actor, id: string) => (await createCommitmentsRepo(trx).item(id, scopeFor(actor, READ)))!;

  /** Runs `fn` on a commitment the actor may see, in one scoped transaction. */
  const onCommitment = async <T>(actor: Actor, id: string, fn: (trx: Kysely<DB>, a: Access) => Promise<T>): Promise<T> => {
    const self = await selfMember(actor);
    return withScope(deps.db, scopeFor(actor, READ), async (trx) => fn(trx, await accessOf(trx, actor, self, id)));
  };

  return {
    async list(actor: Actor, q: CommitmentListQuery): Promise<CommitmentListResponse> {
      const scope = scopeFor(actor, MANAGE);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createCommitmentsRepo(trx);
        const org = await repo.orgInScope(q.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
        const list = repo.list(org.path, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total] = await Promise.all([list.rows(), list.count()]);
        return { items: rows.map(toItem), total };
      });
    },

    /** Every matching commitment (up to 5,000) for the Excel export. */
    async exportRows(actor: Actor, q: CommitmentExportQuery): Promise<{ orgName: string; items: CommitmentItem[] }> {
      const scope = scopeFor(actor, MANAGE);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createCommitmentsRepo(trx);
        const org = await repo.orgInScope(q.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
        const rows = await repo.list(org.path, q, { limit: 5000, offset: 0 }).rows();
        return { orgName: org.name, items: rows.map(toItem) };
      });
    },

    async get(actor: Actor, id: string): Promise<CommitmentDetail> {
      return onCommitment(actor, id, (trx, a) => detail(trx, a.row, a.manager));
    },

    /**
     * A member writes their own (no memberId, no branchOrgId); a manager writes for a member of the
     * subtree (memberId) or a 班子承诺 for a branch (branchOrgId). Starts as a draft.
     */
    async create(actor: Actor, body: CommitmentCreateRequest): Promise<CommitmentDetail> {
      const year = chinaYear(clock());
      if (Math.abs(body.year - year) > 1) throw new AppError('COMMITMENT_YEAR_INVALID', { details: { field: 'year', year: body.year } });
      const forOther = !!(body.memberId || body.branchOrgId);
      const memberId = body.branchOrgId ? null : body.memberId ?? (await selfMember(actor));
      if (!forOther && !memberId) throw new AppError('COMMITMENT_NOT_A_MEMBER');
      const scope = scopeFor(actor, forOther ? MANAGE : READ);
      // Placement reads ancestors the scoped role cannot see: resolve it first, check scope after.
      const path = memberId ? (await ownRepo.memberPath(memberId))?.path : (await ownRepo.orgPath(body.branchOrgId!))?.path;
      const place = path ? await placementOf(deps.db, path) : undefined;
      return withScope(deps.db, scope, async (trx) => {
        const repo = createCommitmentsRepo(trx);
        const inScope = memberId ? await repo.memberInScope(memberId, scope) : await repo.orgInScope(body.branchOrgId!, scope);
        if (!inScope || !place) throw new AppError('NOT_FOUND', { details: { entity: memberId ? 'member' : 'org', id: memberId ?? body.branchOrgId } });
        if ((await repo.countFor(memberId, place.orgId, body.year)) >= COMMITMENT_MAX_PER_YEAR) {
          throw new AppError('COMMITMENT_LIMIT', { details: { max: COMMITMENT_MAX_PER_YEAR } });
        }
        const c = await trx.insertInto('commitments').values({
          org_id: place.orgId, region_id: place.regionId, village_id: place.villageId, member_id: memberId, year: body.year,
          content: body.content, created_by: actor.userId, created_at: clock(), updated_at: clock(),
        }).returning('id').executeTakeFirstOrThrow();
        await auditCommitment(trx, actor, { action: 'commitment.create', entityType: 'commitment', entityId: c.id, orgId: place.orgId, after: { memberId, year: body.year, content: body.content } });
        return detail(trx, await reload(trx, actor, c.id), true);
      });
    },

    async update(actor: Actor, id: string, body: CommitmentUpdateRequest): Promise<CommitmentDetail> {
      return onCommitment(actor, id, async (trx, { row, manager }) => {
        requireStatus(row, 'draft', 'returned');
        await trx.updateTable('commitments').set({ content: body.content, updated_at: clock() }).where('id', '=', id).execute();
        await auditCommitment(trx, actor, { action: 'commitment.update', entityType: 'commitment', entityId: id, orgId: row.org_id, before: { content: row.content }, after: { content: body.content } });
        return detail(trx, await reload(trx, actor, id), manager);
      });
    },

    async remove(actor: Actor, id: string): Promise<{ id: string; deleted: true }> {
      return onCommitment(actor, id, async (trx, { row }) => {
        requireStatus(row, 'draft', 'returned');
        await trx.deleteFrom('commitments').where('id', '=', id).execute();
        await auditCommitment(trx, actor, { action: 'commitment.delete', entityType: 'commitment', entityId: id, orgId: row.org_id, before: { content: row.content, status: row.status } });
        return { id, deleted: true as const };
      });
    },

    async submit(actor: Actor, id: string): Promise<CommitmentDetail> {
      return onCommitment(actor, id, async (trx, { row, manager }) => {
        requireStatus(row, 'draft', 'returned');
        await trx.updateTable('commitments').set({ status: 'submitted', submitted_at: clock(), updated_at: clock() }).where('id', '=', id).execute();
        await auditCommitment(trx, actor, { action: 'commitment.submit', entityType: 'commitment', entityId: id, orgId: row.org_id, before: { status: row.status }, after: { status: 'submitted' } });
        return detail(trx, await reload(trx, actor, id), manager);
      });
    },

    /** The branch approves (shown on the public board from then on) or returns it with a reason. */
    async vet(actor: Actor, id: string, body: CommitmentVetRequest): Promise<CommitmentDetail> {
      return onCommitment(actor, id, async (trx, { row, manager }) => {
        if (!manager) throw new AppError('NOT_FOUND', { details: { entity: 'commitment', id } });
        requireStatus(row, 'submitted');
        const status = body.decision === 'approve' ? 'approved' as const : 'returned' as const;
        const reason = status === 'returned' ? body.reason ?? null : null;
        await trx.updateTable('commitments').set({ status, return_reason: reason, vetted_by: actor.userId, vetted_at: clock(), updated_at: clock() }).where('id', '=', id).execute();
        await auditCommitment(trx, actor, { action: `commitment.${body.decision}`, entityType: 'commitment', entityId: id, orgId: row.org_id, before: { status: row.status }, after: { status, reason } });
        return detail(trx, await reload(trx, actor, id), true);
      });
    },

    /** 践诺: a dated note by the member or the branch, on an approved, not yet completed commitment. */
    async addProgress(actor: Actor, id: string, body: CommitmentProgressRequest): Promise<CommitmentDetail> {
      if (body.onDate > chinaToday(clock())) throw new AppError('VALIDATION_FAILED', { message: '践诺日期不能晚于今天', details: { field: 'onDate' } });
      return onCommitment(actor, id, async (trx, { row, manager }) => {
        requireOpen(row);
        const p = await trx.insertInto('commitment_progress').values({
          commitment_id: id, org_id: row.org_id, region_id: row.region_id, on_date: body.onDate, note: body.note, created_by: actor.userId, created_at: clock(),
        }).returning('id').executeTakeFirstOrThrow();
        await auditCommitment(trx, actor, { action: 'commitment.progress', entityType: 'commitment', entityId: id, orgId: row.org_id, after: { progressId: p.id, onDate: body.onDate, note: body.note } });
        return detail(trx, await reload(trx, actor, id), manager);
      });
    },

    /**
     * The branch confirms completion (with its 评诺 rating): the member earns the `commitment_done`
     * points in the same transaction, once per commitment (the ledger is idempotent per source).
     */
    async complete(actor: Actor, id: string, body: CommitmentCompleteRequest): Promise<CommitmentDetail & { pointsAwarded: number }> {
      return onCommitment(actor, id, async (trx, { row, manager }) => {
        if (!manager) throw new AppError('NOT_FOUND', { details: { entity: 'commitment', id } });
        requireOpen(row);
        const at = clock();
        await trx.updateTable('commitments').set({ completed_at: at, completion_note: body.note, rating: body.rating ?? null, updated_at: at }).where('id', '=', id).execute();
        const entry = row.member_id
          ? await awardPoints(trx, { memberId: row.member_id, ruleCode: 'commitment_done', sourceType: 'commitment', sourceId: id, actor: actor.userId, at })
          : null;
        await auditCommitment(trx, actor, { action: 'commitment.complete', entityType: 'commitment', entityId: id, orgId: row.org_id, after: { note: body.note, rating: body.rating ?? null, points: entry?.delta ?? 0 } });
        return { ...(await detail(trx, await reload(trx, actor, id), true)), pointsAwarded: entry?.delta ?? 0 };
      });
    },

    /** The signed-in member's commitments of a year, with progress and (visible) feedback. */
    async mine(actor: Actor, yearQ?: number): Promise<CommitmentMineResponse> {
      const year = yearQ ?? chinaYear(clock());
      const memberId = await selfMember(actor);
      const scope = scopeFor(actor, READ);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createCommitmentsRepo(trx);
        const m = memberId ? await repo.memberInScope(memberId, scope) : undefined;
        if (!m) return { year, member: null, items: [] };
        const rows = await repo.mineRows(m.id, year);
        const ids = rows.map((r) => r.id);
        const [progress, feedback, photoId] = await Promise.all([repo.progressOf(ids), repo.feedbackOf(ids, false), repo.memberPhotoId(m.id)]);
        return {
          year,
          member: { id: m.id, name: m.name, orgName: m.org_name, post: postOf(m.posts, m.status), photoId },
          items: toDetails(rows, progress, feedback),
        };
      });
    },
  };
}

export type CommitmentsService = ReturnType<typeof createCommitmentsService>;
