import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  TEAM_POSTS, suggestedTermYears, type MemberListResponse, type OrgDetail, type Team, type TeamPost,
} from '@dangjian/contracts';
import { api } from '../../../lib/api.ts';
import { useCreateTeam, useUpdateTeam } from '../admin-api.ts';
import { applyServerError } from './form-errors.ts';

interface Seat { memberId?: string; name?: string; post: TeamPost; note?: string }
interface Values { sessionNo?: number; termStart: Dayjs; termEnd: Dayjs; note?: string; members: Seat[] }
const postOptions = Object.entries(TEAM_POSTS).map(([value, label]) => ({ value, label }));

/** Searches members of the organization's subtree by name, for linking a seat to a record. */
function MemberSelect({ orgId, value, onChange, initialName }: { orgId: string; value?: string; onChange?: (v?: string) => void; initialName?: string }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['members', 'pick', orgId, q],
    queryFn: ({ signal }) => api<MemberListResponse>('/members', { query: { orgId, q: q || undefined, limit: 20 }, signal }),
  });
  const options = (found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select allowClear showSearch={{ filterOption: false, onSearch: setQ }} value={value} onChange={onChange}
      options={options} loading={found.isFetching} placeholder="选择本组织党员" style={{ width: 200 }} />
  );
}

/**
 * 新建 / 编辑领导班子: term (the end date is suggested from the type's term length, DOMAIN §1)
 * and seats, each a member of the subtree or an outsider by name.
 */
export function TeamFormModal({ org, team, open, onClose }: { org: OrgDetail['org']; team: Team | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateTeam(org.id);
  const update = useUpdateTeam(org.id);
  const years = suggestedTermYears(org.type, org.name);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (team) {
      form.setFieldsValue({
        sessionNo: team.sessionNo ?? undefined, termStart: dayjs(team.termStart), termEnd: dayjs(team.termEnd), note: team.note ?? undefined,
        members: team.members.map((m) => ({ memberId: m.memberId ?? undefined, name: m.memberId ? undefined : m.name, post: m.post, note: m.note ?? undefined })),
      });
    } else form.setFieldsValue({ members: [{ post: 'secretary' }] });
  }, [open, team, form]);

  const onStart = (d: Dayjs | null) => {
    if (d && !team) form.setFieldValue('termEnd', d.add(years, 'year').subtract(1, 'day'));
  };

  const submit = async (v: Values) => {
    const body = {
      sessionNo: v.sessionNo ?? null, termStart: v.termStart.format('YYYY-MM-DD'), termEnd: v.termEnd.format('YYYY-MM-DD'),
      note: v.note?.trim() || null,
      members: (v.members ?? []).map((s) => ({ memberId: s.memberId ?? null, name: s.memberId ? null : s.name?.trim() || null, post: s.post, note: s.note?.trim() || null })),
    };
    try {
      if (team) await update.mutateAsync({ teamId: team.id, body });
      else await create.mutateAsync(body);
      message.success('班子已保存');
      onClose();
    } catch (e) {
      const msg = applyServerError(form, e, ['sessionNo', 'termStart', 'termEnd', 'note', 'members']);
      if (msg) message.error(msg);
    }
  };

  return (
    <Modal open={open} width={760} title={team ? '编辑领导班子' : '新建领导班子'} okText="保存" onOk={() => form.submit()} onCancel={onClose}
      confirmLoading={create.isPending || update.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'team-form-submit' } as ButtonProps}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Flex gap={12} wrap>
          <Form.Item name="sessionNo" label="届次"><InputNumber min={1} max={999} precision={0} addonAfter="届" /></Form.Item>
          <Form.Item name="termStart" label="任期开始" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker onChange={onStart} data-testid="team-term-start" />
          </Form.Item>
          <Form.Item name="termEnd" label="任期届满" rules={[{ required: true, message: '请选择' }]} extra={`该类组织一般任期 ${years} 年`}>
            <DatePicker data-testid="team-term-end" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label="备注"><Input maxLength={200} /></Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'post']} rules={[{ required: true, message: '请选择职务' }]}>
                    <Select options={postOptions} style={{ width: 120 }} placeholder="职务" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'memberId']}>
                    <MemberSelect orgId={org.id} initialName={team?.members[f.name]?.name} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']}><Input placeholder="或填写姓名（非本组织人员）" maxLength={50} style={{ width: 200 }} /></Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>移除</Button>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ post: 'member' })} block>添加班子成员</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
