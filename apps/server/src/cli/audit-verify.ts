/**
 * `npm run audit:verify`: checks the audit log's hash chain and names the first entry that was
 * altered or removed. Exit code 0 when intact, 1 when broken, 2 on error.
 */
import { openFromSettings } from '@dangjian/db';
import { verifyAuditChain } from '../modules/audit/audit.verify.ts';
import { acquireDataDirLock, releaseDataDirLock } from '@dangjian/db/backup';

const dataDir = process.env.DANGJIAN_DATA_DIR || './data';
const embedded = !process.env.DATABASE_URL;
// The embedded database admits one process: refuse while the server holds it.
if (embedded) {
  try {
    await acquireDataDirLock(dataDir);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
const database = await openFromSettings({
  DATABASE_URL: process.env.DATABASE_URL,
  DANGJIAN_DATA_DIR: dataDir,
});
try {
  const r = await verifyAuditChain(database.db);
  if (r.ok) {
    console.log(`✔ ${r.message} (audit chain intact: ${r.checked} entries)`);
  } else {
    console.error(`✘ ${r.message} (first bad entry: #${r.firstBadId}, ${r.problem}; ${r.checked} entries verified before it)`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`校验失败 (verification error): ${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await database.close();
  if (embedded) await releaseDataDirLock(dataDir);
}
