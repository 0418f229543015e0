import { Navigate, Route, Routes } from 'react-router';
import { useMe } from '../../auth/api.ts';
import { NotFoundPage } from '../../../components/NotFoundPage.tsx';
import { MeetingListPage } from './MeetingListPage.tsx';
import { MeetingFormPage } from './MeetingFormPage.tsx';
import { MeetingDetailPage } from './MeetingDetailPage.tsx';
import { MeetingPrintPage } from './MeetingPrintPage.tsx';
import { MyMeetingsPage } from './MyMeetingsPage.tsx';

/**
 * 组织生活 (C1 三会一课, C2): list, record form, detail with amendments, A4 print view, and
 * 我的组织生活. A member without record-keeping rights lands on their own page.
 */
export default function MeetingsPage() {
  const keeper = useMe().data?.permissions.includes('members:write') ?? false;
  return (
    <Routes>
      <Route index element={keeper ? <MeetingListPage /> : <Navigate to="my" replace />} />
      <Route path="new" element={<MeetingFormPage />} />
      <Route path="my" element={<MyMeetingsPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path=":id/edit" element={<MeetingFormPage />} />
      <Route path=":id/print" element={<MeetingPrintPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
