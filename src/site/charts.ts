/**
 * The site's charts: report-model figures joined with the page's language. Each builder returns
 * a `Chart` (scene, title, description, data table, notes) that `Chart.astro` draws; the layout
 * maths stays in `src/charts/`, free of i18n and of the report model.
 */
import type { Translator } from '../i18n/core.ts';
import { layoutBars, type BarRow } from '../charts/bars.ts';
import { layoutDumbbell } from '../charts/dumbbell.ts';
import { layoutHeatTable } from '../charts/heat.ts';
import { layoutLines } from '../charts/lines.ts';
import { layoutScatter } from '../charts/scatter.ts';
import { layoutSmallMultiples } from '../charts/small-multiples.ts';
import type { Chart, Scene } from '../charts/scene.ts';
import { renderSvg } from '../charts/svg.ts';
import { metricDatasetId } from '../downloads/datasets.ts';
import { makesContext } from '../report/compare.ts';
import type { Report, ReportComparison, ReportEstimate, ReportMetric, ReportSource, ReportStatistic } from '../schemas/report.ts';
import { sourcePublisher, statText } from './library-text.ts';
import { formatStatisticValue, sourceYear, STATUS_LABEL, STATUS_SYMBOL } from './benchmark-text.ts';
import { segmentName, sourceById, statisticById } from './lookup.ts';
import { comparisonEstimate, DIFFERENCE_LABEL, FLAG_LABEL, formatGap, formatInterval, formatShareRange, formatMetricValue, GAP_VERDICT_LABEL, isMetricId, METRIC_NAME, metricId, segmentList, suppressionText, TIER_LABEL } from './metric-text.ts';
import { extremes, metricOf, prepared, shared, SEGMENT_EXTREMES, type PreparedMetric } from './model.ts';

export interface SiteChart extends Chart {
  /** The download (without extension) holding this chart's figures. */
  dataset: string;
  /**
   * The pictures offered for slides (`/<locale>/charts/<id>.png|svg`); PNG and SVG unless set.
   * With more segments than a page lists, a segment's own charts come as SVG only, so the
   * PNGs rendered at build time do not grow with the number of segments.
   */
  images?: ('png' | 'svg')[];
}

/** A segment's own chart: SVG only when there are too many segments to render each as PNG. */
function segmentOwn(report: Report, chart: SiteChart | undefined): SiteChart | undefined {
  if (chart && prepared(report).manySegments) chart.images = ['svg'];
  return chart;
}

type Kind = ReportMetric['kind'];

/** The metric's full scale for bars, so bar lengths are honest; zero is always included. */
export function barDomain(kind: Kind, values: number[]): [number, number] {
  if (kind === 'share' || kind === 'index') return [0, 100];
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  if (kind === 'nps') return [Math.max(-100, Math.min(-20, min - 10)), Math.min(100, Math.max(20, max + 10))];
  return [0, max * 1.15 || 1];
}

/** A window around the values for lines (a trend needs no zero), kept inside the metric's scale. */
export function lineDomain(kind: Kind, values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.25, 2);
  const [floor, ceiling] = kind === 'nps' ? [-100, 100] : kind === 'share' || kind === 'index' ? [0, 100] : [0, Infinity];
  return [Math.max(floor, lo - pad), Math.min(ceiling, hi + pad)];
}

/** Axis labels: whole numbers where the ticks are whole, so the axis stays quiet. */
export function tickFormat(kind: Kind, t: Translator): (value: number) => string {
  const decimals = (v: number) => (Number.isInteger(v) ? 0 : 1);
  switch (kind) {
    case 'share':
      return (v) => t.format.percent(v, decimals(v));
    case 'nps':
      return (v) => t.format.signedNumber(v, decimals(v));
    default:
      return (v) => t.format.number(v, decimals(v));
  }
}

const values = (estimates: ReportEstimate[]) =>
  estimates.flatMap((e) => [e.value, e.low, e.high]).filter((v): v is number => v !== null);

function directionNote(metric: ReportMetric, t: Translator): string {
  return metric.better === 'higher' ? t('chart.higher_better') : t('chart.lower_better');
}

function intervalNote(metric: ReportMetric, t: Translator): string {
  return metric.census ? t('chart.census_note') : t('chart.interval_note');
}

/** What the tick a line chart draws for a wave without a value means, when one is drawn. */
function gapMarkNote(estimates: ReportEstimate[], t: Translator): string[] {
  return estimates.some((e) => e.value === null) ? [t('chart.gap_mark_note')] : [];
}

/**
 * "Not shown for …: reason", one note per reason. `list` joins the names (segment lists are
 * shortened past a dozen names: see `segmentList`).
 */
function missingNotes(estimates: ReportEstimate[], name: (e: ReportEstimate) => string, t: Translator, minimum: number, list: (items: string[]) => string = t.format.list): string[] {
  const byReason = new Map<string, string[]>();
  for (const e of estimates) {
    if (e.value !== null) continue;
    const reason = suppressionText(e, t, minimum);
    const items = byReason.get(reason);
    if (items) items.push(name(e));
    else byReason.set(reason, [name(e)]);
  }
  return [...byReason].map(([reason, items]) => t('chart.gap_note', { items: list(items), reason }));
}

/**
 * The wide layout (640 units) and the phone layout (320 units). The stylesheet shows each only
 * where it is drawn at least at its own size (the wide one from 640 px of column, the phone one
 * at 320 to 360 px, scrolling in its frame below 320), so 12-unit text is never under 12 px.
 */
export const WIDE = 640;
export const NARROW = 320;

/** Lays a chart out at both widths: `scene` for wide screens, `narrow` for phones (switched by CSS). */
function both(layout: (width: number) => Scene): { scene: Scene; narrow: Scene } {
  return { scene: layout(WIDE), narrow: layout(NARROW) };
}

const svgs = new WeakMap<Chart, string>();
const narrowSvgs = new WeakMap<Chart, string>();

