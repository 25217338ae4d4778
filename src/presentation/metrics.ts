/** Every company metric, grouped by where it comes from (src/views/Metrics.astro). */
import type { Translator } from '../i18n/core.ts';
import type { MetricSource } from '../metrics/catalogue.ts';
import { SOURCE_LABEL } from '../site/metric-text.ts';
import type { PreparedReport } from '../site/model.ts';
import { metricSummaryTable, type MetricSummaryTableProps } from './metric-table.ts';

const SOURCES: readonly MetricSource[] = ['survey', 'orders', 'complaints'];

export interface MetricsPageProps {
  title: string;
  description: string;
  groups: Array<{ source: MetricSource; heading: string; table: MetricSummaryTableProps }>;
}

export function metricsPage(model: PreparedReport, t: Translator): MetricsPageProps {
  const report = model.report;
  return {
    title: t('metrics.title'),
    description: t('metrics.description', { company: report.company.name }),
    groups: SOURCES.map((source) => {
      const heading = t(SOURCE_LABEL[source]);
      return { source, heading, table: metricSummaryTable(report, report.metrics.filter((m) => m.source === source), t, heading) };
    }),
  };
}
