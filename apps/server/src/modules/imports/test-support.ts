import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import { MEMBER_IMPORT_COLUMNS, ORG_IMPORT_COLUMNS, type ImportJob } from '@dangjian/contracts';
import { createRng, syntheticIdNumber } from '@dangjian/db/fixtures';
import { toBuffer } from './workbook.ts';

/** Cells of one roster row, in MEMBER_IMPORT_COLUMNS order. */
export type RosterRow = (string | number | Date | null)[];

/**
 * A workbook as a user would fill the downloaded template: header row, then the rows given.
 * Text cells stay text (the template formats ID columns as text).
 * @example await rosterWorkbook([validRow({ org: '甲村党支部' })])
 */
export async function rosterWorkbook(rows: RosterRow[], kind: 'members' | 'orgs' = 'members'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind === 'members' ? '党员信息' : '组织信息');
  ws.addRow((kind === 'members' ? MEMBER_IMPORT_COLUMNS : ORG_IMPORT_COLUMNS).map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return toBuffer(wb);
}

const rng = createRng(randomInt(2 ** 31));
const issued = new Set<string>();

/** A fresh valid ID number of someone born on `birth` (random, so tests never collide). */
export function freshIdNumber(birth = '1985-06-15', gender: 'male' | 'female' = 'male'): string {
  return syntheticIdNumber(rng, birth, gender, { used: issued });
}

/** A valid full member row; override any cell by key. */
export function validRow(o: Partial<Record<(typeof MEMBER_IMPORT_COLUMNS)[number]['key'], string | number | Date | null>> & { org: string }): RosterRow {
  const base: Record<string, string | number | Date | null> = {
    name: '张导入', idNumber: freshIdNumber(), phone: '13812345678', ethnicity: '汉族', education: '本科', occupation: '农民',
    joinedOn: '2010-07-01', fullOn: '2011-07-01', status: '正式党员', categories: '流动党员，老党员', ...o,
  };
  return MEMBER_IMPORT_COLUMNS.map((c) => base[c.key] ?? null);
}

/** Polls a job until it is done or failed (the work runs after the 202). */
export async function waitForJob(get: () => Promise<ImportJob>, timeoutMs = 60_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const j = await get();
    if (j.status === 'done' || j.status === 'failed') return j;
    if (Date.now() > until) throw new Error(`import job ${j.id} still ${j.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every row of a worksheet as arrays of cell text (row 1 first). */
export async function sheetTexts(bytes: Buffer, sheet: string | number): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = typeof sheet === 'number' ? wb.worksheets[sheet]! : wb.getWorksheet(sheet)!;
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = c.text));
    out.push(Array.from(cells, (c) => c ?? ''));
  });
  return out;
}
