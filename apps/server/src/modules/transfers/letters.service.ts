import type { Kysely } from 'kysely';
import { nameKeys, withScope, type DB } from '@dangjian/db';
import {
  MEMBER_HOME_ORG_TYPES, maskIdNumber, parseIdNumber,
  type IncomingLetterRequest, type OutLetterRequest, type Transfer,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { paidThroughOf } from '../dues/dues-arrears.repo.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { createTransfersRepo, includeExited } from './transfers.repo.ts';
import { createExitsRepo } from './exits.repo.ts';
import { addDays, letterNumber } from './transfer-view.ts';

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { message: `请求参数不正确：${message}`, details: { fields: [{ field: `body.${field}`, message }] } });
const audit = (actor: Actor) => ({ actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip });

/**
 * Transfers to and from outside the tree (D8): the 介绍信 with its number (sequential per
 * issuing organization and year), validity and 党费交至, then 回执 and 归档; and registering
 * a letter from outside, which creates the member record in a branch.
 * @example const t = await letters.issue(secretaryA, { memberId: '42', destinationOrgName: '某市某局机关党委', validDays: 30, duesPaidTo: '2026-10', reason: '工作调动' });
 *          t.letterNo // '党介〔2026〕第0001号'
 */
export function createLettersService(deps: { db: Kysely<DB>; clock?: Clock; get: (actor: Actor, id: string) => Promise<Transfer> }) {
  const clock = deps.clock ?? systemClock;

  /** Moves a letter one step along issued → returned → filed, on the sending side only. */
  async function advance(actor: Actor, id: string, from: 'issued' | 'returned', set: { receipt_on?: string; filed_on?: string }) {
    const scope = scopeFor(actor, 'members:write');
    await withScope(deps.db, scope, async (trx) => {
      const repo = createTransfersRepo(trx);
      const row = await repo.findInScope(id, scope);
      if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'transfer', id } });
      if (!row.from_path || !scope.some((r) => isUnder(row.from_path!, r))) throw new AppError('FORBIDDEN');
      if (row.kind !== 'out' || (await repo.lock(id))?.status !== from) throw new AppError('TRANSFER_LETTER_STATE');
      if (set.receipt_on && (set.receipt_on < row.issued_on! || set.receipt_on > chinaToday(clock()))) {
        throw new AppError('TRANSFER_RECEIPT_BEFORE_ISSUE', { details: { fields: [{ field: 'body.receiptOn', message: '回执日期应在出具日期与今天之间' }] } });
      }
      const to = from === 'issued' ? 'returned' : 'filed';
      await repo.update(id, { status: to, ...set });
      await appendAudit(trx, { ...audit(actor), action: `transfer.letter.${to}`, entityType: 'transfer', entityId: id, orgId: row.from_org_id, before: { status: from }, after: { status: to, ...set } });
    });
    return deps.get(actor, id);
  }

  return {
    /** Issues the letter; the member leaves the active registry, archived in member_exits. */
    async issue(actor: Actor, body: OutLetterRequest): Promise<Transfer> {
      const scope = scopeFor(actor, 'members:write');
      const today = chinaToday(clock());
      const id = await withScope(deps.db, scope, async (trx) => {
        const repo = createTransfersRepo(trx);
        const member = await repo.member(body.memberId, scope);
        if (!member) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: body.memberId } });
        if (await repo.openFor(member.id)) throw new AppError('TRANSFER_ALREADY_PENDING');
        const year = Number(today.slice(0, 4));
        // 党费交至 comes from the dues ledger unless the secretary states it (e.g. paid elsewhere).
        const duesPaidTo = body.duesPaidTo ?? (await paidThroughOf(trx, member.id, today.slice(0, 7))).paidThrough;
        const seq = await repo.nextLetterSeq(member.org_id, year);
        const letterNo = letterNumber(year, seq);
        const tid = await repo.insert({
          kind: 'out', status: 'issued', member_id: member.id, member_name: member.name, from_org_id: member.org_id,
          external_org_name: body.destinationOrgName, letter_no: letterNo, letter_year: year, letter_seq: seq,
          valid_days: body.validDays, issued_on: today, valid_until: addDays(today, body.validDays),
          dues_paid_to: duesPaidTo, reason: body.reason, requested_by: actor.userId, decided_by: actor.userId, decided_at: clock(),
        });
        const exits = createExitsRepo(trx);
        const snapshot = await exits.snapshotOf(member.id);
        await includeExited(trx);
        await repo.deactivateMember(member.id);
        await exits.insert({
          memberId: member.id, orgId: member.org_id, name: member.name, kind: 'transfer_out', measure: '转出系统外', removes: true,
          decidedOn: today, decision: `开具组织关系介绍信 ${letterNo}，转往 ${body.destinationOrgName}`, approver: actor.displayName,
          reason: body.reason, snapshot: { ...snapshot }, transferId: tid, createdBy: actor.userId,
        });
        await appendAudit(trx, {
          ...audit(actor), action: 'transfer.letter.issue', entityType: 'transfer', entityId: tid, orgId: member.org_id,
          before: { memberId: member.id, active: true }, after: { active: false, letterNo, destination: body.destinationOrgName, validUntil: addDays(today, body.validDays), duesPaidTo },
        });
        return tid;
      });
      return deps.get(actor, id);
    },

    receipt: (actor: Actor, id: string, receiptOn: string) => advance(actor, id, 'issued', { receipt_on: receiptOn }),
    file: (actor: Actor, id: string) => advance(actor, id, 'returned', { filed_on: chinaToday(clock()) }),

    /**
     * Registers a letter from outside: the member record is created in the chosen branch. The
     * ID number must be new to the whole database (SECURITY DEFINER check, migration 0009).
     */
    async incoming(actor: Actor, body: IncomingLetterRequest): Promise<Transfer> {
      const scope = scopeFor(actor, 'members:write');
      const info = parseIdNumber(body.idNumber);
      if (!info) throw fieldError('idNumber', '身份证号无效');
      const id = await withScope(deps.db, scope, async (trx) => {
        const repo = createTransfersRepo(trx);
        const org = await repo.org(body.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: body.orgId } });
        if (org.status !== 'active' || !(MEMBER_HOME_ORG_TYPES as readonly string[]).includes(org.type)) {
          throw new AppError('MEMBER_ORG_NOT_HOME', { details: { fields: [{ field: 'body.orgId', message: '请选择党支部或党小组' }] } });
        }
        if (await repo.idNumberTaken(body.idNumber)) {
          throw new AppError('MEMBER_ID_NUMBER_DUPLICATE', { details: { fields: [{ field: 'body.idNumber', message: '该身份证号已登记' }] } });
        }
        const keys = nameKeys(body.name);
        const member = await trx.insertInto('members').values({
          org_id: org.id, region_id: org.region_id, name: body.name, name_pinyin: keys.pinyin, name_initials: keys.initials,
          gender: info.gender, birth_date: info.birthDate, id_number: body.idNumber, phone: body.phone ?? null,
          status: body.status, joined_on: body.joinedOn, full_on: body.fullOn ?? null,
          ethnicity: null, education: null, occupation: null, reporting_org_id: null, remarks: `由${body.fromOrgName}转入（介绍信 ${body.letterNo}）`,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('member_history').values({
          member_id: member.id, actor_user_id: actor.userId, actor_name: actor.displayName, action: 'create',
          changes: JSON.stringify({ orgId: [null, org.id] }), from_org_id: null, to_org_id: org.id, reason: `组织关系转入：${body.fromOrgName}`,
        }).execute();
        const tid = await repo.insert({
          kind: 'in', status: 'done', member_id: member.id, member_name: body.name, to_org_id: org.id,
          external_org_name: body.fromOrgName, letter_no: body.letterNo, dues_paid_to: body.duesPaidTo,
          issued_on: null, reason: '从系统外转入', requested_by: actor.userId, decided_by: actor.userId, decided_at: clock(),
        });
        await appendAudit(trx, {
          ...audit(actor), action: 'transfer.incoming', entityType: 'transfer', entityId: tid, orgId: org.id, before: null,
          after: { memberId: member.id, name: body.name, idNumber: maskIdNumber(body.idNumber), letterNo: body.letterNo, from: body.fromOrgName, duesPaidTo: body.duesPaidTo },
        });
        return tid;
      });
      return deps.get(actor, id);
    },
  };
}