/** A chart's SVG, drawn once per chart object (a chart shared by several pages is drawn once). */
export function chartSvg(chart: Chart): string {
  let svg = svgs.get(chart);
  if (svg === undefined) {
    svg = renderSvg(chart.scene, { id: `chart-${chart.id}`, title: chart.title, description: chart.description });
    svgs.set(chart, svg);
  }
  return svg;
}

/** The phone layout's SVG, or undefined when the chart has none; its ids differ from the wide one's. */
export function chartSvgNarrow(chart: Chart): string | undefined {
  if (!chart.narrow) return undefined;
  let svg = narrowSvgs.get(chart);
  if (svg === undefined) {
    svg = renderSvg(chart.narrow, { id: `chart-${chart.id}-narrow`, title: chart.title, description: chart.description });
    narrowSvgs.set(chart, svg);
  }
  return svg;
}

/** The comparison drawn as a marker: the first benchmark (never a context figure) with a gap. */
export function markerComparison(metric: ReportMetric): ReportComparison | undefined {
  return metric.comparisons.find((c) => c.comparable && c.gap !== null);
}

function benchmarkNote(report: Report, c: ReportComparison, t: Translator): string {
  const s = statisticById(report, c.statisticId);
  const src = sourceById(report, s.sourceId);
  return t('chart.benchmark_note', {
    value: formatStatisticValue(s, t),
    publisher: sourcePublisher(src, t.locale),
    year: sourceYear(src, t),
    status: `${STATUS_SYMBOL[s.status]} ${t(STATUS_LABEL[s.status])}`,
  });
}

/** A benchmark named by whom it describes, then who published it: "US consumers rating grocers · Qualtrics XM Institute 2023". */
function benchmarkRowLabel(s: ReportStatistic, src: ReportSource, t: Translator): string {
  return `${statText(s, 'population', t.locale, src).text} · ${sourcePublisher(src, t.locale)} ${sourceYear(src, t)}`;
}

/** One note per source and status (not per row): the rows already carry their value and population. */
function benchmarkSourceNotes(report: Report, cs: ReportComparison[], t: Translator): string[] {
  return [...new Set(cs.map((c) => {
    const s = statisticById(report, c.statisticId);
    const src = sourceById(report, s.sourceId);
    return t('chart.benchmark_source_note', { publisher: sourcePublisher(src, t.locale), year: sourceYear(src, t), status: `${STATUS_SYMBOL[s.status]} ${t(STATUS_LABEL[s.status])}` });
  }))];
}

function benchmarkMarker(report: Report, metric: ReportMetric, t: Translator) {
  const c = markerComparison(metric);
  if (!c) return { marker: null, notes: [] as string[] };
  const s = statisticById(report, c.statisticId);
  const src = sourceById(report, s.sourceId);
  return {
    marker: { value: s.value!, label: `${benchmarkRowLabel(s, src, t)}: ${formatStatisticValue(s, t)}` },
    notes: [benchmarkNote(report, c, t)],
  };
}

/** A table row: label, value, its interval (survey figures only: a census has none), n. */
function estimateRow(metric: ReportMetric, label: string, e: ReportEstimate, t: Translator, minimum: number): string[] {
  const n = e.n === null ? '' : t.format.integer(e.n);
  if (e.value === null) return metric.census ? [label, suppressionText(e, t, minimum), ''] : [label, suppressionText(e, t, minimum), '', ''];
  const value = formatMetricValue(metric, e.value, t);
  return metric.census ? [label, value, n] : [label, value, formatInterval(metric, e, t), n];
}

function estimateColumns(first: string, t: Translator, metric: Pick<ReportMetric, 'census'>): string[] {
  return metric.census
    ? [first, t('metricpage.col_value_census'), t('metricpage.col_n')]
    : [first, t('metricpage.col_value_only'), t('chart.col_interval'), t('metricpage.col_n')];
}

/** One cell of a dense grid: value, then interval and n, e.g. "72.1 (70.2–74.0; n = 812)". */
function denseCell(metric: ReportMetric, e: ReportEstimate, t: Translator): string {
  if (e.value === null) return '—';
  const interval = formatInterval(metric, e, t);
  const n = e.n === null ? '' : t('cell.n', { n: e.n });
  const extra = [interval, n].filter(Boolean).join('; ');
  return extra ? `${formatMetricValue(metric, e.value, t)} (${extra})` : formatMetricValue(metric, e.value, t);
}

/** Trend over waves with the interval band and the benchmark as a dashed line (drawn once per locale). */
export function trendChart(report: Report, metric: ReportMetric, t: Translator): SiteChart {
  return shared(report, `trend:${metric.id}:${t.locale}`, () => drawTrendChart(report, metric, t));
}

function drawTrendChart(report: Report, metric: ReportMetric, t: Translator): SiteChart {
  const r = metric.result!;
  const name = t(METRIC_NAME[metricId(metric.id)]);
  const fmt = (v: number) => formatMetricValue(metric, v, t);
  const { marker, notes } = benchmarkMarker(report, metric, t);
  const since = metric.changes.sinceFirst;
  const tested = since && (since.verdict === 'improved' || since.verdict === 'declined') ? since : null;
  const shown = r.byWave.filter((e) => e.value !== null);
  const first = shown[0];
  const last = shown.at(-1);
  const { scene, narrow } = both((width) => layoutLines({ width,
    categories: report.waves,
    categoryLabels: report.waves.map((w) => t.format.quarterShort(w)),
    series: [{ label: name, points: r.byWave.map((e) => ({ x: e.wave!, value: e.value, low: e.low, high: e.high })) }],
    domain: lineDomain(metric.kind, [...values(r.byWave), ...(marker ? [marker.value] : [])]),
    format: fmt, tickFormat: tickFormat(metric.kind, t),
    bands: !metric.census,
    benchmark: marker,
  }));
  return {
    id: `${metric.id}-trend`,
    dataset: metricDatasetId(metric.id),
    // The title states the finding only when the change passed its test; otherwise it stays neutral.
    title: tested
      ? t(tested.verdict === 'improved' ? 'chart.trend_title_improved' : 'chart.trend_title_declined', { metric: name, from: fmt(tested.from), to: fmt(tested.to), first: tested.fromWave, last: tested.toWave })
      : t('chart.trend_title', { metric: name, first: report.waves[0]!, last: report.waves.at(-1)! }),
    description: first && last
      ? t('chart.trend_desc', { metric: name, first: first.wave!, firstValue: fmt(first.value!), last: last.wave!, lastValue: fmt(last.value!) })
      : t('chart.no_values'),
    scene, narrow,
    table: { columns: estimateColumns(t('metricpage.col_wave'), t, metric), rows: r.byWave.map((e) => estimateRow(metric, t.format.quarter(e.wave!), e, t, report.company.minimumCellSize)) },
    notes: [directionNote(metric, t), intervalNote(metric, t), ...gapMarkNote(r.byWave, t), ...missingNotes(r.byWave, (e) => t.format.quarter(e.wave!), t, report.company.minimumCellSize), ...notes],
  };
}

