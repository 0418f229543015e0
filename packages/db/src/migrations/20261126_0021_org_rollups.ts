import { sql, type Kysely } from 'kysely';

/**
 * Pre-aggregated subtree figures (issue 4): for every organization, its active members (those
 * who have not left: members.active) by status (`members:full`, `members:probationary`, the
 * organization and everything below it) and its
 * active descendants by type (`orgs:<type>`, strictly below). An organization page or a roster
 * total then reads a few rows instead of counting a whole district (or province) under
 * row-level security.
 *
 * The table is a delta log: statement-level triggers on members and orgs append one row per
 * (ancestor, measure) changed by the statement, never update one, so concurrent writes in
 * different branches never wait on their common ancestors' rows. A read sums the rows of one
 * organization; `org_rollups_compact()` (the maintenance job) folds the delta rows of an
 * organization into one row per measure. Paths are ltrees of organization ids, so an
 * organization's ancestors are the labels of its path: no join is needed to find them, and a
 * move (one UPDATE of a subtree's paths) is a delta of old labels minus new labels, which leaves
 * the ancestors inside the moved subtree unchanged.
 *
 * The trigger functions are SECURITY DEFINER (owned by the migrating role): a branch
 * secretary's write must change the totals of ancestors outside the secretary's scope, which
 * the application role may neither read nor write. The application role reads the rows of
 * organizations in its scope only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE org_rollups (
      org_id bigint NOT NULL,
      measure text NOT NULL,
      n bigint NOT NULL,
      delta boolean NOT NULL DEFAULT true
    )`.execute(db);
  await sql`CREATE INDEX org_rollups_org_idx ON org_rollups (org_id, measure) INCLUDE (n)`.execute(db);
  await sql`CREATE INDEX org_rollups_delta_idx ON org_rollups (org_id) WHERE delta`.execute(db);
  await sql`ALTER TABLE org_rollups ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY org_rollups_read ON org_rollups FOR SELECT TO dangjian_app
    USING (EXISTS (SELECT 1 FROM orgs o WHERE o.id = org_rollups.org_id AND o.path <@ app_scope()))`.execute(db);
  await sql`GRANT SELECT ON org_rollups TO dangjian_app`.execute(db);

  // The ids on a path, root first; `strict` leaves out the last (the organization itself).
  await sql`
    CREATE FUNCTION org_path_ids(p ltree, strict boolean) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT (string_to_array(p::text, '.')::bigint[])[1 : nlevel(p) - CASE WHEN strict THEN 1 ELSE 0 END]
    $$`.execute(db);

  // A trigger with transition tables takes one event, hence a function per event.
  await sql`CREATE FUNCTION org_rollups_members_ins() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO org_rollups (org_id, measure, n)
      SELECT a.id, 'members:' || d.status, sum(d.c)
      FROM (SELECT org_id, status, count(*) AS c FROM new_rows WHERE active GROUP BY 1, 2) d
      JOIN orgs o ON o.id = d.org_id
      CROSS JOIN LATERAL unnest(org_path_ids(o.path, false)) AS a(id)
      GROUP BY 1, 2;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION org_rollups_members_del() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO org_rollups (org_id, measure, n)
      SELECT a.id, 'members:' || d.status, -sum(d.c)
      FROM (SELECT org_id, status, count(*) AS c FROM old_rows WHERE active GROUP BY 1, 2) d
      JOIN orgs o ON o.id = d.org_id
      CROSS JOIN LATERAL unnest(org_path_ids(o.path, false)) AS a(id)
      GROUP BY 1, 2;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION org_rollups_members_upd() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO org_rollups (org_id, measure, n)
      SELECT a.id, 'members:' || d.status, sum(d.c)
      FROM (
        SELECT n.org_id, n.status, count(*) AS c FROM new_rows n JOIN old_rows o USING (id)
        WHERE n.active AND (n.org_id, n.status, n.active) IS DISTINCT FROM (o.org_id, o.status, o.active) GROUP BY 1, 2
        UNION ALL
        SELECT o.org_id, o.status, -count(*) FROM new_rows n JOIN old_rows o USING (id)
        WHERE o.active AND (n.org_id, n.status, n.active) IS DISTINCT FROM (o.org_id, o.status, o.active) GROUP BY 1, 2
      ) d
      JOIN orgs o ON o.id = d.org_id
      CROSS JOIN LATERAL unnest(org_path_ids(o.path, false)) AS a(id)
      GROUP BY 1, 2
      HAVING sum(d.c) <> 0;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION org_rollups_members_trunc() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      DELETE FROM org_rollups WHERE measure LIKE 'members:%';
      RETURN NULL;
    END $$`.execute(db);

  // Organizations: active descendants by type on the ancestors strictly above; when paths change
  // (a move), the members of every moved organization go from the old ancestors to the new.
  await sql`CREATE FUNCTION org_rollups_orgs_ins() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO org_rollups (org_id, measure, n)
      SELECT a.id, 'orgs:' || r.type, count(*)
      FROM new_rows r CROSS JOIN LATERAL unnest(org_path_ids(r.path, true)) AS a(id)
      WHERE r.status = 'active'
      GROUP BY 1, 2;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION org_rollups_orgs_del() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO org_rollups (org_id, measure, n)
      SELECT a.id, 'orgs:' || r.type, -count(*)
      FROM old_rows r CROSS JOIN LATERAL unnest(org_path_ids(r.path, true)) AS a(id)
      WHERE r.status = 'active' AND EXISTS (SELECT 1 FROM orgs x WHERE x.id = a.id)
      GROUP BY 1, 2;
      DELETE FROM org_rollups r USING old_rows o WHERE r.org_id = o.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION org_rollups_orgs_upd() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO org_rollups (org_id, measure, n)
      SELECT id, measure, sum(c) FROM (
        SELECT a.id, 'orgs:' || n.type AS measure, count(*) AS c
        FROM new_rows n JOIN old_rows o USING (id) CROSS JOIN LATERAL unnest(org_path_ids(n.path, true)) AS a(id)
        WHERE n.status = 'active' AND (n.path, n.type, n.status) IS DISTINCT FROM (o.path, o.type, o.status)
        GROUP BY 1, 2
        UNION ALL
        SELECT a.id, 'orgs:' || o.type, -count(*)
        FROM new_rows n JOIN old_rows o USING (id) CROSS JOIN LATERAL unnest(org_path_ids(o.path, true)) AS a(id)
        WHERE o.status = 'active' AND (n.path, n.type, n.status) IS DISTINCT FROM (o.path, o.type, o.status)
        GROUP BY 1, 2
      ) d
      GROUP BY 1, 2
      HAVING sum(c) <> 0;
      IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (id) WHERE n.path <> o.path) THEN
        INSERT INTO org_rollups (org_id, measure, n)
        SELECT id, measure, sum(c) FROM (
          SELECT a.id, 'members:' || m.status AS measure, m.c
          FROM (SELECT n.id, n.path AS new_path, o.path AS old_path FROM new_rows n JOIN old_rows o USING (id) WHERE n.path <> o.path) mv
          JOIN LATERAL (SELECT status, count(*) AS c FROM members WHERE org_id = mv.id AND active GROUP BY status) m ON true
          CROSS JOIN LATERAL unnest(org_path_ids(mv.new_path, false)) AS a(id)
          UNION ALL
          SELECT a.id, 'members:' || m.status, -m.c
          FROM (SELECT n.id, n.path AS new_path, o.path AS old_path FROM new_rows n JOIN old_rows o USING (id) WHERE n.path <> o.path) mv
          JOIN LATERAL (SELECT status, count(*) AS c FROM members WHERE org_id = mv.id AND active GROUP BY status) m ON true
          CROSS JOIN LATERAL unnest(org_path_ids(mv.old_path, false)) AS a(id)
        ) d
        GROUP BY 1, 2
        HAVING sum(c) <> 0;
      END IF;
      RETURN NULL;
    END $$`.execute(db);

  await sql`CREATE TRIGGER members_rollup_ins AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_rollups_members_ins()`.execute(db);
  await sql`CREATE TRIGGER members_rollup_del AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_rollups_members_del()`.execute(db);
  await sql`CREATE TRIGGER members_rollup_upd AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_rollups_members_upd()`.execute(db);
  await sql`CREATE TRIGGER members_rollup_trunc AFTER TRUNCATE ON members
    FOR EACH STATEMENT EXECUTE FUNCTION org_rollups_members_trunc()`.execute(db);
  await sql`CREATE TRIGGER orgs_rollup_ins AFTER INSERT ON orgs REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_rollups_orgs_ins()`.execute(db);
  await sql`CREATE TRIGGER orgs_rollup_del AFTER DELETE ON orgs REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_rollups_orgs_del()`.execute(db);
  await sql`CREATE TRIGGER orgs_rollup_upd AFTER UPDATE ON orgs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_rollups_orgs_upd()`.execute(db);

  // From nothing: one base row per (organization, measure). Used here, by the data generator
  // after a bulk load with the triggers off, and to repair.
  await sql`
    CREATE FUNCTION org_rollups_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      LOCK TABLE org_rollups IN EXCLUSIVE MODE;
      DELETE FROM org_rollups;
      INSERT INTO org_rollups (org_id, measure, n, delta)
      SELECT a.id, 'members:' || d.status, sum(d.c), false
      FROM (SELECT org_id, status, count(*) AS c FROM members WHERE active GROUP BY 1, 2) d
      JOIN orgs o ON o.id = d.org_id
      CROSS JOIN LATERAL unnest(org_path_ids(o.path, false)) AS a(id)
      GROUP BY 1, 2;
      INSERT INTO org_rollups (org_id, measure, n, delta)
      SELECT a.id, 'orgs:' || r.type, count(*), false
      FROM orgs r CROSS JOIN LATERAL unnest(org_path_ids(r.path, true)) AS a(id)
      WHERE r.status = 'active'
      GROUP BY 1, 2;
    END $$`.execute(db);
  // Folds the delta rows of up to `max_orgs` organizations into one base row per measure.
  // Safe beside writers (they only append) and beside another compaction (a row deleted by one
  // is skipped by the other). Returns the number of organizations folded.
  await sql`
    CREATE FUNCTION org_rollups_compact(max_orgs int) RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE folded int;
    BEGIN
      WITH d AS (SELECT DISTINCT org_id FROM org_rollups WHERE delta LIMIT max_orgs),
      moved AS (DELETE FROM org_rollups r USING d WHERE r.org_id = d.org_id RETURNING r.org_id, r.measure, r.n),
      ins AS (
        INSERT INTO org_rollups (org_id, measure, n, delta)
        SELECT org_id, measure, sum(n), false FROM moved GROUP BY 1, 2 HAVING sum(n) <> 0
        RETURNING org_id)
      SELECT count(DISTINCT org_id) INTO folded FROM ins;
      RETURN folded;
    END $$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION org_rollups_rebuild(), org_rollups_compact(int) FROM PUBLIC`.execute(db);
  await sql`SELECT org_rollups_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['members_rollup_ins', 'members_rollup_del', 'members_rollup_upd', 'members_rollup_trunc']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON members`.execute(db);
  }
  for (const t of ['orgs_rollup_ins', 'orgs_rollup_del', 'orgs_rollup_upd']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON orgs`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS org_rollups_members_ins(), org_rollups_members_del(), org_rollups_members_upd(),
    org_rollups_members_trunc(), org_rollups_orgs_ins(), org_rollups_orgs_del(), org_rollups_orgs_upd(),
    org_rollups_rebuild(), org_rollups_compact(int), org_path_ids(ltree, boolean)`.execute(db);
  await sql`DROP TABLE IF EXISTS org_rollups`.execute(db);
}
