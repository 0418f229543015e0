import { Outlet, useParams } from 'react-router';
import { OrgTreePanel } from '../components/OrgTreePanel.tsx';

/** /orgs: scope tree on the left, the selected organization (child route) on the right. */
export default function OrgsPage() {
  const { id } = useParams();
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <div style={{ flex: '0 0 340px', maxWidth: '100%', position: 'sticky', top: 16 }}>
        <OrgTreePanel selectedId={id} />
      </div>
      <div style={{ flex: '1 1 600px', minWidth: 0 }}>
        <Outlet />
      </div>
    </div>
  );
}
