import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry found altered, or the id where entries are missing. */
  firstBadId: string | null;
  problem: 'altered' | 'removed' | 'head-mismatch' | null;
  message: string;
}

/**
 * Walks the audit chain in id order and recomputes every hash with audit_digest(), the same
 * SQL function the writer used. Names the first entry that was altered (hash or link broken)
 * or removed (a gap in ids, or the head pointing past the last entry).
 */
export async function verifyAuditChain(db: Kysely<DB>, batch = 5000): Promise<AuditVerifyResult> {
  let prevId = 0n;
  let prevHash = 'genesis';
  let checked = 0;
  for (;;) {
    const rows = await sql<{ id: string; prev_hash: string; hash: string; expected: string }>`
      SELECT id, prev_hash, hash,
        audit_digest(prev_hash, id, at, actor_user_id, actor_name, ip, action, entity_type,
          entity_id, org_id, before, after) AS expected
      FROM audit_log WHERE id > ${prevId.toString()}::bigint ORDER BY id LIMIT ${batch}`.execute(db);
    if (rows.rows.length === 0) break;
    for (const r of rows.rows) {
      const id = BigInt(r.id);
      if (id !== prevId + 1n) {
        return bad(checked, (prevId + 1n).toString(), 'removed', `第 ${prevId + 1n} 条起的审计记录被删除`);
      }
      if (r.prev_hash !== prevHash || r.hash !== r.expected) {
        return bad(checked, r.id, 'altered', `第 ${r.id} 条审计记录被篡改`);
      }
      prevId = id;
      prevHash = r.hash;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).executeTakeFirst();
  if (head && BigInt(head.last_id) !== prevId) {
    return bad(checked, (prevId + 1n).toString(), 'removed', `第 ${prevId + 1n} 条起的审计记录被删除`);
  }
  if (head && head.last_hash !== prevHash) {
    return bad(checked, prevId.toString(), 'head-mismatch', `第 ${prevId} 条审计记录与链头不一致`);
  }
  return { ok: true, checked, firstBadId: null, problem: null, message: `审计链完整，共 ${checked} 条` };
}

function bad(checked: number, id: string, problem: AuditVerifyResult['problem'], message: string): AuditVerifyResult {
  return { ok: false, checked, firstBadId: id, problem, message };
}
