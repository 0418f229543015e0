import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  IMPORT_LIMITS, MEMBER_IMPORT_COLUMNS, ORG_IMPORT_COLUMNS, type ImportRowError, type MemberImportKey, type OrgImportKey,
} from '@dangjian/contracts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createImportsRepo } from './imports.repo.ts';
import { createOrgIndex } from './org-index.ts';
import { checkMemberRow, takenError, type NewMember } from './member-rows.ts';
import { checkOrgRow, type NewOrg } from './org-rows.ts';
import { errorWorkbook } from './error-report.ts';
import { readSheet, type SheetRow } from './workbook.ts';
import { chinaToday } from './values.ts';

export interface RunContext {
  db: Kysely<DB>;
  actor: Actor;
  /** The actor's imports:run scope, fixed when the upload was accepted. */
  scope: string[];
  jobId: string;
  org: { id: string; path: string; name: string };
  now: Date;
  /** Called as each phase ends (benchmarks time them). */
  onPhase?: (phase: 'parsed' | 'checked' | 'written') => void;
}

/** Rows validated between two progress updates. */
const PROGRESS_EVERY = 1000;

const tx = <T>(c: RunContext, fn: (repo: ReturnType<typeof createImportsRepo>, trx: Kysely<DB>) => Promise<T>) =>
  withScope(c.db, c.scope, (trx) => fn(createImportsRepo(trx), trx));

/** Ends the job as refused: no rows were written; the first errors and the report are kept. */
async function refuse(c: RunContext, headers: readonly string[], rows: SheetRow<string>[], errors: ImportRowError[]): Promise<void> {
  errors.sort((a, b) => a.row - b.row);
  const report = await errorWorkbook(headers, rows, errors);
  await tx(c, (repo) => repo.updateJob(c.jobId, {
    status: 'failed', processedRows: rows.length, errorCount: errors.length, errors: errors.slice(0, IMPORT_LIMITS.storedErrors),
    errorWorkbook: report, failureCode: 'IMPORT_ROWS_INVALID', message: `共 ${errors.length} 处错误，未导入任何数据`,
  }));
}

/**
 * Runs a member import to its end, keeping all state in the job row: parse → check each row
 * (progress every 1,000 rows) → one query for ID numbers already registered anywhere → either
 * the error report, or one transaction that inserts every member, writes one audit entry with
 * the counts and marks the job done. Nothing is written unless every row is valid.
 * @example await runMemberImport(ctx, buffer) // job row ends 'done' or 'failed'
 */
export async function runMemberImport(c: RunContext, file: Buffer): Promise<void> {
  await tx(c, (repo) => repo.updateJob(c.jobId, { status: 'validating' }));
  const rows = await readSheet(file, MEMBER_IMPORT_COLUMNS, IMPORT_LIMITS.maxRows);
  c.onPhase?.('parsed');
  const orgs = await tx(c, async (repo) => {
    await repo.updateJob(c.jobId, { totalRows: rows.length });
    return repo.subtreeOrgs(c.org.path);
  });
  const ctx = { today: chinaToday(c.now), orgs: createOrgIndex(orgs, c.org.path), seen: new Map<string, number>() };
  const errors: ImportRowError[] = [];
  const members: NewMember[] = [];
  for (let i = 0; i < rows.length; i += PROGRESS_EVERY) {
    for (const r of rows.slice(i, i + PROGRESS_EVERY) as SheetRow<MemberImportKey>[]) {
      const res = checkMemberRow(r, ctx);
      errors.push(...res.errors);
      if (res.member) members.push(res.member);
    }
    const processed = Math.min(i + PROGRESS_EVERY, rows.length);
    if (processed < rows.length) await tx(c, (repo) => repo.updateJob(c.jobId, { processedRows: processed, errorCount: errors.length }));
  }
  const taken = await tx(c, (repo) => repo.takenIdNumbers([...ctx.seen.keys()]));
  for (const [idNumber, row] of ctx.seen) if (taken.has(idNumber)) errors.push(takenError(row));
  c.onPhase?.('checked');

  const headers = MEMBER_IMPORT_COLUMNS.map((h) => h.header);
  if (errors.length > 0) return refuse(c, headers, rows, errors);
  await tx(c, (repo) => repo.updateJob(c.jobId, { status: 'writing', processedRows: rows.length }));
  await tx(c, async (repo, trx) => {
    const created = await repo.insertMembers(members);
    const byOrg: Record<string, number> = {};
    for (const m of members) byOrg[m.orgId] = (byOrg[m.orgId] ?? 0) + 1;
    await appendAudit(trx, {
      actorUserId: c.actor.userId, actorName: c.actor.username, ip: c.actor.ip, action: 'members.import',
      entityType: 'import_job', entityId: c.jobId, orgId: c.org.id,
      before: { memberCount: 0 },
      after: { jobId: c.jobId, rows: rows.length, created, byOrg, full: members.filter((m) => m.status === 'full').length },
    });
    await repo.updateJob(c.jobId, { status: 'done', createdCount: created });
  });
  c.onPhase?.('written');
}

