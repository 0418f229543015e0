import { withScope } from '@dangjian/db';
import { MEETING_FILE_MAX_BYTES, MEETING_FILE_MAX_COUNT, type MeetingFile } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock } from '../../lib/clock.ts';
import { audit } from '../grids/grid-support.ts';
import { createMeetingExtrasRepo } from './meeting-extras.repo.ts';
import { isLocked, sniffMeetingFile } from './meeting-rules.ts';
import { MEETINGS_PERM, meetingInScope } from './meeting-support.ts';
import type { MeetingsDeps } from './meetings.service.ts';

/**
 * Photos and attachments of a meeting, stored in the database. The type comes from the bytes
 * (JPEG, PNG, PDF, docx); photos must be images; 10 MB each, 50 per meeting; none added or
 * removed once the record is locked.
 * @example await files.upload(actor, meetingId, { category: 'photo', name: '会场.jpg' }, buffer);
 */
export function createMeetingFilesService(deps: MeetingsDeps) {
  const clock = deps.clock ?? systemClock;
  return {
    async upload(actor: Actor, id: string, meta: { category: 'photo' | 'attachment'; name: string }, data: Buffer): Promise<MeetingFile> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      if (data.length > MEETING_FILE_MAX_BYTES) throw new AppError('MEETING_FILE_TOO_LARGE', { details: { field: 'body', size: data.length, max: MEETING_FILE_MAX_BYTES } });
      const mime = sniffMeetingFile(data);
      if (!mime || (meta.category === 'photo' && !mime.startsWith('image/'))) throw new AppError('MEETING_FILE_TYPE_INVALID', { details: { field: 'body', detected: mime } });
      return withScope(deps.db, scope, async (trx) => {
        const m = await meetingInScope(trx, id, scope);
        if (isLocked(m.locked_at, clock())) throw new AppError('MEETING_LOCKED', { details: { id } });
        const repo = createMeetingExtrasRepo(trx);
        if ((await repo.files(id)).length >= MEETING_FILE_MAX_COUNT) throw new AppError('MEETING_FILE_LIMIT', { details: { max: MEETING_FILE_MAX_COUNT } });
        const f = await repo.insertFile({ meeting_id: id, category: meta.category, name: meta.name, mime, size: data.length, data, created_by: actor.userId, created_at: clock() });
        await audit(trx, actor, { action: 'meeting.file.upload', entityType: 'meeting_file', entityId: f.id, orgId: m.org_id, after: { meetingId: id, name: f.name, mime, size: f.size } });
        return { id: f.id, category: f.category, name: f.name, mime: f.mime, size: f.size, createdAt: new Date(f.created_at).toISOString() };
      });
    },

    /** The file bytes, only for a meeting in the caller's scope. */
    async get(actor: Actor, id: string, fileId: string) {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        await meetingInScope(trx, id, scope);
        const f = await createMeetingExtrasRepo(trx).file(id, fileId);
        if (!f) throw new AppError('NOT_FOUND', { details: { entity: 'meeting_file', id: fileId } });
        return { mime: f.mime, name: f.name, data: Buffer.from(f.data) };
      });
    },

    async remove(actor: Actor, id: string, fileId: string) {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const m = await meetingInScope(trx, id, scope);
        if (isLocked(m.locked_at, clock())) throw new AppError('MEETING_LOCKED', { details: { id } });
        const repo = createMeetingExtrasRepo(trx);
        const f = await repo.file(id, fileId);
        if (!f) throw new AppError('NOT_FOUND', { details: { entity: 'meeting_file', id: fileId } });
        await repo.deleteFile(fileId);
        await audit(trx, actor, { action: 'meeting.file.delete', entityType: 'meeting_file', entityId: fileId, orgId: m.org_id, before: { meetingId: id, name: f.name, mime: f.mime, size: f.size } });
        return { id: fileId, deleted: true as const };
      });
    },
  };
}
