import type { TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { MemberListItem, MemberSort } from '@dangjian/contracts';
import { memberColumns } from './memberColumns.tsx';

export interface ListOrder {
  sort: MemberSort;
  order: 'asc' | 'desc';
}

/** Column key → the API order it stands for. Age ascending is birth date descending. */
const COLUMN_SORT: Record<string, { sort: MemberSort; invert: boolean }> = {
  name: { sort: 'name', invert: false },
  age: { sort: 'birthDate', invert: true },
  joinedOn: { sort: 'joinedOn', invert: false },
};

function antdOrder(o: ListOrder, key: string): SortOrder {
  const c = COLUMN_SORT[key];
  if (!c || c.sort !== o.sort) return null;
  const asc = (o.order === 'asc') !== c.invert;
  return asc ? 'ascend' : 'descend';
}

/** The member columns with server-side sorting on name (pinyin), age and join date. */
export function sortableMemberColumns(o: ListOrder): TableColumnsType<MemberListItem> {
  return memberColumns.map((col) => {
    const key = String(col.key);
    if (!COLUMN_SORT[key]) return col;
    return { ...col, sorter: true, sortOrder: antdOrder(o, key), sortDirections: ['ascend', 'descend', 'ascend'] };
  });
}

/** The API order for a click on a column header (antd's sorter), or the default pinyin order. */
export function orderFromSorter(columnKey: unknown, order: SortOrder | undefined): ListOrder {
  const c = COLUMN_SORT[String(columnKey)];
  if (!c || !order) return { sort: 'name', order: 'asc' };
  const asc = (order === 'ascend') !== c.invert;
  return { sort: c.sort, order: asc ? 'asc' : 'desc' };
}
