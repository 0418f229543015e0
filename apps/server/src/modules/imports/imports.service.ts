import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { ERRORS, type ErrorCode, type ImportJob, type ImportKind, type ImportRowError } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createImportsRepo } from './imports.repo.ts';
import { runMemberImport, runOrgImport, type RunContext } from './import-runner.ts';

export interface ImportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Where unexpected failures of a background job are reported. */
  logError?: (err: unknown, jobId: string) => void;
  onPhase?: RunContext['onPhase'];
}

/** The failure recorded on the job for an error thrown while it ran. */
function failureOf(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  // A member or org written by someone else between the check and the write.
  if ((err as { code?: string } | null)?.code === '23505') return { code: 'IMPORT_CONFLICT', message: ERRORS.IMPORT_CONFLICT.message };
  return { code: 'INTERNAL', message: ERRORS.INTERNAL.message };
}

/**
 * Excel imports as jobs. `start` checks the caller may import into the organization, records
 * the job (audited) and returns its id at once; the work runs in this process afterwards, but
 * every state change is written to the job row, so any instance answers `get`.
 * @example const { jobId } = await imports.start(actor, 'members', orgId, bytes, '花名册.xlsx');
 */
export function createImportsService(deps: ImportsDeps) {
  return {
    async start(actor: Actor, kind: ImportKind, orgId: string, file: Buffer, fileName: string | null) {
      // Importing is writing: the caller needs imports:run and the write right of what is imported.
      const scope = scopeFor(actor, 'imports:run').filter((p) => can(actor, kind === 'orgs' ? 'orgs:write' : 'members:write', p));
      if (file.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw new AppError('IMPORT_FILE_INVALID', { details: { field: 'body' } });
      const { jobId, org } = await withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
        const jobId = await createImportsRepo(trx).createJob({ kind, orgId, fileName, createdBy: actor.userId });
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'import.start',
          entityType: 'import_job', entityId: jobId, orgId, before: null, after: { kind, fileName, bytes: file.length },
        });
        return { jobId, org: { id: org.id, path: org.path, name: org.name } };
      });
      const ctx: RunContext = { db: deps.db, actor, scope, jobId, org, now: deps.clock(), onPhase: deps.onPhase };
      const done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => (kind === 'members' ? runMemberImport(ctx, file) : runOrgImport(ctx, file)))
        .catch(async (err: unknown) => {
          const f = failureOf(err);
          if (f.code === 'INTERNAL') deps.logError?.(err, jobId);
          await withScope(deps.db, scope, (trx) => createImportsRepo(trx).updateJob(jobId, { status: 'failed', failureCode: f.code, message: f.message }))
            .catch((e2: unknown) => deps.logError?.(e2, jobId));
        });
      return { jobId, done };
    },

    /** Progress and outcome of a job of the caller's scope; 404 for any other. */
    async get(actor: Actor, id: string): Promise<ImportJob> {
      const scope = scopeFor(actor, 'imports:run');
      const j = await withScope(deps.db, scope, (trx) => createImportsRepo(trx).findJob(id, scope));
      if (!j) throw new AppError('NOT_FOUND', { details: { entity: 'import_job', id } });
      return {
        id: j.id, kind: j.kind, orgId: j.org_id, orgName: j.org_name, status: j.status, fileName: j.file_name,
        totalRows: j.total_rows, processedRows: j.processed_rows, errorCount: j.error_count,
        errors: (j.errors ?? []) as ImportRowError[], createdCount: j.created_count, failureCode: j.failure_code,
        message: j.message, hasErrorReport: j.has_report, createdAt: new Date(j.created_at).toISOString(),
        finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
      };
    },

    /** The error workbook of a refused job. */
    async errorReport(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
      const scope = scopeFor(actor, 'imports:run');
      const j = await withScope(deps.db, scope, (trx) => createImportsRepo(trx).findErrorWorkbook(id, scope));
      if (!j) throw new AppError('NOT_FOUND', { details: { entity: 'import_job', id } });
      if (!j.error_workbook) throw new AppError('IMPORT_NO_ERROR_REPORT');
      return { bytes: Buffer.from(j.error_workbook), fileName: `${j.kind === 'orgs' ? '组织' : '党员'}导入错误报告-${j.id}.xlsx` };
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
