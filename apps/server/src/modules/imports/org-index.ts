/** An organization of the target subtree, as the import resolves references to it. */
export interface IndexedOrg {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  shortName: string | null;
  code: string | null;
  type: string;
  regionId: string | null;
}

export type Resolved = { ok: true; org: IndexedOrg } | { ok: false; reason: string };

/**
 * Finds organizations of the target subtree by what people write in a roster: the
 * organization code, the full or short name, or a path of names ending in it
 * ('甲村党支部/第一党小组') when a name such as 第一党小组 occurs in several branches.
 * An ambiguous reference is an error naming each candidate's path, never a guess.
 * @example createOrgIndex(orgs, rootPath).resolve('第一党小组')
 */
export function createOrgIndex(orgs: IndexedOrg[], rootPath: string) {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const rootDepth = rootPath.split('.').length;
  const byCode = new Map<string, IndexedOrg[]>();
  const byName = new Map<string, IndexedOrg[]>();
  const push = (m: Map<string, IndexedOrg[]>, k: string, o: IndexedOrg) => {
    const list = m.get(k);
    if (list) list.push(o);
    else m.set(k, [o]);
  };
  const add = (o: IndexedOrg) => {
    byId.set(o.id, o);
    if (o.code) push(byCode, o.code.toUpperCase(), o);
    push(byName, o.name, o);
    if (o.shortName && o.shortName !== o.name) push(byName, o.shortName, o);
  };
  orgs.forEach(add);

  /** Names from the target organization down to `o`, joined with '/'. */
  function namePath(o: IndexedOrg): string {
    return o.path.split('.').slice(rootDepth - 1).map((id) => byId.get(id)?.name ?? id).join('/');
  }

  function resolve(ref: string): Resolved {
    const key = ref.trim();
    let found = byCode.get(key.toUpperCase()) ?? byName.get(key) ?? [];
    if (found.length === 0 && key.includes('/')) {
      const parts = key.split('/').map((p) => p.trim()).filter(Boolean);
      found = (byName.get(parts[parts.length - 1] ?? '') ?? []).filter((o) => {
        const names = namePath(o).split('/');
        return parts.every((p, i) => names[names.length - parts.length + i] === p);
      });
    }
    const rootName = orgs.find((o) => o.path === rootPath)?.name ?? '';
    if (found.length === 0) return { ok: false, reason: `在「${rootName}」及其下级组织中找不到「${key}」` };
    if (found.length > 1) {
      const list = found.slice(0, 5).map(namePath).join('；');
      return { ok: false, reason: `组织「${key}」不唯一（${list}），请填写组织代码或用 / 写出上级，如「${namePath(found[0]!)}」` };
    }
    return { ok: true, org: found[0]! };
  }

  /** Children of `parentId` with this name (existing, or added earlier in the same file). */
  function siblingNamed(parentId: string, name: string): IndexedOrg | undefined {
    return (byName.get(name) ?? []).find((o) => o.parentId === parentId && o.name === name);
  }

  return { resolve, add, namePath, siblingNamed, codeTaken: (code: string) => byCode.has(code.toUpperCase()) };
}

export type OrgIndex = ReturnType<typeof createOrgIndex>;
