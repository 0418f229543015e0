import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import type { Database } from './connect.ts';
import { withScope } from './scope.ts';
import { openTestDatabase, testEngines } from './testing/engines.ts';

/**
 * org_rollups (migration 0021) against counting from scratch: random sequences of the writes the
 * product makes (members added in bulk, moved, re-statused, leaving and coming back, deleted;
 * organizations added, moved with their subtree, dissolved and restored; compaction between
 * them) must leave, for every organization, the same figures as a count over the records.
 */

type Op =
  | { k: 'add'; org: number; n: number; full: boolean }
  | { k: 'moveMember'; m: number; org: number }
  | { k: 'status'; m: number; full: boolean }
  | { k: 'active'; m: number; active: boolean }
  | { k: 'delete'; m: number }
  | { k: 'addOrg'; parent: number; type: string }
  | { k: 'moveOrg'; org: number; parent: number }
  | { k: 'orgStatus'; org: number; active: boolean }
  | { k: 'touchAll' }
  | { k: 'compact'; max: number };

const TYPES = ['branch', 'group', 'general_branch'];
const ix = fc.nat({ max: 40 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('add' as const), org: ix, n: fc.integer({ min: 1, max: 4 }), full: fc.boolean() }),
  fc.record({ k: fc.constant('moveMember' as const), m: ix, org: ix }),
  fc.record({ k: fc.constant('status' as const), m: ix, full: fc.boolean() }),
  fc.record({ k: fc.constant('active' as const), m: ix, active: fc.boolean() }),
  fc.record({ k: fc.constant('delete' as const), m: ix }),
  fc.record({ k: fc.constant('addOrg' as const), parent: ix, type: fc.constantFrom(...TYPES) }),
  fc.record({ k: fc.constant('moveOrg' as const), org: ix, parent: ix }),
  fc.record({ k: fc.constant('orgStatus' as const), org: ix, active: fc.boolean() }),
  fc.constant({ k: 'touchAll' as const }),
  fc.record({ k: fc.constant('compact' as const), max: fc.integer({ min: 1, max: 5 }) }),
);

let idSeq = 0;
function idNumber(): string {
  idSeq += 1;
  return `R${String(process.pid % 100000).padStart(5, '0')}${String(idSeq).padStart(12, '0')}`.slice(0, 18);
}

