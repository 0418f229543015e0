import { Typography } from 'antd';
import { ageAt, GENDERS, idNumberProblem, parseIdNumber } from '@dangjian/contracts';

/** Birth date, age and sex read from the ID number as it is typed (never typed separately). */
export function IdNumberHint({ value }: { value: string | undefined }) {
  const id = (value ?? '').trim().toUpperCase();
  if (!id) return <Typography.Text type="secondary">出生日期、年龄、性别将根据身份证号自动生成</Typography.Text>;
  const info = id.length === 18 ? parseIdNumber(id) : null;
  if (!info) {
    return <Typography.Text type="secondary">{id.length < 18 ? `已输入 ${id.length} / 18 位` : idNumberProblem(id)}</Typography.Text>;
  }
  const age = ageAt(info.birthDate, new Date());
  return (
    <Typography.Text data-testid="id-derived">
      出生日期 {info.birthDate}，年龄 {age} 岁，性别 {GENDERS[info.gender]}
      {age < 18 && <Typography.Text type="danger">（未满 18 周岁）</Typography.Text>}
    </Typography.Text>
  );
}
