/**
 * Every published aggregate as a flat, locale-independent table: dot decimals, ISO dates, ids
 * instead of translated labels. Suppressed cells are left out entirely (not even their n), and
 * no table carries a respondent or customer identifier: the report model has none to give.
 */
import type { Report, ReportEstimate, ReportMetric } from '../schemas/report.ts';

export type Cell = string | number | boolean | null;
export interface Dataset {
  /** File name without extension, e.g. `metric-trust_index`. */
  id: string;
  columns: string[];
  rows: Cell[][];
}

const METRIC_COLUMNS = ['metric', 'cut', 'wave', 'segment', 'tier', 'value', 'low', 'high', 'n', 'n_effective'];

export function metricDatasetId(metricId: string): string {
  return `metric-${metricId}`;
}

function estimateRows(metric: ReportMetric, cut: string, estimates: ReportEstimate[]): Cell[][] {
  return estimates
    .filter((e) => e.suppressed === null && e.value !== null)
    .map((e) => [metric.id, cut, e.wave, e.segment, e.tier, e.value, e.low, e.high, e.n, e.nEffective]);
}

export function metricDataset(metric: ReportMetric): Dataset {
  const r = metric.result;
  const rows = r
    ? [
        ...estimateRows(metric, 'latest', [r.latest]),
        ...estimateRows(metric, 'wave', r.byWave),
        ...estimateRows(metric, 'segment', r.bySegment),
        ...estimateRows(metric, 'segment_wave', r.bySegmentWave),
        ...estimateRows(metric, 'tier', r.byTier ?? []),
      ]
    : [];
  return { id: metricDatasetId(metric.id), columns: METRIC_COLUMNS, rows };
}

export function comparisonsDataset(report: Report): Dataset {
  const stats = new Map(report.library.statistics.map((s) => [s.id, s]));
  const sources = new Map(report.library.sources.map((s) => [s.id, s]));
  const rows: Cell[][] = [];
  for (const metric of report.metrics) {
    for (const c of metric.comparisons) {
      const s = stats.get(c.statisticId)!;
      const src = sources.get(s.sourceId)!;
      rows.push([
        metric.id, c.company.value, c.company.low, c.company.high, c.company.n, c.company.markets?.join(' ') ?? null,
        s.id, src.publisher, src.year, s.status, s.value, s.low, s.high, s.uncertainty.basis, s.uncertainty.margin,
        c.comparable ? 'benchmark' : 'context', c.gap, c.margin, c.p, c.pAdjusted, c.verdict, c.flags.join(' '),
      ]);
    }
  }
  return {
    id: 'comparisons',
    columns: [
      'metric', 'company_value', 'company_low', 'company_high', 'company_n', 'company_markets',
      'statistic', 'publisher', 'year', 'status', 'benchmark_value', 'benchmark_low', 'benchmark_high', 'benchmark_uncertainty', 'benchmark_margin',
      'role', 'gap', 'margin', 'p', 'p_holm', 'verdict', 'differences',
    ],
    rows,
  };
}

/** Every change claim (latest wave against the first and the previous) with its test or threshold. */
export function changesDataset(report: Report): Dataset {
  const rows: Cell[][] = [];
  for (const m of report.metrics) {
    for (const [span, c] of [['since_first', m.changes.sinceFirst], ['since_previous', m.changes.sincePrevious]] as const) {
      if (c) rows.push([m.id, span, c.fromWave, c.toWave, c.from, c.to, c.difference, c.low, c.high, c.p, c.pAdjusted, c.threshold, c.verdict]);
    }
  }
  return { id: 'changes', columns: ['metric', 'span', 'from_wave', 'to_wave', 'from', 'to', 'difference', 'low', 'high', 'p', 'p_holm', 'materiality', 'verdict'], rows };
}

