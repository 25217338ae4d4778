/** Metrics in a table (src/components/MetricSummaryTable.astro): latest and first wave, the change since the first, the good direction. */
import type { Translator } from '../i18n/core.ts';
import type { Report, ReportMetric } from '../schemas/report.ts';
import { CHANGE_LABEL, metricName } from '../site/metric-text.ts';
import { paths } from '../site/paths.ts';
import { estimateCell, judgedMark, type EstimateCell, type Judged } from './common.ts';

export interface MetricSummaryTableProps {
  caption: string;
  lastWave: string;
  firstWave: string;
  rows: Array<{
    href: string;
    name: string;
    latest: EstimateCell;
    first: EstimateCell;
    /** The verdict since the first wave, or null for a dash. */
    change: { mark: Judged | null; text: string } | null;
    better: 'higher' | 'lower';
  }>;
}

/** `metrics`: in the order shown; those without results are left out. */
export function metricSummaryTable(report: Report, metrics: readonly ReportMetric[], t: Translator, caption: string): MetricSummaryTableProps {
  const minimum = report.company.minimumCellSize;
  return {
    caption,
    lastWave: t.format.quarter(report.waves.at(-1)!),
    firstWave: t.format.quarter(report.waves[0]!),
    rows: metrics.filter((m) => m.result).map((m) => {
      const c = m.changes.sinceFirst;
      return {
        href: paths.metric(t.locale, m.id),
        name: metricName(m.id, t),
        latest: estimateCell(m, m.result!.latest, t, minimum, { showN: true }),
        first: estimateCell(m, m.result!.byWave[0]!, t, minimum, { showN: true }),
        change: c ? { mark: judgedMark(c.verdict), text: t(CHANGE_LABEL[c.verdict]) } : null,
        better: m.better,
      };
    }),
  };
}
