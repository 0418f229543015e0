import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

/** Tables of migration 0013 (member development, D1); merged into DB in ../schema.ts. */
export interface DevelopmentTables {
  dev_rule_sets: {
    id: Generated<string>;
    code: string;
    document: string;
    scope: 'national' | 'local';
    effective_from: DateCol;
    status: Generated<'active' | 'draft'>;
    params: Json<Record<string, unknown>>;
    notes: string | null;
  };
  dev_rule_bindings: {
    id: Generated<string>;
    org_id: string;
    rule_set_id: string;
    effective_from: DateCol;
    created_at: Generated<Date>;
  };
  work_calendar: {
    day: DateCol;
    kind: 'holiday' | 'workday';
    name: string;
    confirmed: Generated<boolean>;
  };
  dev_cases: {
    id: Generated<string>;
    org_id: string;
    region_id: string | null;
    name: string;
    name_pinyin: string;
    name_initials: string;
    gender: 'male' | 'female';
    birth_date: DateCol;
    id_number: string;
    phone: string | null;
    ethnicity: string | null;
    education: string | null;
    occupation: string | null;
    note: string | null;
    applied_on: DateCol;
    current_step: Generated<number>;
    status: Generated<'active' | 'completed' | 'closed'>;
    probation_end: DateCol | null;
    member_id: string | null;
    next_due_on: DateCol | null;
    next_due_code: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Ts;
  };
  dev_steps: {
    id: Generated<string>;
    case_id: string;
    step_no: number;
    done_on: DateCol;
    decision: 'pass' | 'fail' | 'extend';
    facts: Json<Record<string, unknown>>;
    note: string | null;
    recorded_by: string | null;
    created_at: Generated<Date>;
  };
  dev_documents: {
    id: Generated<string>;
    case_id: string;
    step_no: number;
    file_name: string;
    mime: string;
    size: number;
    data: Buffer;
    created_at: Generated<Date>;
  };
  dev_notices: {
    id: Generated<string>;
    case_id: string;
    kind: 'activist' | 'object' | 'admission' | 'conversion';
    title: string;
    start_on: DateCol;
    end_on: DateCol;
    working_days: number;
    contact: string | null;
    created_at: Generated<Date>;
  };
}
