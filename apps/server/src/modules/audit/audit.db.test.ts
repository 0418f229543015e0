import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, testEngines } from '@dangjian/db';
import { describe } from 'vitest';
import { appendAudit } from './audit.repo.ts';
import { verifyAuditChain } from './audit.verify.ts';
import { describeOnEngines } from '../../test/harness.ts';

// Tampering needs a database of its own: on PostgreSQL these tests run only on PGlite's
// private instance, because altering the shared test database's chain would break others.
describe.each(testEngines().filter((k) => k === 'pglite'))('audit chain [%s]', (kind) => {
  it('verifies an intact chain and names the first altered or removed entry', async () => {
    const d = await openTestDatabase(kind);
    try {
      for (let i = 1; i <= 6; i++) {
        await appendAudit(d.db, { actorUserId: '1', actorName: 'tester', ip: '127.0.0.1', action: 'test.write', entityType: 'org', entityId: String(i), before: { n: i - 1 }, after: { n: i, 名称: '支部' } });
      }
      expect(await verifyAuditChain(d.db)).toMatchObject({ ok: true, checked: 6 });

      // The table refuses UPDATE and DELETE, even for its owner.
      await expect(sql`UPDATE audit_log SET action = 'x' WHERE id = 3`.execute(d.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log WHERE id = 3`.execute(d.db)).rejects.toThrow(/append-only/);

      // Someone with superuser rights disables the trigger and edits entry 3.
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(d.db);
      await sql`UPDATE audit_log SET after = '{"n": 99}' WHERE id = 3`.execute(d.db);
      expect(await verifyAuditChain(d.db)).toMatchObject({ ok: false, firstBadId: '3', problem: 'altered' });
      await sql`UPDATE audit_log SET after = '{"n": 3, "名称": "支部"}' WHERE id = 3`.execute(d.db);
      expect((await verifyAuditChain(d.db)).ok).toBe(true);

      await sql`DELETE FROM audit_log WHERE id = 4`.execute(d.db);
      expect(await verifyAuditChain(d.db)).toMatchObject({ ok: false, firstBadId: '4', problem: 'removed' });

      // Removing entries from the end is caught by the head.
      await sql`DELETE FROM audit_log WHERE id >= 4`.execute(d.db);
      expect(await verifyAuditChain(d.db)).toMatchObject({ ok: false, firstBadId: '4', problem: 'removed' });
    } finally {
      await d.close();
    }
  });
});

describe.each(testEngines())('audit append [%s]', (kind) => {
  it('chains each entry to the previous one', async () => {
    const d = await openTestDatabase(kind);
    try {
      await appendAudit(d.db, { actorUserId: null, actorName: 'a', ip: null, action: 'x' });
      await appendAudit(d.db, { actorUserId: null, actorName: 'b', ip: null, action: 'y' });
      const rows = await d.db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).orderBy('id', 'desc').limit(2).execute();
      expect(rows[0]?.prev_hash).toBe(rows[1]?.hash);
      expect(rows[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await d.close();
    }
  });
});

describeOnEngines('GET /audit/verify', (h) => {
  it('answers admins with the chain state and refuses secretaries', async () => {
    const admin = await h.login(h.tree.users.admin);
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    expect(res.json().checked).toBeGreaterThan(0);
    const b = await h.login(h.tree.users.secretaryB);
    expect((await b.get('/api/v1/audit/verify')).statusCode).toBe(403);
  });
});