/**
 * Latest value per segment as bars with whiskers and the benchmark marker. With more segments
 * than a page lists (see `SEGMENT_LIST_LIMIT`), only the highest and the lowest are drawn.
 */
export function segmentChart(report: Report, metric: ReportMetric, t: Translator): SiteChart {
  if (prepared(report).manySegments) return segmentExtremesChart(report, metric, t);
  const r = metric.result!;
  const name = t(METRIC_NAME[metricId(metric.id)]);
  const fmt = (v: number) => formatMetricValue(metric, v, t);
  const minimum = report.company.minimumCellSize;
  const label = (e: ReportEstimate) => segmentName(report, e.segment, t.locale);
  const { marker, notes } = benchmarkMarker(report, metric, t);
  const rows: BarRow[] = r.bySegment.map((e) => ({ label: label(e), value: e.value, low: e.low, high: e.high, missing: e.value === null ? suppressionText(e, t, minimum) : undefined }));
  const shown = r.bySegment.filter((e) => e.value !== null).sort((a, b) => b.value! - a.value!);
  const wave = report.waves.at(-1)!;
  return {
    id: `${metric.id}-segments`,
    dataset: metricDatasetId(metric.id),
    title: t('chart.segments_title', { metric: name, wave }),
    description: shown.length > 0
      ? t('chart.segments_desc', { metric: name, count: r.bySegment.length, wave, top: label(shown[0]!), topValue: fmt(shown[0]!.value!), bottom: label(shown.at(-1)!), bottomValue: fmt(shown.at(-1)!.value!) })
      : t('chart.no_values'),
    ...both((width) => layoutBars({ width, rows, domain: barDomain(metric.kind, [...values(r.bySegment), ...(marker ? [marker.value] : [])]), format: fmt, tickFormat: tickFormat(metric.kind, t), benchmark: marker })),
    table: { columns: estimateColumns(t('metricpage.col_segment'), t, metric), rows: r.bySegment.map((e) => estimateRow(metric, label(e), e, t, minimum)) },
    notes: [directionNote(metric, t), intervalNote(metric, t), ...missingNotes(r.bySegment, label, t, minimum), ...notes],
  };
}

/** The segments a summarised metric page shows: the highest and the lowest latest values. */
export function shownSegments(pm: PreparedMetric): ReportEstimate[] {
  const { highest, lowest } = extremes(pm.ranked);
  return [...highest, ...lowest];
}

/** A segment's test against the rest of the company, e.g. "+4.2 pp (better than the rest)". */
function differenceCell(metric: ReportMetric, pm: PreparedMetric, segment: string, t: Translator): string {
  const d = pm.differences.get(segment);
  if (!d) return '';
  const cell = `${formatGap(metric, d.difference, t)} (${t(DIFFERENCE_LABEL[d.verdict])})`;
  return d.versus === 'company' ? `${cell} ${t('segment.versus_company')}` : cell;
}

/**
 * Many segments: bars for the highest and the lowest (SEGMENT_EXTREMES each), the number of
 * segments between them, and each shown segment's test against the rest of the company.
 */
function segmentExtremesChart(report: Report, metric: ReportMetric, t: Translator): SiteChart {
  const r = metric.result!;
  const pm = metricOf(report, metric.id);
  const name = t(METRIC_NAME[metricId(metric.id)]);
  const fmt = (v: number) => formatMetricValue(metric, v, t);
  const minimum = report.company.minimumCellSize;
  const label = (e: ReportEstimate) => segmentName(report, e.segment, t.locale);
  const { marker, notes } = benchmarkMarker(report, metric, t);
  const { highest, lowest } = extremes(pm.ranked);
  const shown = [...highest, ...lowest];
  const between = pm.ranked.length - shown.length;
  const bar = (e: ReportEstimate): BarRow => ({ label: label(e), value: e.value, low: e.low, high: e.high });
  const rows: BarRow[] = [
    ...highest.map(bar),
    ...(between > 0 ? [{ label: '…', value: null, low: null, high: null, missing: t('chart.segments_between', { count: between }) }] : []),
    ...lowest.map(bar),
  ];
  const wave = report.waves.at(-1)!;
  const count = report.company.segments.length;
  return {
    id: `${metric.id}-segments`,
    dataset: metricDatasetId(metric.id),
    title: t('chart.segments_extremes_title', { metric: name, wave }),
    description: shown.length > 0
      ? t('chart.segments_extremes_desc', { metric: name, shown: shown.length, count, wave, top: label(shown[0]!), topValue: fmt(shown[0]!.value!), bottom: label(shown.at(-1)!), bottomValue: fmt(shown.at(-1)!.value!) })
      : t('chart.no_values'),
    ...both((width) => layoutBars({ width, rows, domain: barDomain(metric.kind, [...values(shown), ...(marker ? [marker.value] : [])]), format: fmt, tickFormat: tickFormat(metric.kind, t), benchmark: marker })),
    table: {
      columns: [...estimateColumns(t('metricpage.col_segment'), t, metric), t('segment.col_difference')],
      rows: shown.map((e) => [...estimateRow(metric, label(e), e, t, minimum), differenceCell(metric, pm, e.segment!, t)]),
    },
    notes: [directionNote(metric, t), intervalNote(metric, t), ...missingNotes(r.bySegment, label, t, minimum, (items) => segmentList(items, t)), ...notes],
  };
}

