import { Tag, Timeline, Typography } from 'antd';
import { DEV_DECISIONS, DEV_FACT_LABELS, DEV_STAGES, DEV_STEPS, type DevCaseDetail, type DevStepView } from '@dangjian/contracts';

function factText(s: DevStepView): string {
  const f = s.facts as Record<string, unknown>;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (k === 'contactIds' || k === 'introducerIds' || v === undefined) continue;
    const label = DEV_FACT_LABELS[k as keyof typeof DEV_FACT_LABELS] ?? k;
    if (k === 'votes' && v && typeof v === 'object') {
      const t = v as { entitled: number; present: number; yes: number };
      parts.push(`应到 ${t.entitled}、实到 ${t.present}、赞成 ${t.yes}`);
    } else if (k === 'politicalReviewPassed') parts.push(`${label}：${v ? '合格' : '不合格'}`);
    else parts.push(`${label}：${String(v)}`);
  }
  for (const p of s.people) parts.push(`${p.role === 'contact' ? '培养联系人' : '入党介绍人'}：${p.name}`);
  return parts.join('；');
}

/** The 25 steps in their 5 stages: done (date, decision, facts, people), the next one, the rest. */
export function StepTimeline({ c }: { c: DevCaseDetail }) {
  const next = c.status === 'active' ? (c.steps.at(-1)?.decision === 'extend' ? 23 : c.currentStep + 1) : null;
  const items = DEV_STEPS.flatMap((def) => {
    const recs = c.steps.filter((s) => s.stepNo === def.no);
    const stageHead = DEV_STAGES.find((s) => s.no === def.stage && DEV_STEPS.find((d) => d.stage === s.no)!.no === def.no);
    const head = stageHead ? [{ key: `stage-${stageHead.no}`, color: 'gray' as const, children: <Typography.Text strong>第{'一二三四五'[stageHead.no - 1]}阶段：{stageHead.name}</Typography.Text> }] : [];
    const body = recs.length > 0
      ? recs.map((s) => ({
        key: s.id, color: s.decision === 'fail' ? 'red' as const : 'green' as const,
        children: (
          <div data-testid={`dev-step-${def.no}`}>
            <b>{def.no}. {def.name}</b> <Tag>{s.doneOn}</Tag>
            <Tag color={s.decision === 'fail' ? 'red' : s.decision === 'extend' ? 'orange' : 'green'}>{DEV_DECISIONS[s.decision]}</Tag>
            <div style={{ color: '#555' }}>{factText(s)}{s.note ? `；备注：${s.note}` : ''}{s.recordedBy ? `（${s.recordedBy}登记）` : ''}</div>
          </div>
        ),
      }))
      : [{
        key: `todo-${def.no}`, color: def.no === next ? 'blue' as const : 'gray' as const,
        children: <div data-testid={`dev-step-${def.no}`} style={{ color: def.no === next ? undefined : '#aaa' }}>{def.no}. {def.name}<span style={{ marginLeft: 8, fontSize: 12 }}>（{def.actor}）</span>{def.no === next && <Tag color="blue" style={{ marginLeft: 8 }}>下一步</Tag>}</div>,
      }];
    return [...head, ...body];
  });
  return <Timeline items={items} data-testid="dev-timeline" />;
}
