/**
 * Bulk loading on PostgreSQL the way pg_restore does it: before the COPYs, the secondary indexes,
 * the non-primary unique constraints and the foreign keys of the public schema are dropped and the
 * enabled user triggers disabled. Once a step's tables are loaded, their indexes are rebuilt from
 * their own definitions (pg_get_indexdef / pg_get_constraintdef) with a large maintenance_work_mem
 * (rebuildIndexes), and the foreign keys whose two tables are both loaded are re-added NOT VALID
 * and validated (validateKeys) — while the other COPY stream keeps loading. restoreSchema puts
 * back whatever is left (two connections; a VALIDATE takes only SHARE UPDATE EXCLUSIVE, so
 * validations of different tables do not block each other) and re-enables the triggers.
 * Primary keys stay: every generated table is loaded in primary-key order, so its index grows at
 * the right edge at little cost, and the foreign keys need them anyway.
 *
 * A schema fingerprint (every index, constraint and trigger state) is taken before and compared
 * after: a difference fails the run, so the loaded database has exactly the migrations' schema.
 *
 * @example
 * const deferred = await deferSchema(url);   // after migrateToLatest
 * // … COPY a step's tables …
 * await rebuildIndexes(url, deferred, ['members']);
 * await validateKeys(url, deferred, (table) => loaded.has(table));
 * // … at the end:
 * const timings = await restoreSchema(url, deferred);
 */
import pg from 'pg';

/** Session settings for every loading connection: no wait for the WAL flush at each commit. */
export const LOAD_SESSION_OPTIONS = '-c synchronous_commit=off';
/** Session settings for rebuilding: sorts and hash joins in memory where they fit. */
const REBUILD_SETTINGS = ["SET maintenance_work_mem = '1GB'", "SET work_mem = '256MB'", 'SET synchronous_commit = off'];

interface IndexDef { table: string; name: string; def: string }
interface ConstraintDef { table: string; name: string; def: string }
interface ForeignKeyDef extends ConstraintDef { refs: string }
interface TriggerDef { table: string; name: string }

export interface Deferred {
  /** Sorted lines describing the schema before anything was dropped. */
  fingerprint: string[];
  indexes: IndexDef[];
  uniques: ConstraintDef[];
  foreignKeys: ForeignKeyDef[];
  triggers: TriggerDef[];
}

export interface RestoreTiming { what: string; ms: number }

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** Every index, constraint and trigger of the public schema as sorted text lines. */
export async function schemaFingerprint(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query<{ line: string }>(`
    SELECT 'index ' || tablename::text || ' ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)
      || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname::text || ' ' || tgenabled::text
      FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)`);
  return r.rows.map((x) => x.line).sort();
}

async function connect(url: string, settings: readonly string[] = []): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  for (const s of settings) await c.query(s);
  return c;
}

/**
 * Drops what slows COPY down (see the module comment) and returns how to put it back.
 * Call it on a freshly migrated, still empty schema.
 */
export async function deferSchema(url: string): Promise<Deferred> {
  const c = await connect(url);
  try {
    const fingerprint = await schemaFingerprint(c);
    const foreignKeys = (await c.query<ForeignKeyDef>(`
      SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS def, confrelid::regclass::text AS refs
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'f' ORDER BY conrelid::regclass::text, conname`)).rows;
    // Unique constraints other than primary keys, unless a foreign key needs their index.
    const uniques = (await c.query<ConstraintDef>(`
      SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS def
        FROM pg_constraint u WHERE connamespace = 'public'::regnamespace AND contype = 'u'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = u.conindid)
       ORDER BY 1, 2`)).rows;
    // Indexes that back no constraint (primary keys, unique and exclusion constraints keep theirs).
    const indexes = (await c.query<IndexDef>(`
      SELECT x.indrelid::regclass::text AS "table", i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid)
       ORDER BY 1, 2`)).rows;
    const triggers = (await c.query<TriggerDef>(`
      SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger
       WHERE NOT tgisinternal AND tgenabled <> 'D' AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
       ORDER BY 1, 2`)).rows;
    await c.query('BEGIN');
    for (const f of foreignKeys) await c.query(`ALTER TABLE ${f.table} DROP CONSTRAINT ${q(f.name)}`);
    for (const u of uniques) await c.query(`ALTER TABLE ${u.table} DROP CONSTRAINT ${q(u.name)}`);
    for (const i of indexes) await c.query(`DROP INDEX ${q(i.name)}`);
    for (const t of triggers) await c.query(`ALTER TABLE ${t.table} DISABLE TRIGGER ${q(t.name)}`);
    await c.query('COMMIT');
    return { fingerprint, indexes, uniques, foreignKeys, triggers };
  } finally {
    await c.end();
  }
}

/** Runs jobs on `workers` connections, largest first (each connection takes the next job when free). */
async function runParallel(url: string, workers: number, jobs: { what: string; sql: string; bytes: number }[], timings: RestoreTiming[]): Promise<void> {
  const queue = [...jobs].sort((a, b) => b.bytes - a.bytes);
  const worker = async () => {
    const c = await connect(url, REBUILD_SETTINGS);
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t = performance.now();
        await c.query(job.sql);
        timings.push({ what: job.what, ms: Math.round(performance.now() - t) });
      }
    } finally {
      await c.end();
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, worker));
}

