import { Modal, Spin } from 'antd';
import { useMyResult } from '../api.ts';
import { ResultView } from './ResultView.tsx';

/** The caller's marked paper after submission. */
export function MyResultModal({ examId, onClose }: { examId: string; onClose: () => void }) {
  const r = useMyResult(examId);
  return (
    <Modal open width={760} title="我的答卷" footer={null} onCancel={onClose}>
      {r.data ? <ResultView result={r.data} /> : <Spin />}
    </Modal>
  );
}
