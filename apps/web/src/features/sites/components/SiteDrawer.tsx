import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Image, Popconfirm, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { EditOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { PROPERTY_RIGHTS, SITE_KINDS, SITE_PHOTO_MAX_BYTES, SITE_PHOTO_TYPES, type SiteDetail } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { photoUrl, siteKeys, uploadSitePhoto, useDeletePhoto, useSite } from '../api.ts';
import { SitePrintCard } from './SitePrintCard.tsx';

const money = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('zh-CN')} 元`);

/** Photos of a site: upload (JPEG/PNG/WebP ≤ 5 MB, checked again by the server), preview, delete. */
function Photos({ site }: { site: SiteDetail }) {
  const { message } = App.useApp();
  const csrf = useMe().data?.csrfToken ?? '';
  const qc = useQueryClient();
  const remove = useDeletePhoto(site.id);
  return (
    <>
      {site.canEdit && (
        <Upload
          accept={SITE_PHOTO_TYPES.join(',')}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            if (!(SITE_PHOTO_TYPES as readonly string[]).includes(file.type)) { message.error(`${file.name}：只能上传 JPEG、PNG 或 WebP 图片`); return Upload.LIST_IGNORE; }
            if (file.size > SITE_PHOTO_MAX_BYTES) { message.error(`${file.name}：单张照片不能超过 5 MB`); return Upload.LIST_IGNORE; }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            uploadSitePhoto(site.id, file as File, csrf)
              .then((p) => { onSuccess?.(p); message.success('照片已上传'); return qc.invalidateQueries({ queryKey: siteKeys.all }); })
              .catch((e: Error) => { onError?.(e); message.error(e.message); });
          }}
        >
          <Button icon={<UploadOutlined />} style={{ marginBottom: 8 }} data-testid="site-photo-upload">上传照片</Button>
        </Upload>
      )}
      {site.photos.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无照片" /> : (
        <Image.PreviewGroup>
          <Space wrap>
            {site.photos.map((p) => (
              <Space key={p.id} direction="vertical" size={2} align="center">
                <Image src={photoUrl(site.id, p.id)} width={150} height={110} style={{ objectFit: 'cover' }} alt="阵地照片" />
                {site.canEdit && (
                  <Popconfirm title="删除这张照片？" okText="删除" okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutateAsync(p.id).then(() => message.success('已删除'), (e: Error) => message.error(e.message))}>
                    <Button type="link" size="small" danger>删除</Button>
                  </Popconfirm>
                )}
              </Space>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </>
  );
}

/** One site: its "电子身份证" fields, upgrade projects and photos, with edit and print. */
export function SiteDrawer({ siteId, onClose, onEdit }: { siteId: string | undefined; onClose: () => void; onEdit: (s: SiteDetail) => void }) {
  const site = useSite(siteId);
  const [printing, setPrinting] = useState(false);
  const s = site.data;
  return (
    <Drawer open={!!siteId} onClose={onClose} size={820} title={s ? s.name : '阵地详情'} destroyOnHidden data-testid="site-drawer"
      extra={s && (
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="site-print">打印</Button>
          {s.canEdit && <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(s)}>编辑</Button>}
        </Space>
      )}>
      {site.isPending ? <Skeleton active /> : site.isError ? <Alert type="error" showIcon title="阵地加载失败" description={site.error.message} /> : s && (
        <>
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="类型">{SITE_KINDS[s.kind]}</Descriptions.Item>
            <Descriptions.Item label="所属组织">{s.orgName}</Descriptions.Item>
            <Descriptions.Item label="地址" span={2}>{s.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="坐标">{s.lng !== null && s.lat !== null ? `${s.lng}, ${s.lat}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="建筑面积">{s.buildingArea === null ? '—' : `${s.buildingArea} ㎡`}</Descriptions.Item>
            <Descriptions.Item label="产权">{s.propertyRights ? PROPERTY_RIGHTS[s.propertyRights] : '—'}</Descriptions.Item>
            <Descriptions.Item label="投入资金">{money(s.investment)}</Descriptions.Item>
            <Descriptions.Item label="建成年份">{s.yearBuilt ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="提升改造年份">{s.yearUpgraded ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="功能设施" span={2}>{s.facilities.length ? s.facilities.map((f) => <Tag key={f} color="red">{f}</Tag>) : '—'}</Descriptions.Item>
            {s.remarks && <Descriptions.Item label="备注" span={2}>{s.remarks}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5}>提升改造项目</Typography.Title>
          <Table rowKey="id" size="small" pagination={false} dataSource={s.upgrades} style={{ marginBottom: 16 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无提升改造项目" /> }}
            columns={[{ title: '年份', dataIndex: 'year', width: 80 }, { title: '内容', dataIndex: 'content' }, { title: '投入（元）', dataIndex: 'investment', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')) }]} />
          <Typography.Title level={5}>阵地照片</Typography.Title>
          <Photos site={s} />
          <SitePrintCard site={s} open={printing} onClose={() => setPrinting(false)} />
        </>
      )}
    </Drawer>
  );
}
