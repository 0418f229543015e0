import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { caseBody, REAL_DATES, walk } from './development.test-helpers.ts';

describeOnEngines('development cases', (h) => {
  it('takes an applicant through all 25 steps: probationary at approval, full at 转正, case completed', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const created = await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId));
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ currentStep: 1, stage: 1, status: 'active', ruleSets: [{ code: 'cpc_2014' }] });
    expect(c.idNumberMasked).toMatch(/\*{8}/);
    expect(c.deadlines[0]).toMatchObject({ code: 'talk_within_1_month', dueOn: '2023-04-01', state: 'overdue' });

    await walk(a, c.id, 2, 17);
    const afterApproval = (await a.get(`/api/v1/development-cases/${c.id}`)).json();
    const member = await h.database.db.selectFrom('members').selectAll().where('id', '=', afterApproval.memberId).executeTakeFirstOrThrow();
    expect(member).toMatchObject({ status: 'probationary', joined_on: REAL_DATES[15], full_on: null, org_id: h.tree.branchAId, name: '赵入党' });
    expect(member.name_pinyin).toBe('zhao ru dang');
    expect(afterApproval.probationEnd).toBe('2025-09-20');

    await walk(a, c.id, 18, 25);
    const done = (await a.get(`/api/v1/development-cases/${c.id}`)).json();
    expect(done).toMatchObject({ status: 'completed', currentStep: 25, deadlines: [] });
    expect(done.steps).toHaveLength(25);
    expect(done.steps[8].people.map((p: { role: string }) => p.role)).toEqual(['introducer', 'introducer']);
    const full = await h.database.db.selectFrom('members').select(['status', 'joined_on', 'full_on']).where('id', '=', done.memberId).executeTakeFirstOrThrow();
    // 党龄 from the end of the 预备期: one year after the branch meeting.
    expect(full).toEqual({ status: 'full', joined_on: '2024-09-20', full_on: '2025-09-20' });
    const audit = await h.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute();
    expect(audit.filter((x) => x.action === 'development.step')).toHaveLength(24);
    const more = await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 25, doneOn: '2025-11-11' });
    expect(more.json().code).toBe('DEV_CASE_NOT_ACTIVE');
  });

  it('refuses a too-early step with the rule named, and changes nothing', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const c = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId))).json();
    await walk(a, c.id, 2, 6);
    const early = await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 7, doneOn: '2024-06-09' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'DEV_RULE_VIOLATION', details: { rule: 'activist_1_year', ruleName: '入党积极分子经12个月以上培养考察方可确定为发展对象' } });
    expect(early.json().message).toContain('2024-06-10');
    const late = await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 8, doneOn: '2024-06-20' });
    expect(late.json().details.rule).toBe('step_order');
    const steps = await h.database.db.selectFrom('dev_steps').select('step_no').where('case_id', '=', c.id).execute();
    expect(steps).toHaveLength(6);
    const talk = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId))).json();
    const r = await a.post(`/api/v1/development-cases/${talk.id}/steps`, { stepNo: 2, doneOn: '2023-04-02', facts: { talker: '王' } });
    expect(r.json().details).toMatchObject({ rule: 'talk_within_1_month', ruleName: '收到入党申请书后1个月内派人谈话' });
  });

  it('validates input: under 18 by the ID number, bad ID, unknown fields, a second open case', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const young = await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId, { idNumber: '11010520080101001X'.slice(0, 17) + checkOf('11010520080101001') }));
    expect(young.statusCode).toBe(422);
    expect(young.json().details.rule).toBe('age_18');
    const bad = await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId, { idNumber: '110105199805120011' }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('idNumber');
    const extra = await a.post('/api/v1/development-cases', { ...caseBody(h.tree.branchAId), role: 'x' });
    expect(extra.statusCode).toBe(400);
    const body = caseBody(h.tree.branchAId);
    expect((await a.post('/api/v1/development-cases', body)).statusCode).toBe(201);
    expect((await a.post('/api/v1/development-cases', body)).json().code).toBe('DEV_CASE_DUPLICATE');
    const town = await a.post('/api/v1/development-cases', caseBody(h.tree.townId));
    expect([403, 404]).toContain(town.statusCode);
  });

  it('documents: a PDF is stored by its magic bytes; a renamed executable is refused', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const c = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId))).json();
    const up = (body: Buffer, type: string) => h.app.inject({
      method: 'POST', url: `/api/v1/development-cases/${c.id}/documents?stepNo=1&fileName=${encodeURIComponent('入党申请书.pdf')}`,
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': type }, payload: body,
    });
    const ok = await up(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'application/pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'application/pdf', fileName: '入党申请书.pdf', stepNo: 1 });
    const exe = await up(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'application/pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('DEV_DOCUMENT_TYPE');
    const got = await a.get(`/api/v1/development-cases/${c.id}/documents/${ok.json().id}`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

/** GB 11643 check character (local copy keeps the test readable). */
function checkOf(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0);
  return '10X98765432'[s % 11]!;
}
