import { isApiError } from '../../lib/api.ts';

/**
 * The server's field problems as antd form errors: 'body.idNumber' → ['idNumber', message].
 * Problems on fields the form does not show are returned apart, for a general alert.
 * @example serverFieldErrors(err, ['idNumber']) // { fields: [{ name: 'idNumber', errors: ['该身份证号已登记'] }], other: [] }
 */
export function serverFieldErrors(e: unknown, known: readonly string[]) {
  const fields: { name: string; errors: string[] }[] = [];
  const other: string[] = [];
  if (!isApiError(e)) return { fields, other: [e instanceof Error ? e.message : String(e)] };
  const list = (e.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [];
  for (const f of list) {
    const name = f.field.replace(/^body\./, '').split('.')[0] ?? '';
    if (known.includes(name)) fields.push({ name, errors: [f.message || e.message] });
    else other.push(f.message);
  }
  if (list.length === 0) other.push(e.message);
  return { fields, other };
}