/**
 * Runs an organization import: rows are checked in file order (a parent may be an earlier
 * row), then ids are drawn for all new orgs at once so every ltree path is known, and the
 * orgs are inserted in one transaction with one audit entry.
 */
export async function runOrgImport(c: RunContext, file: Buffer): Promise<void> {
  await tx(c, (repo) => repo.updateJob(c.jobId, { status: 'validating' }));
  const rows = await readSheet(file, ORG_IMPORT_COLUMNS, IMPORT_LIMITS.maxRows);
  const existing = await tx(c, async (repo) => {
    await repo.updateJob(c.jobId, { totalRows: rows.length });
    return repo.subtreeOrgs(c.org.path);
  });
  const index = createOrgIndex(existing, c.org.path);
  const errors: ImportRowError[] = [];
  const created: NewOrg[] = [];
  for (const r of rows as SheetRow<OrgImportKey>[]) {
    const res = checkOrgRow(r, index);
    errors.push(...res.errors);
    if (res.org) created.push(res.org);
  }
  if (errors.length > 0) return refuse(c, ORG_IMPORT_COLUMNS.map((h) => h.header), rows, errors);
  await tx(c, (repo) => repo.updateJob(c.jobId, { status: 'writing', processedRows: rows.length }));
  await tx(c, async (repo, trx) => {
    const ids = await repo.allocateOrgIds(created.length);
    const real = new Map(created.map((o, i) => [o.tempId, ids[i]!]));
    const byId = new Map(existing.map((o) => [o.id, o]));
    const pathOf = new Map<string, string>();
    const regionOf = new Map<string, string | null>();
    const out = created.map((o, i) => {
      const parentId = real.get(o.parentId) ?? o.parentId;
      const parent = byId.get(parentId);
      const parentPath = parent?.path ?? pathOf.get(parentId);
      if (!parentPath) throw new AppError('INTERNAL', { details: { row: o.row } });
      const id = ids[i]!;
      pathOf.set(id, `${parentPath}.${id}`);
      const regionId = parent ? (parent.regionId ?? parent.path.split('.')[0]!) : (regionOf.get(parentId) ?? null);
      regionOf.set(id, regionId);
      return { id, parentId, path: `${parentPath}.${id}`, regionId, type: o.type, name: o.name, shortName: o.shortName, code: o.code, sortOrder: o.row };
    });
    await repo.insertOrgs(out);
    await appendAudit(trx, {
      actorUserId: c.actor.userId, actorName: c.actor.username, ip: c.actor.ip, action: 'orgs.import',
      entityType: 'import_job', entityId: c.jobId, orgId: c.org.id,
      before: null, after: { jobId: c.jobId, rows: rows.length, created: out.length, ids: out.map((o) => o.id) },
    });
    await repo.updateJob(c.jobId, { status: 'done', createdCount: out.length });
  });
}
