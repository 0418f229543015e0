import { DatePicker, Flex, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { GENDERS, MEMBER_CATEGORY_VALUES, MEMBER_EDUCATIONS, MEMBER_STATUSES, MEMBER_STATUS_CODES } from '@dangjian/contracts';
import type { MemberFilter } from '../api.ts';

export type FilterValues = Omit<MemberFilter, 'orgId' | 'sort' | 'order'>;

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** The roster's filter bar: status, sex, education, category, age range, join date range, keyword. */
export function MemberFilterBar({ value, onChange }: { value: FilterValues; onChange: (v: FilterValues) => void }) {
  const set = (patch: Partial<FilterValues>) => onChange({ ...value, ...patch });
  const range: [Dayjs | null, Dayjs | null] = [value.joinedFrom ? dayjs(value.joinedFrom) : null, value.joinedTo ? dayjs(value.joinedTo) : null];
  return (
    <Flex gap={8} wrap data-testid="member-filters">
      <Input.Search allowClear placeholder="姓名 / 拼音 / 首字母 / 身份证号 / 手机号" defaultValue={value.q} onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 280 }} data-testid="member-search" />
      <Select allowClear placeholder="党员状态" style={{ width: 110 }} value={value.status} onChange={(status) => set({ status })}
        options={MEMBER_STATUS_CODES.map((s) => ({ value: s, label: MEMBER_STATUSES[s] }))} data-testid="member-status-filter" />
      <Select allowClear placeholder="性别" style={{ width: 80 }} value={value.gender} onChange={(gender) => set({ gender })}
        options={(['male', 'female'] as const).map((g) => ({ value: g, label: GENDERS[g] }))} />
      <Select allowClear placeholder="学历" style={{ width: 120 }} value={value.education} onChange={(education) => set({ education })} options={opts(MEMBER_EDUCATIONS)} />
      <Select allowClear placeholder="党员类别" style={{ width: 120 }} value={value.category} onChange={(category) => set({ category })} options={opts(MEMBER_CATEGORY_VALUES)} />
      <Space.Compact>
        <InputNumber min={0} max={150} placeholder="最小年龄" value={value.ageMin} onChange={(v) => set({ ageMin: v ?? undefined })} style={{ width: 96 }} />
        <InputNumber min={0} max={150} placeholder="最大年龄" value={value.ageMax} onChange={(v) => set({ ageMax: v ?? undefined })} style={{ width: 96 }} />
      </Space.Compact>
      <DatePicker.RangePicker
        placeholder={['入党日期起', '入党日期止']}
        value={range}
        allowEmpty={[true, true]}
        onChange={(r) => set({ joinedFrom: r?.[0]?.format('YYYY-MM-DD'), joinedTo: r?.[1]?.format('YYYY-MM-DD') })}
        style={{ width: 260 }}
      />
    </Flex>
  );
}
