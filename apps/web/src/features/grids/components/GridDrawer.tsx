import { Alert, Descriptions, Drawer, Skeleton, Tabs } from 'antd';
import { useGrid } from '../api.ts';
import { BuildingsTab } from './BuildingsTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { ResidentsTab } from './ResidentsTab.tsx';

/** One grid: its figures, buildings, assigned members and residents. */
export function GridDrawer({ gridId, canEdit, onClose }: { gridId: string | undefined; canEdit: boolean; onClose: () => void }) {
  const grid = useGrid(gridId);
  const g = grid.data;
  return (
    <Drawer open={!!gridId} onClose={onClose} size={860} title={g ? `网格：${g.name}` : '网格详情'} destroyOnHidden data-testid="grid-drawer">
      {grid.isPending ? <Skeleton active /> : grid.isError ? (
        <Alert type="error" showIcon title="网格加载失败" description={grid.error.message} />
      ) : g && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="所属村（社区）">{g.orgName}</Descriptions.Item>
            <Descriptions.Item label="网格党组织">{g.gridOrgName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="网格员">{g.leaderName ?? '—'} {g.leaderPhone ?? ''}</Descriptions.Item>
            <Descriptions.Item label="户数">{g.households} 户{g.householdsEntered === null ? '（按楼栋合计）' : ''}</Descriptions.Item>
            <Descriptions.Item label="党员">{g.memberCount} 人</Descriptions.Item>
            <Descriptions.Item label="群众">{g.residentCount} 人</Descriptions.Item>
            {g.remarks && <Descriptions.Item label="备注" span={3}>{g.remarks}</Descriptions.Item>}
          </Descriptions>
          <Tabs
            items={[
              { key: 'members', label: `党员（${g.memberCount}）`, children: <MembersTab gridId={g.id} orgId={g.orgId} canEdit={canEdit} /> },
              { key: 'buildings', label: `楼栋（${g.buildingCount}）`, children: <BuildingsTab gridId={g.id} buildings={g.buildings} canEdit={canEdit} /> },
              { key: 'residents', label: `群众（${g.residentCount}）`, children: <ResidentsTab gridId={g.id} buildings={g.buildings} canEdit={canEdit} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
