import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography, message } from 'antd';
import { MEMBER_HOME_ORG_TYPES, type MemberDetail } from '@dangjian/contracts';
import { useOrgTree } from '../../orgs/api.ts';
import { useMoveMember } from '../api.ts';
import { serverFieldErrors } from '../form-errors.ts';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

const homeTypes: readonly string[] = MEMBER_HOME_ORG_TYPES;
const notHome = (i: { orgType: string }) => !homeTypes.includes(i.orgType);

/** 转接（组织内调动）: pick a target in the caller's scope and a reason, then confirm. */
export function MoveMemberModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ toOrgId: string; reason: string }>();
  const move = useMoveMember(member.id);
  const tree = useOrgTree();
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const v = await form.validateFields();
    const target = tree.data?.nodes.find((n) => n.id === v.toOrgId)?.name ?? '目标组织';
    Modal.confirm({
      title: '确认转接',
      content: `将 ${member.name} 从「${member.orgName}」转接到「${target}」？`,
      okText: '确认转接',
      okButtonProps: { 'data-testid': 'member-move-confirm' } as never,
      onOk: async () => {
        try {
          await move.mutateAsync({ toOrgId: v.toOrgId, reason: v.reason.trim() });
          void message.success('已转接');
          onClose();
        } catch (e) {
          const { fields, other } = serverFieldErrors(e, ['toOrgId', 'reason']);
          form.setFields(fields.map((f) => ({ name: f.name as 'toOrgId', errors: f.errors })));
          setError(other.join('；') || null);
        }
      },
    });
  }

  return (
    <Modal open title={`转接党员：${member.name}`} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} okText="转接" destroyOnHidden
      okButtonProps={{ 'data-testid': 'member-move-submit' } as never}>
      <Typography.Paragraph type="secondary">管理范围内的组织间调动；跨县区的组织关系转接请走转接流程。当前组织：{member.orgName}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="toOrgId" label="转入组织" rules={[{ required: true, message: '请选择转入组织' }]}>
          <OrgTreeSelect disabled={notHome} placeholder="选择党支部或党小组" testId="member-move-target" />
        </Form.Item>
        <Form.Item name="reason" label="转接原因" rules={[{ required: true, whitespace: true, message: '请填写转接原因' }, { max: 200, message: '最多 200 个字' }]}>
          <Input.TextArea rows={2} maxLength={200} data-testid="member-move-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