const sizes = async (c: pg.ClientBase): Promise<Map<string, number>> => new Map((await c.query<{ t: string; b: string }>(`
  SELECT c.oid::regclass::text AS t, pg_relation_size(c.oid)::text AS b FROM pg_class c
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`)).rows.map((r) => [r.t, Number(r.b)]));

/**
 * Rebuilds the dropped indexes and unique constraints of some tables (once their COPY is done),
 * so their builds overlap the loading of other tables. Each is rebuilt once: later calls and
 * restoreSchema skip what is done.
 */
export async function rebuildIndexes(url: string, d: Deferred, tables: readonly string[], workers = 1): Promise<RestoreTiming[]> {
  const want = new Set(tables);
  const indexes = d.indexes.filter((i) => want.has(i.table));
  const uniques = d.uniques.filter((u) => want.has(u.table));
  if (indexes.length + uniques.length === 0) return [];
  d.indexes = d.indexes.filter((i) => !want.has(i.table));
  d.uniques = d.uniques.filter((u) => !want.has(u.table));
  const timings: RestoreTiming[] = [];
  await runParallel(url, workers, [
    ...indexes.map((i) => ({ what: `index ${i.name}`, sql: i.def, bytes: 0 })),
    ...uniques.map((u) => ({ what: `unique ${u.name}`, sql: `ALTER TABLE ${u.table} ADD CONSTRAINT ${q(u.name)} ${u.def}`, bytes: 0 })),
  ], timings);
  return timings;
}

/**
 * Re-adds and validates the foreign keys between tables that are both `ready` (loaded, or not
 * loaded by the generator at all), so their scans overlap the loading of other tables. Each key
 * once: later calls and restoreSchema skip what is done.
 */
export async function validateKeys(url: string, d: Deferred, ready: (table: string) => boolean): Promise<RestoreTiming[]> {
  const keys = d.foreignKeys.filter((f) => ready(f.table) && ready(f.refs));
  if (keys.length === 0) return [];
  d.foreignKeys = d.foreignKeys.filter((f) => !keys.includes(f));
  const timings: RestoreTiming[] = [];
  const c = await connect(url, REBUILD_SETTINGS);
  try {
    for (const f of keys) {
      const t = performance.now();
      await c.query(`ALTER TABLE ${f.table} ADD CONSTRAINT ${q(f.name)} ${f.def} NOT VALID`);
      await c.query(`ALTER TABLE ${f.table} VALIDATE CONSTRAINT ${q(f.name)}`);
      timings.push({ what: `foreign key ${f.name}`, ms: Math.round(performance.now() - t) });
    }
  } finally {
    await c.end();
  }
  return timings;
}

/**
 * Puts back what deferSchema dropped and rebuildIndexes / validateKeys have not, then checks the schema equals
 * the one before (throws if not). Returns the time of each rebuilt object.
 */
export async function restoreSchema(url: string, d: Deferred, workers = 2): Promise<RestoreTiming[]> {
  const timings: RestoreTiming[] = [];
  const c = await connect(url, REBUILD_SETTINGS);
  try {
    // Bigger tables first, so the connections finish together.
    const size = await sizes(c);
    const bytes = (table: string) => size.get(table) ?? 0;
    await runParallel(url, workers, [
      ...d.indexes.map((i) => ({ what: `index ${i.name}`, sql: i.def, bytes: bytes(i.table) })),
      ...d.uniques.map((u) => ({ what: `unique ${u.name}`, sql: `ALTER TABLE ${u.table} ADD CONSTRAINT ${q(u.name)} ${u.def}`, bytes: bytes(u.table) })),
    ], timings);
    d.indexes = [];
    d.uniques = [];
    // NOT VALID takes a brief lock on both tables; VALIDATE then scans without blocking the others.
    await c.query('BEGIN');
    for (const f of d.foreignKeys) await c.query(`ALTER TABLE ${f.table} ADD CONSTRAINT ${q(f.name)} ${f.def} NOT VALID`);
    await c.query('COMMIT');
    await runParallel(url, workers, d.foreignKeys.map((f) => ({
      what: `foreign key ${f.name}`, sql: `ALTER TABLE ${f.table} VALIDATE CONSTRAINT ${q(f.name)}`, bytes: bytes(f.table),
    })), timings);
    d.foreignKeys = [];
    for (const t of d.triggers) await c.query(`ALTER TABLE ${t.table} ENABLE TRIGGER ${q(t.name)}`);
    const after = await schemaFingerprint(c);
    const before = new Set(d.fingerprint);
    const now = new Set(after);
    const missing = d.fingerprint.filter((l) => !now.has(l));
    const extra = after.filter((l) => !before.has(l));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(`schema after bulk load differs from the migrations': missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
    }
  } finally {
    await c.end();
  }
  return timings;
}
