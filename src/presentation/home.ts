/**
 * The overview (src/views/Home.astro): the story, the key numbers, what got worse, the trust
 * index, what to do, the dimensions ranked, say versus do, the largest gaps to public benchmarks,
 * every metric and the library in brief.
 */
import type { Translator } from '../i18n/core.ts';
import type { MetricId } from '../metrics/catalogue.ts';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../schemas/common.ts';
import type { ReportMetric } from '../schemas/report.ts';
import { formatStatisticValue, sourceYear, STATUS_LABEL, STATUS_SYMBOL } from '../site/benchmark-text.ts';
import { dimensionsChart, driversChart, sayVsDoChart, shownSayVsDo, trendChart, type SiteChart } from '../site/charts.ts';
import { HEADLINE_SYMBOL, headlines, KEY_METRICS, sparkline, testedChanges, type Headline } from '../site/headlines.ts';
import { sourcePublisher, statText } from '../site/library-text.ts';
import { segmentName, sourceById, statisticById } from '../site/lookup.ts';
import { CHANGE_LABEL, formatGap, formatInterval, formatMetricValue, metricId, metricName, segmentList } from '../site/metric-text.ts';
import type { PreparedReport } from '../site/model.ts';
import { paths } from '../site/paths.ts';
import { dataSummary } from '../site/period-text.ts';
import { estimateCell, judgedMark, type EstimateCell, type Judged, type LocalText } from './common.ts';
import { metricSummaryTable, type MetricSummaryTableProps } from './metric-table.ts';
import { recommendationItems, type RecommendationItem } from './recommendations.ts';

/** How many gaps to public benchmarks the overview lists. */
export const HOME_GAPS = 5;
/** How many recommendations the overview shows. */
export const HOME_RECOMMENDATIONS = 3;

export interface HomeCard {
  href: string;
  name: string;
  value: EstimateCell;
  /** "95% interval …", when the figure has one; `intervalN` follows it. */
  interval: string | null;
  intervalN: string | null;
  /** n alone, for a figure without an interval. */
  nOnly: string | null;
  change: { verdict: string; mark: Judged | null; text: string } | null;
  sparkline: string | null;
}

export interface HomeGap {
  href: string;
  name: string;
  gap: string;
  versus: string;
  population: LocalText;
  status: string;
}

export interface HomeDimension {
  id: MetricId;
  name: string;
  value: string;
  href: string;
}

export interface HomePageProps {
  title: string;
  description: string;
  lead: string;
  story: Array<{ kind: Headline['kind']; symbol: string; href: string; text: string }>;
  cards: HomeCard[];
  worse: Array<{ href: string; name: string; statement: string }>;
  trust: {
    name: string;
    value: EstimateCell;
    scale: string;
    change: string | null;
    chart: SiteChart | null;
    href: string;
  } | null;
  recommendations: { items: RecommendationItem[]; href: string } | null;
  dimensions: {
    /** Highest first. */
    ranked: HomeDimension[];
    strongest: HomeDimension;
    weakest: HomeDimension;
    summary: string;
    chart: SiteChart | undefined;
    driversChart: SiteChart | undefined;
  } | null;
  sayDo: {
    flagged: string;
    /** With many segments: how many rows of how many, and a link to all segments. */
    summary: { text: string; href: string } | null;
    chart: SiteChart | undefined;
    rows: Array<{ segment: string; flagged: boolean; csat: EstimateCell; nps: EstimateCell; retention: EstimateCell; repeat: EstimateCell }>;
  } | null;
  gaps: HomeGap[];
  /** When there is no gap: how many benchmarks and context figures there were. */
  noGaps: string | null;
  allMetrics: MetricSummaryTableProps;
  library: {
    summary: string;
    statuses: Array<{ status: VerificationStatus; href: string; symbol: string; label: string; count: string }>;
    href: string;
  };
}

