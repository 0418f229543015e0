import { Form, Input, Modal } from 'antd';

/**
 * A confirmation that needs a reason (reject, release, close, dispute). The modal is the
 * confirmation step; `danger` makes its button red.
 */
export function ReasonModal(props: {
  open: boolean; title: string; label: string; okText: string; danger?: boolean; loading?: boolean; hint?: string; testId: string;
  onOk: (reason: string) => void; onCancel: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal title={props.title} open={props.open} okText={props.okText} cancelText="取消" confirmLoading={props.loading} destroyOnHidden
      okButtonProps={{ danger: props.danger, 'data-testid': `${props.testId}-ok` }} onCancel={props.onCancel}
      onOk={() => void form.validateFields().then((v) => { props.onOk(v.reason.trim()); form.resetFields(); })}>
      {props.hint && <p>{props.hint}</p>}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={props.label} rules={[{ required: true, whitespace: true, min: 2, message: `请填写${props.label}（至少 2 个字）` }]}>
          <Input.TextArea rows={3} maxLength={200} showCount data-testid={`${props.testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
