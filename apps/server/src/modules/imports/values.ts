import type { Cell } from './workbook.ts';

/** A cell's reading: the value, or the reason it cannot be read (in Chinese, for the report). */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (reason: string): Read<never> => ({ ok: false, reason });

function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/**
 * A date as people type it into Excel: a real date cell, an Excel serial number, or text
 * 2020-07-01, 2020/7/1, 2020.7.1, 2020年7月1日, 20200701. Empty → null.
 * @example readDate('2020年7月1日') // { ok: true, value: '2020-07-01' }
 */
export function readDate(c: Cell): Read<string | null> {
  if (c === null) return ok(null);
  if (c instanceof Date) {
    // exceljs gives date cells as UTC midnight of the calendar day.
    return ok(isoDate(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()) ?? c.toISOString().slice(0, 10));
  }
  if (typeof c === 'number') {
    if (c > 1 && c < 80000) return ok(new Date(Math.round((c - 25569) * 86400000)).toISOString().slice(0, 10));
    if (c >= 19000101 && c <= 29991231) return readDate(String(c));
    return bad('日期格式不正确，应为 YYYY-MM-DD');
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(c) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(c);
  const iso = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return iso ? ok(iso) : bad('日期格式不正确，应为 YYYY-MM-DD');
}

/** Text of at most `max` characters; numbers are taken as their digits. Empty → null. */
export function readText(c: Cell, max: number): Read<string | null> {
  if (c === null) return ok(null);
  const s = c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();
  if (s.length > max) return bad(`不能超过 ${max} 个字`);
  return ok(s || null);
}

/**
 * The ID number cell. An 18-digit number typed into a General cell has already lost its last
 * digits to floating point (3.2e17), so a numeric cell is refused with the remedy.
 */
export function readIdNumber(c: Cell): Read<string | null> {
  if (c === null) return ok(null);
  if (typeof c === 'number') return bad('身份证号被 Excel 当作数字保存，末位已丢失，请将该列设为文本格式后重新填写');
  return ok(String(c).replace(/\s/g, '').toUpperCase());
}

/** Age in whole years on `today` ('YYYY-MM-DD') of someone born on `birth`. */
export function ageOn(birth: string, today: string): number {
  let age = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  if (today.slice(5) < birth.slice(5)) age--;
  return age;
}

/** `date` moved by whole years; 29 Feb falls back to 28 Feb. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return md === '02-29' && !isoDate(y, 2, 29) ? `${y}-02-28` : `${y}-${md}`;
}

/** Today in China (UTC+8) as 'YYYY-MM-DD': the date a party worker sees on the wall. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
