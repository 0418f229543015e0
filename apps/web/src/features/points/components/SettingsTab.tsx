import { App, Alert, Descriptions, Empty, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { POINT_CATEGORIES, type PointRule } from '@dangjian/contracts';
import { useRules, useSetRule, useSetSettings, useSettings } from '../api.ts';

/**
 * 积分设置: switch points and rankings on or off for the subtree (never compulsory), and the rule
 * items in force (the nearest organization's item wins; an item can be switched off here).
 */
export function SettingsTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const settings = useSettings(orgId);
  const rules = useRules(orgId);
  const set = useSetSettings();
  const setRule = useSetRule();
  const s = settings.data;
  const save = (enabled: boolean, rankingEnabled: boolean) => set.mutate({ orgId: orgId!, enabled, rankingEnabled }, {
    onSuccess: () => void message.success('设置已保存'), onError: (e) => void message.error(e.message),
  });
  const toggleRule = (r: PointRule) => setRule.mutate({ orgId: orgId!, code: r.code, label: r.label, points: r.points, category: r.category as keyof typeof POINT_CATEGORIES, active: !r.active }, {
    onError: (e) => void message.error(e.message),
  });
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="积分制和积分排行由各地自行决定是否采用，不作硬性要求。关闭后不再记录积分，党员端不显示积分。" />
      {s && (
        <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="启用党员积分">
            <Popconfirm title={s.enabled ? '关闭后本组织及下级不再记录积分，确定？' : '启用党员积分？'} okText="确定" cancelText="取消" onConfirm={() => save(!s.enabled, s.rankingEnabled)}>
              <Switch checked={s.enabled} data-testid="points-enabled" />
            </Popconfirm>
            {s.fromOrgId && s.fromOrgId !== orgId && <Tag style={{ marginLeft: 8 }}>沿用上级设置</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="启用积分排行">
            <Switch checked={s.enabled && s.rankingEnabled} disabled={!s.enabled} onChange={(v) => save(s.enabled, v)} />
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table<PointRule> rowKey="code" size="small" loading={rules.isPending && !!orgId} dataSource={rules.data?.items ?? []} pagination={false}
        locale={{ emptyText: <Empty description="暂无积分规则" /> }} title={() => '积分规则（本级设置优先于上级和默认规则）'}
        columns={[
          { title: '项目', dataIndex: 'label' }, { title: '类别', dataIndex: 'category', render: (c: string) => POINT_CATEGORIES[c as keyof typeof POINT_CATEGORIES] ?? c },
          { title: '分值', dataIndex: 'points', align: 'right', render: (p: number) => (p > 0 ? `+${p}` : p) },
          { title: '来源', dataIndex: 'fromOrgId', render: (o: string | null) => (o === null ? '默认' : o === orgId ? '本级' : '上级') },
          { title: '启用', dataIndex: 'active', render: (a: boolean, r) => <Space><Switch size="small" checked={a} onChange={() => toggleRule(r)} /></Space> },
        ]} />
    </>
  );
}
