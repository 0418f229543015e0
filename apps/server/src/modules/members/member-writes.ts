import type { Kysely, Transaction } from 'kysely';
import { nameKeys, withScope, type DB } from '@dangjian/db';
import {
  MEMBER_HOME_ORG_TYPES, memberRuleProblems, parseIdNumber,
  type MemberCreateRequest, type MemberDetail, type MemberPatchRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createMemberRecordRepo, isDuplicateIdNumber, type MemberWritable } from './member-record.repo.ts';
import { createMemberHistoryRepo } from './member-history.repo.ts';
import { changesBetween, recordFields, toDetail } from './member-view.ts';

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { message: `请求参数不正确：${message}`, details: { fields: [{ field: `body.${field}`, message }] } });

const duplicate = () => new AppError('MEMBER_ID_NUMBER_DUPLICATE', { details: { fields: [{ field: 'body.idNumber', message: '该身份证号已登记' }] } });

/** The columns of a create or a patch merged with the record; sex and birth date come from the ID. */
function columnsOf(v: Omit<MemberCreateRequest, 'orgId'>): Omit<MemberWritable, 'org_id' | 'region_id'> {
  const info = parseIdNumber(v.idNumber);
  if (!info) throw fieldError('idNumber', '身份证号无效');
  const keys = nameKeys(v.name);
  return {
    name: v.name, name_pinyin: keys.pinyin, name_initials: keys.initials, gender: info.gender, birth_date: info.birthDate,
    id_number: v.idNumber, phone: v.phone ?? null, ethnicity: v.ethnicity ?? null, education: v.education ?? null,
    occupation: v.occupation || null, status: v.status, joined_on: v.joinedOn, full_on: v.fullOn ?? null,
    categories: v.categories ?? [], reporting_org_id: v.reportingOrgId ?? null, posts: v.posts ?? [], remarks: v.remarks || null,
  };
}

/**
 * Runs an insert or update; the unique index on id_number is the duplicate check, because
 * row-level security hides members of other subtrees from any SELECT we could run first.
 */
async function guardDuplicate<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isDuplicateIdNumber(e)) throw duplicate();
    throw e;
  }
}

/**
 * Writes of the member registry. Each is one transaction as the app role (row-level security),
 * checks the caller's write scope explicitly, records member_history ({field: [before, after]})
 * and appends to the audit chain with before/after, so the three commit or fail together.
 */
