import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type Database } from './connect.ts';
import { embeddedPaths } from './backup/paths.ts';

export interface StorageSettings {
  DATABASE_URL?: string | undefined;
  DANGJIAN_DATA_DIR: string;
}

/**
 * Opens PostgreSQL when DATABASE_URL is set, else the embedded PGlite under the data dir.
 * @example const database = await openFromSettings({ DANGJIAN_DATA_DIR: './data' });
 */
export async function openFromSettings(s: StorageSettings): Promise<Database> {
  if (s.DATABASE_URL) return openDatabase({ kind: 'postgres', url: s.DATABASE_URL });
  const p = embeddedPaths(s.DANGJIAN_DATA_DIR);
  mkdirSync(dirname(p.db), { recursive: true });
  return openDatabase({ kind: 'pglite', dataDir: p.db });
}
