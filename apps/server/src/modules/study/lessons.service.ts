import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type {
  LecturerCountResponse, LessonCreateRequest, LessonItem, LessonListQuery, LessonListResponse,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { createLessonsRepo } from './lessons.repo.ts';
import { audit, managedOrg, STUDY_MANAGE } from './study-support.ts';

type LessonRow = Awaited<ReturnType<ReturnType<typeof createLessonsRepo>['listLessons']>>[number];

const toLesson = (r: LessonRow): LessonItem => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, heldOn: r.held_on, title: r.title, lecturerMemberId: r.lecturer_member_id,
  lecturerName: r.lecturer_name, lecturerPost: r.lecturer_post, lecturerIsLeader: r.lecturer_is_leader, attendees: r.attendees,
  materials: r.materials,
});

/**
 * Party lessons 党课 (C3): records with the lecturer, and the count per lecturer per year
 * (leaders and secretaries must give lessons; the count is what the county checks).
 * @example await lessons.create(actor, { orgId, heldOn: '2026-07-01', title: '学习党章', lecturerMemberId: '12', lecturerIsLeader: true });
 */
export function createLessonsService(deps: { db: Kysely<DB> }) {
  return {
    async create(actor: Actor, body: LessonCreateRequest): Promise<LessonItem> {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, body.orgId);
        const repo = createLessonsRepo(trx);
        let name = body.lecturerName;
        if (body.lecturerMemberId) {
          const m = await repo.memberInSubtree(body.lecturerMemberId, org.path);
          if (!m) throw new AppError('STUDY_LECTURER_INVALID', { details: { field: 'lecturerMemberId' } });
          name = m.name;
        }
        if (!name) throw new AppError('STUDY_LECTURER_INVALID', { details: { field: 'lecturerName' } });
        const attendees = body.attendeesFromRoster ? await repo.rosterCount(org.path) : (body.attendees ?? 0);
        const row = {
          org_id: org.id, held_on: body.heldOn, title: body.title, lecturer_member_id: body.lecturerMemberId ?? null,
          lecturer_name: name, lecturer_post: body.lecturerPost || null, lecturer_is_leader: body.lecturerIsLeader,
          attendees, materials: body.materials || null, created_by: actor.userId,
        };
        const id = await repo.insertLesson(row);
        await audit(trx, actor, { action: 'lesson.create', entityType: 'study_lesson', entityId: id, orgId: org.id, after: row });
        return { id, orgId: org.id, orgName: org.name, heldOn: body.heldOn, title: body.title, lecturerMemberId: row.lecturer_member_id,
          lecturerName: name, lecturerPost: row.lecturer_post, lecturerIsLeader: body.lecturerIsLeader, attendees, materials: row.materials };
      });
    },

    async list(actor: Actor, q: LessonListQuery): Promise<LessonListResponse> {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, q.orgId);
        const repo = createLessonsRepo(trx);
        const rows = await repo.listLessons(org.path, q.year, q.pageSize, (q.page - 1) * q.pageSize);
        return { items: rows.map(toLesson), total: await repo.countLessons(org.path, q.year), page: q.page, pageSize: q.pageSize };
      });
    },

    /** Lessons per lecturer in `year` across the subtree, most first. */
    async lecturers(actor: Actor, orgId: string, year: number): Promise<LecturerCountResponse> {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, orgId);
        const rows = await createLessonsRepo(trx).lecturerCounts(org.path, year);
        return { items: rows.map((r) => ({ lecturerName: r.lecturer_name, lecturerMemberId: r.lecturer_member_id, isLeader: !!r.is_leader, count: Number(r.n) })) };
      });
    },
  };
}
