import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  COMMITMENT_FEEDBACK_RATE, COMMITMENT_RATINGS, type PublicCommitmentBoardsResponse, type PublicCommitmentCard, type PublicCommitmentsResponse,
  type PublicFeedbackRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createAuthRepo } from '../auth/auth.repo.ts';
import { chinaYear } from './commitments.service.ts';
import { maskPii, postOf } from './commitments-view.ts';

const iso = (d: Date | string | null) => (d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString());

/**
 * The public commitment board (no session). Reads only approved commitments and selects public
 * columns explicitly: names, posts, organizations, texts, dates. Never a phone or an ID number;
 * free text typed by people is masked as well (maskPii).
 * @example await board.commitments(villageId, 2026);
 */
export function createCommitmentsPublicService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const db = deps.db;
  return {
    /** Villages and communities with approved commitments in the year. */
    async boards(yearQ?: number): Promise<PublicCommitmentBoardsResponse> {
      const year = yearQ ?? chinaYear(clock());
      const rows = await db.selectFrom('commitments as c').innerJoin('orgs as v', 'v.id', 'c.village_id')
        .select(['v.id', 'v.name', sql<number>`count(*)::int`.as('count')])
        .where('c.status', '=', 'approved').where('c.year', '=', year).where('v.status', '=', 'active')
        .groupBy(['v.id', 'v.name', 'v.path']).orderBy('v.path').limit(500).execute();
      return { year, items: rows };
    },

    /** One board: a card per member (and one per branch team, first) with commitments, progress and feedback. */
    async commitments(villageId: string, yearQ?: number): Promise<PublicCommitmentsResponse> {
      const year = yearQ ?? chinaYear(clock());
      // Only organizations that are boards (hold approved commitments): no lookup of other org names by id.
      const village = await db.selectFrom('orgs as v').select(['v.id', 'v.name']).where('v.id', '=', villageId)
        .where((eb) => eb.exists(eb.selectFrom('commitments as c').select('c.id').whereRef('c.village_id', '=', 'v.id').where('c.status', '=', 'approved')))
        .executeTakeFirst();
      if (!village) throw new AppError('NOT_FOUND', { details: { entity: 'village', id: villageId } });
      const rows = await db.selectFrom('commitments as c').innerJoin('orgs as o', 'o.id', 'c.org_id').leftJoin('members as m', 'm.id', 'c.member_id')
        .leftJoin('commitment_photos as ph', (j) => j.onRef('ph.member_id', '=', 'c.member_id').on('ph.kind', '=', 'member'))
        .select(['c.id', 'c.member_id', 'c.org_id', 'c.content', 'c.completed_at', 'c.completion_note', 'c.rating', 'o.name as org_name', 'o.path as org_path',
          'm.name as member_name', 'm.posts', 'm.status as member_status', 'm.name_pinyin', 'ph.id as photo_id'])
        .where('c.village_id', '=', villageId).where('c.year', '=', year).where('c.status', '=', 'approved')
        .orderBy(sql`c.member_id IS NOT NULL`).orderBy('o.path').orderBy('m.name_pinyin').orderBy('c.id').limit(2000).execute();
      const ids = rows.map((r) => r.id);
      const [progress, feedback] = ids.length === 0 ? [[], []] : await Promise.all([
        db.selectFrom('commitment_progress').select(['commitment_id', 'on_date', 'note', 'photo_id']).where('commitment_id', 'in', ids).orderBy('on_date').orderBy('id').execute(),
        db.selectFrom('commitment_feedback').select(['id', 'commitment_id', 'nickname', 'content', 'created_at', 'answer', 'answered_at'])
          .where('commitment_id', 'in', ids).where('hidden', '=', false).orderBy('id', 'desc').execute(),
      ]);
      const cards = new Map<string, PublicCommitmentCard>();
      for (const r of rows) {
        const key = r.member_id ? `m${r.member_id}` : `b${r.org_id}`;
        let card = cards.get(key);
        if (!card) {
          card = r.member_id
            ? { key, kind: 'member', name: r.member_name ?? '', post: postOf(r.posts, r.member_status), orgName: r.org_name, photoId: r.photo_id, commitments: [] }
            : { key, kind: 'branch', name: r.org_name, post: '支部班子', orgName: r.org_name, photoId: null, commitments: [] };
          cards.set(key, card);
        }
        card.commitments.push({
          id: r.id, content: maskPii(r.content), completedAt: iso(r.completed_at), completionNote: r.completion_note ? maskPii(r.completion_note) : null,
          rating: r.rating ? COMMITMENT_RATINGS[r.rating] : null,
          progress: progress.filter((p) => p.commitment_id === r.id).map((p) => ({ onDate: String(p.on_date).slice(0, 10), note: maskPii(p.note), photoId: p.photo_id })),
          feedback: feedback.filter((f) => f.commitment_id === r.id).map((f) => ({
            id: f.id, nickname: f.nickname ? maskPii(f.nickname) : '群众', content: maskPii(f.content), createdAt: iso(f.created_at)!,
            answer: f.answer ? maskPii(f.answer) : null, answeredAt: iso(f.answered_at),
          })),
        });
      }
      return { year, village, cards: [...cards.values()] };
    },

    /** A member's board photo or a progress photo, only while it belongs to an approved commitment. */
    async photo(id: string) {
      const p = await db.selectFrom('commitment_photos as p').select(['p.mime', 'p.data']).where('p.id', '=', id)
        .where((eb) => eb.or([
          eb.and([eb('p.kind', '=', 'member'), eb.exists(eb.selectFrom('commitments as c').select('c.id').whereRef('c.member_id', '=', 'p.member_id').where('c.status', '=', 'approved'))]),
          eb.and([eb('p.kind', '=', 'progress'), eb.exists(eb.selectFrom('commitment_progress as g').innerJoin('commitments as c', 'c.id', 'g.commitment_id')
            .select('g.id').whereRef('g.photo_id', '=', 'p.id').where('c.status', '=', 'approved'))]),
        ])).executeTakeFirst();
      if (!p) throw new AppError('NOT_FOUND', { details: { entity: 'commitment_photo', id } });
      return { mime: p.mime, data: Buffer.from(p.data) };
    },

    /** A resident's feedback on an approved commitment: no login, no phone; rate-limited per address. */
    async feedback(id: string, body: PublicFeedbackRequest, ip: string) {
      const at = clock();
      const hits = await createAuthRepo(db).hitRateLimit(`commitment-feedback:${ip}`, at, COMMITMENT_FEEDBACK_RATE.windowSeconds);
      if (hits > COMMITMENT_FEEDBACK_RATE.max) throw new AppError('COMMITMENT_FEEDBACK_RATE_LIMITED', { details: { max: COMMITMENT_FEEDBACK_RATE.max, windowSeconds: COMMITMENT_FEEDBACK_RATE.windowSeconds } });
      return db.transaction().execute(async (trx) => {
        const c = await trx.selectFrom('commitments').select(['id', 'org_id', 'region_id']).where('id', '=', id).where('status', '=', 'approved').executeTakeFirst();
        if (!c) throw new AppError('NOT_FOUND', { details: { entity: 'commitment', id } });
        const f = await trx.insertInto('commitment_feedback').values({
          commitment_id: c.id, org_id: c.org_id, region_id: c.region_id, nickname: body.nickname || null, content: body.content, created_at: at,
        }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
        await appendAudit(trx, { actorUserId: null, actorName: '群众', ip, action: 'commitment.feedback.create', entityType: 'commitment_feedback', entityId: f.id, orgId: c.org_id, after: { commitmentId: c.id, nickname: body.nickname ?? null, content: body.content } });
        return { id: f.id, createdAt: iso(f.created_at)! };
      });
    },
  };
}