async function addOrg(db: Kysely<DB>, parent: { id: string; path: string } | null, type: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    WITH n AS (SELECT nextval(pg_get_serial_sequence('orgs', 'id')) AS id)
    INSERT INTO orgs (id, parent_id, path, type, name)
    SELECT n.id, ${parent?.id ?? null}::bigint,
      (CASE WHEN ${parent?.path ?? null}::text IS NULL THEN n.id::text ELSE ${parent?.path ?? ''} || '.' || n.id END)::ltree,
      ${type}, 'r' || n.id FROM n
    RETURNING id::text AS id`.execute(db);
  return rows[0]!.id;
}

/** The figures counted from the records, for every organization under `rootPath`. */
async function counted(db: Kysely<DB>, rootPath: string): Promise<string[]> {
  const { rows } = await sql<{ k: string }>`
    SELECT a.id || ' members:' || m.status || ' ' || count(*) AS k
    FROM orgs a JOIN orgs o ON o.path <@ a.path JOIN members m ON m.org_id = o.id AND m.active
    WHERE a.path <@ ${rootPath}::ltree GROUP BY a.id, m.status
    UNION ALL
    SELECT a.id || ' orgs:' || o.type || ' ' || count(*)
    FROM orgs a JOIN orgs o ON o.path <@ a.path AND o.id <> a.id AND o.status = 'active'
    WHERE a.path <@ ${rootPath}::ltree GROUP BY a.id, o.type`.execute(db);
  return rows.map((r) => r.k).sort();
}

async function rolled(db: Kysely<DB>, rootPath: string): Promise<string[]> {
  const { rows } = await sql<{ k: string }>`
    SELECT r.org_id || ' ' || r.measure || ' ' || sum(r.n) AS k
    FROM org_rollups r JOIN orgs a ON a.id = r.org_id
    WHERE a.path <@ ${rootPath}::ltree GROUP BY r.org_id, r.measure HAVING sum(r.n) <> 0`.execute(db);
  return rows.map((r) => r.k).sort();
}

describe.each(testEngines())('org rollups on %s', (kind) => {
  let database: Database;
  let db: Kysely<DB>;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.close());

  it('match a count over the records after any sequence of writes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
      const root = await addOrg(db, null, 'committee');
      const orgs = [{ id: root, path: root }];
      for (const [p, t] of [[0, 'branch'], [0, 'general_branch'], [2, 'branch'], [1, 'group']] as const) {
        const parent = orgs[p]!;
        const id = await addOrg(db, parent, t);
        orgs.push({ id, path: `${parent.path}.${id}` });
      }
      const members: string[] = [];
      const refresh = async () => {
        const { rows } = await sql<{ id: string; path: string }>`SELECT id::text AS id, path::text AS path FROM orgs WHERE path <@ ${root}::ltree ORDER BY id`.execute(db);
        orgs.splice(0, orgs.length, ...rows);
      };
      for (const op of ops) {
        const org = (i: number) => orgs[i % orgs.length]!;
        const member = (i: number) => members[i % Math.max(1, members.length)];
        switch (op.k) {
          case 'add': {
            const values = Array.from({ length: op.n }, () => ({
              org_id: org(op.org).id, name: '甲', gender: 'male' as const, birth_date: '1980-01-01', id_number: idNumber(), status: op.full ? 'full' as const : 'probationary' as const,
            }));
            const ids = await db.insertInto('members').values(values).returning('id').execute();
            members.push(...ids.map((r) => r.id));
            break;
          }
          case 'moveMember': { const m = member(op.m); if (m) await db.updateTable('members').set({ org_id: org(op.org).id }).where('id', '=', m).execute(); break; }
          case 'status': { const m = member(op.m); if (m) await db.updateTable('members').set({ status: op.full ? 'full' : 'probationary' }).where('id', '=', m).execute(); break; }
          case 'active': { const m = member(op.m); if (m) await sql`UPDATE members SET active = ${op.active} WHERE id = ${m}::bigint`.execute(db); break; }
          case 'delete': {
            const m = member(op.m);
            if (m) { await db.deleteFrom('members').where('id', '=', m).execute(); members.splice(members.indexOf(m), 1); }
            break;
          }
          case 'addOrg': { const p = org(op.parent); const id = await addOrg(db, p, op.type); orgs.push({ id, path: `${p.path}.${id}` }); break; }
          case 'moveOrg': {
            const o = org(op.org); const p = org(op.parent);
            if (o.id === root || p.path === o.path || p.path.startsWith(`${o.path}.`)) break;
            // As orgs.repo moveSubtree does: one UPDATE of the subtree's paths.
            await sql`UPDATE orgs SET path = ${p.path}::ltree || subpath(path, nlevel(${o.path}::ltree) - 1),
              parent_id = CASE WHEN id = ${o.id}::bigint THEN ${p.id}::bigint ELSE parent_id END
              WHERE path <@ ${o.path}::ltree`.execute(db);
            await refresh();
            break;
          }
          case 'orgStatus': { const o = org(op.org); if (o.id !== root) await sql`UPDATE orgs SET status = ${op.active ? 'active' : 'dissolved'} WHERE id = ${o.id}::bigint`.execute(db); break; }
          case 'touchAll': await sql`UPDATE members SET updated_at = now() WHERE org_id IN (SELECT id FROM orgs WHERE path <@ ${root}::ltree)`.execute(db); break;
          case 'compact': await sql`SELECT org_rollups_compact(${op.max}::int)`.execute(db); break;
        }
      }
      expect(await rolled(db, root)).toEqual(await counted(db, root));
    }), { numRuns: kind === 'pglite' ? 40 : 25 });
  });

  it('compaction folds the delta rows into one row per measure, and a rebuild gives the same figures', async () => {
    const root = await addOrg(db, null, 'committee');
    const branch = await addOrg(db, { id: root, path: root }, 'branch');
    for (let i = 0; i < 5; i++) {
      await db.insertInto('members').values({ org_id: branch, name: '乙', gender: 'female', birth_date: '1990-05-05', id_number: idNumber(), status: 'full' }).execute();
    }
    const before = await rolled(db, root);
    const rowsOf = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_rollups WHERE org_id = ${branch}::bigint`.execute(db)).rows[0]!.n);
    expect(await rowsOf()).toBeGreaterThan(1);
    while (Number((await sql<{ n: number }>`SELECT org_rollups_compact(1000) AS n`.execute(db)).rows[0]!.n) > 0) { /* until nothing is left to fold */ }
    expect(await rowsOf()).toBe(1);
    expect(await rolled(db, root)).toEqual(before);
    await sql`SELECT org_rollups_rebuild()`.execute(db);
    expect(await rolled(db, root)).toEqual(before);
    expect(before).toContain(`${root} members:full 5`);
  });

  it('the application role reads only its scope\'s figures, writes none, and its writes reach ancestors outside its scope', async () => {
    const root = await addOrg(db, null, 'committee');
    const a = await addOrg(db, { id: root, path: root }, 'branch');
    const b = await addOrg(db, { id: root, path: root }, 'branch');
    await db.insertInto('members').values({ org_id: b, name: '丙', gender: 'male', birth_date: '1970-01-01', id_number: idNumber(), status: 'full' }).execute();
    const pathA = `${root}.${a}`;
    await withScope(db, [pathA], async (trx) => {
      // No filter: row-level security alone keeps the root's and branch B's figures out.
      const seen = await sql<{ org_id: string }>`SELECT DISTINCT org_id::text AS org_id FROM org_rollups`.execute(trx);
      const allowed = new Set((await sql<{ id: string }>`SELECT id::text AS id FROM orgs WHERE path <@ ${pathA}::ltree`.execute(trx)).rows.map((r) => r.id));
      expect(seen.rows.every((r) => allowed.has(r.org_id))).toBe(true);
      expect(seen.rows.map((r) => r.org_id)).not.toContain(b);
      expect(seen.rows.map((r) => r.org_id)).not.toContain(root);
      await trx.insertInto('members').values({ org_id: a, name: '丁', gender: 'male', birth_date: '1970-01-01', id_number: idNumber(), status: 'probationary' }).execute();
    });
    await expect(withScope(db, [pathA], (trx) => sql`INSERT INTO org_rollups (org_id, measure, n) VALUES (${a}::bigint, 'members:full', 100)`.execute(trx)))
      .rejects.toThrow(/permission denied/);
    await expect(withScope(db, [pathA], (trx) => sql`SELECT org_rollups_rebuild()`.execute(trx))).rejects.toThrow(/permission denied/);
    expect(await rolled(db, root)).toEqual(await counted(db, root));
    expect(await rolled(db, root)).toContain(`${root} members:probationary 1`);
  });
});
