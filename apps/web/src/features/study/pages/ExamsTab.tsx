import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ExamItem } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { useExams } from '../api.ts';
import { QuestionBankDrawer } from '../components/QuestionBankDrawer.tsx';
import { ExamFormModal } from '../components/ExamFormModal.tsx';
import { ExamResultsModal } from '../components/ExamResultsModal.tsx';
import { MyResultModal } from '../components/MyResultModal.tsx';

const STATUS = { not_started: <Tag>未参加</Tag>, in_progress: <Tag color="processing">作答中</Tag>, submitted: <Tag color="success">已交卷</Tag> };

/** 考试: exams that reach the caller; secretaries also keep the bank, publish exams and read results. */
export default function ExamsTab() {
  const exams = useExams();
  const navigate = useNavigate();
  const canManage = useMe().data?.permissions.includes('members:write') ?? false;
  const [bank, setBank] = useState(false);
  const [creating, setCreating] = useState(false);
  const [results, setResults] = useState<ExamItem | null>(null);
  const [mine, setMine] = useState<ExamItem | null>(null);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {canManage && <Button onClick={() => setBank(true)} data-testid="exam-bank">题库管理</Button>}
        {canManage && <Button type="primary" onClick={() => setCreating(true)} data-testid="exam-new">发布考试</Button>}
        <Typography.Text type="secondary">闭卷考试：开始后计时，离开页面不停止计时，到时未交卷的答卷不被接受。</Typography.Text>
      </Space>
      {exams.isError && <Alert type="error" showIcon title="考试加载失败" description={exams.error.message} />}
      <Table<ExamItem>
        rowKey="id" size="middle" loading={exams.isPending} dataSource={exams.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无考试" /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '考试名称', dataIndex: 'title' },
          { title: '发布组织', dataIndex: 'orgName' },
          { title: '时长', dataIndex: 'timeLimitMinutes', render: (v: number) => `${v} 分钟` },
          { title: '题数 / 总分', render: (_, e) => `${e.questionCount} 题 / ${e.totalPoints} 分` },
          { title: '及格分', dataIndex: 'passScore' },
          { title: '我的状态', render: (_, e) => <Space>{STATUS[e.myStatus]}{e.myScore !== null && <span data-testid="exam-my-score">{e.myScore} 分</span>}</Space> },
          {
            title: '操作', render: (_, e) => (
              <Space>
                {e.myStatus !== 'submitted' && (
                  <Button type="link" onClick={() => navigate(`/study/exams/${e.id}/sit`)} data-testid={`exam-sit-${e.id}`}>
                    {e.myStatus === 'in_progress' ? '继续作答' : '参加考试'}
                  </Button>
                )}
                {e.myStatus === 'submitted' && <Button type="link" onClick={() => setMine(e)}>查看答卷</Button>}
                {e.manageable && <Button type="link" onClick={() => setResults(e)}>成绩统计</Button>}
              </Space>
            ),
          },
        ]}
      />
      {bank && <QuestionBankDrawer onClose={() => setBank(false)} />}
      {creating && <ExamFormModal onClose={() => setCreating(false)} />}
      {results && <ExamResultsModal exam={results} onClose={() => setResults(null)} />}
      {mine && <MyResultModal examId={mine.id} onClose={() => setMine(null)} />}
    </>
  );
}
