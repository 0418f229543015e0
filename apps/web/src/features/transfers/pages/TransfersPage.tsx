import { Card, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { OutTab } from '../components/OutTab.tsx';
import { InTab } from '../components/InTab.tsx';
import { QueueTab } from '../components/QueueTab.tsx';
import { FloatingTab } from '../components/FloatingTab.tsx';
import { ExitsTab } from '../components/ExitsTab.tsx';
import { LetterPrint } from '../components/LetterPrint.tsx';

const TABS = [
  { key: 'out', label: '转出', element: <OutTab /> },
  { key: 'in', label: '转入', element: <InTab /> },
  { key: 'queue', label: '待办队列', element: <QueueTab /> },
  { key: 'floating', label: '流动党员', element: <FloatingTab /> },
  { key: 'exits', label: '出党/党员减少', element: <ExitsTab /> },
];

/** 关系转接 (/transfers/*): one tab per nested route, and the printable 介绍信 page. */
export default function TransfersPage() {
  const navigate = useNavigate();
  const tab = useLocation().pathname.split('/')[2] ?? 'out';
  return (
    <Routes>
      <Route path="letters/:id" element={<LetterPrint />} />
      <Route path="*" element={
        <Card title="组织关系转接与党员减少">
          <Tabs activeKey={TABS.some((t) => t.key === tab) ? tab : 'out'} onChange={(k) => void navigate(`/transfers/${k}`)}
            items={TABS.map((t) => ({ key: t.key, label: <span data-testid={`tab-${t.key}`}>{t.label}</span> }))} />
          <Routes>
            {TABS.map((t) => <Route key={t.key} path={t.key} element={t.element} />)}
            <Route path="*" element={<Navigate to="out" replace />} />
          </Routes>
        </Card>
      } />
    </Routes>
  );
}
