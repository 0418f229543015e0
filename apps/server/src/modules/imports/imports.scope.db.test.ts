import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '@dangjian/db';
import { XLSX_MIME, type ImportJob } from '@dangjian/contracts';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { freshIdNumber, rosterWorkbook, validRow, waitForJob } from './test-support.ts';

const upload = (a: Agent, url: string, bytes: Buffer) => a.post(url, bytes, { 'content-type': XLSX_MIME });

/** Branch B's secretary can neither import into, nor read jobs of, nor export sibling branch A. */
describeOnEngines('imports: sibling branch denied', (h) => {
  const branchA = 'imports: sibling branch denied甲村党支部';
  let jobA: ImportJob;

  it('A imports a bad file (its job has an error report)', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const res = await upload(a, `/api/v1/members/import?orgId=${h.tree.branchAId}`, await rosterWorkbook([validRow({ org: branchA, name: '甲村隐私名', phone: 'x' })]));
    jobA = await waitForJob(async () => (await a.get(`/api/v1/imports/${res.json().jobId}`)).json() as ImportJob);
    expect(jobA).toMatchObject({ status: 'failed', hasErrorReport: true });
  });

  it('B cannot import members or orgs into A, and nothing is written', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const id = freshIdNumber();
    const jobsBefore = await h.database.db.selectFrom('import_jobs').select('id').where('org_id', '=', h.tree.branchAId).execute();
    const r1 = await upload(b, `/api/v1/members/import?orgId=${h.tree.branchAId}`, await rosterWorkbook([validRow({ org: branchA, idNumber: id })]));
    expect([403, 404]).toContain(r1.statusCode);
    const r2 = await upload(b, `/api/v1/orgs/import?orgId=${h.tree.branchAId}`, await rosterWorkbook([['新党小组', '党小组', branchA, null, null]], 'orgs'));
    expect([403, 404]).toContain(r2.statusCode);
    // Naming A's org in a file imported into B is "not found", not a write into A.
    const r3 = await upload(b, `/api/v1/members/import?orgId=${h.tree.branchBId}`, await rosterWorkbook([validRow({ org: branchA, idNumber: id })]));
    const j3 = await waitForJob(async () => (await b.get(`/api/v1/imports/${r3.json().jobId}`)).json() as ImportJob);
    expect(j3.status).toBe('failed');
    expect(j3.errors[0]).toMatchObject({ column: '所在组织' });
    expect(await h.database.db.selectFrom('members').select('id').where('id_number', '=', id).execute()).toEqual([]);
    expect(await h.database.db.selectFrom('orgs').select('id').where('name', '=', '新党小组').execute()).toEqual([]);
    const jobsAfter = await h.database.db.selectFrom('import_jobs').select('id').where('org_id', '=', h.tree.branchAId).execute();
    expect(jobsAfter).toEqual(jobsBefore);
  });

  it("B cannot read A's job, its error report, or export A's roster", async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const j = await b.get(`/api/v1/imports/${jobA.id}`);
    expect(j.statusCode).toBe(404);
    expect(j.body).not.toContain('甲村');
    expect((await b.get(`/api/v1/imports/${jobA.id}/errors.xlsx`)).statusCode).toBe(404);
    const e = await b.get(`/api/v1/members/export?orgId=${h.tree.branchAId}`);
    expect(e.statusCode).toBe(404);
    expect(e.headers['content-type']).not.toBe(XLSX_MIME);
  });

  it('members and residents cannot import', async () => {
    for (const u of [h.tree.users.memberA, h.tree.users.resident]) {
      const m = await h.login(u);
      const r = await upload(m, `/api/v1/members/import?orgId=${h.tree.branchAId}`, await rosterWorkbook([validRow({ org: branchA })]));
      expect([403, 404]).toContain(r.statusCode);
    }
  });

  it("row-level security: an unfiltered query in B's scope sees no job of A; the ID check still sees all", async () => {
    const rows = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.selectFrom('import_jobs').select(['id', 'org_id']).execute());
    expect(rows.map((r) => r.id)).not.toContain(jobA.id);
    expect(rows.every((r) => r.org_id !== h.tree.branchAId)).toBe(true);
    const inA = await withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.selectFrom('import_jobs').select('id').execute());
    expect(inA.map((r) => r.id)).toContain(jobA.id);
    // B cannot update A's job either.
    await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.updateTable('import_jobs').set({ message: 'x' }).where('id', '=', jobA.id).execute());
    const after = await h.database.db.selectFrom('import_jobs').select('message').where('id', '=', jobA.id).executeTakeFirstOrThrow();
    expect(after.message).not.toBe('x');
    const aMember = await h.database.db.selectFrom('members').select('id_number').where('org_id', '=', h.tree.branchAId).executeTakeFirstOrThrow();
    const taken = await withScope(h.database.db, [h.tree.paths.branchB], (trx) =>
      sql<{ id: string }>`SELECT member_id_numbers_taken AS id FROM member_id_numbers_taken(${[aMember.id_number, '110101190001010000']}::text[])`.execute(trx));
    expect(taken.rows.map((r) => r.id)).toEqual([aMember.id_number]);
  });
});
