import { Link, useParams } from 'react-router';
import { Alert, Button, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { DEV_STEPS, type DevCaseDetail } from '@dangjian/contracts';
import { useDevCase } from '../api.ts';

// Printing shows only the form, on A4 paper, in the serif type of official forms.
const PRINT_CSS = `
.dev-form { font-family: "SimSun", "Songti SC", serif; color: #000; background: #fff; max-width: 190mm; margin: 0 auto; padding: 8mm; }
.dev-form table { width: 100%; border-collapse: collapse; }
.dev-form td, .dev-form th { border: 1px solid #000; padding: 6px 8px; font-size: 14px; text-align: left; vertical-align: top; }
.dev-form th { width: 16%; font-weight: normal; }
.dev-form h2 { text-align: center; letter-spacing: 2px; margin: 0 0 12px; }
.dev-form .sign { height: 70px; }
@media print {
  body * { visibility: hidden !important; }
  .dev-form, .dev-form * { visibility: visible !important; }
  .dev-form { position: absolute; left: 0; top: 0; width: 100%; padding: 0; }
  @page { size: A4 portrait; margin: 15mm; }
}`;

const GENDER = { male: '男', female: '女' } as const;
const SIGN = '（盖章）\u3000\u3000\u3000\u3000年\u3000月\u3000日';

/** 入党申请人备案登记表 (002): the applicant as filed with the township committee. */
function FilingForm({ c }: { c: DevCaseDetail }) {
  const talk = c.steps.find((s) => s.stepNo === 2);
  return (
    <div className="dev-form" data-testid="dev-print-form">
      <h2>入党申请人备案登记表</h2>
      <table><tbody>
        <tr><th>姓名</th><td>{c.name}</td><th>性别</th><td>{GENDER[c.gender]}</td><th>出生年月</th><td>{c.birthDate.slice(0, 7)}</td></tr>
        <tr><th>民族</th><td>{c.ethnicity ?? ''}</td><th>学历</th><td>{c.education ?? ''}</td><th>职业</th><td>{c.occupation ?? ''}</td></tr>
        <tr><th>身份证号</th><td colSpan={3}>{c.idNumberMasked}</td><th>联系电话</th><td>{c.phoneMasked ?? ''}</td></tr>
        <tr><th>所在党支部</th><td colSpan={5}>{c.orgName}</td></tr>
        <tr><th>递交入党申请书时间</th><td colSpan={2}>{c.appliedOn}</td><th>党组织谈话时间</th><td colSpan={2}>{talk?.doneOn ?? ''}{'\u3000'}谈话人：{String(talk?.facts.talker ?? '')}</td></tr>
        <tr><th>报乡镇党委备案时间</th><td colSpan={2}>{String(talk?.facts.townshipFiledOn ?? '')}</td><th>乡镇党委审核时间</th><td colSpan={2}>{String(talk?.facts.townshipReviewedOn ?? '')}</td></tr>
        <tr><th>党支部意见</th><td colSpan={5} className="sign">{SIGN}</td></tr>
        <tr><th>乡镇党委审核意见</th><td colSpan={5} className="sign">{SIGN}</td></tr>
      </tbody></table>
    </div>
  );
}

/** 发展党员全程纪实表: every step with its date and decision, for the 档案. */
function RecordForm({ c }: { c: DevCaseDetail }) {
  return (
    <div className="dev-form" data-testid="dev-print-form">
      <h2>发展党员工作全程纪实表</h2>
      <p>姓名：{c.name}{'\u3000'}{'\u3000'}性别：{GENDER[c.gender]}{'\u3000'}{'\u3000'}所在党支部：{c.orgName}</p>
      <table><tbody>
        <tr><th>序号</th><th style={{ width: '40%' }}>步骤</th><th>日期</th><th>结论及经办情况</th></tr>
        {DEV_STEPS.map((d) => {
          const s = c.steps.filter((x) => x.stepNo === d.no).at(-1);
          return <tr key={d.no}><td>{d.no}</td><td>{d.name}</td><td>{s?.doneOn ?? ''}</td><td>{s ? s.people.map((p) => p.name).join('、') || (s.decision === 'fail' ? '不同意' : '同意') : ''}</td></tr>;
        })}
      </tbody></table>
    </div>
  );
}

/** A printable form of a case: window.print() with the print stylesheet above. */
export default function PrintFormPage() {
  const { id, form } = useParams();
  const q = useDevCase(id);
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon title="档案加载失败" description={q.error.message} />;
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="dev-print">打印</Button>
        <Link to={`/development/${id}`}>返回档案</Link>
      </Space>
      {form === 'filing' ? <FilingForm c={q.data} /> : <RecordForm c={q.data} />}
    </div>
  );
}
