import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { freshIdNumber, memberBody, patch } from './members.test-helpers.ts';

describeOnEngines('members write', (h) => {
  const auditCount = async (action: string, entityId: string) =>
    (await h.database.db.selectFrom('audit_log').select('id').where('action', '=', action).where('entity_id', '=', entityId).execute()).length;

  it('creates a member with sex, birth date and pinyin derived, findable by initials, history and audit written', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const idNumber = freshIdNumber('19900215', false);
    const res = await a.post('/api/v1/members', memberBody(h.tree.branchAId, { name: '欧阳晓燕', idNumber }));
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ gender: 'female', birthDate: '1990-02-15', namePinyin: 'ou yang xiao yan', orgId: h.tree.branchAId, categories: ['老党员'], posts: ['村委委员'] });
    expect(d.idNumberMasked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(d.phoneMasked).toBe('138****8000');
    expect(JSON.stringify(d)).not.toContain(idNumber);
    const row = await h.database.db.selectFrom('members').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ phone: '13800138000', id_number: idNumber, name_initials: 'oyxy', gender: 'female', birth_date: '1990-02-15' });
    const found = await a.get(`/api/v1/members?orgId=${h.tree.branchAId}&q=oyxy`);
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
    const hist = (await a.get(`/api/v1/members/${d.id}/history`)).json().items;
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ action: 'create', toOrgId: h.tree.branchAId });
    expect(hist[0].changes.idNumber[1]).toBe(d.idNumberMasked);
    expect(await auditCount('member.create', d.id)).toBe(1);
  });

  it('rejects a bad checksum, an under-18 ID, a future join date, status/date conflicts and a bad phone, naming the field', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const good = freshIdNumber();
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const year = new Date().getUTCFullYear() - 10;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ idNumber: badCheck }, 'body.idNumber', /校验位/],
      [{ idNumber: freshIdNumber(`${year}0101`) }, 'body.idNumber', /18 周岁/],
      [{ joinedOn: '2999-01-01', fullOn: null, status: 'probationary' }, 'body.joinedOn', /晚于今天/],
      [{ status: 'full', fullOn: null }, 'body.fullOn', /转正日期/],
      [{ status: 'full', fullOn: '2009-01-01' }, 'body.fullOn', /早于入党/],
      [{ status: 'probationary', fullOn: '2011-07-01' }, 'body.fullOn', /预备党员/],
      [{ phone: '12345' }, 'body.phone', /手机号/],
      [{ ethnicity: '火星族' }, 'body.ethnicity', /民族/],
      [{ gender: 'male' }, 'body.gender', /.*/],
    ];
    for (const [over, field, msg] of cases) {
      const res = await a.post('/api/v1/members', memberBody(h.tree.branchAId, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      const issue = res.json().details.fields.find((f: { field: string }) => f.field === field);
      expect(issue, `${JSON.stringify(over)} → ${res.body}`).toBeDefined();
      expect(issue.message).toMatch(msg);
    }
  });

  it('answers 409 MEMBER_ID_NUMBER_DUPLICATE naming the field, even when the holder is outside the caller scope', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const holder = await h.database.db.selectFrom('members').select('id_number').where('org_id', '=', h.tree.branchAId).executeTakeFirstOrThrow();
    const res = await b.post('/api/v1/members', memberBody(h.tree.branchBId, { idNumber: holder.id_number }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'MEMBER_ID_NUMBER_DUPLICATE', details: { fields: [{ field: 'body.idNumber' }] } });
  });

  it('patches fields, records each change in history and audit, and checks rules on the merged record', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const d = (await a.post('/api/v1/members', memberBody(h.tree.branchAId))).json();
    const res = await patch(h, a, `/api/v1/members/${d.id}`, { phone: '139 0000 1111', education: '硕士研究生', posts: ['支部委员', '村委委员'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phoneMasked: '139****1111', education: '硕士研究生', posts: ['支部委员', '村委委员'] });
    const hist = (await a.get(`/api/v1/members/${d.id}/history`)).json().items;
    expect(hist[0].action).toBe('update');
    expect(hist[0].changes).toEqual({
      phone: ['138****8000', '139****1111'], education: ['本科', '硕士研究生'], posts: [['村委委员'], ['支部委员', '村委委员']],
    });
    const audit = await h.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'member.update').where('entity_id', '=', d.id).executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ education: '本科' });
    expect(audit.after).toMatchObject({ education: '硕士研究生' });
    // Merged rules: making a full member probationary while keeping the 转正 date is refused.
    const bad = await patch(h, a, `/api/v1/members/${d.id}`, { status: 'probationary' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.fullOn');
    // Changing the ID number re-derives sex and birth date.
    const ok = await patch(h, a, `/api/v1/members/${d.id}`, { idNumber: freshIdNumber('19770707', false) });
    expect(ok.json()).toMatchObject({ gender: 'female', birthDate: '1977-07-07' });
    expect((await a.get(`/api/v1/members/${d.id}/history`)).json().items).toHaveLength(3);
  });

  it('moves a member inside the scope; history keeps from and to and survives the move', async () => {
    const t = await h.login(h.tree.users.town);
    const d = (await t.post('/api/v1/members', memberBody(h.tree.branchAId))).json();
    const res = await t.post(`/api/v1/members/${d.id}/move`, { toOrgId: h.tree.branchBId, reason: '居住地变更' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().orgId).toBe(h.tree.branchBId);
    const same = await t.post(`/api/v1/members/${d.id}/move`, { toOrgId: h.tree.branchBId, reason: '再次' });
    expect(same.json().code).toBe('MEMBER_MOVE_SAME_ORG');
    const notHome = await t.post(`/api/v1/members/${d.id}/move`, { toOrgId: h.tree.townId, reason: '编入镇党委' });
    expect(notHome.json().code).toBe('MEMBER_ORG_NOT_HOME');
    // Branch B's secretary now holds the member and sees its whole history, the create included.
    const b = await h.login(h.tree.users.secretaryB);
    const hist = (await b.get(`/api/v1/members/${d.id}/history`)).json().items;
    expect(hist.map((e: { action: string }) => e.action)).toEqual(['move', 'create']);
    expect(hist[0]).toMatchObject({ fromOrgId: h.tree.branchAId, toOrgId: h.tree.branchBId, reason: '居住地变更' });
    expect(await auditCount('member.move', d.id)).toBe(1);
  });

  it('reveals the full ID number to the secretary, audited; a plain member cannot', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const row = await h.database.db.selectFrom('members').select(['id', 'id_number', 'phone']).where('org_id', '=', h.tree.branchAId).executeTakeFirstOrThrow();
    const detail = (await a.get(`/api/v1/members/${row.id}`)).json();
    expect(detail.can).toEqual({ write: true, reveal: true });
    const before = await auditCount('member.reveal', row.id);
    const res = await a.post(`/api/v1/members/${row.id}/reveal`, { field: 'idNumber' });
    expect(res.json()).toEqual({ field: 'idNumber', value: row.id_number });
    expect(await auditCount('member.reveal', row.id)).toBe(before + 1);

    const m = await h.login(h.tree.users.memberA);
    expect((await m.get(`/api/v1/members/${row.id}`)).json().can).toEqual({ write: false, reveal: false });
    const denied = await m.post(`/api/v1/members/${row.id}/reveal`, { field: 'phone' });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain(row.phone ?? 'none');
    expect(await auditCount('member.reveal', row.id)).toBe(before + 1);
    const write = await patch(h, m, `/api/v1/members/${row.id}`, { remarks: '党员自己改' });
    expect([403, 404]).toContain(write.statusCode);
  });
});
