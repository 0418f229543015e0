import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../../../lib/api.ts';
import { PageSpin } from '../../../components/PageSpin.tsx';
import { useMe } from '../api.ts';
import { loginPath } from '../next.ts';

/** Gate for the signed-in area: no session → login; forced password change → change-password. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <PageSpin full />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to={loginPath(location.pathname + location.search)} replace />;
    }
    if (isApiError(me.error, 'PASSWORD_CHANGE_REQUIRED')) return <Navigate to="/change-password" replace />;
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={me.error.message}
        extra={<Button type="primary" onClick={() => void me.refetch()}>重试</Button>}
      />
    );
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}
