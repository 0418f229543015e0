import { Alert, List, Tag, Typography } from 'antd';
import { QUESTION_TYPES, type ExamResult } from '@dangjian/contracts';

const L = 'ABCDEFGH';
const letters = (xs: number[]) => (xs.length ? xs.map((i) => L[i]).join('') : '未作答');

/** A marked paper: the score, then each question with the member's choice, the answer and the explanation. */
export function ResultView({ result }: { result: ExamResult }) {
  return (
    <>
      <Alert
        type={result.passed ? 'success' : 'warning'} showIcon
        title={<span data-testid="exam-score">得分 {result.score} / {result.totalPoints}</span>}
        description={`答对 ${result.correctCount} / ${result.questionCount} 题，及格分 ${result.passScore}，${result.passed ? '已及格' : '未及格'}`}
      />
      <List
        style={{ marginTop: 12 }}
        dataSource={result.items}
        renderItem={(q, i) => (
          <List.Item>
            <div>
              <Typography.Text strong>{i + 1}. [{QUESTION_TYPES[q.type]}] {q.stem}</Typography.Text>
              <div>{q.options.map((o, j) => <div key={j}>{L[j]}. {o}</div>)}</div>
              <div>
                你的答案：{letters(q.choice)}{'\u3000'}正确答案：{letters(q.answer)}{'\u3000'}{q.correct ? <Tag color="success">正确</Tag> : <Tag color="error">错误</Tag>}
              </div>
              {q.explanation && <Typography.Text type="secondary">解析：{q.explanation}</Typography.Text>}
            </div>
          </List.Item>
        )}
      />
    </>
  );
}
