import { useMemo } from 'react';
import type { PublicWishGrid } from '@dangjian/contracts';
import type { Place } from './storage.ts';

/**
 * Two native selects (village, then grid): native pickers are the easiest on an old phone and
 * need no script. With `allowVillage` the grid may stay "全部网格" (the village's whole wall).
 */
export function PlacePicker(props: {
  grids: PublicWishGrid[]; value: Place | undefined; onChange: (p: Place) => void; allowVillage?: boolean; invalid?: boolean;
}) {
  const { grids, value } = props;
  const villages = useMemo(() => {
    const m = new Map<string, string>();
    for (const g of grids) if (!m.has(g.villageId)) m.set(g.villageId, g.villageName);
    return [...m].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
  }, [grids]);
  const grid = value && 'gridId' in value ? grids.find((g) => g.id === value.gridId) : undefined;
  const villageId = grid?.villageId ?? (value && 'villageId' in value ? value.villageId : '');
  const inVillage = grids.filter((g) => g.villageId === villageId);
  const pickVillage = (id: string) => {
    if (!id) return;
    const only = grids.filter((g) => g.villageId === id);
    if (props.allowVillage) props.onChange({ villageId: id });
    else if (only.length === 1) props.onChange({ gridId: only[0]!.id });
    else props.onChange({ villageId: id });
  };
  return (
    <div className="pick-row">
      <label>
        <span>村/社区</span>
        <select value={villageId} onChange={(e) => pickVillage(e.target.value)} data-testid="wish-village-select" aria-invalid={props.invalid && !villageId}>
          <option value="">请选择</option>
          {villages.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </select>
      </label>
      <label>
        <span>网格</span>
        <select value={grid?.id ?? ''} disabled={!villageId} data-testid="wish-grid-select" aria-invalid={props.invalid && !grid}
          onChange={(e) => props.onChange(e.target.value ? { gridId: e.target.value } : { villageId })}>
          <option value="">{props.allowVillage ? '全部网格' : '请选择网格'}</option>
          {inVillage.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </label>
    </div>
  );
}
