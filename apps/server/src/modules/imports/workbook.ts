import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.ts';

/** A cell as the validators see it: trimmed text, a number, a date (from a date cell) or empty. */
export type Cell = string | number | Date | null;

/** One data row of an uploaded sheet: its Excel row number and its cells by column key. */
export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, Cell>;
  /** The cells as text, in template order, for the error workbook. */
  texts: string[];
}

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  required: boolean;
}

/** '姓名*' and '党员状态*(正式党员/预备党员)' both mean the column 姓名 / 党员状态. */
export function headerName(h: string): string {
  return h.replace(/[（(].*$/, '').replace(/[*＊\s]/g, '');
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim() || null;
    if ('text' in v && typeof v.text === 'string') return v.text.trim() || null; // hyperlink
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue); // formula
    if ('error' in v) return null;
  }
  return String(v as unknown).trim() || null;
}

/** Text of a cell as a person would read it in Excel (dates as YYYY-MM-DD). */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

/**
 * Reads the first worksheet that has the template's headers. Headers are matched by name
 * (the `*` and remarks in parentheses ignored), so reordered or extra columns still work;
 * fully empty rows are skipped.
 * @example const rows = await readSheet(buffer, MEMBER_IMPORT_COLUMNS);
 */
export async function readSheet<K extends string>(buffer: Buffer, columns: readonly ColumnSpec<K>[], maxRows: number): Promise<SheetRow<K>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID');
  }
  const wanted = columns.map((c) => headerName(c.header));
  let best: { ws: ExcelJS.Worksheet; index: Map<K, number>; headerRow: number } | null = null;
  for (const ws of wb.worksheets) {
    // The header is in the first rows (a title row above it is allowed).
    for (let r = 1; r <= Math.min(3, ws.rowCount) && !best; r++) {
      const index = new Map<K, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const i = wanted.indexOf(headerName(cellText(cellValue(cell.value))));
        if (i >= 0 && !index.has(columns[i]!.key)) index.set(columns[i]!.key, col);
      });
      if (columns.every((c) => !c.required || index.has(c.key))) best = { ws, index, headerRow: r };
    }
    if (best) break;
  }
  if (!best) {
    throw new AppError('IMPORT_HEADER_MISSING', { details: { required: columns.filter((c) => c.required).map((c) => c.header) } });
  }
  const { ws, index, headerRow } = best;
  const rows: SheetRow<K>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = {} as Record<K, Cell>;
    let any = false;
    for (const c of columns) {
      const col = index.get(c.key);
      const v = col === undefined ? null : cellValue(row.getCell(col).value);
      if (v !== null) any = true;
      cells[c.key] = v;
    }
    if (!any) continue;
    if (rows.length >= maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { details: { maxRows } });
    rows.push({ row: r, cells, texts: columns.map((c) => cellText(cells[c.key])) });
  }
  if (rows.length === 0) throw new AppError('IMPORT_EMPTY');
  return rows;
}

/** The workbook as bytes. */
export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
