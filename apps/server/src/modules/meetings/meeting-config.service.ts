import { withScope } from '@dangjian/db';
import { MEETING_LOCK_DAYS_DEFAULT, type MeetingKindsResponse, type MeetingSettings } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock } from '../../lib/clock.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { audit } from '../grids/grid-support.ts';
import { createMeetingExtrasRepo } from './meeting-extras.repo.ts';
import { MEETINGS_PERM } from './meeting-support.ts';
import type { MeetingsDeps } from './meetings.service.ts';

/**
 * Rules as data: meeting kinds (built-in plus custom per org subtree, e.g. 团拜会), templates
 * (情感党日五步法, 5+N) and the lock days of a locality (nearest ancestor's setting, default 7).
 * @example await config.createKind(actor, { orgId: townId, label: '团拜会' }); // → { code: 'custom_8', … }
 */
export function createMeetingConfigService(deps: MeetingsDeps) {
  const clock = deps.clock ?? systemClock;
  async function orgIn(trx: Parameters<Parameters<typeof withScope>[2]>[0], orgId: string, scope: string[]) {
    const org = await createOrgsRepo(trx).findInScope(orgId, scope);
    if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
    return org;
  }
  return {
    async kinds(actor: Actor, orgId: string): Promise<MeetingKindsResponse> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgIn(trx, orgId, scope);
        const rows = await createMeetingExtrasRepo(trx).kindsFor(org.path);
        return { items: rows.map((k) => ({ code: k.code, label: k.label, builtin: k.builtin, orgId: k.org_id })) };
      });
    },

    async createKind(actor: Actor, b: { orgId: string; label: string }) {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgIn(trx, b.orgId, scope);
        const repo = createMeetingExtrasRepo(trx);
        if ((await repo.kindsFor(org.path)).some((k) => k.label === b.label)) throw new AppError('MEETING_KIND_LABEL_TAKEN', { details: { field: 'label' } });
        const code = await repo.insertKind(org.id, b.label);
        await audit(trx, actor, { action: 'meeting.kind.create', entityType: 'meeting_kind', entityId: code, orgId: org.id, after: { code, label: b.label } });
        return { code, label: b.label, builtin: false, orgId: org.id };
      });
    },

    async templates(actor: Actor) {
      return withScope(deps.db, scopeFor(actor, MEETINGS_PERM), async (trx) => ({ items: await createMeetingExtrasRepo(trx).templates() }));
    },

    async settings(actor: Actor, orgId: string): Promise<MeetingSettings> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgIn(trx, orgId, scope);
        const s = await createMeetingExtrasRepo(trx).lockSetting(org.path);
        return { orgId: org.id, lockDays: s?.lock_days ?? MEETING_LOCK_DAYS_DEFAULT, inheritedFromOrgId: s?.org_id ?? null };
      });
    },

    /** Sets the lock days for meetings recorded from now on in the org's subtree. */
    async setLockDays(actor: Actor, b: { orgId: string; lockDays: number }): Promise<MeetingSettings> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgIn(trx, b.orgId, scope);
        const repo = createMeetingExtrasRepo(trx);
        const before = await repo.lockSetting(org.path);
        await repo.upsertLockDays(org.id, b.lockDays, clock());
        await audit(trx, actor, { action: 'meeting.settings', entityType: 'org', entityId: org.id, orgId: org.id, before: { lockDays: before?.lock_days ?? MEETING_LOCK_DAYS_DEFAULT }, after: { lockDays: b.lockDays } });
        return { orgId: org.id, lockDays: b.lockDays, inheritedFromOrgId: org.id };
      });
    },
  };
}
