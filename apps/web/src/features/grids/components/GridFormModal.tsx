import { useEffect, useMemo } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { GRID_COMMUNITY_ORG_TYPES, GRID_ORG_TYPES, ORG_TYPES, type GridDetail, type GridListItem, type OrgType } from '@dangjian/contracts';
import { useOrgTree } from '../../orgs/api.ts';
import { useCreateGrid, useUpdateGrid } from '../api.ts';
import { OrgPicker } from './OrgPicker.tsx';
import { showApiError } from './formErrors.ts';

interface Values { orgId: string; name: string; gridOrgId?: string | null; leaderName?: string; leaderPhone?: string; households?: number | null; remarks?: string }

const communityTypes: readonly string[] = GRID_COMMUNITY_ORG_TYPES;
const gridOrgTypes: readonly string[] = GRID_ORG_TYPES;
const allowCommunity = (i: { orgType: OrgType }) => communityTypes.includes(i.orgType);

/** Create (no `grid`) or edit a grid. The community is fixed once the grid exists. */
export function GridFormModal({ open, grid, defaultOrgId, onClose, onSaved }: {
  open: boolean; grid?: GridListItem | null; defaultOrgId?: string; onClose: () => void; onSaved: (g: GridDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateGrid();
  const update = useUpdateGrid(grid?.id ?? '');
  const tree = useOrgTree();
  const orgId = Form.useWatch('orgId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(grid
      ? { orgId: grid.orgId, name: grid.name, gridOrgId: grid.gridOrgId, leaderName: grid.leaderName ?? '', leaderPhone: grid.leaderPhone ?? '', households: grid.householdsEntered, remarks: grid.remarks ?? '' }
      : { orgId: defaultOrgId });
  }, [open, grid, defaultOrgId, form]);

  // Grid organizations: grid branches / building groups / 党小组 below the chosen community.
  const gridOrgOptions = useMemo(() => {
    const nodes = tree.data?.nodes ?? [];
    const community = nodes.find((n) => n.id === orgId);
    if (!community) return [];
    return nodes.filter((n) => n.path.startsWith(`${community.path}.`) && gridOrgTypes.includes(n.type))
      .map((n) => ({ value: n.id, label: `${n.name}（${ORG_TYPES[n.type]}）` }));
  }, [tree.data, orgId]);

  async function submit() {
    const v = await form.validateFields();
    const body = {
      name: v.name, gridOrgId: v.gridOrgId ?? null, leaderName: v.leaderName || null, leaderPhone: v.leaderPhone || null,
      households: v.households ?? null, remarks: v.remarks || null,
    };
    try {
      const saved = grid ? await update.mutateAsync(body) : await create.mutateAsync({ orgId: v.orgId, ...body });
      message.success(grid ? '网格已保存' : '网格已创建');
      onSaved(saved);
    } catch (e) {
      const m = showApiError(form, e);
      if (m) message.error(m);
    }
  }

  return (
    <Modal
      open={open}
      title={grid ? `编辑网格：${grid.name}` : '新建网格'}
      okText="保存"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ id: 'grid-form-submit' }}
    >
      <Form form={form} layout="vertical" data-testid="grid-form">
        <Form.Item name="orgId" label="所属村（社区）" rules={[{ required: true, message: '请选择所属村（社区）党组织' }]}
          extra={grid ? '网格建成后不能改到其他村（社区）' : '只能选择村（社区）一级的党组织'}>
          <OrgPicker disabled={!!grid} allow={allowCommunity} style={{ width: '100%' }} testId="grid-form-org" />
        </Form.Item>
        <Form.Item name="name" label="网格名称" rules={[{ required: true, whitespace: true, message: '请输入网格名称' }, { max: 100 }]}>
          <Input placeholder="如：第一网格" data-testid="grid-form-name" />
        </Form.Item>
        <Form.Item name="gridOrgId" label="网格党组织" extra="网格党支部、楼栋党小组或党小组（可不填）">
          <Select allowClear options={gridOrgOptions} placeholder={gridOrgOptions.length ? '选择网格党组织' : '该村（社区）下暂无网格党组织'} />
        </Form.Item>
        <Form.Item name="leaderName" label="网格员" rules={[{ max: 50 }]}>
          <Input placeholder="网格员姓名" />
        </Form.Item>
        <Form.Item name="leaderPhone" label="网格员电话" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '请输入 11 位手机号或带区号的座机号' }]}>
          <Input placeholder="手机或座机" />
        </Form.Item>
        <Form.Item name="households" label="户数" extra="留空则按楼栋户数合计">
          <InputNumber min={0} max={100000} precision={0} suffix="户" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="remarks" label="备注" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
