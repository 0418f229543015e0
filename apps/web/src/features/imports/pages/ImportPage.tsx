import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Segmented, TreeSelect, Typography, Upload, type UploadProps } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportKind } from '@dangjian/contracts';
import { useOrgTree } from '../../orgs/api.ts';
import { buildOrgTree, type OrgTreeItem } from '../../orgs/tree.ts';
import { templateUrl, uploadImport, useImportJob } from '../api.ts';
import { ImportOutcome } from '../components/ImportOutcome.tsx';

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}
const toOptions = (items: OrgTreeItem[]): TreeOption[] =>
  items.map((i) => ({ value: i.key, title: i.title, children: i.children ? toOptions(i.children) : undefined }));

const KINDS = [{ value: 'members', label: '导入党员' }, { value: 'orgs', label: '导入组织' }];

/** 批量导入: pick what and where, download the template, upload, follow the job to its result. */
export default function ImportPage() {
  const tree = useOrgTree();
  const model = useMemo(() => (tree.data ? buildOrgTree(tree.data) : null), [tree.data]);
  const [kind, setKind] = useState<ImportKind>('members');
  const [picked, setPicked] = useState<string | undefined>();
  const orgId = picked ?? model?.rootKeys[0];
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const job = useImportJob(jobId);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!orgId) return;
    setUploadError(null);
    setJobId(null);
    uploadImport(kind, orgId, file as File)
      .then((r) => {
        setJobId(r.jobId);
        onSuccess?.(r);
      })
      .catch((e: Error) => {
        setUploadError(e.message);
        onError?.(e);
      });
  };

  if (model && model.items.length === 0) return <Card title="批量导入"><Empty description="您没有可管理的组织" /></Card>;
  return (
    <Card title="批量导入" data-testid="import-page">
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label="导入内容">
          <Segmented options={KINDS} value={kind} onChange={(v) => { setKind(v as ImportKind); setJobId(null); }} data-testid="import-kind" />
        </Form.Item>
        <Form.Item label={kind === 'members' ? '导入到组织（党员可属于该组织或其下级组织）' : '导入到组织（新组织设在该组织或其下级之下）'}>
          <TreeSelect
            data-testid="import-org"
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={model?.rootKeys}
            treeData={model ? toOptions(model.items) : []}
            value={orgId}
            onChange={(v: string) => setPicked(v)}
            loading={tree.isPending}
            placeholder="选择组织"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label="第一步：下载模板并按说明填写">
          <Button icon={<DownloadOutlined />} href={templateUrl(kind)} data-testid="import-template">
            下载{kind === 'members' ? '党员' : '组织'}导入模板
          </Button>
        </Form.Item>
        <Form.Item label="第二步：上传填好的文件（.xlsx，不超过 20 MB）">
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            customRequest={customRequest}
            disabled={!orgId || (job.data !== undefined && !['done', 'failed'].includes(job.data.status))}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">点击或拖拽文件到此处上传</p>
            <Typography.Text type="secondary">任何一行有错误时整个文件都不会导入</Typography.Text>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      <Flex vertical gap={12} style={{ maxWidth: 960 }}>
        {uploadError && <Alert type="error" showIcon title={uploadError} data-testid="import-upload-error" />}
        {job.isError && <Alert type="error" showIcon title={job.error.message} />}
        {job.data && <ImportOutcome job={job.data} />}
      </Flex>
    </Card>
  );
}
