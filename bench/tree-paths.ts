/**
 * Subtree reads: materialized ltree path vs. recursive CTE on parent_id, on PGlite and (when
 * BENCH_DATABASE_URL is set) PostgreSQL, on a synthetic 5-level tree. Ratios are taken within
 * the same process and minute, because the machines are shared and noisy.
 *   npx tsx bench/tree-paths.ts [orgs=20000] [members=200000]
 */
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type Database } from '../packages/db/src/index.ts';

const ORGS = Number(process.argv[2] ?? 20000);
const MEMBERS = Number(process.argv[3] ?? 200000);

async function load(d: Database) {
  await sql`DROP TABLE IF EXISTS bench_orgs`.execute(d.db);
  await sql`CREATE TABLE bench_orgs (id bigint PRIMARY KEY, parent_id bigint, path ltree NOT NULL)`.execute(d.db);
  // Levels: 1 root, 20, 300, 3000, rest leaves; parents picked deterministically.
  await sql`INSERT INTO bench_orgs
    SELECT g, CASE WHEN g = 1 THEN NULL WHEN g <= 21 THEN 1 WHEN g <= 321 THEN 2 + (g * 7) % 20
      WHEN g <= 3321 THEN 22 + (g * 13) % 300 ELSE 322 + (g * 17) % 3000 END, '1'
    FROM generate_series(1, ${ORGS}::int) g`.execute(d.db);
  for (let i = 0; i < 5; i++) {
    await sql`UPDATE bench_orgs c SET path = p.path || c.id::text FROM bench_orgs p WHERE c.parent_id = p.id AND nlevel(c.path) = 1 AND nlevel(p.path) = ${i + 1}::int AND (p.id = 1 OR nlevel(p.path) > 1)`.execute(d.db);
  }
  await sql`CREATE INDEX ON bench_orgs USING gist (path)`.execute(d.db);
  await sql`CREATE INDEX ON bench_orgs (parent_id)`.execute(d.db);
  await sql`DROP TABLE IF EXISTS bench_members`.execute(d.db);
  await sql`CREATE TABLE bench_members (id bigint PRIMARY KEY, org_id bigint NOT NULL, status text NOT NULL)`.execute(d.db);
  await sql`INSERT INTO bench_members SELECT g, 3322 + (g * 31) % (${ORGS}::int - 3321), CASE WHEN g % 12 = 0 THEN 'probationary' ELSE 'full' END FROM generate_series(1, ${MEMBERS}::int) g`.execute(d.db);
  await sql`CREATE INDEX ON bench_members (org_id)`.execute(d.db);
  await sql`ANALYZE bench_orgs`.execute(d.db);
  await sql`ANALYZE bench_members`.execute(d.db);
}

async function time(d: Database, q: () => Promise<unknown>, runs = 7): Promise<number> {
  for (let i = 0; i < 2; i++) await q();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await q();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

async function run(label: string, d: Database) {
  await migrateToLatest(d.db);
  await load(d);
  const target = 2; // a level-2 organization
  // The app knows the subtree root's path (it read the organization first), so it passes it.
  const rootPath = (await sql<{ path: string }>`SELECT path::text FROM bench_orgs WHERE id = ${target}`.execute(d.db)).rows[0]!.path;
  const ltreeCount = () => sql`SELECT m.status, count(*) FROM bench_members m JOIN bench_orgs o ON o.id = m.org_id
    WHERE o.path <@ ${rootPath}::ltree GROUP BY m.status`.execute(d.db);
  const cteCount = () => sql`WITH RECURSIVE t AS (SELECT id FROM bench_orgs WHERE id = ${target} UNION ALL
    SELECT c.id FROM bench_orgs c JOIN t ON c.parent_id = t.id)
    SELECT m.status, count(*) FROM bench_members m JOIN t ON t.id = m.org_id GROUP BY m.status`.execute(d.db);
  const ltreeOrgs = () => sql`SELECT count(*) FROM bench_orgs WHERE path <@ ${rootPath}::ltree`.execute(d.db);
  const cteOrgs = () => sql`WITH RECURSIVE t AS (SELECT id FROM bench_orgs WHERE id = ${target} UNION ALL
    SELECT c.id FROM bench_orgs c JOIN t ON c.parent_id = t.id) SELECT count(*) FROM t`.execute(d.db);
  const move = () => d.db.transaction().execute(async (trx) => {
    const p = await sql<{ path: string }>`SELECT path::text FROM bench_orgs WHERE id = 25`.execute(trx);
    const newParent = await sql<{ path: string }>`SELECT path::text FROM bench_orgs WHERE id = 3`.execute(trx);
    await sql`UPDATE bench_orgs SET path = ${newParent.rows[0]!.path}::ltree || subpath(path, nlevel(${p.rows[0]!.path}::ltree) - 1) WHERE path <@ ${p.rows[0]!.path}::ltree`.execute(trx);
    throw new Error('rollback');
  }).catch(() => undefined);
  const r = {
    membersLtree: await time(d, ltreeCount),
    membersCte: await time(d, cteCount),
    orgsLtree: await time(d, ltreeOrgs),
    orgsCte: await time(d, cteOrgs),
    moveSubtreeLtree: await time(d, move),
  };
  const n = await ltreeOrgs();
  console.log(`${label}: ${ORGS} orgs, ${MEMBERS} members, subtree of org ${target} = ${JSON.stringify((n as { rows: unknown[] }).rows[0])}`);
  for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(18)} ${v.toFixed(2)} ms`);
  console.log(`  ratio members CTE/ltree ${(r.membersCte / r.membersLtree).toFixed(2)}x, orgs CTE/ltree ${(r.orgsCte / r.orgsLtree).toFixed(2)}x`);
  await sql`DROP TABLE bench_orgs, bench_members`.execute(d.db);
}

const pglite = await openDatabase({ kind: 'pglite' });
await run('PGlite', pglite);
await pglite.close();
if (process.env.BENCH_DATABASE_URL) {
  const pg = await openDatabase({ kind: 'postgres', url: process.env.BENCH_DATABASE_URL });
  await run('PostgreSQL', pg);
  await pg.close();
}
