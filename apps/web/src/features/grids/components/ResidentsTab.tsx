import { useState } from 'react';
import { App, Button, Checkbox, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { GridBuilding, Resident } from '@dangjian/contracts';
import { GRID_PAGE_SIZE, useDeleteResident, useResidents, useSaveResident } from '../api.ts';
import { showApiError } from './formErrors.ts';

interface Values { name: string; phone?: string; address?: string; buildingId?: string | null; isPartyMember?: boolean; remarks?: string }

/** Residents 群众 of a grid (people without accounts): add, edit, remove with confirmation. */
export function ResidentsTab({ gridId, buildings, canEdit }: { gridId: string; buildings: GridBuilding[]; canEdit: boolean }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useResidents(gridId, page);
  const save = useSaveResident(gridId);
  const remove = useDeleteResident(gridId);
  const [editing, setEditing] = useState<Resident | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  function open(r: Resident | 'new') {
    setEditing(r);
    form.resetFields();
    if (r !== 'new') form.setFieldsValue({ name: r.name, phone: r.phone ?? '', address: r.address ?? '', buildingId: r.buildingId, isPartyMember: r.isPartyMember, remarks: r.remarks ?? '' });
  }

  async function submit() {
    const v = await form.validateFields();
    const body = { name: v.name, phone: v.phone || null, address: v.address || null, buildingId: v.buildingId ?? null, isPartyMember: !!v.isPartyMember, remarks: v.remarks || null };
    try {
      await save.mutateAsync({ id: editing && editing !== 'new' ? editing.id : undefined, body });
      message.success('已保存');
      setEditing(null);
    } catch (e) {
      const m = showApiError(form, e);
      if (m) message.error(m);
    }
  }

  return (
    <>
      {canEdit && <Button type="primary" size="small" onClick={() => open('new')} style={{ marginBottom: 8 }} data-testid="resident-add">登记群众</Button>}
      <Table<Resident>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: GRID_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无登记群众" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <>{n}{r.isPartyMember && <Tag color="red" style={{ marginInlineStart: 6 }}>党员</Tag>}</> },
          { title: '电话', dataIndex: 'phone' },
          { title: '楼栋', dataIndex: 'buildingName' },
          { title: '住址', dataIndex: 'address', ellipsis: true },
          { title: '备注', dataIndex: 'remarks', ellipsis: true },
          ...(canEdit ? [{
            title: '操作', key: 'op', width: 110,
            render: (_: unknown, r: Resident) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => open(r)}>编辑</Button>
                <Popconfirm title={`删除群众“${r.name}”的登记？`} okText="删除" okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(r.id).then(() => message.success('已删除'), (e: Error) => message.error(e.message))}>
                  <Button type="link" size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '登记群众' : '编辑群众信息'} okText="保存" onOk={() => void submit()}
        onCancel={() => setEditing(null)} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}><Input /></Form.Item>
          <Form.Item name="phone" label="电话" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '请输入 11 位手机号或带区号的座机号' }]}><Input /></Form.Item>
          <Form.Item name="buildingId" label="楼栋">
            <Select allowClear options={buildings.map((b) => ({ value: b.id, label: b.name }))} placeholder={buildings.length ? '选择楼栋' : '本网格暂无楼栋'} />
          </Form.Item>
          <Form.Item name="address" label="住址" rules={[{ max: 200 }]}><Input placeholder="如：3号楼1单元101室" /></Form.Item>
          <Form.Item name="isPartyMember" valuePropName="checked"><Checkbox>党员（外地或未在本平台登记的党员群众）</Checkbox></Form.Item>
          <Form.Item name="remarks" label="备注" rules={[{ max: 200 }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
