import type { FormInstance } from 'antd';
import { isApiError } from '../../../lib/api.ts';

/**
 * Puts an API error on the form: each named field gets its message under the input, and the
 * return value is the message for a toast (null when every problem was placed on a field).
 * @example catch (e) { const m = showApiError(form, e); if (m) message.error(m); }
 */
export function showApiError(form: FormInstance, e: unknown): string | null {
  if (!isApiError(e)) return '操作失败，请稍后重试';
  const d = e.details as { fields?: { field: string; message: string }[]; field?: string } | undefined;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = (d?.fields ?? (d?.field ? [{ field: d.field, message: e.message }] : []))
    .map((f) => ({ name: f.field.replace(/^body\./, '').split('.')[0]!, message: f.message || e.message }))
    .filter((f) => known.has(f.name));
  if (fields.length === 0) return e.message;
  form.setFields(fields.map((f) => ({ name: f.name, errors: [f.message] })));
  return null;
}
