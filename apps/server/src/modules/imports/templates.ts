import ExcelJS from 'exceljs';
import {
  EDUCATION_LEVELS, ETHNICITIES, MEMBER_CATEGORIES, MEMBER_IMPORT_COLUMNS, MEMBER_STATUSES, ORG_IMPORT_COLUMNS, ORG_TYPES,
} from '@dangjian/contracts';
import { toBuffer } from './workbook.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC00000' } };
const ROWS_WITH_DROPDOWNS = 5000;

/** Header labels as shown: the required star and a hint in brackets where it helps. */
const MEMBER_HINTS: Record<string, string> = {
  status: '(正式党员/预备党员)', categories: '(多个用逗号分隔)', joinedOn: '(YYYY-MM-DD)', fullOn: '(YYYY-MM-DD)',
};

/** A list sheet the dropdowns point at: Excel limits an inline list to 255 characters. */
function listSheet(wb: ExcelJS.Workbook, lists: Record<string, readonly string[]>): Record<string, string> {
  const ws = wb.addWorksheet('选项', { state: 'veryHidden' });
  const refs: Record<string, string> = {};
  Object.entries(lists).forEach(([key, values], i) => {
    const col = ws.getColumn(i + 1);
    col.values = [key, ...values];
    const letter = col.letter;
    refs[key] = `选项!$${letter}$2:$${letter}$${values.length + 1}`;
  });
  return refs;
}

function header(ws: ExcelJS.Worksheet, labels: string[], widths: number[]): void {
  const row = ws.addRow(labels);
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function dropdown(ws: ExcelJS.Worksheet, col: number, formula: string, title: string): void {
  const letter = ws.getColumn(col).letter;
  // exceljs has no range API for validations; one rule per cell, written compactly by Excel.
  for (let r = 2; r <= ROWS_WITH_DROPDOWNS; r++) {
    ws.getCell(`${letter}${r}`).dataValidation = {
      type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: title, error: `请从下拉列表中选择${title}`,
    };
  }
}

function instructions(wb: ExcelJS.Workbook, lines: string[]): void {
  const ws = wb.addWorksheet('填写说明');
  ws.getColumn(1).width = 110;
  ws.addRow(['填写说明']).font = { bold: true, size: 14 };
  for (const l of lines) ws.addRow([l]).alignment = { wrapText: true };
}

/**
 * The member roster template: Chinese headers (* = required), dropdowns for status,
 * ethnicity and education, the ID and phone columns formatted as text so Excel keeps all
 * 18 digits, and an instructions sheet.
 * @example const bytes = await memberTemplate(); // the .xlsx served by GET /members/import/template
 */
export async function memberTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '党建工作平台';
  const ws = wb.addWorksheet('党员信息');
  const labels = MEMBER_IMPORT_COLUMNS.map((c) => c.header + (MEMBER_HINTS[c.key] ?? ''));
  header(ws, labels, [10, 22, 14, 10, 12, 14, 28, 14, 14, 22, 24]);
  const col = (key: string) => MEMBER_IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
  for (const key of ['idNumber', 'phone', 'joinedOn', 'fullOn']) ws.getColumn(col(key)).numFmt = '@';
  const refs = listSheet(wb, { 党员状态: Object.values(MEMBER_STATUSES), 民族: ETHNICITIES, 学历: EDUCATION_LEVELS });
  dropdown(ws, col('status'), refs['党员状态']!, '党员状态');
  dropdown(ws, col('ethnicity'), refs['民族']!, '民族');
  dropdown(ws, col('education'), refs['学历']!, '学历');
  instructions(wb, [
    '1. 带 * 的列为必填项；请勿修改表头，列的顺序可以调整。一次最多导入 50000 行。',
    '2. 身份证号：18 位居民身份证号，末位 X 大写；该列已设为文本格式，请勿改为数字格式，否则末几位会丢失。出生日期和性别由身份证号自动计算。',
    '3. 所在组织：填写本组织或下级组织的全称、简称或组织代码；重名时用 / 写出上级，如“甲村党支部/第一党小组”。',
    '4. 日期格式：2020-07-01（也可写 2020/7/1 或 2020年7月1日）；入党日期须在年满 18 周岁之后，且不能晚于今天。',
    '5. 党员状态：正式党员须填写转正日期（入党满一年后，最多两年内）；预备党员不填转正日期。',
    `6. 人员类别：可填多个，用逗号分隔，可选：${MEMBER_CATEGORIES.join('、')}。`,
    '7. 手机号：11 位手机号码，可不填。民族、学历请从下拉列表选择。',
    '8. 任何一行有错误时整个文件都不会导入；系统会生成错误报告（每行标出错误原因），修改后重新上传即可。',
  ]);
  return toBuffer(wb);
}

/** The organization template: 名称, 类型 (dropdown of Chinese type names), 上级组织, 简称, 组织代码. */
export async function orgTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '党建工作平台';
  const ws = wb.addWorksheet('组织信息');
  header(ws, ORG_IMPORT_COLUMNS.map((c) => c.header), [30, 16, 36, 16, 18]);
  ws.getColumn(5).numFmt = '@';
  const refs = listSheet(wb, { 组织类型: Object.values(ORG_TYPES) });
  dropdown(ws, 2, refs['组织类型']!, '组织类型');
  instructions(wb, [
    '1. 带 * 的列为必填项；请勿修改表头。',
    '2. 上级组织：填写导入目标组织或其下级组织的全称、简称或组织代码，也可以是本文件中前面行新建的组织（上级须写在下级之前）。',
    '3. 类型：从下拉列表选择；下级类型须符合组织设置规则（如党小组只能设在党支部之下）。',
    '4. 同一上级下不能有同名组织；组织代码不能重复。',
    '5. 任何一行有错误时整个文件都不会导入；请下载错误报告修改后重新上传。',
  ]);
  return toBuffer(wb);
}
