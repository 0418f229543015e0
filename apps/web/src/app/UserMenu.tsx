import { Button, Flex, Grid, Popconfirm, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ROLES, type RoleGrant } from '@dangjian/contracts';
import { useLogout, useMe } from '../features/auth/api.ts';

const MAX_TAGS = 2;
/** Test hook on the popconfirm's OK button (data-* is not in ButtonProps' declared keys). */
const confirmButtonProps: ButtonProps = { ...{ 'data-testid': 'logout-confirm' } };

function roleText(grant: RoleGrant): string {
  return `${ROLES[grant.role]} · ${grant.orgName}`;
}

/** Header right side: display name, roles with their organizations, change password, logout. */
export function UserMenu() {
  const { data: me } = useMe();
  const logout = useLogout();
  // On a phone the header keeps the name and an icon-only logout; roles and links move out.
  const wide = Grid.useBreakpoint().md ?? true;
  if (!me) return null;

  const shown = me.roles.slice(0, MAX_TAGS);
  const rest = me.roles.slice(MAX_TAGS);

  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <Typography.Text data-testid="user-display-name" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
        <UserOutlined /> {me.displayName}
      </Typography.Text>
      {wide && <Flex gap={4} wrap={false} style={{ overflow: 'hidden' }}>
        {shown.map((g) => (
          <Tag key={`${g.role}:${g.orgId}`} color="gold" style={{ marginInlineEnd: 0 }}>
            {roleText(g)}
          </Tag>
        ))}
        {rest.length > 0 && (
          <Tooltip title={rest.map(roleText).join('；')}>
            <Tag color="gold">+{rest.length}</Tag>
          </Tooltip>
        )}
      </Flex>}
      {wide && (
        <Link to="/change-password" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          修改密码
        </Link>
      )}
      <Popconfirm
        title="确定退出登录吗？"
        okText="退出"
        cancelText="取消"
        okButtonProps={confirmButtonProps}
        onConfirm={logout.logout}
        placement="bottomRight"
      >
        <Button data-testid="logout-button" icon={<LogoutOutlined />} loading={logout.isPending} ghost aria-label="退出登录">
          {wide ? '退出登录' : null}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
