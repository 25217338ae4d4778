/**
 * A metric beside the public figures linked to it (src/components/Comparisons.astro). A benchmark
 * (same measure, comparable population) gets a gap and a verdict; a context figure is shown side
 * by side with both uncertainties and a sentence on how the two differ, never a gap.
 */
import type { Translator } from '../i18n/core.ts';
import type { ReportComparison, ReportMetric } from '../schemas/report.ts';
import { benchmarkUncertaintyText, formatMarkets, formatStatisticValue, sourceYear } from '../site/benchmark-text.ts';
import { sourcePublisher, statText } from '../site/library-text.ts';
import { sourceById, statisticById } from '../site/lookup.ts';
import { comparisonEstimate, FLAG_LABEL, formatGap, GAP_VERDICT_LABEL, NO_COMPARISON } from '../site/metric-text.ts';
import type { PreparedReport } from '../site/model.ts';
import { paths } from '../site/paths.ts';
import { makesContext } from '../report/compare.ts';
import { estimateCell, statusBadge, type EstimateCell, type LocalText, type StatusBadgeProps } from './common.ts';

export interface ComparisonRow {
  href: string;
  /** "Publisher (2024)". */
  source: string;
  population: LocalText;
  badge: StatusBadgeProps;
  value: string;
  uncertainty: string;
  company: EstimateCell;
  /** "Customers in Finland and Sweden", when the company figure is narrowed to the public figure's markets. */
  companyMarkets: string | null;
  /** Benchmarks only: the gap, when there is one. */
  gap: string | null;
  verdict: string | null;
  /** Context only: how the two differ. */
  differs: string | null;
  /** Benchmarks only: what still differs. */
  flags: string[];
}

export interface ComparisonsProps {
  headingId: string;
  /** Why there is no comparison, if there is none. */
  none: string | null;
  columnCompany: string;
  groups: Array<{ id: 'benchmark' | 'context'; heading: string; rows: ComparisonRow[] }>;
  holmNote: boolean;
}

export function comparisons(model: PreparedReport, metric: ReportMetric, t: Translator): ComparisonsProps {
  const report = model.report;
  const row = (c: ReportComparison): ComparisonRow => {
    const s = statisticById(report, c.statisticId);
    const src = sourceById(report, s.sourceId);
    return {
      href: paths.statistic(t.locale, s.id),
      source: `${sourcePublisher(src, t.locale)} (${sourceYear(src, t)})`,
      population: statText(s, 'population', t.locale, src),
      badge: statusBadge(s.status, t),
      value: formatStatisticValue(s, t),
      uncertainty: benchmarkUncertaintyText(s, t),
      company: estimateCell(metric, comparisonEstimate(metric, c)!, t, report.company.minimumCellSize, { showN: true }),
      companyMarkets: c.company.markets ? t('compare.company_markets', { markets: formatMarkets(c.company.markets, t) }) : null,
      gap: c.comparable && c.gap !== null ? formatGap(metric, c.gap, t) : null,
      verdict: c.verdict !== null ? t(GAP_VERDICT_LABEL[c.verdict]) : null,
      differs: !c.comparable ? t('compare.context_sentence', { differences: t.format.list(c.flags.filter(makesContext).map((f) => t(FLAG_LABEL[f]))) }) : null,
      flags: c.comparable ? c.flags.map((flag) => t(FLAG_LABEL[flag])) : [],
    };
  };
  const benchmarks = metric.comparisons.filter((c) => c.comparable);
  // Closest first: a figure that differs in fewer ways (say, only its country) before the others.
  const context = metric.comparisons.filter((c) => !c.comparable).map((c, i) => ({ c, i })).sort((a, b) => a.c.flags.length - b.c.flags.length || a.i - b.i).map(({ c }) => c);
  // Without a latest figure there is nothing to set beside the public ones.
  const groups = metric.result?.latest
    ? ([
        { id: 'benchmark' as const, rows: benchmarks, heading: t('compare.benchmarks_heading') },
        { id: 'context' as const, rows: context, heading: t('compare.context_heading') },
      ]).filter((g) => g.rows.length > 0).map((g) => ({ id: g.id, heading: g.heading, rows: g.rows.map(row) }))
    : [];
  return {
    headingId: `${metric.id}-benchmarks`,
    none: metric.noComparison ? t(NO_COMPARISON[metric.noComparison]) : null,
    columnCompany: t('compare.col_company', { company: report.company.name }),
    groups,
    holmNote: benchmarks.some((c) => c.verdict === 'larger_than_uncertainty' || c.verdict === 'within_uncertainty'),
  };
}
