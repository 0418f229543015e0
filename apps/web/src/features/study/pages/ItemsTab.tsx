import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Empty, Form, Input, List, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { StudyItem } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { useCreateStudyItem, useReadStudyItem, useStudyItemStats, useStudyItems } from '../api-more.ts';

/** 学习资料: items pushed to a subtree; opening one records a read; managers see reach and person-times. */
export default function ItemsTab() {
  const [page, setPage] = useState(1);
  const items = useStudyItems(page);
  const read = useReadStudyItem();
  const canManage = useMe().data?.permissions.includes('members:write') ?? false;
  const [open, setOpen] = useState<StudyItem | null>(null);
  const [statsOf, setStatsOf] = useState<StudyItem | null>(null);
  const [creating, setCreating] = useState(false);
  const { message } = App.useApp();
  const openItem = (it: StudyItem) => read.mutate(it.id, { onSuccess: setOpen, onError: (e) => { message.warning(e.message); setOpen(it); } });

  return (
    <>
      {canManage && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>推送学习资料</Button>}
      <List<StudyItem>
        loading={items.isPending} dataSource={items.data?.items ?? []} locale={{ emptyText: <Empty description="暂无学习资料" /> }}
        pagination={{ current: page, pageSize: 20, total: items.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(it) => (
          <List.Item actions={[
            <Button key="r" type="link" onClick={() => openItem(it)}>阅读</Button>,
            it.manageable && <Button key="s" type="link" onClick={() => setStatsOf(it)}>阅读统计</Button>,
          ]}>
            <List.Item.Meta title={<Space>{it.title}{it.myReadCount > 0 ? <Tag color="success">已读 {it.myReadCount} 次</Tag> : <Tag>未读</Tag>}</Space>}
              description={`${it.orgName} 推送${it.dueOn ? `，请于 ${it.dueOn} 前学习` : ''}`} />
          </List.Item>
        )}
      />
      {open && (
        <Drawer open size="large" title={open.title} onClose={() => setOpen(null)}>
          {/* Shown as text, never as HTML, so pushed content cannot run script. */}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{open.content || '（无正文）'}</Typography.Paragraph>
          {open.link && <a href={open.link} target="_blank" rel="noreferrer noopener">打开原文链接</a>}
        </Drawer>
      )}
      {statsOf && <StatsModal item={statsOf} onClose={() => setStatsOf(null)} />}
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </>
  );
}

function StatsModal({ item, onClose }: { item: StudyItem; onClose: () => void }) {
  const s = useStudyItemStats(item.id);
  return (
    <Modal open width={720} title={`阅读统计：${item.title}`} footer={null} onCancel={onClose}>
      <Space size="large">
        <Statistic title="覆盖人数" value={s.data?.reach.readers ?? 0} suffix={`/ ${s.data?.reach.members ?? 0}`} />
        <Statistic title="覆盖率" value={s.data?.reach.reachRate ?? 0} suffix="%" />
        <Statistic title="阅读人次" value={s.data?.reach.personTimes ?? 0} />
      </Space>
      <Table size="small" rowKey="orgId" style={{ marginTop: 12 }} loading={s.isPending} dataSource={s.data?.orgs ?? []} pagination={false}
        columns={[{ title: '组织', dataIndex: 'orgName' }, { title: '党员数', dataIndex: 'members' }, { title: '已读人数', dataIndex: 'readers' }, { title: '阅读人次', dataIndex: 'personTimes' }]} />
    </Modal>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ orgId?: string; title: string; content?: string; link?: string; dueOn?: Dayjs }>();
  const defaultOrg = useDefaultOrgId();
  const create = useCreateStudyItem();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ orgId: v.orgId ?? defaultOrg!, title: v.title, content: v.content ?? '', link: v.link || undefined, dueOn: v.dueOn?.format('YYYY-MM-DD') });
      message.success('已推送');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title="推送学习资料" onOk={submit} onCancel={onClose} okText="推送" confirmLoading={create.isPending}>
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="推送范围（组织及其下级）"><OrgPicker placeholder="默认本组织" /></Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="content" label="正文"><Input.TextArea rows={6} maxLength={20000} /></Form.Item>
        <Form.Item name="link" label="原文链接" rules={[{ type: 'url', message: '链接格式不正确' }]}><Input placeholder="https://" /></Form.Item>
        <Form.Item name="dueOn" label="学习截止日期"><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