/** Loyalty tiers (orders metrics) as bars. */
export function tierChart(report: Report, metric: ReportMetric, t: Translator): SiteChart | undefined {
  const tiers = metric.result?.byTier;
  if (!tiers || tiers.length === 0) return undefined;
  const name = t(METRIC_NAME[metricId(metric.id)]);
  const fmt = (v: number) => formatMetricValue(metric, v, t);
  const minimum = report.company.minimumCellSize;
  const label = (e: ReportEstimate) => t(TIER_LABEL[e.tier!]!);
  const wave = report.waves.at(-1)!;
  return {
    id: `${metric.id}-tiers`,
    dataset: metricDatasetId(metric.id),
    title: t('chart.tiers_title', { metric: name, wave }),
    description: t('chart.tiers_desc', { metric: name, items: t.format.list(tiers.map((e) => `${label(e)} ${e.value === null ? '—' : fmt(e.value)}`)) }),
    ...both((width) => layoutBars({ width, rows: tiers.map((e) => ({ label: label(e), value: e.value, low: e.low, high: e.high, missing: e.value === null ? suppressionText(e, t, minimum) : undefined })), domain: barDomain(metric.kind, values(tiers)), format: fmt, tickFormat: tickFormat(metric.kind, t) })),
    table: { columns: estimateColumns(t('metricpage.col_tier'), t, metric), rows: tiers.map((e) => estimateRow(metric, label(e), e, t, minimum)) },
    notes: [directionNote(metric, t), intervalNote(metric, t), ...missingNotes(tiers, label, t, minimum)],
  };
}

/**
 * One small trend per segment, on a shared scale; with many segments, only those the bars show
 * (the highest and the lowest).
 */
export function segmentTrendsChart(report: Report, metric: ReportMetric, t: Translator): SiteChart {
  const r = metric.result!;
  const pm = metricOf(report, metric.id);
  const many = prepared(report).manySegments;
  const name = t(METRIC_NAME[metricId(metric.id)]);
  const fmt = (v: number) => formatMetricValue(metric, v, t);
  const minimum = report.company.minimumCellSize;
  const segments = many ? shownSegments(pm).map((e) => e.segment!) : report.company.segments.map((s) => s.id);
  // Each segment's cells in wave order; a cell the model lacks reads as no data.
  const cells = (segment: string): ReportEstimate[] => {
    const row = pm.bySegmentWave.get(segment);
    return report.waves.map((wave, i) => row?.[i] ?? { wave, segment, tier: null, value: null, low: null, high: null, se: null, n: null, nEffective: null, suppressed: null });
  };
  const grid = segments.map((id) => ({ id, cells: cells(id) }));
  const label = (id: string) => segmentName(report, id, t.locale);
  const { scene, narrow } = both((width) => layoutSmallMultiples({ width,
    categories: report.waves,
    categoryLabels: report.waves.map((w) => t.format.quarterShort(w)),
    panels: grid.map((g) => ({ title: label(g.id), series: [{ label: label(g.id), points: g.cells.map((e) => ({ x: e.wave!, value: e.value, low: e.low, high: e.high })) }] })),
    domain: lineDomain(metric.kind, values(many ? grid.flatMap((g) => g.cells) : r.bySegmentWave)),
    format: fmt, tickFormat: tickFormat(metric.kind, t),
    bands: !metric.census,
    columns: width < 500 ? 2 : segments.length > 4 ? 3 : 2,
    panelHeight: width < 500 ? 130 : 140,
  }));
  return {
    id: `${metric.id}-segment-trends`,
    dataset: metricDatasetId(metric.id),
    title: many ? t('chart.multiples_extremes_title', { metric: name }) : t('chart.multiples_title', { metric: name }),
    description: t('chart.multiples_desc', { metric: name, count: segments.length, first: report.waves[0]!, last: report.waves.at(-1)! }),
    scene, narrow,
    table: {
      columns: [t('metricpage.col_segment'), ...report.waves.map((w) => t.format.quarter(w))],
      rows: grid.map((g) => [label(g.id), ...g.cells.map((e) => denseCell(metric, e, t))]),
    },
    notes: [
      directionNote(metric, t),
      intervalNote(metric, t),
      ...gapMarkNote(grid.flatMap((g) => g.cells), t),
      ...missingNotes(many ? grid.flatMap((g) => g.cells) : r.bySegmentWave, (e) => `${label(e.segment!)} ${t.format.quarter(e.wave!)}`, t, minimum),
    ],
  };
}

/**
 * Whether a context figure can sit on the metric's axis: a level on the metric's own scale (it
 * differs in population, country, industry or question only). Others stay in the table.
 */
export function drawableContext(c: ReportComparison, s: ReportStatistic): boolean {
  return !c.comparable && !c.flags.includes('scale') && !c.flags.includes('measure') && (s.value !== null || (s.low !== null && s.high !== null));
}

/**
 * The company against each public figure on its scale: a dumbbell per benchmark (with its gap),
 * and each context figure beside the company's figure, hollow and muted, with no gap or verdict.
 * Undefined when the company has no figure or no public figure can be drawn.
 */
