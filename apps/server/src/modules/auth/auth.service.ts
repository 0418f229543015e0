import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { LIMITS, isStrongPassword, type Me } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { permissionsOf, type Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createAuthRepo } from './auth.repo.ts';

export interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
  idleMinutes: number;
  loginRateLimit: number;
  loginRateWindowSeconds: number;
}

export interface SessionContext {
  actor: Actor;
  idHash: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

// Verified against when the username does not exist, so both paths take the same time.
const DUMMY_HASH = await hash('not-a-real-password-Dummy#1');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Sign-in, sessions and passwords. Sessions are rows keyed by the SHA-256 of the cookie value,
 * so a leaked database does not leak usable cookies; they expire after `idleMinutes` idle.
 * Five failures lock an account for 15 minutes; each sign-in attempt is audited.
 */
export function createAuthService(deps: AuthDeps) {
  const repo = createAuthRepo(deps.db);

  /** The user as an actor, with its grants (read here unless the caller has them already). */
  async function actorOf(user: { id: string; username: string; display_name: string; disabled: boolean } | null | undefined, ip: string, roles?: Actor['roles']): Promise<Actor | null> {
    if (!user || user.disabled) return null;
    return { userId: user.id, username: user.username, displayName: user.display_name, ip, roles: roles ?? await repo.rolesOf(user.id) };
  }

  function toMe(ctx: SessionContext): Me {
    return {
      id: ctx.actor.userId,
      username: ctx.actor.username,
      displayName: ctx.actor.displayName,
      mustChangePassword: ctx.mustChangePassword,
      roles: ctx.actor.roles.map((r) => ({ role: r.role, orgId: r.orgId, orgName: r.orgName, orgPath: r.orgPath })),
      permissions: permissionsOf(ctx.actor),
      csrfToken: ctx.csrfToken,
    };
  }

  async function audit(action: string, who: { id: string | null; name: string }, ip: string, after?: unknown) {
    await appendAudit(deps.db, { actorUserId: who.id, actorName: who.name, ip, action, entityType: 'user', entityId: who.id, after });
  }

  return {
    toMe,

    /** Checks credentials and opens a session; returns the cookie token and the context. */
    async login(username: string, password: string, ip: string, userAgent: string | null) {
      const now = deps.clock();
      const hits = await repo.hitRateLimit(`login:${ip}`, now, deps.loginRateWindowSeconds);
      if (hits > deps.loginRateLimit) {
        await audit('auth.login.failure', { id: null, name: username }, ip, { reason: 'rate_limited' });
        throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: deps.loginRateWindowSeconds } });
      }
      const user = await repo.findUserByUsername(username);
      if (!user) {
        await verify(DUMMY_HASH, password).catch(() => false);
        await audit('auth.login.failure', { id: null, name: username }, ip, { reason: 'unknown_user' });
        throw new AppError('INVALID_CREDENTIALS');
      }
      const who = { id: user.id, name: user.username };
      if (user.locked_until && user.locked_until > now) {
        await audit('auth.login.failure', who, ip, { reason: 'locked' });
        throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: user.locked_until.toISOString() } });
      }
      const ok = await verify(user.password_hash, password).catch(() => false);
      if (!ok) {
        const failures = user.failed_attempts + 1;
        const lock = failures >= LIMITS.loginMaxFailures;
        const lockedUntil = lock ? new Date(now.getTime() + LIMITS.loginLockMinutes * 60_000) : null;
        await repo.recordFailure(user.id, lock ? 0 : failures, lockedUntil);
        await audit('auth.login.failure', who, ip, { reason: 'bad_password', failures, locked: lock });
        if (lock) throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: lockedUntil?.toISOString() } });
        throw new AppError('INVALID_CREDENTIALS', { details: { remainingAttempts: LIMITS.loginMaxFailures - failures } });
      }
      if (user.disabled) {
        await audit('auth.login.failure', who, ip, { reason: 'disabled' });
        throw new AppError('ACCOUNT_DISABLED');
      }
      await repo.recordSuccess(user.id);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const idHash = sha256(token);
      await repo.createSession({ idHash, userId: user.id, csrfToken, ip, userAgent, at: now });
      await audit('auth.login.success', who, ip);
      const actor = await actorOf(user, ip);
      if (!actor) throw new AppError('ACCOUNT_DISABLED');
      return { token, ctx: { actor, idHash, csrfToken, mustChangePassword: user.must_change_password } };
    },

    /** Resolves a cookie token to a live session, sliding its idle timeout. */
    async authenticate(token: string | undefined, ip: string): Promise<SessionContext> {
      if (!token) throw new AppError('UNAUTHENTICATED');
      const idHash = sha256(token);
      const found = await repo.findSessionContext(idHash);
      if (!found) throw new AppError('UNAUTHENTICATED');
      const { session: s, user } = found;
      const now = deps.clock();
      if (now.getTime() - new Date(s.last_seen_at).getTime() > deps.idleMinutes * 60_000) {
        await repo.deleteSession(idHash);
        throw new AppError('SESSION_EXPIRED');
      }
      const actor = await actorOf(user, ip, found.roles);
      if (!user || !actor) {
        await repo.deleteSession(idHash);
        throw new AppError('UNAUTHENTICATED');
      }
      // Write last_seen_at at most every 30 s: enough for a 30-minute idle timeout.
      if (now.getTime() - new Date(s.last_seen_at).getTime() > 30_000) await repo.touchSession(idHash, now);
      return { actor, idHash, csrfToken: s.csrf_token, mustChangePassword: user.must_change_password };
    },

    /** Constant-time comparison of the CSRF header with the session's token. */
    checkCsrf(ctx: SessionContext, header: string | undefined): void {
      const a = Buffer.from(header ?? '');
      const b = Buffer.from(ctx.csrfToken);
      if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('CSRF_FAILED');
    },

    async logout(ctx: SessionContext): Promise<void> {
      await deps.db.transaction().execute(async (trx) => {
        await createAuthRepo(trx).deleteSession(ctx.idHash);
        await appendAudit(trx, { actorUserId: ctx.actor.userId, actorName: ctx.actor.username, ip: ctx.actor.ip, action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
      });
    },

    /** Changes the password (required at first sign-in) and ends the user's other sessions. */
    async changePassword(ctx: SessionContext, oldPassword: string, newPassword: string): Promise<SessionContext> {
      const user = await repo.findUserById(ctx.actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      if (!(await verify(user.password_hash, oldPassword).catch(() => false))) {
        throw new AppError('INVALID_CREDENTIALS', { message: '原密码不正确', details: { field: 'oldPassword' } });
      }
      if (!isStrongPassword(newPassword)) throw new AppError('PASSWORD_TOO_WEAK', { details: { field: 'newPassword' } });
      if (oldPassword === newPassword) throw new AppError('PASSWORD_REUSED', { details: { field: 'newPassword' } });
      const newHash = await hash(newPassword);
      await deps.db.transaction().execute(async (trx) => {
        const r = createAuthRepo(trx);
        await r.setPassword(user.id, newHash, deps.clock());
        await r.deleteOtherSessions(user.id, ctx.idHash);
        await appendAudit(trx, { actorUserId: user.id, actorName: user.username, ip: ctx.actor.ip, action: 'auth.password.change', entityType: 'user', entityId: user.id, before: { mustChangePassword: user.must_change_password }, after: { mustChangePassword: false } });
      });
      return { ...ctx, mustChangePassword: false };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
