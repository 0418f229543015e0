import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LeaderboardResponse, PointRuleRequest, PointRulesResponse, PointsAdjustmentRequest, PointsEntry, PointsGoods, PointsGoodsPatch,
  PointsGoodsRequest, PointsGoodsResponse, PointsMemberDetail, PointsMemberListResponse, PointsMineResponse, PointsOrder, PointsSettings,
  PointsSettingsRequest, PointsStatus, RedemptionListResponse,
} from '@dangjian/contracts';
import { api } from '../../lib/api.ts';

export const POINTS_PAGE_SIZE = 20;
export const pointsKeys = { all: ['points'] as const };
const k = (...parts: unknown[]) => [...pointsKeys.all, ...parts];

export const usePointsStatus = () => useQuery({ queryKey: k('status'), queryFn: ({ signal }) => api<PointsStatus>('/points/status', { signal }) });
export const useMyPoints = (enabled = true) => useQuery({ queryKey: k('mine'), enabled, queryFn: ({ signal }) => api<PointsMineResponse>('/points/mine', { signal }) });
export const useShop = (enabled: boolean) => useQuery({ queryKey: k('shop'), enabled, queryFn: ({ signal }) => api<PointsGoodsResponse>('/points/shop', { signal }) });

export const usePointsMembers = (orgId: string | undefined, q: string, page: number) => useQuery({
  queryKey: k('members', orgId, q, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<PointsMemberListResponse>('/points/members', { query: { orgId, q, page, pageSize: POINTS_PAGE_SIZE }, signal }),
});
export const usePointsMember = (id: string | undefined) => useQuery({
  queryKey: k('member', id), enabled: !!id, queryFn: ({ signal }) => api<PointsMemberDetail>(`/points/members/${id}`, { signal }),
});
export const useLeaderboard = (orgId: string | undefined, period: string, key: string | undefined) => useQuery({
  queryKey: k('board', orgId, period, key), enabled: !!orgId, retry: false,
  queryFn: ({ signal }) => api<LeaderboardResponse>('/points/leaderboard', { query: { orgId, period, key }, signal }),
});
export const useGoods = (orgId: string | undefined) => useQuery({
  queryKey: k('goods', orgId), enabled: !!orgId, queryFn: ({ signal }) => api<PointsGoodsResponse>('/points/goods', { query: { orgId }, signal }),
});
export const useOrders = (orgId: string | undefined, status: string | undefined, page: number) => useQuery({
  queryKey: k('orders', orgId, status, page), enabled: !!orgId, placeholderData: keepPreviousData,
  queryFn: ({ signal }) => api<RedemptionListResponse>('/redemptions', { query: { orgId, status, page, pageSize: POINTS_PAGE_SIZE }, signal }),
});
export const useSettings = (orgId: string | undefined) => useQuery({
  queryKey: k('settings', orgId), enabled: !!orgId, queryFn: ({ signal }) => api<PointsSettings>('/points/settings', { query: { orgId }, signal }),
});
export const useRules = (orgId: string | undefined) => useQuery({
  queryKey: k('rules', orgId), enabled: !!orgId, queryFn: ({ signal }) => api<PointRulesResponse>('/points/rules', { query: { orgId }, signal }),
});

function usePointsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: pointsKeys.all }) });
}
export const useAdjust = () => usePointsMutation((b: PointsAdjustmentRequest) => api<PointsEntry>('/points/adjustments', { method: 'POST', body: b }));
export const useAddGoods = () => usePointsMutation((b: PointsGoodsRequest) => api<PointsGoods>('/points/goods', { method: 'POST', body: b }));
export const useUpdateGoods = () => usePointsMutation((v: { id: string; patch: PointsGoodsPatch }) => api<PointsGoods>(`/points/goods/${v.id}`, { method: 'PATCH', body: v.patch }));
export const useOrder = () => usePointsMutation((b: { goodsId: string; qty: number }) => api<PointsOrder>('/redemptions', { method: 'POST', body: b }));
export const useHandOver = () => usePointsMutation((id: string) => api<PointsOrder>(`/redemptions/${id}/hand-over`, { method: 'POST' }));
export const useCancelOrder = () => usePointsMutation((v: { id: string; reason: string }) => api<PointsOrder>(`/redemptions/${v.id}/cancel`, { method: 'POST', body: { reason: v.reason } }));
export const useSetSettings = () => usePointsMutation((b: PointsSettingsRequest) => api<PointsSettings>('/points/settings', { method: 'PUT', body: b }));
export const useSetRule = () => usePointsMutation((b: PointRuleRequest) => api<PointRulesResponse>('/points/rules', { method: 'PUT', body: b }));
