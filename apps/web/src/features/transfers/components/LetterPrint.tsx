import { Button, Card, Result, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { useTransfer } from '../api.ts';

const cn = (d: string | null) => (d ? `${d.slice(0, 4)} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日` : '　　年　月　日');

/**
 * 《中国共产党党员组织关系介绍信》 as printed: 存根, 介绍信 and 回执 on one A4 page, cut apart
 * by hand. Only the letter is printed (the app chrome is hidden by the print stylesheet).
 */
export function LetterPrint() {
  const { id = '' } = useParams();
  const t = useTransfer(id);
  if (t.isPending) return <Skeleton active />;
  if (t.isError || t.data.kind !== 'out') return <Result status="404" title="介绍信不存在或不在您的管理范围内" extra={<Link to="/transfers">返回</Link>} />;
  const l = t.data;
  const body = (
    <>
      <p><u>{l.externalOrgName}</u>：</p>
      <p style={{ textIndent: '2em' }}>
        兹介绍 <u>{l.memberName}</u> 同志，系中共党员，由 <u>{l.fromOrgName}</u> 转去你处，请接洽。
        该同志党费已交到 <u>{l.duesPaidTo ? `${l.duesPaidTo.slice(0, 4)} 年 ${Number(l.duesPaidTo.slice(5, 7))} 月` : ''}</u>。
      </p>
      <p>（有效期 <u>{l.validDays}</u> 天，至 {cn(l.validUntil)}）</p>
    </>
  );
  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Link to="/transfers/out">返回</Link>
        <Button type="primary" onClick={() => window.print()}>打印</Button>
      </Space>
      <style>{'@media print { .no-print, .ant-layout-sider, .ant-layout-header { display: none !important; } .letter-part { break-inside: avoid; } }'}</style>
      <Card data-testid="letter-print" styles={{ body: { fontFamily: 'FangSong, STFangsong, serif', fontSize: 16, lineHeight: 2 } }}>
        <section className="letter-part">
          <h3 style={{ textAlign: 'center' }}>中国共产党党员组织关系介绍信（存根）</h3>
          <p style={{ textAlign: 'right' }} data-testid="letter-no">{l.letterNo}</p>
          <p>{l.memberName} 同志，转往 {l.externalOrgName}。原因：{l.reason}。党费交至 {l.duesPaidTo}。</p>
          <p style={{ textAlign: 'right' }}>{cn(l.issuedOn)}</p>
        </section>
        <hr style={{ borderStyle: 'dashed' }} />
        <section className="letter-part">
          <h3 style={{ textAlign: 'center' }}>中国共产党党员组织关系介绍信</h3>
          <p style={{ textAlign: 'right' }}>{l.letterNo}</p>
          {body}
          <p style={{ textAlign: 'right' }}>（盖章）<br />{cn(l.issuedOn)}</p>
        </section>
        <hr style={{ borderStyle: 'dashed' }} />
        <section className="letter-part">
          <h3 style={{ textAlign: 'center' }}>中国共产党党员组织关系介绍信（回执）</h3>
          <p style={{ textAlign: 'right' }}>{l.letterNo}</p>
          <p><u>{l.fromOrgName}</u>：</p>
          <p style={{ textIndent: '2em' }}><u>{l.memberName}</u> 同志的党员组织关系已转达我处，特此回复。</p>
          <p style={{ textAlign: 'right' }}>（盖章）<br />{cn(null)}</p>
        </section>
      </Card>
    </div>
  );
}