export function comparisonChart(report: Report, metric: ReportMetric, t: Translator): SiteChart | undefined {
  const latest = metric.result?.latest;
  if (!latest || latest.value === null) return undefined;
  const benchmarks = metric.comparisons.filter((c) => c.comparable && c.gap !== null);
  // Context figures closest first (fewer differences), as in the table of public figures.
  const contextAll = metric.comparisons.filter((c) => !c.comparable).map((c, i) => ({ c, i })).sort((a, b) => a.c.flags.length - b.c.flags.length || a.i - b.i).map(({ c }) => c);
  const context = contextAll.filter((c) => drawableContext(c, statisticById(report, c.statisticId)));
  const undrawn = contextAll.filter((c) => !context.includes(c));
  if (benchmarks.length + context.length === 0) return undefined;
  const name = t(METRIC_NAME[metricId(metric.id)]);
  const fmt = (v: number) => formatMetricValue(metric, v, t);
  const row = (c: ReportComparison) => {
    const s = statisticById(report, c.statisticId);
    const src = sourceById(report, s.sourceId);
    return { c, s, src, label: benchmarkRowLabel(s, src, t), company: comparisonEstimate(metric, c) };
  };
  const rows = [...benchmarks, ...context].map(row);
  const differences = (c: ReportComparison) => t.format.list(c.flags.filter(makesContext).map((f) => t(FLAG_LABEL[f])));
  const item = ({ c, s, label }: (typeof rows)[number]) => c.comparable
    ? `${label}: ${t('chart.gap_value', { gap: formatGap(metric, c.gap!, t) })}`
    : `${label}: ${t('chart.context_value', { value: formatStatisticValue(s, t) })}`;
  const publicValues = rows.flatMap(({ s }) => [s.value, s.low, s.high]).filter((v): v is number => v !== null);
  const companyValues = rows.flatMap(({ company }) => [company?.value ?? null]).filter((v): v is number => v !== null);
  const sourceNote = (key: 'chart.context_source_note', cs: ReportComparison[]) => [...new Set(cs.map((c) => {
    const s = statisticById(report, c.statisticId);
    const src = sourceById(report, s.sourceId);
    return t(key, { publisher: sourcePublisher(src, t.locale), year: sourceYear(src, t), status: `${STATUS_SYMBOL[s.status]} ${t(STATUS_LABEL[s.status])}` });
  }))];
  return {
    id: `${metric.id}-benchmarks`,
    dataset: 'comparisons',
    title: benchmarks.length > 0 ? t('chart.compare_title', { metric: name }) : t('chart.compare_context_title', { metric: name }),
    description: t(benchmarks.length > 0 ? 'chart.compare_desc' : 'chart.compare_context_desc', { metric: name, value: fmt(latest.value), items: t.format.list(rows.map(item)) }),
    ...both((width) => layoutDumbbell({ width,
      rows: rows.map(({ c, s, label, company }) => ({
        label,
        company: company?.value ?? null,
        companyLow: company?.low ?? null,
        companyHigh: company?.high ?? null,
        benchmark: s.value,
        benchmarkLow: s.value === null ? s.low : null,
        benchmarkHigh: s.value === null ? s.high : null,
        benchmarkText: s.value === null || s.qualifier !== null ? formatStatisticValue(s, t) : undefined,
        context: !c.comparable,
      })),
      domain: barDomain(metric.kind, [latest.value!, ...companyValues, ...publicValues]),
      format: fmt, tickFormat: tickFormat(metric.kind, t),
      legend: { company: report.company.name, benchmark: t('chart.legend_benchmark'), context: t('chart.legend_context') },
    })),
    table: {
      columns: [t('compare.col_benchmark'), t('chart.col_company'), t('compare.col_value'), t('compare.col_gap'), t('compare.col_verdict')],
      rows: rows.map(({ c, s, label, company }) => [
        label,
        company?.value == null ? '—' : fmt(company.value),
        formatStatisticValue(s, t),
        c.comparable ? formatGap(metric, c.gap!, t) : '',
        c.comparable
          ? (c.verdict === null ? '' : t(GAP_VERDICT_LABEL[c.verdict]))
          : t('compare.context_sentence', { differences: differences(c) }),
      ]),
    },
    notes: [
      directionNote(metric, t),
      ...benchmarkSourceNotes(report, benchmarks, t),
      ...(context.length > 0 ? [t('chart.context_note'), ...sourceNote('chart.context_source_note', context)] : [t('chart.flags_note')]),
      ...(context.length > 0 && undrawn.length > 0
        ? [t('chart.context_undrawn_note', { items: t.format.list(undrawn.map((c) => row(c).label)) })]
        : []),
    ],
  };
}

/** Share of each quarterly cohort still buying, by quarters since the first order. */
export function cohortChart(report: Report, t: Translator): SiteChart | undefined {
  // A cohort seen for one quarter only is 100 % by definition: nothing to draw.
  const cohorts = report.cohorts.filter((c): c is Extract<typeof c, { shares: number[] }> => 'shares' in c && c.shares.length > 1);
  if (cohorts.length === 0) return undefined;
  const longest = Math.max(...cohorts.map((c) => c.shares.length));
  const categories = Array.from({ length: longest }, (_, i) => String(i));
  const fmt = (v: number) => t.format.percent(v, 0);
  const suppressed = report.cohorts.filter((c) => 'suppressed' in c).map((c) => t.format.quarter(c.cohort));
  return {
    id: 'cohorts',
    dataset: 'cohorts',
    title: t('chart.cohorts_title'),
    description: t('chart.cohorts_desc', { count: cohorts.length, first: cohorts[0]!.cohort, last: cohorts.at(-1)!.cohort }),
    // A heat table (cohort by quarters since the first order); quarter 0 is 100 % by definition,
    // so it is left out of the picture (the table below keeps it).
    ...both((width) => layoutHeatTable({ width,
      rows: cohorts.map((c) => ({ label: t.format.quarter(c.cohort), cells: c.shares.slice(1) })),
      columns: categories.slice(1),
      columnsTitle: t('chart.cohorts_quarters'),
      format: fmt,
    })),
    table: {
      columns: [t('chart.col_cohort'), t('chart.col_customers'), ...categories.map((c) => t('chart.col_quarter', { quarter: Number(c) }))],
      rows: cohorts.map((c) => [t.format.quarter(c.cohort), t.format.integer(c.size), ...categories.map((_, i) => (c.shares[i] === undefined ? '' : t.format.percent(c.shares[i]!, 1)))]),
    },
    notes: [t('chart.cohorts_axis'), t('chart.census_note'), ...(suppressed.length ? [t('chart.gap_note', { items: t.format.list(suppressed), reason: t('cell.small', { minimum: report.company.minimumCellSize }) })] : [])],
  };
}

