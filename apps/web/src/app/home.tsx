import { Navigate } from 'react-router';
import { useMe } from '../features/auth/api.ts';

/** Where "/" leads: a plain member (or resident) lands on 我的; anyone keeping records on the tree. */
export function HomeRedirect() {
  const me = useMe();
  if (!me.data) return null;
  const plain = me.data.roles.length > 0 && me.data.roles.every((r) => r.role === 'member' || r.role === 'resident');
  return <Navigate to={plain ? '/me' : '/orgs'} replace />;
}
