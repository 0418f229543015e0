import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Flex, Radio, Spin, Tag, Typography } from 'antd';
import { QUESTION_TYPES, type ExamPaper, type ExamResult } from '@dangjian/contracts';
import { startExam, useSubmitExam } from '../api.ts';
import { ResultView } from '../components/ResultView.tsx';

const L = 'ABCDEFGH';
const mmss = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The closed-book sitting: a full-screen page without the console's navigation. The countdown
 * follows the server's deadline (corrected for the difference between the clocks); at zero the
 * sheet is submitted automatically. Answers arrive only with the marked result.
 */
export default function ExamSittingPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [paper, setPaper] = useState<ExamPaper | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, number[]>>({});
  const [left, setLeft] = useState(0);
  const [result, setResult] = useState<ExamResult | null>(null);
  const submit = useSubmitExam(id);
  const sent = useRef(false);
  const offset = useRef(0);
  // The timer's auto-submit reads the latest answers without restarting the timer on each click.
  const latest = useRef(choices);
  latest.current = choices;

  useEffect(() => {
    startExam(id).then((p) => {
      offset.current = new Date(p.serverNow).getTime() - Date.now();
      setPaper(p);
    }, (e: Error) => setError(e.message));
  }, [id]);

  const send = () => {
    if (sent.current || !paper) return;
    sent.current = true;
    submit.mutate({ answers: paper.questions.map((q) => ({ questionId: q.id, choice: latest.current[q.id] ?? [] })) }, {
      onSuccess: setResult,
      onError: (e) => { setError(e.message); },
    });
  };

  useEffect(() => {
    if (!paper || result) return;
    const tick = () => {
      const ms = new Date(paper.deadlineAt).getTime() - (Date.now() + offset.current);
      setLeft(ms);
      if (ms <= 0) send();
    };
    tick();
    const t = setInterval(tick, 1000);
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => { clearInterval(t); window.removeEventListener('beforeunload', warn); };
    // send() reads refs, so the timer restarts only when the paper or the result changes.
  }, [paper, result]);

  const answered = paper ? paper.questions.filter((q) => (choices[q.id] ?? []).length > 0).length : 0;
  const confirmSubmit = () => modal.confirm({
    title: '确认交卷？', okText: '交卷', cancelText: '继续作答',
    content: paper && answered < paper.questions.length ? `还有 ${paper.questions.length - answered} 题未作答，交卷后不能修改。` : '交卷后不能修改。',
    onOk: send,
  });

  return (
    <div style={{ position: 'fixed', inset: 0, zIndex: 900, background: '#f5f5f5', overflow: 'auto', padding: 24 }} data-testid="exam-sitting">
      <Card style={{ maxWidth: 860, margin: '0 auto' }} title={paper?.title ?? '考试'} extra={
        paper && !result ? <Tag color={left < 60_000 ? 'red' : 'blue'} style={{ fontSize: 16 }} data-testid="exam-countdown">剩余 {mmss(left)}</Tag> : null
      }>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} action={<Button onClick={() => navigate('/study/exams')}>返回</Button>} />}
        {!paper && !error && <Spin />}
        {result && (
          <>
            <ResultView result={result} />
            <Button type="primary" style={{ marginTop: 12 }} onClick={() => navigate('/study/exams')} data-testid="exam-back">返回考试列表</Button>
          </>
        )}
        {paper && !result && (
          <>
            <Typography.Paragraph type="secondary">共 {paper.questions.length} 题，满分 {paper.totalPoints} 分。闭卷作答，请勿离开本页。</Typography.Paragraph>
            {paper.questions.map((q, i) => (
              <div key={q.id} style={{ marginBottom: 20 }} data-testid={`exam-q-${i}`}>
                <Typography.Text strong>{i + 1}. [{QUESTION_TYPES[q.type]}，{q.points} 分] {q.stem}</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  {q.type === 'multiple' ? (
                    <Checkbox.Group value={choices[q.id] ?? []} onChange={(v) => setChoices({ ...choices, [q.id]: v as number[] })}
                      options={q.options.map((o, j) => ({ value: j, label: `${L[j]}. ${o}` }))} />
                  ) : (
                    <Radio.Group value={choices[q.id]?.[0]} onChange={(e) => setChoices({ ...choices, [q.id]: [e.target.value as number] })}
                      options={q.options.map((o, j) => ({ value: j, label: `${L[j]}. ${o}` }))} />
                  )}
                </div>
              </div>
            ))}
            <Flex justify="space-between" align="center">
              <span>已答 {answered} / {paper.questions.length}</span>
              <Button type="primary" onClick={confirmSubmit} loading={submit.isPending} data-testid="exam-submit">交卷</Button>
            </Flex>
          </>
        )}
      </Card>
    </div>
  );
}
