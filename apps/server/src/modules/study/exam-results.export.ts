import ExcelJS from 'exceljs';
import type { ExamResultsResponse } from '@dangjian/contracts';

/**
 * The 考试成绩 workbook: sheet 1 per organization (参考率, 平均分, 及格率), sheet 2 per person,
 * from the same figures as the results screen.
 * @example const buf = await examResultsWorkbook('党章知识测试', await exams.results(actor, id));
 */
export async function examResultsWorkbook(title: string, r: ExamResultsResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangjian';
  const orgs = wb.addWorksheet('按组织');
  orgs.addRow([`${title} 成绩汇总`]).font = { bold: true, size: 14 };
  orgs.addRow(['组织', '党员数', '交卷人数', '参考率（%）', '平均分', '及格率（%）']).font = { bold: true };
  for (const o of r.orgs) orgs.addRow([o.orgName, o.memberCount, o.participants, o.participationRate, o.average ?? '', o.passRate ?? '']);
  orgs.columns.forEach((c, i) => { c.width = i === 0 ? 28 : 12; });
  const people = wb.addWorksheet('按人员');
  people.addRow(['序号', '姓名', '组织', '开始时间', '交卷时间', '得分', '是否及格']).font = { bold: true };
  r.people.forEach((p, i) => people.addRow([
    i + 1, p.name, p.orgName, new Date(p.startedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
    p.submittedAt ? new Date(p.submittedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '未交卷', p.score ?? '', p.passed ? '及格' : '不及格',
  ]));
  people.columns.forEach((c, i) => { c.width = [6, 12, 24, 20, 20, 8, 10][i]; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
