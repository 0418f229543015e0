import { PERMISSIONS, type Me, type Role } from '@dangjian/contracts';

const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Whether the user may change the organization at `path`, and whether it is the root of their
 * write scope (which only the higher committee may rename, move, merge or dissolve). The
 * server decides; this only hides buttons that would be refused.
 * @example writeAccess(me, '1.5.12') // { canWrite: true, isScopeRoot: false }
 */
export function writeAccess(me: Me | undefined, path: string): { canWrite: boolean; isScopeRoot: boolean } {
  const writers = PERMISSIONS['orgs:write'] as readonly Role[];
  const roots = (me?.roles ?? []).filter((r) => writers.includes(r.role)).map((r) => r.orgPath);
  const covering = roots.filter((root) => under(path, root));
  return { canWrite: covering.length > 0, isScopeRoot: covering.length > 0 && covering.every((root) => root === path) };
}
