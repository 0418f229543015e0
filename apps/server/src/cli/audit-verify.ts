/**
 * `npm run audit:verify`: checks the audit log's hash chain and names the first entry that was
 * altered or removed. Exit code 0 when intact, 1 when broken, 2 on error.
 */
import { withCliDatabase } from '@dangjian/db';
import { verifyAuditChain } from '../modules/audit/audit.verify.ts';

await withCliDatabase(async ({ db }) => {
  try {
    const r = await verifyAuditChain(db);
    if (r.ok) {
      console.log(`✔ ${r.message} (audit chain intact: ${r.checked} entries)`);
    } else {
      console.error(`✘ ${r.message} (first bad entry: #${r.firstBadId}, ${r.problem}; ${r.checked} entries verified before it)`);
      process.exitCode = 1;
    }
  } catch (err) {
    console.error(`校验失败 (verification error): ${(err as Error).message}`);
    process.exitCode = 2;
  }
});
