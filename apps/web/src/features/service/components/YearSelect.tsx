import { Select } from 'antd';

/** This year and the four before it. */
export function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  const now = new Date().getFullYear();
  return <Select value={value} onChange={onChange} style={{ width: 100 }} options={Array.from({ length: 5 }, (_, i) => ({ value: now - i, label: `${now - i}年` }))} />;
}
