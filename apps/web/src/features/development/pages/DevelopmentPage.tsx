import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Lazy } from '../../../components/Lazy.tsx';

const PipelinePage = lazy(() => import('./PipelinePage.tsx'));
const NewCasePage = lazy(() => import('./NewCasePage.tsx'));
const CasePage = lazy(() => import('./CasePage.tsx'));
const PrintFormPage = lazy(() => import('./PrintFormPage.tsx'));

/** 发展党员: pipeline and to-do (index), new case, case with its 25-step timeline, printable forms. */
export default function DevelopmentPage() {
  return (
    <Routes>
      <Route index element={<Lazy><PipelinePage /></Lazy>} />
      <Route path="new" element={<Lazy><NewCasePage /></Lazy>} />
      <Route path=":id" element={<Lazy><CasePage /></Lazy>} />
      <Route path=":id/print/:form" element={<Lazy><PrintFormPage /></Lazy>} />
    </Routes>
  );
}
