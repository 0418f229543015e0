import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { DEV_NOTICE_KINDS, DEV_STAGES, type DevPipelineResponse, type DevTodoResponse, type PublicNoticesResponse } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createDevelopmentRepo } from './development.repo.ts';
import { DEV_PERMISSION } from './development.service.ts';
import { loadCase } from './development-context.ts';
import { toSummary } from './development-view.ts';
import { addDays, chinaDate } from './rules/dates.ts';
import { deadlines } from './rules/engine.ts';

/**
 * The secretary's to-do list (deadlines due within 30 days or passed), the organization
 * department's pipeline of a subtree by stage (overdue first), and the public 公示 board.
 * @example await queues.pipeline(actor, townId) // { stages: [{ stage: 1, count: 3, overdue: 1, cases: […] }, …] }
 */
/**
 * The contact of a 公示 as published: the name only. Staff type "王书记 138…" or an office
 * number into the field; a public page must never show digits that form a phone.
 * @example publicContact('党支部 王书记 13812345678') // '党支部 王书记'
 */
export function publicContact(contact: string | null): string | null {
  if (!contact) return null;
  const label = '(?:电话|手机|联系电话|联系方式|Tel|TEL)?\\s*[:：]?\\s*';
  const name = contact.replace(/[+＋]?[\d０-９][\d０-９\s\-－()（）]{5,}[\d０-９]/g, ' ')
    .replace(new RegExp(`[(（]\\s*${label}[)）]`, 'gu'), ' ').replace(new RegExp(`${label}$`, 'u'), '')
    .replace(/[\s,，;；:：、/]+$/u, '').replace(/\s{2,}/g, ' ').trim();
  return name || null;
}

export function createDevelopmentQueues(deps: { db: Kysely<DB>; clock: Clock }) {
  const today = () => chinaDate(deps.clock());
  return {
    async todo(actor: Actor): Promise<DevTodoResponse> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        // next_due_on is the nearest deadline; 90 days covers any rule set's due-soon window.
        const rows = await createDevelopmentRepo(trx).due(scope, addDays(today(), 90));
        const items = [];
        for (const row of rows) {
          const c = await loadCase(trx, row, today());
          const due = deadlines(c.state, c.ctx).filter((d) => d.state !== 'later');
          if (due.length > 0) items.push({ ...toSummary(row, today()), deadlines: due });
        }
        return { items };
      });
    },

    async pipeline(actor: Actor, orgId: string): Promise<DevPipelineResponse> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
        const repo = createDevelopmentRepo(trx);
        const counts = await repo.stageCounts(org.path, today());
        const stages = await Promise.all(DEV_STAGES.map(async (s) => {
          const c = counts.find((r) => Number(r.stage) === s.no);
          const { rows } = repo.list({ orgPath: org.path, status: 'active', stage: s.no, today: today() }, 100, 0);
          return { stage: s.no, name: s.name, count: Number(c?.n ?? 0), overdue: Number(c?.overdue ?? 0), cases: (await rows).map((r) => toSummary(r, today())) };
        }));
        return { orgId: org.id, orgName: org.name, stages };
      });
    },

    /**
     * 公示 in their period, for the public page (no session). Runs as the owner, since a visitor
     * has no scope, and selects the public columns only: never ID numbers or phones.
     */
    async publicNotices(): Promise<PublicNoticesResponse> {
      const d = today();
      const rows = await deps.db.selectFrom('dev_notices as n').innerJoin('dev_cases as c', 'c.id', 'n.case_id').innerJoin('orgs as o', 'o.id', 'c.org_id')
        .select(['n.id', 'n.title', 'n.kind', 'n.start_on', 'n.end_on', 'n.contact', 'c.name as person_name', 'o.name as org_name'])
        .where('n.start_on', '<=', d).where('n.end_on', '>=', d).where('c.status', '!=', 'closed')
        .orderBy('n.start_on', 'desc').orderBy('n.id', 'desc').limit(500).execute();
      return {
        today: d,
        items: rows.map((r) => ({
          id: r.id, title: r.title, kind: r.kind, personName: r.person_name, orgName: r.org_name,
          stageName: DEV_NOTICE_KINDS[r.kind].name.replace(/公示$/, ''), startOn: r.start_on, endOn: r.end_on, contact: publicContact(r.contact),
        })),
      };
    },
  };
}
