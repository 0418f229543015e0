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
  };
  meeting_attendance: {
    meeting_id: string;
    member_id: string;
    status: 'present' | 'absent' | 'leave';
    reason: string | null;
  };
}
