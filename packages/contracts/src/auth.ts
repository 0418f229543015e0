import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { ROLE_CODES } from './enums.ts';

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const ChangePasswordRequest = z.strictObject({
  oldPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: z.string().min(1).max(LIMITS.passwordMax),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const RoleGrant = z.object({
  role: z.enum(ROLE_CODES),
  orgId: z.string(),
  orgName: z.string(),
  orgPath: z.string(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

/** The signed-in user, as GET /auth/me and POST /auth/login return it. */
export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(RoleGrant),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const Ok = z.object({ ok: z.literal(true) });

/**
 * Password rule: at least 8 characters with 3 of the 4 classes upper, lower, digit, symbol.
 * @example isStrongPassword('Demo#2026') // true
 */
export function isStrongPassword(pw: string): boolean {
  if (pw.length < LIMITS.passwordMin || pw.length > LIMITS.passwordMax) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return classes >= 3;
}
