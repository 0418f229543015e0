import { Button, Modal, Table, Tabs } from 'antd';
import type { ExamItem, ExamResultsResponse } from '@dangjian/contracts';
import { useExamResults } from '../api.ts';

type Person = ExamResultsResponse['people'][number];
type OrgRow = ExamResultsResponse['orgs'][number];
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** 成绩统计: per person and per organization (参考率, 平均分, 及格率); printable. */
export function ExamResultsModal({ exam, onClose }: { exam: ExamItem; onClose: () => void }) {
  const r = useExamResults(exam.id);
  return (
    <Modal open width={900} title={`成绩统计：${exam.title}`} onCancel={onClose} footer={<><Button href={`/api/v1/exams/${exam.id}/results/export`}>导出 Excel</Button><Button onClick={() => window.print()}>打印</Button></>}>
      <Tabs items={[
        {
          key: 'orgs', label: '按组织', children: (
            <Table<OrgRow> rowKey="orgId" size="small" loading={r.isPending} dataSource={r.data?.orgs ?? []} pagination={false}
              columns={[
                { title: '组织', dataIndex: 'orgName' }, { title: '党员数', dataIndex: 'memberCount' },
                { title: '交卷人数', dataIndex: 'participants' }, { title: '参考率', dataIndex: 'participationRate', render: pct },
                { title: '平均分', dataIndex: 'average', render: (v: number | null) => v ?? '—' }, { title: '及格率', dataIndex: 'passRate', render: pct },
              ]} />
          ),
        },
        {
          key: 'people', label: '按人员', children: (
            <Table<Person> rowKey={(p) => `${p.name}-${p.startedAt}`} size="small" loading={r.isPending} dataSource={r.data?.people ?? []}
              columns={[
                { title: '姓名', dataIndex: 'name' }, { title: '组织', dataIndex: 'orgName' },
                { title: '开始时间', dataIndex: 'startedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
                { title: '交卷时间', dataIndex: 'submittedAt', render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN') : '未交卷') },
                { title: '得分', dataIndex: 'score', render: (v: number | null) => v ?? '—' },
                { title: '是否及格', dataIndex: 'passed', render: (v: boolean) => (v ? '及格' : '不及格') },
              ]} />
          ),
        },
      ]} />
    </Modal>
  );
}
