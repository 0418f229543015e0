/**
 * Money in the client stays integer fen; these only convert text. Parsing reads the digits of
 * a 元 amount as text, so '0.29' is 29 fen exactly, never 28.999… from floating point.
 */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
}

/** '4500' / '4500.5' / '4500.50' → fen; null when not a 元 amount with at most 2 decimals. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
