import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import type { Wish } from '@dangjian/contracts';
import { MemberPicker } from '../../transfers/components/MemberPicker.tsx';
import { useClaim, useClose, useConfirm, useMerge, useRelease, useReopen, useReview, useWishList } from '../api.ts';
import { FulfilModal } from './FulfilModal.tsx';
import { ReasonModal } from './ReasonModal.tsx';

type Dialog = 'reject' | 'release' | 'close' | 'dispute' | 'merge' | 'assign' | 'fulfil' | 'reopen' | undefined;
const MERGE_TARGETS = new Set(['pending', 'open', 'claimed', 'fulfilled']);

/** Picks the wish a duplicate goes into: wishes of the same branch, searched by title. */
function MergeModal({ wish, open, onClose }: { wish: Wish; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [into, setInto] = useState<string>();
  const [reason, setReason] = useState('');
  const list = useWishList(open ? wish.orgId : undefined, { q }, 1);
  const merge = useMerge();
  const options = (list.data?.items ?? []).filter((w) => w.id !== wish.id && MERGE_TARGETS.has(w.status)).map((w) => ({ value: w.id, label: `${w.title}（${w.gridName}）` }));
  return (
    <Modal title={`合并重复心愿：${wish.title}`} open={open} onCancel={onClose} okText="合并" cancelText="取消" okButtonProps={{ disabled: !into, danger: true, 'data-testid': 'wish-merge-ok' }}
      confirmLoading={merge.isPending} destroyOnHidden
      onOk={() => merge.mutate({ id: wish.id, intoId: into!, reason: reason.trim() || undefined }, {
        onSuccess: () => { void message.success('已合并'); onClose(); }, onError: (e) => void message.error(e.message),
      })}>
      <p>合并后本心愿不再单独显示，进度以目标心愿为准。</p>
      <Form layout="vertical">
        <Form.Item label="合并到" required>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} value={into} onChange={setInto} options={options} loading={list.isFetching}
            placeholder="输入标题查找同一支部的心愿" notFoundContent="无可合并的心愿" data-testid="wish-merge-target" />
        </Form.Item>
        <Form.Item label="说明（可选）"><Input maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The secretary's actions on one wish, by status; each destructive one asks first. */
export function WishActions({ wish }: { wish: Wish }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>();
  const [memberId, setMemberId] = useState<string>();
  const review = useReview();
  const claim = useClaim();
  const release = useRelease();
  const confirm = useConfirm();
  const close = useClose();
  const reopen = useReopen();
  const done = (text: string) => ({ onSuccess: () => { void message.success(text); setDialog(undefined); }, onError: (e: Error) => void message.error(e.message) });
  const s = wish.status;
  const id = wish.id;
  return (
    <>
      <Space wrap data-testid="wish-actions">
        {s === 'pending' && (
          <Popconfirm title="审核通过后心愿将在心愿墙公开，确定？" okText="通过" cancelText="取消" okButtonProps={{ 'data-testid': 'wish-accept-confirm' }}
            onConfirm={() => review.mutate({ id, accept: true }, done('已通过，心愿已公开'))}>
            <Button type="primary" loading={review.isPending} data-testid="wish-accept">审核通过</Button>
          </Popconfirm>
        )}
        {s === 'pending' && <Button danger onClick={() => setDialog('reject')} data-testid="wish-reject">不通过</Button>}
        {(s === 'pending' || s === 'open') && <Button onClick={() => setDialog('merge')} data-testid="wish-merge">合并重复</Button>}
        {s === 'open' && <Button onClick={() => setDialog('assign')} data-testid="wish-assign">指定党员认领</Button>}
        {s === 'claimed' && <Button onClick={() => setDialog('fulfil')} data-testid="wish-record-fulfil">登记完成</Button>}
        {s === 'claimed' && <Button onClick={() => setDialog('release')} data-testid="wish-release">释放认领</Button>}
        {(s === 'fulfilled' || s === 'disputed') && (
          <Popconfirm title="登记群众已确认满意？确认后将为认领党员记积分。" okText="确认" cancelText="取消" okButtonProps={{ 'data-testid': 'wish-confirm-ok' }}
            onConfirm={() => confirm.mutate({ id, satisfied: true }, done('已登记群众满意'))}>
            <Button type="primary" data-testid="wish-record-confirm">登记群众满意</Button>
          </Popconfirm>
        )}
        {s === 'fulfilled' && <Button onClick={() => setDialog('dispute')} data-testid="wish-record-dispute">登记群众异议</Button>}
        {['pending', 'open', 'claimed', 'fulfilled', 'disputed'].includes(s) && <Button danger onClick={() => setDialog('close')} data-testid="wish-close">关闭</Button>}
        {['confirmed', 'disputed', 'closed', 'rejected'].includes(s) && <Button onClick={() => setDialog('reopen')} data-testid="wish-reopen">重新开放</Button>}
      </Space>
      <ReasonModal open={dialog === 'reject'} title="审核不通过" label="不通过原因" okText="不通过" danger testId="wish-reject" loading={review.isPending}
        hint="原因会告知提交心愿的群众。" onCancel={() => setDialog(undefined)} onOk={(reason) => review.mutate({ id, accept: false, reason }, done('已标记为不通过'))} />
      <ReasonModal open={dialog === 'release'} title="释放认领" label="释放原因" okText="释放" danger testId="wish-release" loading={release.isPending}
        hint={`心愿将回到“待认领”，${wish.claimantName ?? '原认领人'}不再负责。`} onCancel={() => setDialog(undefined)} onOk={(reason) => release.mutate({ id, reason }, done('已释放'))} />
      <ReasonModal open={dialog === 'close'} title="关闭心愿" label="关闭原因" okText="关闭" danger testId="wish-close" loading={close.isPending}
        hint="关闭后心愿不再显示在心愿墙，也不能再认领。" onCancel={() => setDialog(undefined)} onOk={(reason) => close.mutate({ id, reason }, done('已关闭'))} />
      <ReasonModal open={dialog === 'dispute'} title="登记群众异议" label="群众意见" okText="登记" testId="wish-dispute" loading={confirm.isPending}
        onCancel={() => setDialog(undefined)} onOk={(comment) => confirm.mutate({ id, satisfied: false, comment }, done('已登记异议'))} />
      <ReasonModal open={dialog === 'reopen'} title="重新开放心愿" label="重新开放原因" okText="重新开放" danger testId="wish-reopen" loading={reopen.isPending}
        hint={s === 'confirmed' ? '心愿回到“待认领”，认领党员因本心愿获得的积分将被冲销。' : '心愿回到“待认领”，可重新认领。'}
        onCancel={() => setDialog(undefined)} onOk={(reason) => reopen.mutate({ id, reason }, done('已重新开放'))} />
      <FulfilModal wish={dialog === 'fulfil' ? wish : undefined} onClose={() => setDialog(undefined)} />
      <MergeModal wish={wish} open={dialog === 'merge'} onClose={() => setDialog(undefined)} />
      <Modal title="指定党员认领" open={dialog === 'assign'} okText="指定" cancelText="取消" okButtonProps={{ disabled: !memberId, 'data-testid': 'wish-assign-ok' }}
        confirmLoading={claim.isPending} onCancel={() => setDialog(undefined)} destroyOnHidden
        onOk={() => claim.mutate({ id, memberId }, done('已指定认领党员'))}>
        <p>请选择本支部的党员，认领后需在规定天数内完成。</p>
        <MemberPicker value={memberId} onChange={setMemberId} testId="wish-assign-member" />
      </Modal>
    </>
  );
}
