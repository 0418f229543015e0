import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { caseBody, walk } from './development.test-helpers.ts';

describeOnEngines('development denial', (h) => {
  const snapshotA = async () => ({
    cases: await h.database.db.selectFrom('dev_cases').selectAll().where('org_id', '=', h.tree.branchAId).orderBy('id').execute(),
    steps: await h.database.db.selectFrom('dev_steps').select(['id', 'case_id', 'step_no']).orderBy('id').execute(),
    docs: (await h.database.db.selectFrom('dev_documents').select('id').execute()).length,
    notices: (await h.database.db.selectFrom('dev_notices').select('id').execute()).length,
    audit: (await h.database.db.selectFrom('audit_log').select('id').where('action', 'like', 'development.%').execute()).length,
  });

  it('the secretary of branch B can neither read nor change a case of sibling branch A', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const c = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId, { name: '甲村申请人' }))).json();
    await walk(a, c.id, 2, 3);
    const doc = await h.app.inject({ method: 'POST', url: `/api/v1/development-cases/${c.id}/documents?stepNo=1&fileName=a.pdf`, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.4 甲村') });
    expect(doc.statusCode).toBe(201);
    const b = await h.login(h.tree.users.secretaryB);
    const before = await snapshotA();
    const answers = [
      await b.get(`/api/v1/development-cases/${c.id}`),
      await b.get(`/api/v1/development-cases/${c.id}/eligible-members`),
      await b.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 4, doneOn: '2023-06-20' }),
      await b.post(`/api/v1/development-cases/${c.id}/notices`, { kind: 'activist', startOn: '2023-06-11' }),
      await h.app.inject({ method: 'POST', url: `/api/v1/development-cases/${c.id}/documents?stepNo=1&fileName=b.pdf`, headers: { cookie: b.cookie, 'x-csrf-token': b.csrf, 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.4 乙村') }),
      await b.get(`/api/v1/development-cases/${c.id}/documents/${doc.json().id}`),
      await b.get(`/api/v1/development-cases/pipeline?orgId=${h.tree.branchAId}`),
      await b.get(`/api/v1/development-cases?orgId=${h.tree.branchAId}`),
      await b.post('/api/v1/development-cases', caseBody(h.tree.branchAId)),
      await b.post('/api/v1/development-rules/bindings', { orgId: h.tree.branchAId, ruleSetCode: 'huaiyin_3gs', effectiveFrom: '2020-01-01' }),
    ];
    for (const res of answers) {
      expect([403, 404], res.body).toContain(res.statusCode);
      expect(res.body).not.toContain('甲村申请人');
    }
    // B's own to-do list and pipeline do not show A's case either.
    const todo = await b.get('/api/v1/development-cases/todo');
    expect(todo.statusCode).toBe(200);
    expect(todo.body).not.toContain('甲村申请人');
    const own = await b.get(`/api/v1/development-cases/pipeline?orgId=${h.tree.branchBId}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('甲村申请人');
    expect(await snapshotA()).toEqual(before);
    // An ordinary member of A has no access to development files at all.
    const m = await h.login(h.tree.users.memberA);
    expect([403, 404]).toContain((await m.get(`/api/v1/development-cases/${c.id}`)).statusCode);
  });

  it('row-level security: unfiltered queries in B\'s scope return nothing of A; B cannot write A\'s rows', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const c = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId))).json();
    await walk(a, c.id, 2, 3);
    await a.post(`/api/v1/development-cases/${c.id}/notices`, { kind: 'activist', startOn: '2023-06-12' });
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => ({
      cases: await trx.selectFrom('dev_cases').select('id').execute(),
      steps: await trx.selectFrom('dev_steps').select('case_id').execute(),
      docs: await trx.selectFrom('dev_documents').select('case_id').execute(),
      notices: await trx.selectFrom('dev_notices').select('case_id').execute(),
      bindings: await trx.selectFrom('dev_rule_bindings').select('org_id').execute(),
    }));
    expect(seen.cases.map((r) => r.id)).not.toContain(c.id);
    for (const rows of [seen.steps, seen.docs, seen.notices]) expect(rows.map((r) => r.case_id)).not.toContain(c.id);
    const aSees = await withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.selectFrom('dev_steps').select('case_id').where('case_id', '=', c.id).execute());
    expect(aSees).toHaveLength(3);
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) =>
      trx.insertInto('dev_steps').values({ case_id: c.id, step_no: 4, done_on: '2023-06-20', decision: 'pass', facts: '{}', note: null, recorded_by: 'x' }).execute())).rejects.toThrow();
    // Steps are append-only for the app role, even in A's own scope.
    await expect(withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.deleteFrom('dev_steps').where('case_id', '=', c.id).execute())).rejects.toThrow();
    const upd = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.updateTable('dev_cases').set({ name: '改' }).where('id', '=', c.id).executeTakeFirst());
    expect(Number(upd.numUpdatedRows)).toBe(0);
  });
});
