import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, List, Popconfirm, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SERVICE_POST_KINDS, SERVICE_RATINGS, type MyService as Mine } from '@dangjian/contracts';
import { useClaim, useCommunities, useEndReport, useLogHours, useMyService, useReport, useUnclaim } from '../api.ts';
import { VisitModal } from './VisitModal.tsx';

/** 报到社区: pick a community by name and report; or the active report with its end. */
function ReportCard({ mine }: { mine: Mine }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [communityId, setCommunityId] = useState<string>();
  const communities = useCommunities(q);
  const report = useReport();
  const end = useEndReport();
  const r = mine.report;
  if (r) {
    return (
      <Card size="small" title="双报到" data-testid="service-my-report">
        <Typography.Paragraph style={{ marginBottom: 8 }}>已到 <b>{r.communityName}</b> 报到（{r.reportedOn}）</Typography.Paragraph>
        <Space wrap>{r.posts.map((p) => <Tag key={p} color="red">{p}</Tag>)}{r.rating && <Tag color="green">社区评价：{SERVICE_RATINGS[r.rating]}</Tag>}</Space>
        <div style={{ marginTop: 8 }}>
          <Popconfirm title="结束报到后将同时退出该社区的岗位，确定？" okText="结束" cancelText="取消" onConfirm={() => end.mutate(r.id, { onSuccess: () => void message.success('已结束报到'), onError: (e) => void message.error(e.message) })}>
            <Button size="small" danger>结束报到</Button>
          </Popconfirm>
        </div>
      </Card>
    );
  }
  return (
    <Card size="small" title="到社区报到（双报到）" data-testid="service-report-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>在职党员到居住地社区报到，认领服务岗位、参加志愿服务。</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Select showSearch={{ filterOption: false, onSearch: setQ }} value={communityId} onChange={setCommunityId} placeholder="输入社区名称查找" style={{ width: '100%' }}
          loading={communities.isFetching} options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="service-community-select"
          notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未找到社区" />} />
        <Button type="primary" disabled={!communityId} loading={report.isPending} data-testid="service-report-submit"
          onClick={() => report.mutate({ communityOrgId: communityId! }, { onSuccess: () => void message.success('报到成功'), onError: (e) => void message.error(e.message) })}>报到</Button>
      </Space.Compact>
    </Card>
  );
}

