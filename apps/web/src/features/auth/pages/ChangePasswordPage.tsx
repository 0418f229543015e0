import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { ERRORS, LIMITS, isStrongPassword } from '@dangjian/contracts';
import { isApiError } from '../../../lib/api.ts';
import { PageSpin } from '../../../components/PageSpin.tsx';
import { useChangePassword, useLogout, useMe } from '../api.ts';
import { AuthCard } from '../components/AuthCard.tsx';

interface FormValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

const RULE = ERRORS.PASSWORD_TOO_WEAK.message;

export function ChangePasswordPage() {
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();

  if (me.isPending) return <PageSpin full />;
  if (isApiError(me.error) && me.error.status === 401) return <Navigate to="/login" replace />;

  const forced = me.data?.mustChangePassword ?? false;
  const onFinish = ({ oldPassword, newPassword }: FormValues) => {
    change.mutate({ oldPassword, newPassword }, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  return (
    <AuthCard title="修改密码">
      {forced && <Alert type="warning" showIcon title={ERRORS.PASSWORD_CHANGE_REQUIRED.message} style={{ marginBottom: 12 }} />}
      <Alert type="info" showIcon title={`密码规则：${RULE}`} style={{ marginBottom: 16 }} />
      {change.error && (
        <Alert data-testid="change-password-error" type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />
      )}
      <Form<FormValues> layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password data-testid="old-password" autoComplete="current-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          dependencies={['oldPassword']}
          extra={RULE}
          rules={[
            { required: true, message: '请输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                if (!isStrongPassword(value)) return Promise.reject(new Error(RULE));
                if (value === getFieldValue('oldPassword')) return Promise.reject(new Error(ERRORS.PASSWORD_REUSED.message));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password data-testid="new-password" autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password data-testid="confirm-password" autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Button data-testid="change-password-submit" type="primary" htmlType="submit" block size="large" loading={change.isPending}>
          确认修改
        </Button>
        <Button type="link" block style={{ marginTop: 8 }} onClick={forced ? logout.logout : () => void navigate(-1)}>
          {forced ? '退出登录' : '返回'}
        </Button>
      </Form>
    </AuthCard>
  );
}
