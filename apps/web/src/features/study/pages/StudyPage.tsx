import { Card, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import ExamsTab from './ExamsTab.tsx';
import ExamSittingPage from './ExamSittingPage.tsx';
import LessonsTab from './LessonsTab.tsx';
import MicroTab from './MicroTab.tsx';
import ItemsTab from './ItemsTab.tsx';
import TrainingsTab from './TrainingsTab.tsx';

const TABS = [
  { key: 'lessons', label: '党课' },
  { key: 'micro', label: '微党课' },
  { key: 'items', label: '学习资料' },
  { key: 'exams', label: '考试' },
  { key: 'trainings', label: '培训班' },
];

/** 学习教育 (C3, C4): one tab per part, each a nested route under /study. */
export default function StudyPage() {
  const loc = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((t) => loc.pathname.startsWith(`/study/${t.key}`))?.key ?? 'exams';
  // The sitting hides all navigation (closed book), so it renders outside the tabbed card.
  if (/^\/study\/exams\/\d+\/sit/.test(loc.pathname)) {
    return <Routes><Route path="exams/:id/sit" element={<ExamSittingPage />} /></Routes>;
  }
  return (
    <Card title="学习教育">
      <Tabs activeKey={active} items={TABS} onChange={(k) => navigate(`/study/${k}`)} />
      <Routes>
        <Route index element={<Navigate to="exams" replace />} />
        <Route path="exams/*" element={<ExamsTab />} />
        <Route path="lessons/*" element={<LessonsTab />} />
        <Route path="micro/*" element={<MicroTab />} />
        <Route path="items/*" element={<ItemsTab />} />
        <Route path="trainings/*" element={<TrainingsTab />} />
      </Routes>
    </Card>
  );
}
