import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

/** The ids in a tree path, root first: '1.5.12' → ['1', '5', '12']. */
export const pathIds = (path: string): string[] => path.split('.');

/** SQL of meeting kinds, templates, lock settings, files and amendments. */
export function createMeetingExtrasRepo(db: Kysely<DB>) {
  return {
    /** Built-in kinds and the custom kinds of the org and its ancestors. */
    kindsFor(orgPath: string) {
      return db.selectFrom('meeting_kinds').select(['code', 'label', 'builtin', 'org_id'])
        .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', 'in', pathIds(orgPath))]))
        .orderBy('sort_order').orderBy('id').execute();
    },

    async insertKind(orgId: string, label: string): Promise<string> {
      // The code is derived from the id, so it is unique and never reused.
      const { id } = await sql<{ id: string }>`SELECT nextval('meeting_kinds_id_seq')::text AS id`.execute(db).then((r) => r.rows[0]!);
      const code = `custom_${id}`;
      await db.insertInto('meeting_kinds').values({ id, org_id: orgId, code, label }).execute();
      return code;
    },

    findKindLabel(orgId: string, label: string) {
      return db.selectFrom('meeting_kinds').select('code').where('org_id', '=', orgId).where('label', '=', label).executeTakeFirst();
    },

    templates() {
      return db.selectFrom('meeting_templates').select(['code', 'name', 'kind', 'title', 'topics', 'source'])
        .orderBy('sort_order').orderBy('id').execute();
    },

    /** The nearest setting on the path (the org itself first), or undefined for the default. */
    async lockSetting(orgPath: string) {
      const ids = pathIds(orgPath);
      const rows = await db.selectFrom('meeting_settings').select(['org_id', 'lock_days']).where('org_id', 'in', ids).execute();
      return rows.sort((a, b) => ids.indexOf(b.org_id) - ids.indexOf(a.org_id))[0];
    },

    async upsertLockDays(orgId: string, lockDays: number, at: Date): Promise<void> {
      await db.insertInto('meeting_settings').values({ org_id: orgId, lock_days: lockDays, updated_at: at })
        .onConflict((oc) => oc.column('org_id').doUpdateSet({ lock_days: lockDays, updated_at: at })).execute();
    },

    files(meetingId: string) {
      return db.selectFrom('meeting_files').select(['id', 'category', 'name', 'mime', 'size', 'created_at'])
        .where('meeting_id', '=', meetingId).orderBy('id').execute();
    },

    file(meetingId: string, fileId: string) {
      return db.selectFrom('meeting_files').selectAll().where('meeting_id', '=', meetingId).where('id', '=', fileId).executeTakeFirst();
    },

    async insertFile(row: Insertable<DB['meeting_files']>) {
      return db.insertInto('meeting_files').values(row).returning(['id', 'category', 'name', 'mime', 'size', 'created_at']).executeTakeFirstOrThrow();
    },

    async deleteFile(fileId: string): Promise<void> {
      await db.deleteFrom('meeting_files').where('id', '=', fileId).execute();
    },

    amendments(meetingId: string) {
      return db.selectFrom('meeting_amendments').select(['id', 'at', 'actor_name', 'reason', 'changes'])
        .where('meeting_id', '=', meetingId).orderBy('id').execute();
    },

    async insertAmendment(row: Insertable<DB['meeting_amendments']>): Promise<string> {
      return (await db.insertInto('meeting_amendments').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
  };
}
