import { useState } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { childTypesOf, type OrgDetail } from '@dangjian/contracts';
import { OrgFormModal } from './OrgFormModal.tsx';
import { OrgRestructureModal, type RestructureMode } from './OrgRestructureModal.tsx';

type Open = null | 'create' | 'edit' | RestructureMode;

/**
 * 新建下级组织 / 编辑 / 移动 / 合并 / 撤销. The root of the caller's own scope cannot be renamed,
 * moved, merged or dissolved by the caller (the higher committee does that), so those buttons
 * are disabled there with the reason.
 */
export function OrgActions({ org, isScopeRoot }: { org: OrgDetail['org']; isScopeRoot: boolean }) {
  const [open, setOpen] = useState<Open>(null);
  const navigate = useNavigate();
  const close = () => setOpen(null);
  const locked = isScopeRoot ? '本级组织的调整须由上级党组织办理' : undefined;
  const canHaveChildren = childTypesOf(org.type).length > 0;
  const btn = (key: Exclude<Open, null>, label: string, opts: { disabled?: string; danger?: boolean } = {}) => (
    <Tooltip title={opts.disabled}>
      <Button size="small" danger={opts.danger} disabled={!!opts.disabled} onClick={() => setOpen(key)} data-testid={`org-action-${key}`}>
        {label}
      </Button>
    </Tooltip>
  );
  if (org.status !== 'active') return null;
  return (
    <>
      <Space wrap data-testid="org-actions">
        {btn('create', '新建下级组织', { disabled: canHaveChildren ? undefined : '该类型的组织下不能再设下级组织' })}
        {btn('edit', '编辑/重命名')}
        {btn('move', '移动', { disabled: locked })}
        {btn('merge', '合并', { disabled: locked, danger: true })}
        {btn('dissolve', '撤销', { disabled: locked, danger: true })}
      </Space>
      <OrgFormModal mode="create" org={org} open={open === 'create'} onClose={close} onCreated={(id) => void navigate(`/orgs/${id}`)} />
      <OrgFormModal mode="edit" org={org} open={open === 'edit'} onClose={close} />
      {(open === 'move' || open === 'merge' || open === 'dissolve') && <OrgRestructureModal mode={open} org={org} open onClose={close} />}
    </>
  );
}
