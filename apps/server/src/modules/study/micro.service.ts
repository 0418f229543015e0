import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { MICRO_MAX_BYTES, type MicroCreateRequest, type MicroItem } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { createMicroRepo } from './micro.repo.ts';
import { sniffMediaType } from './media-type.ts';
import { audit, iso, participantOf, reaches, STUDY_MANAGE, STUDY_READ } from './study-support.ts';

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof createMicroRepo>['find']>>>;

const manages = (actor: Actor, path: string) => scopeFor(actor, STUDY_MANAGE).some((m) => isUnder(path, m));

function toItem(r: Row, actor: Actor): MicroItem {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, submitterName: r.submitter_name, title: r.title, description: r.description,
    link: r.link, fileName: r.file_name, fileType: r.file_type, fileSize: r.file_size, status: r.status as MicroItem['status'],
    rejectReason: r.reject_reason, createdAt: iso(r.created_at)!, mine: r.submitted_by === actor.userId,
    reviewable: r.status === 'pending' && manages(actor, r.org_path),
  };
}

/** Who may see a submission: its managers and its author always; everyone in reach once approved. */
const canSee = (actor: Actor, r: Row) => r.status === 'approved' || r.submitted_by === actor.userId || manages(actor, r.org_path);

/**
 * 微党课/微视频 (C3): members submit a link or a file (≤ 50 MB, type by magic bytes), the
 * secretaries of the submitter's organization approve or reject with a reason; approved ones are shown.
 * @example await micro.submit(member, { title: '我的入党故事', link: 'https://…' });
 */
export function createMicroService(deps: { db: Kysely<DB>; clock: Clock }) {
  async function visible(trx: Kysely<DB>, actor: Actor, id: string, scope: readonly string[]): Promise<Row> {
    const r = await createMicroRepo(trx).find(id);
    if (!r?.org_path || !reaches(r.org_path, scope) || !canSee(actor, r)) throw new AppError('NOT_FOUND', { details: { entity: 'micro_lesson', id } });
    return r;
  }

  async function insert(actor: Actor, base: { title: string; description?: string; link?: string }, file?: { name: string; type: string; data: Buffer }) {
    const scope = scopeFor(actor, STUDY_READ);
    const who = await participantOf(deps.db, actor);
    return withScope(deps.db, scope, async (trx) => {
      const repo = createMicroRepo(trx);
      const row = {
        org_id: who.orgId, member_id: who.memberId, submitted_by: actor.userId, submitter_name: who.name, title: base.title,
        description: base.description || null, link: base.link ?? null,
        file_name: file?.name ?? null, file_type: file?.type ?? null, file_size: file?.data.length ?? null, file_data: file?.data ?? null,
      };
      const id = await repo.insert(row);
      await audit(trx, actor, { action: 'micro_lesson.submit', entityType: 'micro_lesson', entityId: id, orgId: who.orgId, after: { ...row, file_data: undefined } });
      return toItem((await repo.find(id))!, actor);
    });
  }

  return {
    submitLink: (actor: Actor, body: MicroCreateRequest) => insert(actor, body),

    /** An upload whose body is the file; its type comes from its bytes. */
    async submitFile(actor: Actor, meta: { title: string; description?: string; fileName?: string }, data: Buffer) {
      if (data.length === 0) throw new AppError('STUDY_MEDIA_REQUIRED');
      if (data.length > MICRO_MAX_BYTES) throw new AppError('STUDY_MEDIA_TOO_LARGE');
      const type = sniffMediaType(data);
      if (!type) throw new AppError('STUDY_MEDIA_TYPE_INVALID');
      return insert(actor, meta, { name: meta.fileName || meta.title, type, data });
    },

    async list(actor: Actor, status: string | undefined): Promise<{ items: MicroItem[] }> {
      const scope = scopeFor(actor, STUDY_READ);
      return withScope(deps.db, scope, async (trx) => {
        const rows = await createMicroRepo(trx).list(status);
        return { items: rows.filter((r) => r.org_path && reaches(r.org_path, scope) && canSee(actor, r)).map((r) => toItem(r, actor)) };
      });
    },

    async file(actor: Actor, id: string) {
      const scope = scopeFor(actor, STUDY_READ);
      return withScope(deps.db, scope, async (trx) => {
        await visible(trx, actor, id, scope);
        const f = await createMicroRepo(trx).file(id);
        if (!f?.file_data) throw new AppError('NOT_FOUND', { details: { entity: 'micro_lesson_file', id } });
        return { data: f.file_data, type: f.file_type ?? 'application/octet-stream', name: f.file_name ?? 'file' };
      });
    },

    /** Approve, or reject with a reason; only once, by those who manage the submitter's organization. */
    async review(actor: Actor, id: string, approve: boolean, reason: string | undefined): Promise<MicroItem> {
      if (!approve && !reason) throw new AppError('STUDY_REJECT_REASON_REQUIRED', { details: { field: 'reason' } });
      const manage = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, manage, async (trx) => {
        const r = await visible(trx, actor, id, manage);
        if (!manages(actor, r.org_path)) throw new AppError('FORBIDDEN');
        if (r.status !== 'pending') throw new AppError('STUDY_ALREADY_REVIEWED');
        const patch = { status: approve ? 'approved' : 'rejected', reject_reason: approve ? null : reason!, reviewed_by: actor.userId, reviewed_at: deps.clock() };
        const repo = createMicroRepo(trx);
        await repo.update(id, patch);
        await audit(trx, actor, { action: 'micro_lesson.review', entityType: 'micro_lesson', entityId: id, orgId: r.org_id, before: { status: r.status }, after: patch });
        return toItem((await repo.find(id))!, actor);
      });
    },
  };
}
