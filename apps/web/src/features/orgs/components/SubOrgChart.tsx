import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { ORG_TYPES, type OrgDetail } from '@dangjian/contracts';

// Only what a bar chart needs; SVG keeps the Chinese axis labels as text in the DOM.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Rows = OrgDetail['stats']['subOrgsByType'];

export function subOrgChartOption(rows: Rows) {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  return {
    color: ['#c8102e'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => ORG_TYPES[r.type] ?? r.type) },
    series: [{ type: 'bar', name: '组织数', data: sorted.map((r) => r.count), barMaxWidth: 24, label: { show: true, position: 'right' } }],
  };
}

/** Horizontal bar chart of sub-organizations by type (lazy-loaded: echarts is a large chunk). */
export default function SubOrgChart({ rows }: { rows: Rows }) {
  const height = Math.max(160, rows.length * 36 + 40);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={subOrgChartOption(rows)}
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
      notMerge
    />
  );
}
