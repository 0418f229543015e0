import { Select, Space } from 'antd';

/** The current period strings, China time: this year, quarter and month. */
export function currentPeriods(now = new Date()) {
  const d = new Date(now.getTime() + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  return { year: String(y), quarter: `${y}-Q${Math.ceil(m / 3)}`, month: `${y}-${String(m).padStart(2, '0')}` };
}

type Granularity = 'year' | 'quarter' | 'month';
const granularityOf = (p: string): Granularity => (p.includes('Q') ? 'quarter' : p.length === 4 ? 'year' : 'month');

/** Year / quarter / month picker; the value is '2026', '2026-Q3' or '2026-09'. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (p: string) => void }) {
  const g = granularityOf(value);
  const year = Number(value.slice(0, 4));
  const thisYear = Number(currentPeriods().year);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const sub = g === 'quarter' ? Number(value.slice(6)) : g === 'month' ? Number(value.slice(5)) : 0;
  const build = (gg: Granularity, y: number, s: number) =>
    gg === 'year' ? String(y) : gg === 'quarter' ? `${y}-Q${Math.min(Math.max(s, 1), 4)}` : `${y}-${String(Math.min(Math.max(s, 1), 12)).padStart(2, '0')}`;
  return (
    <Space.Compact data-testid="compliance-period">
      <Select style={{ width: 90 }} value={g} onChange={(gg: Granularity) => onChange(build(gg, year, gg === 'quarter' ? Math.ceil((sub || 1) / 3) : sub || 1))}
        options={[{ value: 'year', label: '按年' }, { value: 'quarter', label: '按季度' }, { value: 'month', label: '按月' }]} />
      <Select style={{ width: 100 }} value={year} onChange={(y: number) => onChange(build(g, y, sub))} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
      {g !== 'year' && (
        <Select style={{ width: 110 }} value={sub} onChange={(s: number) => onChange(build(g, year, s))}
          options={Array.from({ length: g === 'quarter' ? 4 : 12 }, (_, i) => ({ value: i + 1, label: g === 'quarter' ? `第${i + 1}季度` : `${i + 1}月` }))} />
      )}
    </Space.Compact>
  );
}
