import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Tabs, Tag } from 'antd';
import { GENDERS, MEMBER_STATUSES, type MemberDetail } from '@dangjian/contracts';
import { useMemberDetail } from '../api.ts';
import { RevealableValue } from './RevealableValue.tsx';
import { MemberHistoryList } from './MemberHistoryList.tsx';
import { MemberFormModal } from './MemberFormModal.tsx';
import { MoveMemberModal } from './MoveMemberModal.tsx';

const dash = (v: string | null | undefined) => v || '—';

function Fields({ m }: { m: MemberDetail }) {
  const items = [
    { key: 'name', label: '姓名', children: m.name },
    { key: 'gender', label: '性别', children: GENDERS[m.gender] },
    { key: 'birthDate', label: '出生日期', children: `${m.birthDate}（${m.age} 岁）` },
    { key: 'idNumber', label: '身份证号', children: <RevealableValue memberId={m.id} field="idNumber" masked={m.idNumberMasked} allowed={m.can.reveal} /> },
    { key: 'phone', label: '手机号', children: <RevealableValue memberId={m.id} field="phone" masked={m.phoneMasked} allowed={m.can.reveal} /> },
    { key: 'ethnicity', label: '民族', children: dash(m.ethnicity) },
    { key: 'education', label: '学历', children: dash(m.education) },
    { key: 'occupation', label: '职业', children: dash(m.occupation) },
    { key: 'org', label: '所在组织', children: <span data-testid="member-detail-org">{m.orgName}</span> },
    { key: 'status', label: '党员状态', children: <Tag color={m.status === 'full' ? 'red' : 'orange'}>{MEMBER_STATUSES[m.status]}</Tag> },
    { key: 'joinedOn', label: '入党日期', children: dash(m.joinedOn) },
    { key: 'fullOn', label: '转正日期', children: dash(m.fullOn) },
    { key: 'categories', label: '党员类别', children: m.categories.length ? m.categories.map((c) => <Tag key={c}>{c}</Tag>) : '—' },
    { key: 'reporting', label: '报到社区', children: dash(m.reportingOrgName ?? m.reportingOrgId) },
    { key: 'posts', label: '现任职务', children: m.posts.length ? m.posts.join('、') : '—' },
    { key: 'remarks', label: '备注', children: dash(m.remarks), span: 2 },
  ];
  return <Descriptions bordered size="small" column={2} items={items} data-testid="member-detail" />;
}

/** One member: all fields (PII masked, 查看 for those allowed), 变更记录, and 编辑 / 转接 for writers. */
export function MemberDetailDrawer({ memberId, onClose }: { memberId: string | undefined; onClose: () => void }) {
  const detail = useMemberDetail(memberId);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const m = detail.data;
  const extra = m?.can.write && (
    <Space>
      <Button onClick={() => setEditing(true)} data-testid="member-edit">编辑</Button>
      <Button onClick={() => setMoving(true)} data-testid="member-move">转接</Button>
    </Space>
  );
  return (
    <Drawer open={memberId !== undefined} onClose={onClose} size="large" title={m ? `${m.name} · 党员信息` : '党员信息'} extra={extra} destroyOnHidden>
      {detail.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {detail.isError && <Alert type="error" showIcon title="党员信息加载失败" description={detail.error.message} />}
      {m && (
        <Tabs
          items={[
            { key: 'info', label: '基本信息', children: <Fields m={m} /> },
            { key: 'history', label: <span data-testid="member-history-tab">变更记录</span>, children: <MemberHistoryList memberId={m.id} /> },
          ]}
        />
      )}
      {m && editing && <MemberFormModal open member={m} onClose={() => setEditing(false)} />}
      {m && moving && <MoveMemberModal member={m} onClose={() => setMoving(false)} />}
    </Drawer>
  );
}
