import { useState } from 'react';
import { App, Button, Empty, Form, Input, InputNumber, Modal, Space, Switch, Table } from 'antd';
import type { PointsGoods, PointsGoodsPatch } from '@dangjian/contracts';
import { useAddGoods, useGoods, useUpdateGoods } from '../api.ts';

/** 兑换物品: goods of the subtree's shops with price and stock; add, restock, take off the shelf. */
export function GoodsTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const goods = useGoods(orgId);
  const add = useAddGoods();
  const update = useUpdateGoods();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string; description?: string; price: number; stock: number }>();
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate({ orgId: orgId!, ...v, active: true }, {
      onSuccess: () => { void message.success('已新增物品'); setAdding(false); form.resetFields(); },
      onError: (e) => void message.error(e.message),
    });
  };
  const patch = (g: PointsGoods, p: PointsGoodsPatch) => update.mutate({ id: g.id, patch: p }, { onError: (e) => void message.error(e.message) });
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)} disabled={!orgId} data-testid="points-goods-add">新增物品</Button>
      <Table<PointsGoods> rowKey="id" loading={goods.isPending && !!orgId} dataSource={goods.data?.items ?? []} data-testid="points-goods-table"
        locale={{ emptyText: <Empty description="暂无兑换物品" /> }} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '物品', dataIndex: 'name' }, { title: '所属组织', dataIndex: 'orgName', ellipsis: true },
          { title: '所需积分', dataIndex: 'price', align: 'right' },
          { title: '库存', dataIndex: 'stock', align: 'right', render: (s: number, g) => (
            <Space><span data-testid="points-goods-stock">{s}</span>
              <InputNumber size="small" min={0} precision={0} placeholder="改为" style={{ width: 80 }} onPressEnter={(e) => patch(g, { stock: Number((e.target as HTMLInputElement).value) })} /></Space>
          ) },
          { title: '上架', dataIndex: 'active', render: (a: boolean, g) => <Switch checked={a} size="small" onChange={(v) => patch(g, { active: v })} /> },
        ]} />
      <Modal title="新增兑换物品" open={adding} onOk={() => void submit()} onCancel={() => setAdding(false)} confirmLoading={add.isPending} okText="保存" cancelText="取消" okButtonProps={{ 'data-testid': 'points-goods-ok' }} destroyOnHidden>
        <Form form={form} layout="vertical" data-testid="points-goods-form">
          <Form.Item name="name" label="物品名称" rules={[{ required: true, message: '请填写物品名称' }, { max: 60 }]}><Input data-testid="points-goods-name" placeholder="如：洗衣粉、话费充值卡、农具" /></Form.Item>
          <Form.Item name="description" label="说明" rules={[{ max: 300 }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="price" label="所需积分" rules={[{ required: true, message: '请填写所需积分' }]}><InputNumber min={1} precision={0} data-testid="points-goods-price" /></Form.Item>
          <Form.Item name="stock" label="库存" rules={[{ required: true, message: '请填写库存' }]}><InputNumber min={0} precision={0} data-testid="points-goods-stock-input" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
