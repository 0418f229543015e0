import { useState } from 'react';
import { Select } from 'antd';
import { useGridList } from '../../grids/api.ts';

/** A grid of the organization's subtree, searched by name on the server (a town has hundreds). */
export function GridSelect(props: { orgId: string | undefined; value?: string; onChange?: (v: string | undefined) => void; allowClear?: boolean; placeholder?: string; testId?: string; style?: React.CSSProperties }) {
  const [q, setQ] = useState('');
  const grids = useGridList(props.orgId, q, 1);
  return (
    <Select showSearch={{ filterOption: false, onSearch: setQ }} allowClear={props.allowClear} value={props.value} onChange={(v?: string) => props.onChange?.(v)}
      loading={grids.isFetching} placeholder={props.placeholder ?? '选择网格'} style={props.style} data-testid={props.testId} notFoundContent="无匹配网格"
      options={(grids.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.orgName} · ${g.name}` }))} />
  );
}
