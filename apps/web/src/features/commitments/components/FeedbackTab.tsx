import { useState } from 'react';
import { App, Alert, Button, Empty, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Typography } from 'antd';
import { COMMITMENT_FEEDBACK_FILTERS, type CommitmentFeedbackRow } from '@dangjian/contracts';
import { COMMITMENT_PAGE_SIZE, formatDay, useAnswerFeedback, useCommitmentFeedback, useHideFeedback } from '../api.ts';

/** 群众评价: residents' feedback on the subtree's commitments; answer (shown publicly) or hide abusive content. */
export function FeedbackTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState('unanswered');
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<CommitmentFeedbackRow>();
  const [form] = Form.useForm<{ answer: string }>();
  const list = useCommitmentFeedback(orgId, filter, page);
  const answer = useAnswerFeedback();
  const hide = useHideFeedback();
  const ok = async () => {
    const v = await form.validateFields();
    answer.mutate({ id: answering!.id, answer: v.answer }, {
      onSuccess: () => { void message.success('已回复，公开栏同步显示'); setAnswering(undefined); form.resetFields(); },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <>
      {list.isError && <Alert type="warning" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Segmented value={filter} onChange={(v) => { setFilter(String(v)); setPage(1); }} style={{ marginBottom: 12 }}
        options={Object.entries(COMMITMENT_FEEDBACK_FILTERS).map(([value, label]) => ({ value, label }))} />
      <Table<CommitmentFeedbackRow> rowKey="id" loading={list.isPending && !!orgId} dataSource={list.data?.items ?? []} data-testid="commitment-feedback-table"
        locale={{ emptyText: <Empty description="暂无评价" /> }} scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: COMMITMENT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 110, render: (d: string) => formatDay(d) },
          { title: '评价人', dataIndex: 'nickname', width: 100, render: (n: string | null) => n ?? '群众' },
          { title: '评价内容', dataIndex: 'content' },
          { title: '承诺', key: 'c', ellipsis: true, render: (_, r) => <Typography.Text type="secondary">{r.name}：{r.commitmentContent}</Typography.Text> },
          { title: '回复', dataIndex: 'answer', render: (a: string | null) => a ?? <Typography.Text type="warning">待回复</Typography.Text> },
          {
            title: '操作', key: 'op', width: 150, render: (_, r) => (
              <Space size="small">
                {!r.hidden && <Button size="small" onClick={() => { setAnswering(r); form.setFieldsValue({ answer: r.answer ?? '' }); }} data-testid={`feedback-answer-${r.id}`}>{r.answer ? '修改回复' : '回复'}</Button>}
                <Popconfirm title={r.hidden ? '恢复显示这条评价？' : '隐藏后公开栏不再显示，确定隐藏？'} okText="确定" cancelText="取消"
                  onConfirm={() => hide.mutate({ id: r.id, hidden: !r.hidden }, { onError: (e) => void message.error(e.message) })}>
                  <Button size="small" danger={!r.hidden}>{r.hidden ? '恢复' : '隐藏'}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]} />
      <Modal title="回复群众评价" open={!!answering} onOk={() => void ok()} onCancel={() => setAnswering(undefined)} okText="回复" cancelText="取消" confirmLoading={answer.isPending} destroyOnHidden
        okButtonProps={{ 'data-testid': 'feedback-answer-ok' }}>
        <p>“{answering?.content}”</p>
        <Form form={form} layout="vertical">
          <Form.Item name="answer" label="回复（公开显示）" rules={[{ required: true, min: 2, message: '请填写回复内容' }]}><Input.TextArea rows={3} maxLength={300} showCount data-testid="feedback-answer-text" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
