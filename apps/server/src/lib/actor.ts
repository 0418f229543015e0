import { PERMISSIONS, type Permission, type Role } from '@dangjian/contracts';

/** Who is acting: the signed-in user with their role grants, and where the request came from. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  ip: string;
  roles: { role: Role; orgId: string; orgPath: string; orgName: string }[];
}

/** True when `path` lies in the subtree rooted at `root` (or is `root`). */
export function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

/**
 * The subtree roots in which the actor holds `perm`, with nested roots removed.
 * A role granted on an organization covers that organization's subtree and nothing else.
 * @example scopeFor(secretaryOfBranch12, 'members:read') // ['1.5.12']
 */
export function scopeFor(actor: Actor, perm: Permission): string[] {
  const allowed = PERMISSIONS[perm] as readonly Role[];
  const paths = [...new Set(actor.roles.filter((r) => allowed.includes(r.role)).map((r) => r.orgPath))];
  paths.sort((a, b) => a.split('.').length - b.split('.').length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => isUnder(p, r))) roots.push(p);
  return roots;
}

/** True when the actor holds `perm` over the organization at `path`. */
export function can(actor: Actor, perm: Permission, path: string): boolean {
  return scopeFor(actor, perm).some((root) => isUnder(path, root));
}

/** The permissions the actor holds anywhere, for the client to show or hide actions. */
export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => scopeFor(actor, p).length > 0);
}
