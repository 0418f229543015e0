/**
 * Starts the platform: reads config, opens the database (PGlite under the data dir unless
 * DATABASE_URL is set), migrates, loads the demo district in demo mode, listens, and in
 * embedded mode keeps daily backups and one at every clean shutdown.
 */
import { fileURLToPath } from 'node:url';
import { openFromSettings, migrateToLatest } from '@dangjian/db';
import { acquireDataDirLock, releaseDataDirLock, embeddedPaths, scheduleDailyBackup, backupOnShutdown } from '@dangjian/db/backup';
import { seedDemo } from '@dangjian/db/fixtures';
import { loadConfig } from './config/env.ts';
import { buildApp } from './app.ts';
import { startMaintenance } from './jobs/maintenance.ts';

const started = Date.now();
const config = loadConfig();
const embedded = !config.DATABASE_URL;
if (embedded) await acquireDataDirLock(config.DANGJIAN_DATA_DIR);
const database = await openFromSettings(config);
await migrateToLatest(database.db);

// DANGJIAN_WEB_DIST: another build of the web app (parallel browser-test runs build to their own folder).
const webDist = process.env.DANGJIAN_WEB_DIST || fileURLToPath(new URL('../../web/dist', import.meta.url));
const app = await buildApp({ db: database.db, config, webDist });

if (config.demoEnabled) {
  const demo = await seedDemo(database.db, { seed: config.DEMO_SEED });
  if (demo.created) app.log.info('已生成演示区数据 (demo district created)');
  console.log('\n演示账号 (demo accounts), 密码 password: Demo#2026');
  for (const a of demo.accounts) console.log(`  ${a.username.padEnd(16)} ${a.role} · ${a.orgName}`);
}

if (config.NODE_ENV === 'production' && config.SMS_SENDER === 'log') {
  app.log.warn('SMS_SENDER=log：微心愿验证码只写入日志，群众收不到短信；生产环境请设置 SMS_SENDER=http 和 SMS_HTTP_URL');
}

const stopMaintenance = startMaintenance({ db: database.db, idleMinutes: config.SESSION_IDLE_MINUTES, log: app.log });
const backupLog = { info: (o: object, m: string) => app.log.info(o, m), error: (o: object, m: string) => app.log.error(o, m) };
const paths = embeddedPaths(config.DANGJIAN_DATA_DIR);
const stopBackups = embedded && database.pglite
  ? scheduleDailyBackup({ db: database.db, pglite: database.pglite, backupDir: paths.backups, keepDays: config.BACKUP_KEEP_DAYS, log: backupLog })
  : null;

await app.listen({ port: config.PORT, host: config.HOST });
console.log(`\n党建工作平台已启动 (ready in ${((Date.now() - started) / 1000).toFixed(1)} s): http://localhost:${config.PORT}`);
console.log(`  接口文档 API docs: http://localhost:${config.PORT}/api/docs`);
console.log(`  数据库 database: ${embedded ? `PGlite (embedded) at ${paths.db} — 仅供试用和小单位，生产请用 PostgreSQL` : 'PostgreSQL (DATABASE_URL)'}\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  stopMaintenance();
  if (stopBackups) await stopBackups();
  if (embedded && database.pglite) {
    await backupOnShutdown({ db: database.db, pglite: database.pglite, backupDir: paths.backups, keepDays: config.BACKUP_KEEP_DAYS, log: backupLog });
  }
  await database.close();
  if (embedded) await releaseDataDirLock(config.DANGJIAN_DATA_DIR);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