export function createMemberWrites(deps: { db: Kysely<DB>; clock: Clock }) {
  async function checkReportingOrg(trx: Transaction<DB>, id: string | null | undefined, scope: string[]) {
    if (id && !(await createOrgsRepo(trx).findInScope(id, scope))) {
      throw new AppError('MEMBER_REPORTING_ORG_INVALID', { details: { fields: [{ field: 'body.reportingOrgId', message: '报到社区不存在或不在管理范围内' }] } });
    }
  }
  /** The record as it stands after the write, read back inside the same transaction. */
  async function detailOf(trx: Transaction<DB>, actor: Actor, id: string, scope: string[]): Promise<MemberDetail> {
    const m = await createMemberRecordRepo(trx).findInScope(id, scope);
    if (!m) throw new AppError('NOT_FOUND');
    return toDetail(m, deps.clock(), { write: true, reveal: can(actor, 'members:reveal', m.org_path) });
  }

  return {
    /** Registers a member in an organization of the caller's write scope. */
    async create(actor: Actor, input: MemberCreateRequest): Promise<MemberDetail> {
      const scope = scopeFor(actor, 'members:write');
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(input.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: input.orgId, fields: [{ field: 'body.orgId', message: '组织不存在或不在管理范围内' }] } });
        if (!(MEMBER_HOME_ORG_TYPES as readonly string[]).includes(org.type)) throw new AppError('MEMBER_ORG_NOT_HOME', { details: { fields: [{ field: 'body.orgId', message: '请选择党支部或党小组' }] } });
        await checkReportingOrg(trx, input.reportingOrgId, scope);
        const regionId = (await trx.selectFrom('orgs').select('region_id').where('id', '=', org.id).executeTakeFirst())?.region_id ?? null;
        const cols = columnsOf(input);
        const id = await guardDuplicate(() => createMemberRecordRepo(trx).insert({ ...cols, org_id: org.id, region_id: regionId }));
        const changes = changesBetween(null, recordFields(cols));
        await createMemberHistoryRepo(trx).append({ memberId: id, actorUserId: actor.userId, actorName: actor.displayName, action: 'create', changes, toOrgId: org.id });
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'member.create',
          entityType: 'member', entityId: id, orgId: org.id, before: null, after: { orgId: org.id, changes },
        });
        return detailOf(trx, actor, id, scope);
      });
    },

    /** Changes some fields; cross-field rules run on the record merged with the patch. */
    async update(actor: Actor, id: string, patch: MemberPatchRequest): Promise<MemberDetail> {
      const scope = scopeFor(actor, 'members:write');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createMemberRecordRepo(trx);
        const m = await repo.findInScope(id, scope);
        if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id } });
        const before = recordFields(m);
        const merged = { ...before, joinedOn: before.joinedOn ?? '', ...stripUndefined(patch) } as Omit<MemberCreateRequest, 'orgId'>;
        const problems = memberRuleProblems(merged, deps.clock());
        if (problems.length > 0) {
          throw new AppError('VALIDATION_FAILED', {
            message: `请求参数不正确：${problems[0]!.message}`,
            details: { fields: problems.map((p) => ({ field: `body.${p.field}`, message: p.message })) },
          });
        }
        if (patch.reportingOrgId !== undefined) await checkReportingOrg(trx, patch.reportingOrgId, scope);
        const cols = columnsOf(merged);
        const changes = changesBetween(before, recordFields(cols));
        if (Object.keys(changes).length > 0) {
          await guardDuplicate(() => repo.update(m.id, cols));
          await createMemberHistoryRepo(trx).append({ memberId: m.id, actorUserId: actor.userId, actorName: actor.displayName, action: 'update', changes });
          await appendAudit(trx, {
            actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'member.update',
            entityType: 'member', entityId: m.id, orgId: m.org_id,
            before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[0]])),
            after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[1]])),
          });
        }
        return detailOf(trx, actor, m.id, scope);
      });
    },

    /**
     * 组织内调动: moves a member to another organization of the caller's write scope (both ends).
     * The member keeps its id, so its history follows it; the entry records from and to.
     */
    async move(actor: Actor, id: string, toOrgId: string, reason: string): Promise<MemberDetail> {
      const scope = scopeFor(actor, 'members:write');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createMemberRecordRepo(trx);
        const m = await repo.findInScope(id, scope);
        const target = await createOrgsRepo(trx).findInScope(toOrgId, scope);
        if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id } });
        if (!target) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: toOrgId, fields: [{ field: 'body.toOrgId', message: '目标组织不存在或不在管理范围内' }] } });
        if (target.id === m.org_id) throw new AppError('MEMBER_MOVE_SAME_ORG', { details: { fields: [{ field: 'body.toOrgId', message: '党员已在该组织' }] } });
        if (!(MEMBER_HOME_ORG_TYPES as readonly string[]).includes(target.type)) throw new AppError('MEMBER_ORG_NOT_HOME', { details: { fields: [{ field: 'body.toOrgId', message: '请选择党支部或党小组' }] } });
        const regionId = (await trx.selectFrom('orgs').select('region_id').where('id', '=', target.id).executeTakeFirst())?.region_id ?? null;
        await repo.moveTo(m.id, target.id, regionId);
        await createMemberHistoryRepo(trx).append({
          memberId: m.id, actorUserId: actor.userId, actorName: actor.displayName, action: 'move',
          changes: { orgId: [m.org_id, target.id] }, fromOrgId: m.org_id, toOrgId: target.id, reason,
        });
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'member.move',
          entityType: 'member', entityId: m.id, orgId: target.id,
          before: { orgId: m.org_id, orgPath: m.org_path }, after: { orgId: target.id, orgPath: target.path, reason },
        });
        return detailOf(trx, actor, m.id, scope);
      });
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

