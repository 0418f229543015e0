import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { LIMITS, type LoginRequest } from '@dangjian/contracts';
import { useForgetSession, useLogin } from '../api.ts';
import { safeNext } from '../next.ts';
import { AuthCard } from '../components/AuthCard.tsx';

export function LoginPage() {
  const login = useLogin();
  useForgetSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const onFinish = (values: LoginRequest) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (me) => {
          void navigate(me.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
        },
      },
    );
  };

  return (
    <AuthCard title="用户登录">
      {login.error && (
        <Alert data-testid="login-error" type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />
      )}
      <Form<LoginRequest> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input
            data-testid="login-username"
            prefix={<UserOutlined />}
            placeholder="请输入用户名"
            autoComplete="username"
            maxLength={LIMITS.usernameMax}
            autoFocus
          />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password
            data-testid="login-password"
            prefix={<LockOutlined />}
            placeholder="请输入密码"
            autoComplete="current-password"
            maxLength={LIMITS.passwordMax}
          />
        </Form.Item>
        <Button data-testid="login-submit" type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
