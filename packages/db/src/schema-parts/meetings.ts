import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;

/** Tables of migration 0010 (meetings feature may extend). */
export interface MeetingsTables {
  meetings: {
    id: Generated<string>;
    org_id: string;
    region_id: string | null;
    kind: string;
    title: string;
    held_at: Ts;
    ended_at: Date | null;
    place: string | null;
    host: string | null;
    recorder: string | null;
    topics: string | null;
    minutes: string | null;
    resolutions: string | null;
    status: Generated<'planned' | 'held' | 'cancelled'>;
    locked_at: Date | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    template_code: string | null;
    observers: string | null;
  };
  meeting_attendance: {
    meeting_id: string;
    member_id: string;
    status: 'present' | 'absent' | 'leave';
    reason: string | null;
  };
  /** Built-in kinds have org_id NULL; custom kinds belong to an org and its subtree. */
  meeting_kinds: {
    id: Generated<string>;
    org_id: string | null;
    code: string;
    label: string;
    builtin: Generated<boolean>;
    sort_order: Generated<number>;
    created_at: Generated<Date>;
  };
  meeting_templates: {
    id: Generated<string>;
    org_id: string | null;
    code: string;
    name: string;
    kind: string;
    title: string;
    topics: string;
    source: string | null;
    sort_order: Generated<number>;
  };
  /** Lock days per locality; the nearest ancestor's row applies. */
  meeting_settings: {
    org_id: string;
    lock_days: number;
    updated_at: Generated<Date>;
  };
  meeting_files: {
    id: Generated<string>;
    meeting_id: string;
    category: 'photo' | 'attachment';
    name: string;
    mime: string;
    size: number;
    data: Buffer;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  meeting_amendments: {
    id: Generated<string>;
    meeting_id: string;
    changes: ColumnType<unknown, string, string>;
    reason: string;
    actor_user_id: string | null;
    actor_name: string | null;
    at: Generated<Date>;
  };
}
