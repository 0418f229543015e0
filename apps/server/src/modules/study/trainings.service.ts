import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { MyTrainingRecord, TrainingCreateRequest, TrainingItem, TrainingRoster } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { createTrainingsRepo } from './trainings.repo.ts';
import { audit, managedOrg, participantOf, reaches, STUDY_MANAGE, STUDY_READ } from './study-support.ts';

type Repo = ReturnType<typeof createTrainingsRepo>;
type Row = NonNullable<Awaited<ReturnType<Repo['find']>>>;

/** Per enrolled member: sessions attended, hours, completed when hours ≥ the class's required hours. */
async function rosterOf(repo: Repo, rows: Row[]) {
  const ids = rows.map((r) => r.id);
  const [sessions, enrolments] = await Promise.all([repo.sessions(ids), repo.enrolments(ids)]);
  const hours = new Map(sessions.map((s) => [s.id, Number(s.hours)]));
  const people = enrolments.map((e) => {
    const attended = (e.attended ?? []).map(String);
    const h = attended.reduce((s, id) => s + (hours.get(id) ?? 0), 0);
    const t = rows.find((r) => r.id === e.training_id)!;
    return { trainingId: e.training_id, memberId: e.member_id, name: e.name, orgName: e.org_name, attendedSessions: attended, attendedHours: h, completed: h >= Number(t.required_hours) };
  });
  return { sessions, people };
}

/**
 * Training classes 培训班 (C4): a class for a subtree with dated sessions and hours, enrolment of
 * members of that subtree, attendance per session, completion when attended hours reach the requirement.
 * @example await trainings.attend(secretary, trainingId, sessionId, [memberId]);
 */
export function createTrainingsService(deps: { db: Kysely<DB> }) {
  async function managed(trx: Kysely<DB>, actor: Actor, id: string): Promise<Row> {
    const manage = scopeFor(actor, STUDY_MANAGE);
    const t = await createTrainingsRepo(trx).find(id);
    if (!t?.org_path || !reaches(t.org_path, manage)) throw new AppError('NOT_FOUND', { details: { entity: 'training', id } });
    if (!manage.some((m) => isUnder(t.org_path, m))) throw new AppError('FORBIDDEN');
    return t;
  }

  return {
    async create(actor: Actor, body: TrainingCreateRequest): Promise<{ id: string; ok: true }> {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, body.orgId);
        const repo = createTrainingsRepo(trx);
        const row = { org_id: org.id, title: body.title, description: body.description || null, required_hours: body.requiredHours };
        const id = await repo.insert(row);
        await repo.insertSessions(body.sessions.map((s) => ({ training_id: id, org_id: org.id, held_on: s.heldOn, title: s.title, hours: s.hours })));
        await audit(trx, actor, { action: 'training.create', entityType: 'training', entityId: id, orgId: org.id, after: { ...row, sessions: body.sessions } });
        return { id, ok: true as const };
      });
    },

    async list(actor: Actor): Promise<{ items: TrainingItem[] }> {
      const scope = scopeFor(actor, STUDY_READ);
      const manage = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, [...new Set([...scope, ...manage])], async (trx) => {
        const repo = createTrainingsRepo(trx);
        const rows = (await repo.list()).filter((r) => r.org_path && reaches(r.org_path, [...scope, ...manage]));
        const { sessions, people } = await rosterOf(repo, rows);
        return {
          items: rows.map((t) => {
            const own = sessions.filter((s) => s.training_id === t.id);
            const enrolled = people.filter((p) => p.trainingId === t.id);
            return {
              id: t.id, orgId: t.org_id, orgName: t.org_name, title: t.title, description: t.description, requiredHours: Number(t.required_hours),
              totalHours: own.reduce((s, x) => s + Number(x.hours), 0), sessions: own.map((s) => ({ id: s.id, heldOn: s.held_on, title: s.title, hours: Number(s.hours) })),
              enrolled: enrolled.length, completed: enrolled.filter((p) => p.completed).length, manageable: manage.some((m) => isUnder(t.org_path, m)),
            };
          }),
        };
      });
    },

    async enrol(actor: Actor, id: string, memberIds: string[]) {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const t = await managed(trx, actor, id);
        const repo = createTrainingsRepo(trx);
        const found = await repo.membersUnder(memberIds, t.org_path);
        if (found.length !== new Set(memberIds).size) throw new AppError('NOT_FOUND', { details: { field: 'memberIds' } });
        const added = await repo.enrol(found.map((m) => ({ training_id: id, member_id: m.id, org_id: m.org_id })));
        await audit(trx, actor, { action: 'training.enrol', entityType: 'training', entityId: id, orgId: t.org_id, after: { memberIds, added } });
        return { id, ok: true as const };
      });
    },

    async attend(actor: Actor, id: string, sessionId: string, memberIds: string[]) {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const t = await managed(trx, actor, id);
        const repo = createTrainingsRepo(trx);
        if (!(await repo.sessions([id])).some((s) => s.id === sessionId)) throw new AppError('NOT_FOUND', { details: { entity: 'training_session', id: sessionId } });
        const enrolled = await repo.enrolled(id, memberIds);
        if (enrolled.length !== new Set(memberIds).size) throw new AppError('TRAINING_NOT_ENROLLED', { details: { field: 'memberIds' } });
        const added = await repo.attend(enrolled.map((e) => ({ session_id: sessionId, member_id: e.member_id, org_id: e.org_id })));
        await audit(trx, actor, { action: 'training.attend', entityType: 'training_session', entityId: sessionId, orgId: t.org_id, after: { memberIds, added } });
        return { id: sessionId, ok: true as const };
      });
    },

    async roster(actor: Actor, id: string): Promise<TrainingRoster> {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const t = await managed(trx, actor, id);
        const { people } = await rosterOf(createTrainingsRepo(trx), [t]);
        return { items: people.map(({ trainingId: _t, ...p }) => p) };
      });
    },

    /** The caller's own training record 培训档案. */
    async mine(actor: Actor): Promise<MyTrainingRecord> {
      const who = await participantOf(deps.db, actor);
      if (!who.memberId) return { items: [], totalHours: 0 };
      return withScope(deps.db, scopeFor(actor, STUDY_READ), async (trx) => {
        const rows = await createTrainingsRepo(trx).recordOf(who.memberId!);
        const items = rows.map((r) => ({ trainingId: r.id, title: r.title, orgName: r.org_name ?? '', requiredHours: Number(r.required_hours), attendedHours: Number(r.hours), completed: Number(r.hours) >= Number(r.required_hours) }));
        return { items, totalHours: items.reduce((s, i) => s + i.attendedHours, 0) };
      });
    },
  };
}
