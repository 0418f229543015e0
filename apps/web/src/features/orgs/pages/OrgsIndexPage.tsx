import { Card, Empty } from 'antd';
import { Navigate } from 'react-router';
import { PageSpin } from '../../../components/PageSpin.tsx';
import { useOrgTree } from '../api.ts';

/** /orgs without an id opens the first root of the caller's scope. */
export default function OrgsIndexPage() {
  const tree = useOrgTree();
  if (tree.isPending) return <PageSpin />;
  const first = tree.data?.roots[0];
  if (first) return <Navigate to={`/orgs/${first}`} replace />;
  return (
    <Card>
      <Empty description={tree.isError ? '组织架构加载失败' : '请在左侧选择一个组织'} />
    </Card>
  );
}
