import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { serverFieldErrors } from '../../members/form-errors.ts';

/**
 * A modal form that submits through `onSubmit` and shows the server's field errors on the
 * fields (400 details) and anything else in an alert above the form.
 */
export function FormModal<T extends object>(props: {
  title: string; open: boolean; onClose: () => void; onSubmit: (v: T) => Promise<unknown>; fields: string[];
  children: ReactNode; okText?: string; initialValues?: Partial<T>; testId: string; confirm?: string;
}) {
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError([]);
    try {
      await props.onSubmit(v);
      form.resetFields();
      props.onClose();
    } catch (e) {
      const { fields, other } = serverFieldErrors(e, props.fields);
      (form as FormInstance).setFields(fields);
      setError(other);
    } finally {
      setBusy(false);
    }
  };
  const ok = () => (props.confirm ? Modal.confirm({ title: props.confirm, okText: '确定', cancelText: '取消', onOk: submit }) : submit());
  return (
    <Modal title={props.title} open={props.open} onOk={ok} onCancel={props.onClose} confirmLoading={busy} okText={props.okText ?? '提交'}
      okButtonProps={{ ...{ 'data-testid': `${props.testId}-ok` } }} destroyOnHidden width={560}>
      {error.length > 0 && <Alert type="error" showIcon title={error.join('；')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={props.initialValues} data-testid={props.testId}>{props.children}</Form>
    </Modal>
  );
}
