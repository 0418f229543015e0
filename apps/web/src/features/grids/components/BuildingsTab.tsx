import { useState } from 'react';
import { App, Button, Empty, Form, Input, InputNumber, Modal, Popconfirm, Space, Table } from 'antd';
import type { GridBuilding } from '@dangjian/contracts';
import { useDeleteBuilding, useSaveBuilding } from '../api.ts';
import { showApiError } from './formErrors.ts';

interface Values { name: string; units?: number; households?: number; remarks?: string }

/** Buildings 楼栋 of a grid: units and households; add, edit, delete with confirmation. */
export function BuildingsTab({ gridId, buildings, canEdit }: { gridId: string; buildings: GridBuilding[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<GridBuilding | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveBuilding(gridId);
  const remove = useDeleteBuilding(gridId);

  function open(b: GridBuilding | 'new') {
    setEditing(b);
    form.resetFields();
    if (b !== 'new') form.setFieldsValue({ name: b.name, units: b.units, households: b.households, remarks: b.remarks ?? '' });
  }

  async function submit() {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ id: editing && editing !== 'new' ? editing.id : undefined, body: { name: v.name, units: v.units ?? 1, households: v.households ?? 0, remarks: v.remarks || null } });
      message.success('楼栋已保存');
      setEditing(null);
    } catch (e) {
      const m = showApiError(form, e);
      if (m) message.error(m);
    }
  }

  const total = buildings.reduce((s, b) => s + b.households, 0);
  return (
    <>
      {canEdit && <Button type="primary" size="small" onClick={() => open('new')} style={{ marginBottom: 8 }} data-testid="building-add">新增楼栋</Button>}
      <Table<GridBuilding>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={buildings}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无楼栋" /> }}
        columns={[
          { title: '楼栋', dataIndex: 'name' },
          { title: '单元数', dataIndex: 'units', align: 'right' },
          { title: '户数', dataIndex: 'households', align: 'right' },
          { title: '登记群众', dataIndex: 'residentCount', align: 'right' },
          { title: '备注', dataIndex: 'remarks', ellipsis: true },
          ...(canEdit ? [{
            title: '操作', key: 'op', width: 110,
            render: (_: unknown, b: GridBuilding) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => open(b)}>编辑</Button>
                <Popconfirm title={`删除楼栋“${b.name}”？`} description="该楼栋的群众仍保留在网格内。" okText="删除" okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(b.id).then(() => message.success('已删除'), (e: Error) => message.error(e.message))}>
                  <Button type="link" size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
        summary={() => buildings.length > 0 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计 {buildings.length} 栋</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{buildings.reduce((s, b) => s + b.units, 0)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{total}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增楼栋' : '编辑楼栋'} okText="保存" onOk={() => void submit()}
        onCancel={() => setEditing(null)} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="楼栋名称/编号" rules={[{ required: true, whitespace: true, message: '请输入楼栋名称' }, { max: 50 }]}>
            <Input placeholder="如：3号楼" />
          </Form.Item>
          <Space>
            <Form.Item name="units" label="单元数"><InputNumber min={0} max={100} precision={0} suffix="个" /></Form.Item>
            <Form.Item name="households" label="户数"><InputNumber min={0} max={10000} precision={0} suffix="户" /></Form.Item>
          </Space>
          <Form.Item name="remarks" label="备注" rules={[{ max: 200 }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