/** The whole company's latest value of a metric, when it has one. */
function companyLatest(report: Report, metricId: string): ReportEstimate | undefined {
  const e = prepared(report).metrics.get(metricId)?.metric.result?.latest;
  return e && e.value !== null ? e : undefined;
}

type SayVsDoRow = Report['sayVsDo'][number];

/**
 * The say-vs-do rows the overview shows: every segment, or with many segments those satisfied
 * but not loyal (the first ten) and the highest and lowest retention, in segment order.
 */
export function shownSayVsDo(report: Report): SayVsDoRow[] {
  const p = prepared(report);
  if (!p.manySegments) return report.sayVsDo;
  return shared(report, 'say-vs-do-rows', () => chooseSayVsDo(report));
}

function chooseSayVsDo(report: Report): SayVsDoRow[] {
  const p = prepared(report);
  const order = (r: SayVsDoRow) => p.segmentOrder.get(r.segment) ?? Infinity;
  const ranked = report.sayVsDo.filter((r) => r.retention.value !== null).sort((a, b) => b.retention.value! - a.retention.value! || order(a) - order(b));
  const { highest, lowest } = extremes(ranked);
  const chosen = new Set([...report.sayVsDo.filter((r) => r.satisfiedNotLoyal).slice(0, 2 * SEGMENT_EXTREMES), ...highest, ...lowest]);
  return report.sayVsDo.filter((r) => chosen.has(r));
}

/** Point radius with the area proportional to n: the largest group gets 11 px, none under 3.5 px. */
export function areaRadius(n: number, maxN: number, maxRadius = 11, minRadius = 3.5): number {
  if (!(maxN > 0) || !(n > 0)) return minRadius;
  return Math.max(minRadius, maxRadius * Math.sqrt(n / maxN));
}

/**
 * What each segment says (satisfaction) against what it does (retention), with the company's own
 * satisfaction and retention as labelled reference lines, each segment's satisfaction interval as
 * a whisker, and the point's area scaled to the survey answers behind its satisfaction.
 */
export function sayVsDoChart(report: Report, t: Translator): SiteChart | undefined {
  const drawable = (r: SayVsDoRow) => r.csat.value !== null && r.retention.value !== null;
  const rows = shownSayVsDo(report).filter(drawable);
  if (rows.length === 0) return undefined;
  const label = (id: string) => segmentName(report, id, t.locale);
  const pct = (v: number) => t.format.percent(v, 0);
  const pct1 = (v: number) => t.format.percent(v, 1);
  // Each segment left out, with the reason of the figure that is missing (small, hidden or none).
  const missingRows = report.sayVsDo.filter((r) => !drawable(r));
  const missingNotesList = missingNotes(
    missingRows.map((r) => ({ ...(r.csat.value === null ? r.csat : r.retention), segment: r.segment })),
    (e) => label(e.segment!),
    t,
    report.company.minimumCellSize,
    (items) => segmentList(items, t),
  );
  const flagged = rows.filter((r) => r.satisfiedNotLoyal);
  const csat = companyLatest(report, 'csat');
  const retention = companyLatest(report, 'retention_rate');
  const ns = rows.map((r) => r.csat.n).filter((n): n is number => n !== null);
  const maxN = Math.max(0, ...ns);
  const csatInterval = (e: ReportEstimate) => formatInterval({ kind: 'share' }, e, t);
  const xValues = [...rows.flatMap((r) => [r.csat.value!, r.csat.low ?? r.csat.value!, r.csat.high ?? r.csat.value!]), ...(csat ? [csat.value!] : [])];
  const yValues = [...rows.flatMap((r) => [r.retention.value!, r.retention.low ?? r.retention.value!, r.retention.high ?? r.retention.value!]), ...(retention ? [retention.value!] : [])];
  const notes = [t('chart.say_do_note')];
  if (csat || retention) notes.push(t('chart.say_do_lines_note'));
  notes.push(t('chart.interval_note'));
  if (ns.length > 0) notes.push(t('chart.say_do_size_note', { min: t.format.integer(Math.min(...ns)), max: t.format.integer(maxN) }));
  return {
    id: 'say-vs-do',
    dataset: 'say-vs-do',
    title: t('chart.say_do_title'),
    description: t('chart.say_do_desc', { count: rows.length, flagged: flagged.length ? segmentList(flagged.map((r) => label(r.segment)), t) : '—' })
      + (csat && retention ? ` ${t('chart.say_do_desc_company', { csat: pct1(csat.value!), retention: pct1(retention.value!) })}` : ''),
    ...both((width) => layoutScatter({ width,
      points: rows.map((r) => ({
        label: label(r.segment),
        x: r.csat.value!,
        y: r.retention.value!,
        xLow: r.csat.low,
        xHigh: r.csat.high,
        yLow: r.retention.low,
        yHigh: r.retention.high,
        r: r.csat.n === null ? undefined : areaRadius(r.csat.n, maxN),
        flagged: r.satisfiedNotLoyal,
      })),
      xDomain: lineDomain('share', xValues),
      yDomain: lineDomain('share', yValues),
      xFormat: pct,
      yFormat: pct,
      xLabel: t('metric.csat.name'),
      yLabel: t('metric.retention_rate.name'),
      flagSymbol: '⚑',
      xReference: csat ? { value: csat.value!, label: t('chart.say_do_company_line', { value: pct1(csat.value!) }) } : undefined,
      yReference: retention ? { value: retention.value!, label: t('chart.say_do_company_line', { value: pct1(retention.value!) }) } : undefined,
      height: 360,
    })),
    table: {
      columns: [t('metricpage.col_segment'), t('metric.csat.name'), t('chart.say_do_col_csat_interval'), t('chart.say_do_col_n'), t('metric.retention_rate.name'), t('chart.col_flag')],
      rows: [
        ...rows.map((r) => [
          label(r.segment),
          pct1(r.csat.value!),
          csatInterval(r.csat),
          r.csat.n === null ? '' : t.format.integer(r.csat.n),
          pct1(r.retention.value!),
          r.satisfiedNotLoyal ? `⚑ ${t('overview.satisfied_not_loyal')}` : '',
        ]),
        ...(csat && retention
          ? [[t('segment.all_customers'), pct1(csat.value!), csatInterval(csat), csat.n === null ? '' : t.format.integer(csat.n), pct1(retention.value!), '']]
          : []),
      ],
    },
    notes: [...notes, ...missingNotesList],
  };
}

