import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { DevCalendarResponse, DevRuleBindingRequest, DevRuleSetsResponse } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { DEV_PERMISSION } from './development.service.ts';
import { loadRuleSets } from './development-context.ts';

/** Where the actor is the organization department (or a system admin): who may switch rule sets on. */
function ruleAdminScope(actor: Actor): string[] {
  return scopeFor(actor, 'audit:read');
}

/**
 * Rule sets and their switches, and the working-day calendar.
 * @example await rules.bind(countyAdmin, { orgId: countyId, ruleSetCode: 'huaiyin_3gs', effectiveFrom: '2026-01-01' });
 */
export function createDevelopmentRulesService(deps: { db: Kysely<DB> }) {
  return {
    async list(actor: Actor): Promise<DevRuleSetsResponse> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const sets = await loadRuleSets(trx);
        const bindings = await trx.selectFrom('dev_rule_bindings as b').innerJoin('orgs as o', 'o.id', 'b.org_id').innerJoin('dev_rule_sets as s', 's.id', 'b.rule_set_id')
          .select(['b.id', 'b.org_id', 'o.name', 's.code', 'b.effective_from']).orderBy('b.id').execute();
        const notes = await trx.selectFrom('dev_rule_sets').select(['id', 'notes']).execute();
        return {
          sets: sets.map((s) => ({ code: s.code, document: s.document, scope: s.scope, effectiveFrom: s.effective_from, status: s.status, params: s.params, notes: notes.find((n) => n.id === s.id)?.notes ?? null })),
          bindings: bindings.map((b) => ({ id: b.id, orgId: b.org_id, orgName: b.name, ruleSetCode: b.code, effectiveFrom: b.effective_from })),
        };
      });
    },

    /** Switches a local rule set on for an organization's subtree (a county), from a date. */
    async bind(actor: Actor, input: DevRuleBindingRequest) {
      const scope = ruleAdminScope(actor);
      if (scope.length === 0) throw new AppError('FORBIDDEN');
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(input.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: input.orgId } });
        const set = await trx.selectFrom('dev_rule_sets').select(['id', 'scope']).where('code', '=', input.ruleSetCode).executeTakeFirst();
        if (!set || set.scope !== 'local') throw new AppError('DEV_RULE_SET_UNKNOWN', { details: { fields: [{ field: 'body.ruleSetCode', message: '请选择地方规则集' }] } });
        const b = await trx.insertInto('dev_rule_bindings').values({ org_id: org.id, rule_set_id: set.id, effective_from: input.effectiveFrom })
          .onConflict((oc) => oc.columns(['org_id', 'rule_set_id']).doUpdateSet({ effective_from: input.effectiveFrom })).returning('id').executeTakeFirstOrThrow();
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'development.rules.bind',
          entityType: 'dev-rule-binding', entityId: b.id, orgId: org.id, before: null, after: input,
        });
        return { id: b.id, orgId: org.id, orgName: org.name, ruleSetCode: input.ruleSetCode, effectiveFrom: input.effectiveFrom };
      });
    },

    async calendar(year: number): Promise<DevCalendarResponse> {
      const days = await deps.db.selectFrom('work_calendar').select(['day', 'kind', 'name', 'confirmed'])
        .where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).orderBy('day').execute();
      return { year, days };
    },

    /** A system administrator corrects or adds a calendar day (the table is reference data, owner-written). */
    async setDay(actor: Actor, day: string, value: { kind: 'holiday' | 'workday'; name: string } | null) {
      if (!actor.roles.some((r) => r.role === 'sys_admin')) throw new AppError('FORBIDDEN');
      return deps.db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('work_calendar').selectAll().where('day', '=', day).executeTakeFirst();
        if (value) {
          await trx.insertInto('work_calendar').values({ day, kind: value.kind, name: value.name, confirmed: true })
            .onConflict((oc) => oc.column('day').doUpdateSet({ kind: value.kind, name: value.name, confirmed: true })).execute();
        } else {
          await trx.deleteFrom('work_calendar').where('day', '=', day).execute();
        }
        await appendAudit(trx, { actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'development.calendar', entityType: 'work-calendar', entityId: day, before: before ?? null, after: value });
        return { day, kind: value?.kind ?? null, name: value?.name ?? null };
      });
    },
  };
}
