import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { TRANSFER_KINDS, TRANSFER_STATUSES, type Transfer } from '@dangjian/contracts';
import { useTransferAction } from '../api.ts';
import { ReceiptButton } from './ReceiptButton.tsx';

const color: Record<Transfer['status'], string> = {
  pending: 'orange', done: 'green', rejected: 'red', cancelled: 'default', issued: 'blue', returned: 'cyan', filed: 'green',
};

/** Transfers with the actions the caller may take on each row. */
export function TransferTable(props: { data?: { items: Transfer[]; total: number }; loading: boolean; page: number; onPage: (p: number) => void; testId: string }) {
  const act = useTransferAction();
  return (
    <Table<Transfer>
      rowKey="id" size="middle" data-testid={props.testId} loading={props.loading} dataSource={props.data?.items}
      locale={{ emptyText: '暂无转接记录' }}
      pagination={{ current: props.page, pageSize: 20, total: props.data?.total ?? 0, onChange: props.onPage, showTotal: (t) => `共 ${t} 条` }}
      columns={[
        { title: '党员', dataIndex: 'memberName' },
        { title: '类型', dataIndex: 'kind', render: (k: Transfer['kind']) => TRANSFER_KINDS[k] },
        { title: '转出', render: (_, t) => t.fromOrgName ?? t.externalOrgName ?? '—' },
        { title: '转入', render: (_, t) => t.toOrgName ?? (t.kind === 'out' ? t.externalOrgName : '—') },
        { title: '介绍信编号', dataIndex: 'letterNo', render: (v: string | null) => v ?? '—' },
        { title: '有效期至', dataIndex: 'validUntil', render: (v: string | null) => v ?? '—' },
        { title: '党费交至', dataIndex: 'duesPaidTo', render: (v: string | null) => v ?? '—' },
        { title: '状态', dataIndex: 'status', render: (s: Transfer['status']) => <Tag color={color[s]}>{TRANSFER_STATUSES[s]}</Tag> },
        {
          title: '操作', render: (_, t) => (
            <Space size="small">
              {t.canDecide && <Button size="small" type="primary" loading={act.isPending} data-testid={`accept-${t.id}`} onClick={() => act.mutate({ id: t.id, action: 'accept' })}>接收</Button>}
              {t.canDecide && (
                <Popconfirm title="确认退回该转接申请？" onConfirm={() => act.mutate({ id: t.id, action: 'reject' })}><Button size="small" danger>退回</Button></Popconfirm>
              )}
              {t.status === 'pending' && !t.canDecide && (
                <Popconfirm title="确认撤销该转接申请？" onConfirm={() => act.mutate({ id: t.id, action: 'cancel' })}><Button size="small">撤销</Button></Popconfirm>
              )}
              {t.kind === 'out' && <Link to={`/transfers/letters/${t.id}`} data-testid={`print-${t.id}`}>打印介绍信</Link>}
              {t.kind === 'out' && t.status === 'issued' && <ReceiptButton transfer={t} />}
              {t.kind === 'out' && t.status === 'returned' && (
                <Popconfirm title="确认回执归档？" onConfirm={() => act.mutate({ id: t.id, action: 'file' })}><Button size="small">归档</Button></Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