/**
 * Key drivers as importance against performance: each trust dimension's share of the explained
 * variance in likelihood to recommend (across, with its bootstrap interval) against its score (up,
 * with its interval), for the whole company or one segment. Reference lines at the average share
 * (100 % shared among the dimensions) and the average score split the plot into quadrants; the
 * quadrant of above-average share and below-average score is labelled as the one to fix first.
 * Undefined without drivers, or when the group is suppressed.
 */
export function driversChart(report: Report, t: Translator, segment: string | null = null): SiteChart | undefined {
  // The company's chart is on the overview and every trust page: drawn once per locale.
  return segment === null ? shared(report, `drivers:${t.locale}`, () => drawDriversChart(report, t, null)) : segmentOwn(report, drawDriversChart(report, t, segment));
}

function drawDriversChart(report: Report, t: Translator, segment: string | null): SiteChart | undefined {
  const drivers = report.drivers;
  if (!drivers) return undefined;
  const p = prepared(report);
  const group = p.driverGroups.get(segment);
  if (!group || group.suppressed !== null || group.r2 === null || group.dimensions.length === 0) return undefined;
  const minimum = report.company.minimumCellSize;
  const score = (id: string): ReportEstimate | undefined => {
    const pm = p.metrics.get(id);
    if (!pm?.metric.result) return undefined;
    return segment === null ? pm.metric.result.latest : pm.bySegment.get(segment);
  };
  const name = (id: string) => (isMetricId(id) ? t(METRIC_NAME[id]) : id);
  const dims = group.dimensions.map((d) => ({ d, e: score(d.metric) }));
  const shown = dims.filter((x): x is { d: typeof x.d; e: ReportEstimate } => x.e !== undefined && x.e.value !== null);
  if (shown.length === 0) return undefined;
  const averageShare = 100 / group.dimensions.length;
  const averageScore = shown.reduce((sum, x) => sum + x.e.value!, 0) / shown.length;
  const share = (v: number) => t.format.percent(v, 1);
  const shareTick = (v: number) => t.format.percent(v, 0);
  const value = (v: number) => t.format.number(v, 1);
  const shareCell = (d: { share: number; low: number; high: number }) => `${share(d.share)} (${formatShareRange(d.low, d.high, 1, t)})`;
  const scoreCell = (e: ReportEstimate) => e.value === null
    ? suppressionText(e, t, minimum)
    : e.low === null || e.high === null ? value(e.value) : `${value(e.value)} (${formatInterval({ kind: 'index' }, e, t)})`;
  const priority = shown.filter((x) => x.d.share > averageShare && x.e.value! < averageScore);
  const segmentLabel = segment === null ? null : segmentName(report, segment, t.locale);
  // Where the scores cannot be drawn, and which segments have too few answers for their own model.
  const byReason = (entries: [string, string][]) => {
    const map = new Map<string, string[]>();
    for (const [reason, item] of entries) {
      const items = map.get(reason);
      if (items) items.push(item);
      else map.set(reason, [item]);
    }
    return [...map];
  };
  const gapNotes = byReason(dims.filter((x) => !shown.some((s) => s.d === x.d)).map((x): [string, string] => [cellReason(x.e, t, minimum), name(x.d.metric)]))
    .map(([reason, items]) => t('chart.gap_note', { items: t.format.list(items), reason }));
  const suppressedGroups = segment === null ? drivers.groups.filter((g) => g.segment !== null && g.suppressed !== null) : [];
  const bySuppression = byReason(suppressedGroups.map((g): [string, string] => [cellReason({ suppressed: g.suppressed } as ReportEstimate, t, minimum), segmentName(report, g.segment!, t.locale)]));
  const suppressedNotes = bySuppression.map(([reason, items]) => t('chart.drivers_suppressed_note', { items: segmentList(items, t), reason }));
  const xMax = Math.max(averageShare, ...shown.map((x) => x.d.high));
  const yValues = [averageScore, ...shown.flatMap((x) => [x.e.value!, x.e.low ?? x.e.value!, x.e.high ?? x.e.value!])];
  const items = t.format.list(shown.map((x) => t('chart.drivers_desc_item', { dimension: name(x.d.metric), share: share(x.d.share), score: value(x.e.value!) })));
  return {
    id: segment === null ? 'drivers' : `segment-${segment}-drivers`,
    dataset: 'drivers',
    title: segmentLabel === null
      ? t('chart.drivers_title', { wave: drivers.wave })
      : t('chart.drivers_segment_title', { segment: segmentLabel, wave: drivers.wave }),
    description: [
      t('chart.drivers_desc', { count: shown.length, share: share(averageShare), score: value(averageScore), items }),
      t('chart.drivers_desc_priority', { items: priority.length ? t.format.list(priority.map((x) => name(x.d.metric))) : '—' }),
    ].join(' '),
    ...both((width) => layoutScatter({ width,
      points: shown.map(({ d, e }) => ({ label: name(d.metric), x: d.share, xLow: d.low, xHigh: d.high, y: e.value!, yLow: e.low, yHigh: e.high })),
      xDomain: [0, xMax * 1.05],
      yDomain: lineDomain('index', yValues),
      xFormat: shareTick,
      yFormat: tickFormat('index', t),
      xLabel: t('chart.drivers_x_label'),
      yLabel: t('chart.drivers_y_label'),
      xReference: { value: averageShare, label: t('chart.drivers_average_share', { value: share(averageShare) }) },
      yReference: { value: averageScore, label: t('chart.drivers_average_score', { value: value(averageScore) }) },
      highlight: { quadrant: 'bottom-right', label: t('chart.drivers_fix_first') },
      height: 360,
    })),
    table: {
      columns: [t('overview.col_dimension'), t('chart.drivers_col_share'), t('chart.drivers_col_score'), t('metricpage.col_n')],
      rows: dims.map(({ d, e }) => [
        name(d.metric),
        shareCell(d),
        e === undefined ? t('cell.no_data') : scoreCell(e),
        e?.n == null ? '' : t.format.integer(e.n),
      ]),
    },
    notes: [
      t('chart.drivers_note_meaning'),
      t('chart.drivers_note_model', {
        r2: t.format.number(group.r2, 2),
        n: group.n === null ? '—' : t.format.integer(group.n),
        wave: drivers.wave,
        resamples: t.format.integer(drivers.resamples),
      }),
      t('chart.drivers_note_quadrants', { share: share(averageShare), score: value(averageScore) }),
      t('chart.interval_note'),
      ...gapNotes,
      ...suppressedNotes,
    ],
  };
}

