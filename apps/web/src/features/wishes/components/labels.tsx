import { Tag } from 'antd';
import dayjs from 'dayjs';
import { WISH_CATEGORIES, WISH_STATUSES, type WishCategory, type WishStatus } from '@dangjian/contracts';

const COLORS: Record<WishStatus, string> = {
  pending: 'gold', open: 'orange', claimed: 'blue', fulfilled: 'purple', confirmed: 'green', disputed: 'red', rejected: 'default', merged: 'default', closed: 'default',
};
export const statusOptions = Object.entries(WISH_STATUSES).map(([value, label]) => ({ value: value as WishStatus, label }));
export const categoryOptions = Object.entries(WISH_CATEGORIES).map(([value, label]) => ({ value: value as WishCategory, label }));

export function WishStatusTag({ s }: { s: WishStatus }) {
  return <Tag color={COLORS[s]} data-testid="wish-status-tag">{WISH_STATUSES[s]}</Tag>;
}
export const categoryLabel = (c: WishCategory) => WISH_CATEGORIES[c];
export const fmt = (iso: string | null | undefined, withTime = false) => (iso ? dayjs(iso).format(withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD') : '—');
/** Days left before a claim is released (negative: overdue). */
export const daysLeft = (deadline: string | null) => (deadline ? dayjs(deadline).startOf('day').diff(dayjs().startOf('day'), 'day') : undefined);
