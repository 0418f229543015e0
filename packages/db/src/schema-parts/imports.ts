import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;

/** One Excel import: its progress, first errors and error workbook (migration 0009). */
export interface ImportJobsTable {
  id: Generated<string>;
  kind: 'members' | 'orgs';
  org_id: string;
  status: ColumnType<'queued' | 'validating' | 'writing' | 'done' | 'failed', 'queued' | undefined, 'validating' | 'writing' | 'done' | 'failed'>;
  file_name: string | null;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  error_count: Generated<number>;
  created_count: Generated<number>;
  /** The first errors as [{row, column, reason}], JSON text on write. */
  errors: ColumnType<unknown, string | undefined, string>;
  error_workbook: Buffer | null;
  failure_code: string | null;
  message: string | null;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  finished_at: Date | null;
}

/** Table types added by this feature's migration; merged into DB in ../schema.ts. */
export interface ImportsTables {
  import_jobs: ImportJobsTable;
}
