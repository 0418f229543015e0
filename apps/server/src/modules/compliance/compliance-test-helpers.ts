import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

/** Inserts held (or other-status) meetings straight into the table, as of the meetings feature. */
export async function insertMeetings(
  db: Kysely<DB>, orgId: string, items: { kind: string; at: string; status?: 'planned' | 'held' | 'cancelled' }[],
): Promise<void> {
  if (items.length === 0) return;
  await db.insertInto('meetings').values(items.map((m) => ({
    org_id: orgId, kind: m.kind, title: `测试${m.kind}`, held_at: m.at, status: m.status ?? 'held',
  }))).execute();
}

/** Adds `n` full members to an organization (enough for a 支部委员会 at 7). */
export async function addFullMembers(db: Kysely<DB>, orgId: string, n: number): Promise<void> {
  const stamp = `${Date.now() % 1e9}${Math.floor(Math.random() * 1e4)}`.padStart(13, '0').slice(-13);
  await db.insertInto('members').values(Array.from({ length: n }, (_, i) => ({
    org_id: orgId, name: `补充党员${i + 1}`, gender: 'male' as const, birth_date: '1980-01-01',
    id_number: `T${stamp}${String(i).padStart(4, '0')}`, status: 'full' as const,
  }))).execute();
}
