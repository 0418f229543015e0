import { useState } from 'react';
import { Alert, App, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { MEETING_KINDS, ORG_TYPES, RULE_PERIODS, type MeetingRule, type OrgType } from '@dangjian/contracts';
import { OrgPicker } from '../../grids/components/OrgPicker.tsx';
import { useDeleteRule, useMeetingRules } from '../api.ts';
import { RuleFormModal } from './RuleFormModal.tsx';

/**
 * 会议规则: the defaults from the branch regulations, inherited rules and this organization's
 * own. A rule set at an organization replaces, for its meeting kind, the inherited ones in its
 * whole subtree. Org-dept admins add, edit and delete; everyone else reads.
 */
export function RulesTab({ defaultOrgId }: { defaultOrgId?: string }) {
  const [picked, setPicked] = useState<string | undefined>();
  const orgId = picked ?? defaultOrgId;
  const rules = useMeetingRules(orgId);
  const remove = useDeleteRule();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<MeetingRule | 'new' | null>(null);
  const canWrite = rules.data?.canWrite ?? false;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker value={orgId} onChange={setPicked} testId="rules-org-picker" style={{ width: 280 }} />
        {canWrite && <Button type="primary" onClick={() => setEditing('new')} data-testid="rule-new">新增规则</Button>}
      </Space>
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title="规则就近生效：本级组织设置了某类会议的规则后，本级及下级组织按本级规则检查，不再适用上级或系统默认规则；系统默认规则依据《中国共产党支部工作条例（试行）》，不可修改。" />
      {rules.isError && <Alert type="error" showIcon title="规则加载失败" description={rules.error.message} style={{ marginBottom: 12 }} />}
      <Table<MeetingRule>
        rowKey="id" size="middle" data-testid="rules-table" loading={rules.isPending && !!orgId} dataSource={rules.data?.items ?? []} pagination={false}
        locale={{ emptyText: <Empty description="暂无规则" /> }} scroll={{ x: 900 }}
        columns={[
          { title: '设置单位', dataIndex: 'orgName', width: 160, render: (n: string | null, r) => (r.orgId === null ? <Tag>系统默认</Tag> : n ?? <Tag color="blue">上级党组织</Tag>) },
          { title: '会议类型', dataIndex: 'kind', width: 120, render: (k: keyof typeof MEETING_KINDS) => MEETING_KINDS[k] },
          { title: '频次', key: 'freq', width: 110, render: (_, r) => (r.count === 0 ? <Tag color="orange">不作要求</Tag> : `${RULE_PERIODS[r.period]}${r.count}次`) },
          { title: '适用组织', dataIndex: 'appliesTo', render: (ts: string[]) => ts.map((t) => ORG_TYPES[t as OrgType] ?? t).join('、') },
          { title: '人数条件', dataIndex: 'minFullMembers', width: 110, render: (n: number | null) => (n ? `正式党员${n}人以上` : '不限') },
          { title: '季节性月份', dataIndex: 'months', width: 130, render: (m: number[] | null) => (m ? `${m.join('、')}月` : '全年') },
          { title: '生效期间', key: 'eff', width: 190, render: (_, r) => `${r.effectiveFrom ?? '—'} 至 ${r.effectiveTo ?? '今'}` },
          { title: '依据/说明', dataIndex: 'note', ellipsis: true, render: (n: string | null) => <Typography.Text type="secondary">{n ?? ''}</Typography.Text> },
          {
            title: '操作', key: 'op', width: 120, fixed: 'right',
            render: (_, r) => r.canEdit && (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(r)}>修改</Button>
                <Popconfirm title="删除这条规则？" description="删除后本级及下级恢复适用上级或系统默认规则。" okText="删除" okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(r.id).then(() => message.success('规则已删除'), (e: Error) => message.error(e.message))}>
                  <Button type="link" size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <RuleFormModal open={editing !== null} orgId={orgId} rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