/** 登记服务时长: on a claimed post or for the reported community; half hours, up to 24. */
function LogHoursCard({ mine }: { mine: Mine }) {
  const { message } = App.useApp();
  const log = useLogHours();
  const [form] = Form.useForm<{ postId?: string; servedOn: Dayjs; hours: number; content: string }>();
  const claimed = mine.posts.filter((p) => p.mine);
  if (!mine.report && claimed.length === 0) return null;
  const submit = async () => {
    const v = await form.validateFields();
    log.mutate({ postId: v.postId ?? null, servedOn: v.servedOn.format('YYYY-MM-DD'), hours: v.hours, content: v.content }, {
      onSuccess: (h) => { void message.success(h.points > 0 ? `已登记 ${h.hours} 小时，积分 +${h.points}` : `已登记 ${h.hours} 小时`); form.resetFields(); },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Card size="small" title="登记服务时长">
      <Form form={form} layout="vertical" initialValues={{ servedOn: dayjs(), hours: 1 }} data-testid="service-hours-form">
        <Form.Item name="postId" label="服务岗位"><Select allowClear placeholder={mine.report ? `不选则记为在${mine.report.communityName}服务` : '请选择岗位'} options={claimed.map((p) => ({ value: p.id, label: `${p.name}（${p.orgName}）` }))} data-testid="service-hours-post" /></Form.Item>
        <Space wrap>
          <Form.Item name="servedOn" label="服务日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(1, 'year'))} inputReadOnly /></Form.Item>
          <Form.Item name="hours" label="时长（小时）" rules={[{ required: true, message: '请填写时长' }]}><InputNumber min={0.5} max={24} step={0.5} precision={1} data-testid="service-hours-hours" /></Form.Item>
        </Space>
        <Form.Item name="content" label="服务内容" rules={[{ required: true, whitespace: true, message: '请填写服务内容' }, { max: 300 }]}><Input.TextArea rows={2} placeholder="如：路口文明劝导、看望独居老人" data-testid="service-hours-content" /></Form.Item>
        <Button type="primary" block loading={log.isPending} onClick={() => void submit()} data-testid="service-hours-submit">登记</Button>
      </Form>
    </Card>
  );
}

/** 我的服务 (phone-first, 390 px): report, claim posts, log hours, pairings and visits. */
export function MyService() {
  const { message } = App.useApp();
  const mine = useMyService();
  const claim = useClaim();
  const unclaim = useUnclaim();
  const [visitFor, setVisitFor] = useState<string>();
  const m = mine.data;
  const done = (text: string) => ({ onSuccess: () => void message.success(text), onError: (e: Error) => void message.error(e.message) });
  return (
    <Card title="我的服务" loading={mine.isPending} styles={{ body: { padding: 12, display: 'flex', flexDirection: 'column', gap: 12 } }} data-testid="service-mine">
      {mine.isError && <Alert type="error" showIcon title="加载失败" description={mine.error.message} />}
      {m && !m.isMember && <Empty description="当前账号未关联党员档案" />}
      {m?.isMember && (
        <>
          <Space size="large">
            <Statistic title={`${m.year}年服务时长`} value={m.yearHours} suffix="小时" data-testid="service-my-hours" />
            <Statistic title="服务人次" value={m.yearPersonTimes} />
          </Space>
          <ReportCard mine={m} />
          <Card size="small" title="服务岗位">
            <List dataSource={m.posts} data-testid="service-my-posts" locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.report ? '暂无可认领岗位' : '报到后可认领社区岗位'} /> }}
              renderItem={(p) => (
                <List.Item data-testid={`service-post-${p.id}`} actions={[p.mine
                  ? <Popconfirm key="u" title={`退出“${p.name}”？`} okText="退出" cancelText="取消" onConfirm={() => unclaim.mutate({ postId: p.id }, done('已退出岗位'))}><Button size="small">退出</Button></Popconfirm>
                  : <Button key="c" size="small" type="primary" disabled={p.claimed >= p.capacity} loading={claim.isPending && claim.variables?.postId === p.id} data-testid={`service-claim-${p.id}`}
                      onClick={() => claim.mutate({ postId: p.id }, done(`已认领 ${p.name}`))}>{p.claimed >= p.capacity ? '已满' : '认领'}</Button>]}>
                  <List.Item.Meta title={<Space wrap>{p.name}{p.mine && <Tag color="red">已认领</Tag>}</Space>}
                    description={`${p.orgName} · ${SERVICE_POST_KINDS[p.kind]} · 已认领 ${p.claimed}/${p.capacity}`} />
                </List.Item>
              )} />
          </Card>
          <LogHoursCard mine={m} />
          <Card size="small" title="我的服务记录">
            <List dataSource={m.hours} data-testid="service-my-log" locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今年暂无服务记录" /> }}
              renderItem={(h) => <List.Item extra={<b>{h.hours} 小时</b>}><List.Item.Meta title={h.content} description={`${h.servedOn}${h.postName ? ` · ${h.postName}` : ''}`} /></List.Item>} />
          </Card>
          {m.pairings.length > 0 && (
            <Card size="small" title="我的结对帮扶">
              <List dataSource={m.pairings} data-testid="service-my-pairings"
                renderItem={(p) => (
                  <List.Item actions={[<Button key="v" size="small" onClick={() => setVisitFor(p.id)} data-testid={`service-visit-${p.id}`}>记走访</Button>]}>
                    <List.Item.Meta title={p.householdName} description={`${p.address} · 已走访 ${p.visits} 次${p.lastVisitOn ? `，最近 ${p.lastVisitOn}` : ''}`} />
                  </List.Item>
                )} />
            </Card>
          )}
          <VisitModal pairingId={visitFor} onClose={() => setVisitFor(undefined)} />
        </>
      )}
    </Card>
  );
}