/** The reason a cell is not shown; a score that does not exist at all counts as no data. */
function cellReason(e: ReportEstimate | undefined, t: Translator, minimum: number): string {
  return e === undefined ? t('cell.no_data') : suppressionText(e, t, minimum);
}

/** The trust dimensions side by side, the weakest emphasised. */
export function dimensionsChart(report: Report, t: Translator): SiteChart | undefined {
  const dims = report.metrics.filter((m) => m.dimension && m.result);
  if (dims.length === 0) return undefined;
  const minimum = report.company.minimumCellSize;
  const shown = dims.filter((m) => m.result!.latest.value !== null).sort((a, b) => a.result!.latest.value! - b.result!.latest.value!);
  const weakest = shown[0];
  const fmt = (v: number) => t.format.number(v, 1);
  const name = (m: ReportMetric) => t(METRIC_NAME[metricId(m.id)]);
  const wave = report.waves.at(-1)!;
  return {
    id: 'dimensions',
    dataset: 'all-metrics',
    title: t('chart.dimensions_title', { wave }),
    description: weakest
      ? t('chart.dimensions_desc', { count: dims.length, weakest: name(weakest), weakValue: fmt(weakest.result!.latest.value!), strongest: name(shown.at(-1)!), strongValue: fmt(shown.at(-1)!.result!.latest.value!) })
      : t('chart.no_values'),
    ...both((width) => layoutBars({ width,
      rows: dims.map((m) => {
        const e = m.result!.latest;
        return { label: name(m), value: e.value, low: e.low, high: e.high, emphasis: m === weakest, missing: e.value === null ? suppressionText(e, t, minimum) : undefined };
      }),
      domain: [0, 100],
      format: fmt, tickFormat: tickFormat('index', t),
    })),
    table: { columns: estimateColumns(t('overview.col_dimension'), t, { census: false }), rows: dims.map((m) => estimateRow(m, name(m), m.result!.latest, t, minimum)) },
    notes: [t('chart.higher_better'), t('chart.interval_note'), t('chart.dimensions_note')],
  };
}

/** One segment's trust dimensions against all customers, as a dumbbell. */
export function segmentDimensionsChart(report: Report, segmentId: string, t: Translator): SiteChart | undefined {
  return segmentOwn(report, drawSegmentDimensionsChart(report, segmentId, t));
}

function drawSegmentDimensionsChart(report: Report, segmentId: string, t: Translator): SiteChart | undefined {
  const name = segmentName(report, segmentId, t.locale);
  const minimum = report.company.minimumCellSize;
  const p = prepared(report);
  const dims = report.metrics.filter((m) => m.dimension && m.result && m.result.latest.value !== null);
  const cell = (m: ReportMetric) => p.metrics.get(m.id)!.bySegment.get(segmentId)!;
  const cells = dims.map(cell);
  const shown = dims.filter((m) => cell(m).value !== null);
  if (shown.length === 0) return undefined;
  const fmt = (v: number) => t.format.number(v, 1);
  const metricName = (m: ReportMetric) => t(METRIC_NAME[metricId(m.id)]);
  const wave = report.waves.at(-1)!;
  return {
    id: `segment-${segmentId}-dimensions`,
    dataset: 'all-metrics',
    title: t('chart.segment_dimensions_title', { segment: name, wave }),
    description: t('chart.segment_dimensions_desc', {
      segment: name,
      items: t.format.list(shown.map((m) => `${metricName(m)} ${fmt(cell(m).value!)} (${t('segment.all_customers')} ${fmt(m.result!.latest.value!)})`)),
    }),
    ...both((width) => layoutDumbbell({ width,
      rows: shown.map((m) => ({ label: metricName(m), company: cell(m).value!, companyLow: cell(m).low, companyHigh: cell(m).high, benchmark: m.result!.latest.value! })),
      domain: lineDomain('index', shown.flatMap((m) => [cell(m).low ?? cell(m).value!, cell(m).high ?? cell(m).value!, m.result!.latest.value!])),
      format: fmt, tickFormat: tickFormat('index', t),
      legend: { company: name, benchmark: t('segment.all_customers') },
    })),
    table: {
      // The difference is the segment against the rest of the company (tested), as on the page.
      columns: [t('overview.col_dimension'), name, t('segment.all_customers'), t('segment.col_difference')],
      rows: dims.map((m) => {
        const e = cell(m);
        const d = p.metrics.get(m.id)!.differences.get(segmentId);
        return [
          metricName(m),
          denseCell(m, e, t) === '—' ? suppressionText(e, t, minimum) : denseCell(m, e, t),
          denseCell(m, m.result!.latest, t),
          d ? `${formatGap(m, d.difference, t)} (${t(DIFFERENCE_LABEL[d.verdict])})` : '',
        ];
      }),
    },
    notes: [t('chart.higher_better'), t('chart.interval_note'), ...missingNotes(dims.map(cell), (e) => metricName(dims[cells.indexOf(e)]!), t, minimum)],
  };
}
