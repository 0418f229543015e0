import { useEffect } from 'react';
import { App, Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';
import { ORG_PARENT_RULES, type OrgDetail, type OrgNode } from '@dangjian/contracts';
import { useDissolveOrg, useMergeOrg, useMoveOrg } from '../admin-api.ts';
import { applyServerError } from './form-errors.ts';
import { OrgPicker } from './OrgPicker.tsx';

export type RestructureMode = 'move' | 'merge' | 'dissolve';
interface Values { target?: string; reason: string }

const TEXT = {
  move: { title: '移动组织', target: '移动到（新的上级组织）', ok: '移动' },
  merge: { title: '合并组织', target: '并入组织', ok: '合并' },
  dissolve: { title: '撤销组织', target: '党员转入组织（有党员时必填）', ok: '撤销' },
} as const;

/**
 * 移动 / 合并 / 撤销 of one organization. Merge and dissolve cannot be undone from the console,
 * so they ask once more in a confirmation dialog before calling the server.
 */
export function OrgRestructureModal({ mode, org, open, onClose }: {
  mode: RestructureMode; org: OrgDetail['org']; open: boolean; onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const move = useMoveOrg(org.id);
  const merge = useMergeOrg(org.id);
  const dissolve = useDissolveOrg(org.id);
  const t = TEXT[mode];
  const parentId = org.parentId;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const run = async (v: Values) => {
    try {
      if (mode === 'move') {
        await move.mutateAsync({ newParentId: v.target!, reason: v.reason.trim() });
        message.success('已移动');
      } else if (mode === 'merge') {
        const r = await merge.mutateAsync({ intoId: v.target!, reason: v.reason.trim() });
        message.success(`已合并：转入党员 ${r.movedMembers} 名、下级组织 ${r.movedChildren} 个`);
        void navigate(`/orgs/${v.target}`);
      } else {
        const r = await dissolve.mutateAsync({ reason: v.reason.trim(), ...(v.target ? { transferMembersTo: v.target } : {}) });
        message.success(r.movedMembers > 0 ? `已撤销，${r.movedMembers} 名党员已转入指定组织` : '已撤销');
        if (parentId) void navigate(`/orgs/${parentId}`);
      }
      onClose();
    } catch (e) {
      const msg = applyServerError(form, e, ['reason', 'newParentId', 'intoId', 'transferMembersTo']);
      if (msg) message.error(msg);
    }
  };

  const submit = (v: Values) => {
    if (mode === 'move') return void run(v);
    modal.confirm({
      title: mode === 'merge' ? `确认将“${org.name}”合并？` : `确认撤销“${org.name}”？`,
      content: mode === 'merge'
        ? '合并后，该组织的党员、下级组织和人员权限将全部转入目标组织，原组织标记为“已合并”，此操作不能撤回。'
        : '撤销后该组织不再出现在组织架构中（变更记录保留），此操作不能撤回。',
      okText: `确认${t.ok}`, okButtonProps: { danger: true, 'data-testid': 'restructure-confirm' } as ButtonProps, cancelText: '取消',
      onOk: () => run(v),
    });
  };

  // A move target must be a valid parent type. A merge target must be able to hold this
  // organization's children, so offer the same type or a valid parent type; the server
  // checks the children exactly.
  const allow = (n: OrgNode) => mode === 'dissolve' || ORG_PARENT_RULES[org.type].includes(n.type) || (mode === 'merge' && n.type === org.type);

  return (
    <Modal open={open} title={`${t.title}：${org.name}`} okText={t.ok} okButtonProps={{ danger: mode !== 'move', 'data-testid': 'restructure-submit' } as ButtonProps}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden
      confirmLoading={move.isPending || merge.isPending || dissolve.isPending}>
      {mode === 'dissolve' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }}
          title="只有没有下级组织的组织才能撤销；有党员的，须指定党员转入的组织。" />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="target" label={t.target} rules={mode === 'dissolve' ? [] : [{ required: true, message: '请选择组织' }]}>
          <OrgPicker exclude={org.path} allow={allow} testId="restructure-target" />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea maxLength={200} rows={3} placeholder="如：依据某某党委〔2026〕5号文件" data-testid="restructure-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
