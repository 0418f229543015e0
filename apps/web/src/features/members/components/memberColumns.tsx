import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { GENDERS, MEMBER_STATUSES, type MemberListItem } from '@dangjian/contracts';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** Columns of the member list; ID number and phone arrive masked from the server. */
export const memberColumns: TableColumnsType<MemberListItem> = [
  { title: '姓名', dataIndex: 'name', key: 'name', width: 100, fixed: 'left' },
  { title: '性别', dataIndex: 'gender', key: 'gender', width: 64, render: (g: MemberListItem['gender']) => GENDERS[g] },
  { title: '年龄', dataIndex: 'age', key: 'age', width: 64 },
  { title: '身份证号', dataIndex: 'idNumberMasked', key: 'idNumber', width: 190, render: (v: string) => <code>{v}</code> },
  { title: '手机号', dataIndex: 'phoneMasked', key: 'phone', width: 130, render: dash },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 100,
    render: (s: MemberListItem['status']) => (
      <Tag color={s === 'full' ? 'red' : 'orange'}>{MEMBER_STATUSES[s]}</Tag>
    ),
  },
  { title: '所在组织', dataIndex: 'orgName', key: 'orgName', ellipsis: true, width: 200 },
  { title: '入党日期', dataIndex: 'joinedOn', key: 'joinedOn', width: 110, render: dash },
  { title: '学历', dataIndex: 'education', key: 'education', width: 90, render: dash },
];