/** How large a gap is on a common footing: an NPS point is half a percentage point (NPS spans 200). */
function gapSize(m: ReportMetric, gap: number): number {
  return m.kind === 'nps' ? Math.abs(gap) / 2 : Math.abs(gap);
}

export function homePage(model: PreparedReport, t: Translator): HomePageProps {
  const report = model.report;
  const minimum = report.company.minimumCellSize;
  const metric = (id: MetricId) => model.metrics.get(id)?.metric;
  const name = (m: ReportMetric) => metricName(m.id, t);
  const label = (id: string) => segmentName(report, id, t.locale);
  const lastWave = report.waves.at(-1)!;

  // Key numbers.
  const cards = KEY_METRICS.map((id) => metric(id)).filter((m): m is ReportMetric => Boolean(m?.result) && m!.result!.latest.value !== null).map((m): HomeCard => {
    const e = m.result!.latest;
    const c = m.changes.sinceFirst;
    const hasInterval = e.low !== null && e.high !== null;
    return {
      href: paths.metric(t.locale, m.id),
      name: name(m),
      value: estimateCell(m, e, t, minimum, { compact: true }),
      interval: hasInterval ? t('overview.card_interval', { range: formatInterval(m, e, t) }) : null,
      intervalN: hasInterval && e.n !== null ? t('cell.n', { n: e.n }) : null,
      nOnly: e.low === null && e.n !== null ? t('cell.n', { n: e.n }) : null,
      change: c ? { verdict: c.verdict, mark: judgedMark(c.verdict), text: t('overview.card_change', { change: formatGap(m, c.difference, t), first: c.fromWave, verdict: t(CHANGE_LABEL[c.verdict]) }) } : null,
      sparkline: sparkline(m),
    };
  });

  // The trust index.
  const trust = metric('trust_index');
  const latest = trust?.result?.latest;
  const trustChange = trust?.changes.sinceFirst;
  const trustPanel = trust && latest
    ? {
        name: t('metric.trust_index.name'),
        value: estimateCell(trust, latest, t, minimum),
        scale: latest.n === null ? t('overview.trust_scale_hidden', { wave: lastWave }) : t('overview.trust_scale', { wave: lastWave, n: latest.n }),
        change: trustChange
          ? t('overview.trust_change', { first: trustChange.fromWave, from: formatMetricValue(trust, trustChange.from, t), change: formatGap(trust, trustChange.difference, t), verdict: t(CHANGE_LABEL[trustChange.verdict]) })
          : null,
        chart: trust.result ? trendChart(report, trust, t) : null,
        href: paths.metric(t.locale, 'trust_index'),
      }
    : null;

  // The trust dimensions, strongest first.
  const ranked = report.metrics
    .filter((m) => m.dimension && m.result?.latest.value !== null && m.result?.latest.value !== undefined)
    .sort((a, b) => b.result!.latest.value! - a.result!.latest.value!)
    .map((m): HomeDimension => ({ id: metricId(m.id), name: name(m), value: formatMetricValue(m, m.result!.latest.value!, t), href: paths.metric(t.locale, m.id) }));
  const strongest = ranked[0];
  const weakest = ranked.at(-1);
  const dimensions = strongest && weakest
    ? {
        ranked,
        strongest,
        weakest,
        summary: t('overview.dimensions_summary', { strongest: strongest.name, strongValue: strongest.value, weakest: weakest.name, weakValue: weakest.value }),
        chart: dimensionsChart(report, t),
        driversChart: driversChart(report, t),
      }
    : null;

  // Say versus do. With many segments, the table shows those at risk and the highest and lowest retention.
  const flagged = report.sayVsDo.filter((r) => r.satisfiedNotLoyal);
  const sayDoRows = shownSayVsDo(report);
  const cell = (id: MetricId, e: Parameters<typeof estimateCell>[1]) => estimateCell(metric(id)!, e, t, minimum, { showN: true });
  const sayDo = report.sayVsDo.length > 0
    ? {
        flagged: flagged.length > 0 ? t('overview.say_do_flagged', { segments: segmentList(flagged.map((r) => label(r.segment)), t) }) : t('overview.say_do_none'),
        summary: model.manySegments ? { text: t('overview.say_do_summary', { count: report.sayVsDo.length, shown: sayDoRows.length }), href: paths.segments(t.locale) } : null,
        chart: sayVsDoChart(report, t),
        rows: sayDoRows.map((r) => ({
          segment: label(r.segment),
          flagged: r.satisfiedNotLoyal,
          csat: cell('csat', r.csat),
          nps: cell('nps', r.nps),
          retention: cell('retention_rate', r.retention),
          repeat: cell('repeat_purchase_rate', r.repeat),
        })),
      }
    : null;

  // Gaps to benchmarks (same measure, comparable population) that hold after Holm's adjustment, largest first.
  const gaps = report.metrics
    .flatMap((m) => m.comparisons.filter((c) => c.comparable && c.gap !== null && c.verdict === 'larger_than_uncertainty').map((c) => ({ m, c })))
    .sort((a, b) => gapSize(b.m, b.c.gap!) - gapSize(a.m, a.c.gap!))
    .slice(0, HOME_GAPS)
    .map(({ m, c }): HomeGap => {
      const s = statisticById(report, c.statisticId);
      const src = sourceById(report, s.sourceId);
      return {
        href: paths.metric(t.locale, m.id),
        name: name(m),
        gap: formatGap(m, c.gap!, t),
        versus: t('overview.gap_versus', { value: formatStatisticValue(s, t), publisher: sourcePublisher(src, t.locale), year: sourceYear(src, t) }),
        population: statText(s, 'population', t.locale, src),
        status: t(STATUS_LABEL[s.status]),
      };
    });
  const contextCount = report.metrics.reduce((sum, m) => sum + m.comparisons.filter((c) => !c.comparable).length, 0);
  const benchmarkCount = report.metrics.reduce((sum, m) => sum + m.comparisons.filter((c) => c.comparable).length, 0);

  const title = t('home.title', { company: report.company.name });
  const statistics = report.library.statistics;
  return {
    title,
    description: t('home.description', { company: report.company.name }),
    lead: dataSummary(report, t).join(' '),
    story: headlines(report, t).map((h) => ({ kind: h.kind, symbol: HEADLINE_SYMBOL[h.kind], href: h.href, text: h.text })),
    cards,
    worse: testedChanges(report, 'declined').map(({ metric: m, change: c }) => ({
      href: paths.metric(t.locale, m.id),
      name: name(m),
      statement: t('change.statement', { from: c.fromWave, to: c.toWave, change: formatGap(m, c.difference, t), verdict: t(CHANGE_LABEL[c.verdict]) }),
    })),
    trust: trustPanel,
    recommendations: report.recommendations.length > 0
      ? { items: recommendationItems(model, report.recommendations.slice(0, HOME_RECOMMENDATIONS), t), href: paths.guidance(t.locale) }
      : null,
    dimensions,
    sayDo,
    gaps,
    noGaps: gaps.length === 0 ? t('overview.no_gaps', { benchmarks: benchmarkCount, context: contextCount }) : null,
    allMetrics: metricSummaryTable(report, report.metrics, t, t('overview.all_metrics')),
    library: {
      summary: t('home.library_summary', { figures: statistics.length, sources: new Set(statistics.map((s) => s.sourceId)).size }),
      statuses: VERIFICATION_STATUSES.map((status) => ({
        status,
        href: paths.status(t.locale, status),
        symbol: STATUS_SYMBOL[status],
        label: t(STATUS_LABEL[status]),
        count: t('home.figures_count', { count: statistics.filter((s) => s.status === status).length }),
      })),
      href: paths.library(t.locale),
    },
  };
}
