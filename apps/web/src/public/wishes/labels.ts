import type { WishCategory, WishStatus } from '@dangjian/contracts';

/**
 * Labels of the public wish pages. Copied from the contracts rather than imported: a value import
 * of @dangjian/contracts would pull zod into the public bundle. `satisfies` keeps the keys in step.
 */
export const CATEGORY_LABELS = {
  living: '生活帮扶', study: '助学助教', health: '医疗健康', jobs: '就业创业', environment: '环境整治', culture: '文化娱乐', other: '其他',
} as const satisfies Record<WishCategory, string>;

export const STATUS_LABELS = {
  pending: '待审核', open: '待认领', claimed: '已认领', fulfilled: '待群众确认', confirmed: '已完成', disputed: '群众有异议',
  rejected: '未通过', merged: '已合并', closed: '已关闭',
} as const satisfies Record<WishStatus, string>;

/** The wall's tabs, in the order a resident follows a wish. */
export const WALL_TABS = [['open', '待认领'], ['claimed', '已认领'], ['fulfilled', '待确认'], ['confirmed', '已完成']] as const;
export type WallStatus = (typeof WALL_TABS)[number][0];

/** 2026-11-26 in the phone's own time zone. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const photoSrc = (id: string) => `/api/v1/public/wish-photos/${id}`;
