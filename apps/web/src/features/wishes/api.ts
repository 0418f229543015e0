import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MyWishesResponse, Wish, WishCategory, WishClaimRequest, WishCloseRequest, WishConfirmRequest, WishCreateRequest, WishDetail,
  WishFulfilRequest, WishListResponse, WishMergeRequest, WishReleaseRequest, WishReviewRequest, WishStatus,
} from '@dangjian/contracts';
import { api, ApiError, buildUrl, csrfHeader } from '../../lib/api.ts';
import { pointsKeys } from '../points/api.ts';

export const WISH_PAGE_SIZE = 20;
export const wishKeys = { all: ['wishes'] as const };
const k = (...parts: unknown[]) => [...wishKeys.all, ...parts];

export interface WishFilter { status?: WishStatus; category?: WishCategory; gridId?: string; q?: string }

/** Wishes of a subtree with counts per status over the same filter (without the status). */
export const useWishList = (orgId: string | undefined, f: WishFilter, page: number) => useQuery({
  queryKey: k('list', orgId, f, page), enabled: !!orgId, placeholderData: keepPreviousData, retry: false,
  queryFn: ({ signal }) => api<WishListResponse>('/wishes', { query: { orgId, ...f, q: f.q || undefined, page, pageSize: WISH_PAGE_SIZE }, signal }),
});
export const useWish = (id: string | undefined) => useQuery({
  queryKey: k('detail', id), enabled: !!id, queryFn: ({ signal }) => api<WishDetail>(`/wishes/${id}`, { signal }),
});
/** 我的微心愿: claimed by me, open in my branch and grid, done. */
export const useMyWishes = () => useQuery({ queryKey: k('mine'), queryFn: ({ signal }) => api<MyWishesResponse>('/wishes/mine', { signal }) });

function useWishMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: wishKeys.all });
      await qc.invalidateQueries({ queryKey: pointsKeys.all }); // a confirmation awards points
    },
  });
}
const post = <R>(path: string, body: unknown) => api<R>(path, { method: 'POST', body });
export const useCreateWish = () => useWishMutation((b: WishCreateRequest) => post<Wish>('/wishes', b));
export const useReview = () => useWishMutation((v: { id: string } & WishReviewRequest) => post<Wish>(`/wishes/${v.id}/review`, { accept: v.accept, reason: v.reason }));
export const useMerge = () => useWishMutation((v: { id: string } & WishMergeRequest) => post<Wish>(`/wishes/${v.id}/merge`, { intoId: v.intoId, reason: v.reason }));
export const useClaim = () => useWishMutation((v: { id: string } & WishClaimRequest) => post<Wish>(`/wishes/${v.id}/claim`, v.memberId ? { memberId: v.memberId } : {}));
export const useRelease = () => useWishMutation((v: { id: string } & WishReleaseRequest) => post<Wish>(`/wishes/${v.id}/release`, { reason: v.reason }));
export const useFulfil = () => useWishMutation((v: { id: string } & WishFulfilRequest) => post<Wish>(`/wishes/${v.id}/fulfil`, { note: v.note }));
export const useConfirm = () => useWishMutation((v: { id: string } & WishConfirmRequest) => post<Wish>(`/wishes/${v.id}/confirm`, { satisfied: v.satisfied, comment: v.comment }));
/** Reopens a closed, disputed or confirmed wish (a confirmed one has its points reversed). */
export const useReopen = () => useWishMutation((v: { id: string; reason: string }) => post<Wish>(`/wishes/${v.id}/reopen`, { reason: v.reason }));
export const useClose = () => useWishMutation((v: { id: string } & WishCloseRequest) => post<Wish>(`/wishes/${v.id}/close`, { reason: v.reason }));

/** Uploads one photo as the raw request body (kind=fulfil: the member's proof; wish: a photo of the wish). */
export async function uploadWishPhoto(id: string, file: Blob, kind: 'wish' | 'fulfil' = 'fulfil'): Promise<{ id: string }> {
  const res = await fetch(buildUrl(`/wishes/${id}/photos`, { kind }), {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json', ...csrfHeader() },
  });
  const data = (await res.json().catch(() => null)) as { code?: string; message?: string; id?: string } | null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? `HTTP_${res.status}`, data?.message ?? `上传失败（${res.status}）`);
  return { id: String(data?.id) };
}

/** A photo of a wish (the public address serves photos of wishes on the wall; the console one any in scope). */
export const wishPhotoUrl = (wishId: string, photoId: string) => buildUrl(`/wishes/${wishId}/photos/${photoId}`);
