import { ageAt, maskIdNumber, maskPhone, type MemberDetail, type MemberHistoryEntry } from '@dangjian/contracts';
import type { MemberRecord } from './member-record.repo.ts';

/** The record's fields in API names, unmasked: what history diffs compare. */
export function recordFields(m: Pick<MemberRecord, 'name' | 'id_number' | 'gender' | 'birth_date' | 'phone' | 'ethnicity'
  | 'education' | 'occupation' | 'status' | 'joined_on' | 'full_on' | 'categories' | 'reporting_org_id' | 'posts' | 'remarks'>) {
  return {
    name: m.name, idNumber: m.id_number, gender: m.gender, birthDate: m.birth_date, phone: m.phone,
    ethnicity: m.ethnicity, education: m.education, occupation: m.occupation, status: m.status,
    joinedOn: m.joined_on, fullOn: m.full_on, categories: m.categories, reportingOrgId: m.reporting_org_id,
    posts: m.posts, remarks: m.remarks,
  };
}
type Fields = ReturnType<typeof recordFields>;

/** History never holds a full ID number or phone: those are seen only through an audited reveal. */
function maskField(field: string, v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (field === 'idNumber') return maskIdNumber(v);
  if (field === 'phone') return maskPhone(v);
  return v;
}

/**
 * Field → [before, after] for every field that differs (compared unmasked, stored masked).
 * `before` null means a new record: every non-empty field is listed.
 * @example changesBetween({ ...a, phone: '13800000000' }, { ...a, phone: '13900000000' }) // { phone: ['138****0000', '139****0000'] }
 */
export function changesBetween(before: Fields | null, after: Fields): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof Fields)[]) {
    const b = before ? before[key] : null;
    const a = after[key];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if (!before && (a === null || (Array.isArray(a) && a.length === 0))) continue;
    out[key] = [maskField(key, b), maskField(key, a)];
  }
  return out;
}

export function toDetail(m: MemberRecord, today: Date, can: MemberDetail['can']): MemberDetail {
  return {
    id: m.id, orgId: m.org_id, orgName: m.org_name, name: m.name, namePinyin: m.name_pinyin, gender: m.gender,
    birthDate: m.birth_date, age: ageAt(m.birth_date, today), idNumberMasked: maskIdNumber(m.id_number),
    phoneMasked: m.phone ? maskPhone(m.phone) : null, ethnicity: m.ethnicity, education: m.education,
    occupation: m.occupation, status: m.status, joinedOn: m.joined_on, fullOn: m.full_on, categories: m.categories,
    reportingOrgId: m.reporting_org_id, reportingOrgName: m.reporting_org_name, posts: m.posts, remarks: m.remarks,
    updatedAt: new Date(m.updated_at).toISOString(), can,
  };
}

interface HistoryRow {
  id: string; at: Date; actor_name: string | null; action: 'create' | 'update' | 'move';
  changes: Record<string, [unknown, unknown]>; from_org_id: string | null; to_org_id: string | null;
  reason: string | null; from_org_name: string | null; to_org_name: string | null;
}

export function toHistoryEntry(h: HistoryRow): MemberHistoryEntry {
  return {
    id: h.id, at: new Date(h.at).toISOString(), actorName: h.actor_name, action: h.action, changes: h.changes,
    fromOrgId: h.from_org_id, fromOrgName: h.from_org_name, toOrgId: h.to_org_id, toOrgName: h.to_org_name, reason: h.reason,
  };
}
