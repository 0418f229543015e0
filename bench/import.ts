/**
 * Member import throughput on a fresh embedded database (PGlite): generates a valid roster of
 * N rows from the demo district generator, writes it as .xlsx, and imports it through the
 * imports service (not HTTP), timing parse, row checks (+ the one duplicate-ID query) and the
 * single write transaction (multi-row INSERTs + audit). Target: 10,000 rows under 30 s.
 *   npx tsx bench/import.ts [rows=10000]
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { MEMBER_IMPORT_COLUMNS, MEMBER_STATUSES } from '../packages/contracts/src/index.ts';
import { openDatabase, migrateToLatest } from '../packages/db/src/index.ts';
import { generateDistrict, insertDistrict } from '../packages/db/src/fixtures/index.ts';
import { createImportsService } from '../apps/server/src/modules/imports/imports.service.ts';

const ROWS = Number(process.argv[2] ?? 10000);
const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;

const data = generateDistrict(2026, { members: ROWS, today: new Date().toISOString().slice(0, 10) });
const database = await openDatabase({ kind: 'pglite' });
await migrateToLatest(database.db);
const ins = await insertDistrict(database.db, { ...data, members: [] });

// Each member's org as a path of names from the district down: unique even where names repeat.
const names = new Map(data.orgs.map((o) => [o.key, o]));
const pathName = (key: string): string => {
  const o = names.get(key)!;
  return o.parentKey === null ? o.name : `${pathName(o.parentKey)}/${o.name}`;
};
let t = performance.now();
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('党员信息');
ws.addRow(MEMBER_IMPORT_COLUMNS.map((c) => c.header));
for (const m of data.members) {
  const cells: Record<string, string | null> = {
    name: m.name, idNumber: m.idNumber, phone: m.phone, ethnicity: m.ethnicity, education: m.education, occupation: m.occupation,
    org: pathName(m.orgKey), joinedOn: m.joinedOn, fullOn: m.fullOn, status: MEMBER_STATUSES[m.status], categories: m.categories.join(','),
  };
  ws.addRow(MEMBER_IMPORT_COLUMNS.map((c) => cells[c.key]));
}
const bytes = Buffer.from(await wb.xlsx.writeBuffer());
const tBuild = performance.now() - t;

const phases: Record<string, number> = {};
const imports = createImportsService({
  db: database.db, clock: () => new Date(),
  onPhase: (p) => (phases[p] = performance.now()),
  logError: (err) => console.error(err),
});
const root = data.orgs.find((o) => o.parentKey === null)!;
const actor = {
  userId: '1', username: 'bench', displayName: '基准测试', ip: '127.0.0.1',
  roles: [{ role: 'org_dept_admin' as const, orgId: ins.rootId, orgPath: ins.rootPath, orgName: root.name }],
};
t = performance.now();
const { jobId, done } = await imports.start(actor, 'members', ins.rootId, bytes, 'bench.xlsx');
await done;
const total = performance.now() - t;
const job = await database.db.selectFrom('import_jobs').select(['status', 'total_rows', 'created_count', 'error_count', 'errors']).where('id', '=', jobId).executeTakeFirstOrThrow();
if (job.status !== 'done') {
  console.error('import did not succeed:', job.status, JSON.stringify(job.errors).slice(0, 500));
  process.exit(1);
}
const count = await database.db.selectFrom('members').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
console.log(`rows ${ROWS} (${(bytes.length / 1024 / 1024).toFixed(1)} MB .xlsx, built in ${ms(tBuild)}); created ${job.created_count}, in table ${count.n}`);
console.log(`parse   ${ms(phases.parsed! - t)}`);
console.log(`check   ${ms(phases.checked! - phases.parsed!)}  (rules + org lookup + one duplicate-ID query)`);
console.log(`write   ${ms(phases.written! - phases.checked!)}  (one transaction: multi-row INSERTs + audit)`);
console.log(`total   ${ms(total)}  → ${Math.round(ROWS / (total / 1000))} rows/s`);
await database.close();
