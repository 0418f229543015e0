import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgDetail, OrgTreeResponse } from '@dangjian/contracts';
import { api } from '../../lib/api.ts';
import { mergeTree } from './tree.ts';

export const orgKeys = {
  all: ['orgs'] as const,
  tree: () => [...orgKeys.all, 'tree'] as const,
  detail: (id: string) => [...orgKeys.all, 'detail', id] as const,
};

/** The caller's whole scope, flat; see `buildOrgTree`. */
export function useOrgTree() {
  return useQuery({
    queryKey: orgKeys.tree(),
    queryFn: ({ signal }) => api<OrgTreeResponse>('/orgs/tree', { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Loads the children of one node of a truncated tree (a province-sized scope is sent a few
 * levels deep) and merges them into the cached tree.
 */
export function useLoadOrgChildren() {
  const qc = useQueryClient();
  return async (id: string) => {
    const more = await api<OrgTreeResponse>(`/orgs/tree?rootId=${encodeURIComponent(id)}&depth=1`);
    qc.setQueryData<OrgTreeResponse>(orgKeys.tree(), (cur) => (cur ? mergeTree(cur, more) : more));
  };
}

/** One organization with ancestors and subtree statistics; disabled while `id` is undefined. */
export function useOrgDetail(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<OrgDetail>(`/orgs/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
  });
}

/** Org ids in the path parameter are decimal bigints; anything else is not found without asking. */
export function isOrgId(id: string | undefined): id is string {
  return id !== undefined && /^\d{1,18}$/.test(id);
}
