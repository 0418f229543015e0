import type { FormInstance } from 'antd';
import { isApiError } from '../../../lib/api.ts';

/**
 * Puts a server error on the form field it names (details.field, or the zod path 'body.x' of
 * details.fields) when that field is among `onForm`; otherwise returns the message for a
 * toast. Messages are the server's Chinese text.
 * @example const msg = applyServerError(form, e, ['name', 'reason']); if (msg) message.error(msg);
 */
export function applyServerError(form: FormInstance, e: unknown, onForm: readonly string[]): string | null {
  if (!isApiError(e)) return e instanceof Error ? e.message : '操作失败';
  const d = (e.details ?? {}) as { field?: string; fields?: { field: string; message: string }[] };
  const fields = d.fields?.map((f) => ({ name: f.field.replace(/^body\./, ''), errors: [f.message] }))
    ?? (d.field ? [{ name: d.field, errors: [e.message] }] : []);
  const known = fields.filter((f) => onForm.includes(f.name.split('.')[0]!));
  if (known.length === 0) return e.message;
  form.setFields(known.map((f) => ({ name: f.name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: f.errors })));
  return null;
}