/** Each published segment against the rest of the company (latest wave). */
export function segmentDifferencesDataset(report: Report): Dataset {
  const rows: Cell[][] = [];
  for (const m of report.metrics) {
    for (const d of m.segmentDifferences) rows.push([m.id, d.segment, d.versus, d.difference, d.low, d.high, d.p, d.pAdjusted, d.threshold, d.verdict]);
  }
  return { id: 'segment-differences', columns: ['metric', 'segment', 'versus', 'difference', 'low', 'high', 'p', 'p_holm', 'materiality', 'verdict'], rows };
}

export function cohortsDataset(report: Report): Dataset {
  const rows: Cell[][] = [];
  for (const c of report.cohorts) {
    if ('suppressed' in c) continue;
    c.shares.forEach((share, quarter) => rows.push([c.cohort, c.size, quarter, share]));
  }
  return { id: 'cohorts', columns: ['cohort', 'customers', 'quarters_since_first_order', 'retained_share'], rows };
}

export function sayVsDoDataset(report: Report): Dataset {
  const v = (e: ReportEstimate) => (e.suppressed === null ? e.value : null);
  return {
    id: 'say-vs-do',
    columns: ['segment', 'csat', 'csat_low', 'csat_high', 'csat_n', 'nps', 'nps_low', 'nps_high', 'nps_n', 'retention', 'retention_n', 'repeat_purchase', 'repeat_purchase_n', 'satisfied_not_loyal'],
    rows: report.sayVsDo.map((r) => [
      r.segment, v(r.csat), r.csat.low, r.csat.high, r.csat.n, v(r.nps), r.nps.low, r.nps.high, r.nps.n,
      v(r.retention), r.retention.n, v(r.repeat), r.repeat.n, r.satisfiedNotLoyal,
    ]),
  };
}

export function benchmarksDataset(report: Report): Dataset {
  const sources = new Map(report.library.sources.map((s) => [s.id, s]));
  return {
    id: 'benchmarks',
    columns: ['id', 'source', 'publisher', 'title', 'year', 'url', 'metric', 'measure', 'unit', 'value', 'low', 'high', 'qualifier', 'population', 'markets', 'n', 'wording', 'status', 'caveat', 'age_years', 'stale'],
    rows: report.library.statistics.map((s) => {
      const src = sources.get(s.sourceId)!;
      return [s.id, s.sourceId, src.publisher, src.title, src.year, src.url, s.metric, s.measure, s.unit, s.value, s.low, s.high, s.qualifier, s.population, s.markets.join(' '), s.n, s.wording, s.status, s.caveat, s.ageYears, s.stale];
    }),
  };
}

/**
 * Key drivers (see the report model's `drivers`): one row per outcome, published group and trust
 * dimension, the share of R^2 in % with its bootstrap interval. `outcome` is recommend_0_10 (the
 * likelihood to recommend, latest wave) or ordered_next_2_quarters (staying: linked respondents,
 * pooled waves). Suppressed groups have no rows.
 */
export function driversDataset(report: Report): Dataset {
  const rows: Cell[][] = [];
  const analyses = [report.drivers, report.drivers?.retention];
  for (const analysis of analyses) {
    for (const g of analysis?.groups ?? []) {
      if (g.suppressed !== null) continue;
      for (const d of g.dimensions) rows.push([analysis!.outcome, g.segment, g.n, g.r2, d.metric, d.share, d.low, d.high]);
    }
  }
  return { id: 'drivers', columns: ['outcome', 'segment', 'n', 'r2', 'metric', 'share', 'low', 'high'], rows };
}

/** Every dataset of the site, in a stable order. */
export function allDatasets(report: Report): Dataset[] {
  return [
    ...report.metrics.map(metricDataset),
    comparisonsDataset(report),
    changesDataset(report),
    segmentDifferencesDataset(report),
    cohortsDataset(report),
    sayVsDoDataset(report),
    driversDataset(report),
    benchmarksDataset(report),
  ];
}

/** All metric cuts in one long table: the "everything at once" CSV. */
export function allMetricsDataset(report: Report): Dataset {
  return { id: 'all-metrics', columns: METRIC_COLUMNS, rows: report.metrics.flatMap((m) => metricDataset(m).rows) };
}
