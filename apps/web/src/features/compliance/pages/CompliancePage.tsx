import { useSearchParams } from 'react-router';
import { Card, Tabs } from 'antd';
import { useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { ComplianceReport } from '../components/ComplianceReport.tsx';
import { RulesTab } from '../components/RulesTab.tsx';
import { currentPeriods } from '../components/PeriodPicker.tsx';

/** 合规检查: the 三会一课 compliance report and the meeting rules it is measured against. */
export default function CompliancePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'rules' ? 'rules' : 'report';
  const defaultOrgId = useDefaultOrgId();
  return (
    <Card title="合规检查（三会一课落实情况）">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'rules' ? { tab: 'rules' } : {})}
        items={[
          { key: 'report', label: '落实情况', children: <ComplianceReport defaultOrgId={defaultOrgId} initialPeriod={currentPeriods().year} /> },
          { key: 'rules', label: '会议规则', children: <RulesTab defaultOrgId={defaultOrgId} /> },
        ]}
      />
    </Card>
  );
}
