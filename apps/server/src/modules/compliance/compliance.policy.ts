import type { Role } from '@dangjian/contracts';
import { isUnder, type Actor } from '../../lib/actor.ts';

/** Who reads compliance reports and rules: the leaders of a subtree, not members or residents. */
const READERS: readonly Role[] = ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee'];
/**
 * Who sets meeting rules: the organization department. A secretary must not lower the bar
 * their own branch is measured against.
 */
const RULE_WRITERS: readonly Role[] = ['sys_admin', 'org_dept_admin'];
/** Who gets reminders: those who convene the meetings. */
const CONVENERS: readonly Role[] = ['secretary', 'org_committee'];

function rootsOf(actor: Actor, roles: readonly Role[]): string[] {
  const paths = [...new Set(actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.orgPath))];
  paths.sort((a, b) => a.split('.').length - b.split('.').length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => isUnder(p, r))) roots.push(p);
  return roots;
}

/**
 * The subtree roots the actor may read reports and rules in, or set rules in.
 * @example complianceScope(secretaryOfBranch12, 'read') // ['1.5.12']
 */
export function complianceScope(actor: Actor, what: 'read' | 'writeRules' | 'remind'): string[] {
  return rootsOf(actor, what === 'read' ? READERS : what === 'writeRules' ? RULE_WRITERS : CONVENERS);
}

export const within = (scope: readonly string[], path: string) => scope.some((root) => isUnder(path, root));
