import { useEffect } from 'react';
import { App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PROPERTY_RIGHTS, PROPERTY_RIGHTS_CODES, SITE_FACILITIES, SITE_KINDS, SITE_KIND_CODES, type SiteDetail, type SiteKind, type PropertyRights, type SiteFacility,
} from '@dangjian/contracts';
import { OrgPicker } from '../../grids/components/OrgPicker.tsx';
import { showApiError } from '../../grids/components/formErrors.ts';
import { useCreateSite, useUpdateSite } from '../api.ts';

interface Values {
  orgId: string; name: string; kind: SiteKind; address?: string; lng?: number | null; lat?: number | null;
  buildingArea?: number | null; propertyRights?: PropertyRights | null; yearBuilt?: number | null; yearUpgraded?: number | null;
  investment?: number | null; facilities?: SiteFacility[]; remarks?: string;
  upgrades?: { year: number; content: string; investment?: number | null }[];
}

const thisYear = new Date().getFullYear();

/** Create (no `site`) or edit a site: location, area, rights, funding, facilities, upgrade projects. */
export function SiteFormModal({ open, site, defaultOrgId, onClose, onSaved }: {
  open: boolean; site?: SiteDetail | null; defaultOrgId?: string; onClose: () => void; onSaved: (s: SiteDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateSite();
  const update = useUpdateSite(site?.id ?? '');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (site) {
      form.setFieldsValue({
        orgId: site.orgId, name: site.name, kind: site.kind, address: site.address ?? '', lng: site.lng, lat: site.lat, buildingArea: site.buildingArea,
        propertyRights: site.propertyRights, yearBuilt: site.yearBuilt, yearUpgraded: site.yearUpgraded, investment: site.investment,
        facilities: site.facilities as SiteFacility[], remarks: site.remarks ?? '', upgrades: site.upgrades.map((u) => ({ year: u.year, content: u.content, investment: u.investment })),
      });
    } else form.setFieldsValue({ orgId: defaultOrgId, kind: 'village_hq', facilities: [], upgrades: [] });
  }, [open, site, defaultOrgId, form]);

  async function submit() {
    const v = await form.validateFields();
    const body = {
      name: v.name, kind: v.kind, address: v.address || null, lng: v.lng ?? null, lat: v.lat ?? null, buildingArea: v.buildingArea ?? null,
      propertyRights: v.propertyRights ?? null, yearBuilt: v.yearBuilt ?? null, yearUpgraded: v.yearUpgraded ?? null, investment: v.investment ?? null,
      facilities: v.facilities ?? [], remarks: v.remarks || null,
      upgrades: (v.upgrades ?? []).map((u) => ({ year: u.year, content: u.content, investment: u.investment ?? null })),
    };
    try {
      const saved = site ? await update.mutateAsync(body) : await create.mutateAsync({ orgId: v.orgId, ...body });
      message.success('阵地信息已保存');
      onSaved(saved);
    } catch (e) {
      const m = showApiError(form, e);
      if (m) message.error(m);
    }
  }

  const num = (min: number, max: number, precision: number, suffix: string) => ({ min, max, precision, suffix, style: { width: '100%' } });
  return (
    <Modal open={open} width={760} title={site ? `编辑阵地：${site.name}` : '新建阵地'} okText="保存" onOk={() => void submit()} onCancel={onClose}
      confirmLoading={create.isPending || update.isPending} destroyOnHidden okButtonProps={{ id: 'site-form-submit' }}>
      <Form form={form} layout="vertical" data-testid="site-form">
        <Row gutter={12}>
          <Col span={12}><Form.Item name="orgId" label="所属组织" rules={[{ required: true, message: '请选择所属组织' }]}><OrgPicker disabled={!!site} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="kind" label="阵地类型" rules={[{ required: true }]}><Select options={SITE_KIND_CODES.map((k) => ({ value: k, label: SITE_KINDS[k] }))} /></Form.Item></Col>
          <Col span={24}><Form.Item name="name" label="阵地名称" rules={[{ required: true, whitespace: true, message: '请输入阵地名称' }, { max: 100 }]}><Input placeholder="如：郝堂村党群服务中心" data-testid="site-form-name" /></Form.Item></Col>
          <Col span={24}><Form.Item name="address" label="地址" rules={[{ max: 200 }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="lng" label="经度" extra="-180 ~ 180，如 114.073"><InputNumber {...num(-180, 180, 6, '°')} /></Form.Item></Col>
          <Col span={12}><Form.Item name="lat" label="纬度" extra="-90 ~ 90，如 32.124"><InputNumber {...num(-90, 90, 6, '°')} /></Form.Item></Col>
          <Col span={8}><Form.Item name="buildingArea" label="建筑面积"><InputNumber {...num(0, 1e6, 2, '㎡')} data-testid="site-form-area" /></Form.Item></Col>
          <Col span={8}><Form.Item name="investment" label="投入资金"><InputNumber {...num(0, 1e11, 2, '元')} data-testid="site-form-investment" /></Form.Item></Col>
          <Col span={8}><Form.Item name="propertyRights" label="产权"><Select allowClear options={PROPERTY_RIGHTS_CODES.map((k) => ({ value: k, label: PROPERTY_RIGHTS[k] }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="yearBuilt" label="建成年份"><InputNumber {...num(1949, thisYear + 5, 0, '年')} /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="yearUpgraded" label="提升改造年份" dependencies={['yearBuilt']} rules={[({ getFieldValue }) => ({
              validator: (_, v?: number | null) => (!v || !getFieldValue('yearBuilt') || v >= getFieldValue('yearBuilt') ? Promise.resolve() : Promise.reject(new Error('不能早于建成年份'))),
            })]}><InputNumber {...num(1949, thisYear + 5, 0, '年')} /></Form.Item>
          </Col>
          <Col span={24}><Form.Item name="facilities" label="功能设施"><Checkbox.Group options={SITE_FACILITIES.map((f) => ({ value: f, label: f }))} /></Form.Item></Col>
        </Row>
        <Form.List name="upgrades">
          {(fields, { add, remove }) => (
            <Form.Item label="提升改造项目">
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: '年份' }]}><InputNumber min={1949} max={thisYear + 5} precision={0} placeholder="年份" /></Form.Item>
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, whitespace: true, message: '请填写内容' }, { max: 500 }]}><Input placeholder="改造内容" style={{ width: 330 }} /></Form.Item>
                  <Form.Item name={[f.name, 'investment']}><InputNumber min={0} max={1e11} precision={2} suffix="元" placeholder="投入" style={{ width: 160 }} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: thisYear })}>添加项目</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="remarks" label="备注" rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
