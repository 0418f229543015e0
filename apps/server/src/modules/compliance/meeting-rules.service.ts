import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { MeetingRule, MeetingRuleCreateRequest, MeetingRuleListResponse, MeetingRuleUpdateRequest } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { complianceScope, within } from './compliance.policy.ts';
import { createComplianceRepo, type RuleRow } from './compliance.repo.ts';

type Fields = MeetingRuleUpdateRequest;

/** Column values of the given fields; absent ones are left out so PATCH keeps them. */
function columns(b: Fields) {
  const has = (k: keyof Fields) => b[k] !== undefined;
  return {
    ...(has('kind') && { kind: b.kind! }),
    ...(has('count') && { count: b.count! }),
    ...(has('period') && { period: b.period! }),
    ...(has('appliesTo') && { applies_to: [...new Set(b.appliesTo)] }),
    ...(has('minFullMembers') && { min_full_members: b.minFullMembers ?? null }),
    ...(has('months') && { months: b.months ? [...new Set(b.months)].sort((x, y) => x - y) : null }),
    ...(has('effectiveFrom') && { effective_from: b.effectiveFrom ?? null }),
    ...(has('effectiveTo') && { effective_to: b.effectiveTo ?? null }),
    ...(has('note') && { note: b.note || null }),
  };
}

function checkDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw new AppError('MEETING_RULE_DATES_INVALID', { details: { field: 'effectiveTo' } });
}

/** The audit snapshot of a rule: its own columns. */
const snapshot = (r: RuleRow) => ({
  orgId: r.orgId, kind: r.kind, count: r.count, period: r.period, appliesTo: r.appliesTo, minFullMembers: r.minFullMembers, months: r.months,
  effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, note: r.note,
});

/**
 * Meeting frequency rules (issue 5): the defaults from the branch regulations plus the rules
 * an organization department attaches to an organization for its subtree. Secretaries read;
 * only org-dept admins and system admins write, inside their subtree; the defaults are fixed.
 * @example await rules.create(actor, { orgId: '12', kind: 'branch_congress', count: 2, period: 'year', appliesTo: ['branch'], months: [1, 2, 11, 12] });
 */
export function createMeetingRulesService(deps: { db: Kysely<DB> }) {
  const toApi = (r: RuleRow, writeScope: readonly string[]): MeetingRule => ({
    id: r.id, orgId: r.orgId, orgName: r.orgName, kind: r.kind, count: r.count, period: r.period, appliesTo: [...r.appliesTo], minFullMembers: r.minFullMembers,
    months: r.months ? [...r.months] : null, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, note: r.note,
    canEdit: r.orgPath !== null && within(writeScope, r.orgPath),
  });

  /** The rule `id` if visible and editable by the actor: 404 when unseen, 403 when read-only. */
  async function editable(trx: Kysely<DB>, id: string, readScope: readonly string[], writeScope: readonly string[]) {
    const rule = await createComplianceRepo(trx).findRule(id);
    if (!rule) throw new AppError('NOT_FOUND', { details: { entity: 'meetingRule', id } });
    if (rule.orgId === null) throw new AppError('MEETING_RULE_READ_ONLY');
    if (!rule.orgPath || !within(readScope, rule.orgPath)) throw new AppError('NOT_FOUND', { details: { entity: 'meetingRule', id } });
    if (!within(writeScope, rule.orgPath)) throw new AppError('MEETING_RULE_WRITE_DENIED');
    return rule;
  }

  return {
    /** Rules that can govern `orgId` and its subtree: defaults, inherited, own and below. */
    async list(actor: Actor, orgId: string): Promise<MeetingRuleListResponse> {
      const scope = complianceScope(actor, 'read');
      const writeScope = complianceScope(actor, 'writeRules');
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
        const rows = await createComplianceRepo(trx).rulesFor(org.path);
        return { items: rows.map((r) => toApi(r, writeScope)), canWrite: within(writeScope, org.path) };
      });
    },

    async create(actor: Actor, body: MeetingRuleCreateRequest): Promise<MeetingRule> {
      const scope = complianceScope(actor, 'read');
      const writeScope = complianceScope(actor, 'writeRules');
      checkDates(body.effectiveFrom, body.effectiveTo);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(body.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: body.orgId } });
        if (!within(writeScope, org.path)) throw new AppError('MEETING_RULE_WRITE_DENIED');
        const repo = createComplianceRepo(trx);
        const c = columns(body);
        const id = await repo.insertRule({
          months: null, min_full_members: null, effective_from: null, effective_to: null, note: null, ...c,
          org_id: org.id, kind: body.kind, count: body.count, period: body.period, applies_to: c.applies_to!, created_by: actor.userId,
        });
        const rule = (await repo.findRule(id))!;
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'meeting_rule.create',
          entityType: 'meeting_rule', entityId: id, orgId: org.id, after: snapshot(rule),
        });
        return toApi(rule, writeScope);
      });
    },

    async update(actor: Actor, id: string, body: MeetingRuleUpdateRequest): Promise<MeetingRule> {
      const scope = complianceScope(actor, 'read');
      const writeScope = complianceScope(actor, 'writeRules');
      return withScope(deps.db, scope, async (trx) => {
        const before = await editable(trx, id, scope, writeScope);
        checkDates(body.effectiveFrom !== undefined ? body.effectiveFrom : before.effectiveFrom, body.effectiveTo !== undefined ? body.effectiveTo : before.effectiveTo);
        const repo = createComplianceRepo(trx);
        const patch = columns(body);
        if (Object.keys(patch).length > 0) await repo.updateRule(id, patch);
        const after = (await repo.findRule(id))!;
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'meeting_rule.update',
          entityType: 'meeting_rule', entityId: id, orgId: before.orgId, before: snapshot(before), after: snapshot(after),
        });
        return toApi(after, writeScope);
      });
    },

    async remove(actor: Actor, id: string) {
      const scope = complianceScope(actor, 'read');
      const writeScope = complianceScope(actor, 'writeRules');
      return withScope(deps.db, scope, async (trx) => {
        const before = await editable(trx, id, scope, writeScope);
        await createComplianceRepo(trx).deleteRule(id);
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'meeting_rule.delete',
          entityType: 'meeting_rule', entityId: id, orgId: before.orgId, before: snapshot(before),
        });
        return { id, deleted: true as const };
      });
    },
  };
}
