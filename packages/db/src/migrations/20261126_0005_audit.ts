import { sql, type Kysely } from 'kysely';

/**
 * Append-only, hash-chained audit log. Each entry's hash is
 * sha256(prev_hash || '|' || canonical text of the entry), computed by audit_digest() so the
 * writer and the verifier use one formula. audit_head holds the last id and hash, so removing
 * entries from the end is detected too. UPDATE and DELETE are refused by a trigger.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE audit_log (
      id bigint PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id bigint,
      actor_name text,
      ip text,
      action text NOT NULL,
      entity_type text,
      entity_id text,
      org_id bigint,
      before jsonb,
      after jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  await sql`
    CREATE TABLE audit_head (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      last_id bigint NOT NULL,
      last_hash text NOT NULL
    )`.execute(db);
  await sql`INSERT INTO audit_head (last_id, last_hash) VALUES (0, 'genesis')`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION audit_digest(
      p_prev text, p_id bigint, p_at timestamptz, p_actor bigint, p_actor_name text, p_ip text,
      p_action text, p_entity_type text, p_entity_id text, p_org bigint, p_before jsonb, p_after jsonb
    ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT encode(sha256(convert_to(
        p_prev || '|' || jsonb_build_array(
          p_id, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), p_actor, p_actor_name,
          p_ip, p_action, p_entity_type, p_entity_id, p_org, p_before, p_after
        )::text, 'UTF8')), 'hex')
    $$`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION audit_append(
      p_actor bigint, p_actor_name text, p_ip text, p_action text, p_entity_type text,
      p_entity_id text, p_org bigint, p_before jsonb, p_after jsonb
    ) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
      h audit_head%ROWTYPE;
      v_at timestamptz := date_trunc('milliseconds', clock_timestamp());
      v_hash text;
    BEGIN
      SELECT * INTO h FROM audit_head WHERE singleton FOR UPDATE;
      v_hash := audit_digest(h.last_hash, h.last_id + 1, v_at, p_actor, p_actor_name, p_ip,
        p_action, p_entity_type, p_entity_id, p_org, p_before, p_after);
      INSERT INTO audit_log (id, at, actor_user_id, actor_name, ip, action, entity_type, entity_id,
        org_id, before, after, prev_hash, hash)
      VALUES (h.last_id + 1, v_at, p_actor, p_actor_name, p_ip, p_action, p_entity_type,
        p_entity_id, p_org, p_before, p_after, h.last_hash, v_hash);
      UPDATE audit_head SET last_id = h.last_id + 1, last_hash = v_hash WHERE singleton;
      RETURN h.last_id + 1;
    END
    $$`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable()`.execute(db);
  await sql`REVOKE ALL ON FUNCTION audit_append(bigint, text, text, text, text, text, bigint, jsonb, jsonb) FROM PUBLIC`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION audit_append(bigint, text, text, text, text, text, bigint, jsonb, jsonb) TO dangjian_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_log, audit_head`.execute(db);
}
