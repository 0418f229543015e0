import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BuildingRequest, GridBuilding, GridCreateRequest, GridDetail, GridListResponse, GridMembersResponse, GridTreeResponse,
  GridUpdateRequest, Resident, ResidentListResponse, ResidentRequest,
} from '@dangjian/contracts';
import { api } from '../../lib/api.ts';

export const GRID_PAGE_SIZE = 20;

export const gridKeys = {
  all: ['grids'] as const,
  list: (orgId: string, q: string, page: number) => [...gridKeys.all, 'list', orgId, q, page] as const,
  detail: (id: string) => [...gridKeys.all, 'detail', id] as const,
  members: (id: string) => [...gridKeys.all, 'members', id] as const,
  residents: (id: string, page: number) => [...gridKeys.all, 'residents', id, page] as const,
  tree: () => [...gridKeys.all, 'tree'] as const,
};

/** Grids of an organization's subtree, one page at a time, with their counts. */
export function useGridList(orgId: string | undefined, q: string, page: number) {
  return useQuery({
    queryKey: gridKeys.list(orgId ?? '', q, page),
    queryFn: ({ signal }) => api<GridListResponse>('/grids', { query: { orgId, q, page, pageSize: GRID_PAGE_SIZE }, signal }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}

export function useGrid(id: string | undefined) {
  return useQuery({
    queryKey: gridKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<GridDetail>(`/grids/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useGridMembers(id: string) {
  return useQuery({ queryKey: gridKeys.members(id), queryFn: ({ signal }) => api<GridMembersResponse>(`/grids/${id}/members`, { signal }) });
}

export function useResidents(id: string, page: number) {
  return useQuery({
    queryKey: gridKeys.residents(id, page),
    queryFn: ({ signal }) => api<ResidentListResponse>(`/grids/${id}/residents`, { query: { page, pageSize: GRID_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Grids of the whole scope grouped by community, for the organization tree. */
export function useGridTree() {
  return useQuery({ queryKey: gridKeys.tree(), queryFn: ({ signal }) => api<GridTreeResponse>('/grids/tree', { signal }), staleTime: 60_000 });
}

/** A mutation that refreshes every grid query when it succeeds (counts change everywhere). */
function useGridMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: gridKeys.all }) });
}

export const useCreateGrid = () => useGridMutation((b: GridCreateRequest) => api<GridDetail>('/grids', { method: 'POST', body: b }));
export const useUpdateGrid = (id: string) => useGridMutation((b: GridUpdateRequest) => api<GridDetail>(`/grids/${id}`, { method: 'PATCH', body: b }));
export const useDeleteGrid = () => useGridMutation((id: string) => api(`/grids/${id}`, { method: 'DELETE' }));

export const useSaveBuilding = (gridId: string) => useGridMutation(({ id, body }: { id?: string; body: BuildingRequest }) =>
  api<GridBuilding>(id ? `/grids/${gridId}/buildings/${id}` : `/grids/${gridId}/buildings`, { method: id ? 'PATCH' : 'POST', body }));
export const useDeleteBuilding = (gridId: string) => useGridMutation((id: string) => api(`/grids/${gridId}/buildings/${id}`, { method: 'DELETE' }));

export const useAssignMembers = (gridId: string) => useGridMutation((memberIds: string[]) =>
  api<{ assigned: number }>(`/grids/${gridId}/members`, { method: 'POST', body: { memberIds } }));
export const useRemoveMember = (gridId: string) => useGridMutation((memberId: string) => api(`/grids/${gridId}/members/${memberId}`, { method: 'DELETE' }));

export const useSaveResident = (gridId: string) => useGridMutation(({ id, body }: { id?: string; body: ResidentRequest }) =>
  api<Resident>(id ? `/grids/${gridId}/residents/${id}` : `/grids/${gridId}/residents`, { method: id ? 'PATCH' : 'POST', body }));
export const useDeleteResident = (gridId: string) => useGridMutation((id: string) => api(`/grids/${gridId}/residents/${id}`, { method: 'DELETE' }));
