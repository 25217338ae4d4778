/**
 * One company metric (src/views/Metric.astro): headline, tested changes, why it matters,
 * definition and method, every cut, the key drivers of retention, the public figures beside it,
 * the guidance that addresses it.
 */
import type { Translator } from '../i18n/core.ts';
import type { MetricId } from '../metrics/catalogue.ts';
import { materialityOf } from '../report/changes.ts';
import type { ReportChange, ReportMetric } from '../schemas/report.ts';
import { formatStatisticValue } from '../site/benchmark-text.ts';
import { cohortChart, comparisonChart, driversChart, segmentChart, segmentTrendsChart, tierChart, trendChart, type SiteChart } from '../site/charts.ts';
import { statText } from '../site/library-text.ts';
import { statisticById } from '../site/lookup.ts';
import { CHANGE_LABEL, formatGap, formatGapRange, formatShareRange, formatThreshold, GROUP_LABEL, METRIC_DEFINITION, METRIC_NAME, metricId, SOURCE_LABEL } from '../site/metric-text.ts';
import { SEGMENT_EXTREMES, type PreparedReport } from '../site/model.ts';
import { downloadPath, paths } from '../site/paths.ts';
import { articleTitle } from '../site/recommendation-text.ts';
import { metricDatasetId } from '../downloads/datasets.ts';
import { ALPHA, rSquaredP } from '../stats/tests.ts';
import { estimateCell, judgedMark, type EstimateCell, type Judged, type Link, type LocalText } from './common.ts';
import { comparisons, type ComparisonsProps } from './comparisons.ts';
import { recommendationItems, type RecommendationItem } from './recommendations.ts';

export interface ChangeStatement {
  mark: Judged | null;
  /** "From 2025-Q1 to 2026-Q3: +4.2 pp, improved". */
  statement: string;
  interval: string | null;
  threshold: string | null;
}

/** The key drivers of retention, on the trust index's page. */
export interface RetentionDrivers {
  /** Are two dimensions named (the model explains more than chance and both lead beyond their intervals)? */
  named: boolean;
  /** The two dimensions, when named. */
  dimensions: MetricId[];
  text: string;
}

export interface RetentionExtrasProps {
  cohorts: SiteChart | undefined;
  scenario: {
    heading: string;
    base: string;
    margin: string | null;
    acquisition: string | null;
    uplift: string | null;
    claims: Array<{ href: string; value: string; misquoted: boolean; wording: LocalText; caveat: LocalText | null }>;
  } | null;
}

export interface MetricPageProps {
  id: MetricId;
  name: string;
  definition: string;
  metricsHref: string;
  /** Null: the metric has no data. */
  result: {
    latest: EstimateCell;
    /** "Latest: 2026-Q3 · n = 1,234 · Higher is better" in parts. */
    latestWave: string;
    /** "By survey wave" for survey figures, "By quarter" for figures counted from orders or complaints. */
    trendHeading: string;
    n: string | null;
    direction: string;
    changes: ChangeStatement[];
    driverShare: string | null;
    trend: SiteChart;
    segmentsHeading: string;
    segmentsSummary: { text: string; href: string } | null;
    segments: SiteChart;
    segmentTrends: SiteChart;
    drivers: { chart: SiteChart; retention: RetentionDrivers | null } | null;
    tiers: { heading: string; chart: SiteChart } | null;
    retention: RetentionExtrasProps | null;
  } | null;
  comparisons: ComparisonsProps;
  comparisonChart: SiteChart | undefined;
  guidance: {
    recommendations: RecommendationItem[];
    /** Other articles that address the metric. */
    also: Link[];
  };
  method: {
    source: string;
    fromKpis: boolean;
    interval: string;
    followUp: string | null;
    changeRule: string;
    suppression: string;
    /** Behind the "technical details" disclosure; null when there is nothing to put there. */
    technical: {
      intervalMethod: string | null;
      changeTest: boolean;
      reliability: string | null;
      weighting: string | null;
      group: string | null;
    } | null;
    methodologyHref: string;
  };
  download: { csv: string; json: string };
}

/** Two digits for R², three when it is below 0.01. */
function r2Text(r2: number, t: Translator): string {
  return t.format.number(r2, r2 < 0.01 ? 3 : 2);
}

/**
 * On the trust index page: the two dimensions that go most with staying. They are named only
 * when the model explains more than chance (F test) and both lead beyond their intervals (each
 * above an equal share); otherwise the sentence says that no clear pattern shows.
 */
export function retentionDrivers(model: PreparedReport, t: Translator): RetentionDrivers | null {
  const group = model.report.drivers?.retention?.groups.find((g) => g.segment === null && g.suppressed === null && g.r2 !== null && g.n !== null);
  if (!group) return null;
  const r2 = group.r2!;
  const n = group.n!;
  const top = [...group.dimensions].sort((a, b) => b.share - a.share).slice(0, 2);
  const [first, second] = top;
  const clear = first !== undefined && second !== undefined
    && rSquaredP(r2, n, group.dimensions.length) < ALPHA
    && top.every((d) => d.low > 100 / group.dimensions.length);
  if (!clear) {
    return { named: false, dimensions: [], text: t('metricpage.drivers_retention_none', { r2: r2Text(r2, t), n }) };
  }
  const a = metricId(first.metric);
  const b = metricId(second.metric);
  return {
    named: true,
    dimensions: [a, b],
    text: t('metricpage.drivers_retention', {
      first: t(METRIC_NAME[a]),
      firstShare: t.format.percent(first.share, 1),
      firstRange: formatShareRange(first.low, first.high, 1, t),
      second: t(METRIC_NAME[b]),
      secondShare: t.format.percent(second.share, 1),
      secondRange: formatShareRange(second.low, second.high, 1, t),
      r2: r2Text(r2, t),
      n: t.format.integer(n),
    }),
  };
}

export function changeStatement(metric: ReportMetric, c: ReportChange, t: Translator): ChangeStatement {
  return {
    mark: judgedMark(c.verdict),
    statement: t('change.statement', { from: c.fromWave, to: c.toWave, change: formatGap(metric, c.difference, t), verdict: t(CHANGE_LABEL[c.verdict]) }),
    interval: c.low !== null && c.high !== null ? t('change.interval', { range: formatGapRange(metric, c.low, c.high, t) }) : null,
    threshold: c.threshold !== null ? t('change.threshold', { threshold: formatThreshold(metric, c.threshold, t) }) : null,
  };
}

/** Cohort retention curves, and the retention scenario in the company's own numbers. */
export function retentionExtras(model: PreparedReport, t: Translator): RetentionExtrasProps {
  const report = model.report;
  const f = t.format;
  const scenario = report.scenario;
  const money = (value: number) => f.currency(value, report.company.currency, 0);
  return {
    cohorts: cohortChart(report, t),
    scenario: scenario
      ? {
          heading: t('retention.scenario', { points: scenario.points }),
          base: t('retention.scenario_base', { base: scenario.base, rate: f.percent(scenario.retentionRate ?? 0, 1), extra: Math.round(scenario.extraCustomers) }),
          margin: scenario.marginKept !== null && scenario.revenuePerRetained !== null && scenario.grossMargin !== null
            ? t('retention.scenario_margin', { revenue: money(scenario.revenuePerRetained), margin: f.percent(scenario.grossMargin * 100, 0), kept: money(scenario.marginKept) })
            : null,
          acquisition: scenario.acquisitionAvoided !== null && scenario.acquisitionCost !== null
            ? t('retention.scenario_acquisition', { cost: money(scenario.acquisitionCost), avoided: money(scenario.acquisitionAvoided) })
            : null,
          uplift: scenario.profitUplift !== null ? t('retention.scenario_uplift', { uplift: f.percent(scenario.profitUplift, 1) }) : null,
          claims: scenario.claims.map((id) => statisticById(report, id)).map((s) => ({
            href: paths.statistic(t.locale, s.id),
            value: formatStatisticValue(s, t),
            misquoted: s.status === 'misquoted',
            wording: statText(s, 'wording', t.locale),
            caveat: s.caveat ? statText(s, 'caveat', t.locale) : null,
          })),
        }
      : null,
  };
}

export function metricPage(model: PreparedReport, t: Translator, id: MetricId): MetricPageProps {
  const report = model.report;
  const found = model.metrics.get(id);
  if (!found) throw new Error(`no metric "${id}" in the report model`);
  const metric = found.metric;
  const minimum = report.company.minimumCellSize;
  const latestWave = report.waves.at(-1)!;
  const isTrustPage = id === 'trust_index' || Boolean(metric.dimension);
  // Why a trust dimension matters: its share of what explains likelihood to recommend.
  const companyDrivers = model.driverGroups.get(null);
  const driverGroup = companyDrivers?.suppressed === null ? companyDrivers : undefined;
  const driverShare = metric.dimension ? driverGroup?.dimensions.find((d) => d.metric === id) : undefined;
  // Time-to-event metrics: how the newest quarter is kept comparable with the others.
  const followUp =
    id === 'complaint_resolution_rate' ? t('metricpage.follow_up_resolution', { days: report.company.complaintResolutionDays })
    : id === 'complaint_first_response_hours' ? t('metricpage.follow_up_response')
    : id === 'on_time_delivery' ? t('metricpage.follow_up_delivery')
    : null;
  const reliability = id === 'trust_index' ? report.reliability : null;
  // Guidance: recommended articles whose reasons involve the metric, then other articles that address it.
  const related = report.recommendations.filter((r) => r.reasons.some((reason) => reason.metric === id));
  const addressing = report.guidance.filter((g) => g.metrics.includes(id) && !related.some((r) => r.topic === g.topic));
  const r = metric.result;
  const drivers = r && isTrustPage ? driversChart(report, t) : undefined;
  const tiers = r ? tierChart(report, metric, t) : undefined;
  const showTechnical = !metric.census || Boolean(metric.group) || Boolean(reliability);
  return {
    id,
    name: t(METRIC_NAME[id]),
    definition: t(METRIC_DEFINITION[id]),
    metricsHref: paths.metrics(t.locale),
    result: r
      ? {
          latest: estimateCell(metric, r.latest, t, minimum),
          latestWave: t('metricpage.latest', { wave: latestWave }),
          trendHeading: metric.source === 'survey' ? t('metricpage.by_wave') : t('metricpage.by_quarter'),
          n: r.latest.n !== null ? t('cell.n', { n: r.latest.n }) : null,
          direction: metric.better === 'higher' ? t('metricpage.higher_better') : t('metricpage.lower_better'),
          changes: [metric.changes.sinceFirst, metric.changes.sincePrevious].filter((c) => c !== null).map((c) => changeStatement(metric, c, t)),
          driverShare: driverShare
            ? t('metricpage.driver_share', { share: t.format.percent(driverShare.share, 0), range: formatShareRange(driverShare.low, driverShare.high, 0, t), n: driverGroup!.n ?? 0 })
            : null,
          trend: trendChart(report, metric, t),
          segmentsHeading: t('metricpage.by_segment', { wave: latestWave }),
          segmentsSummary: model.manySegments
            ? { text: t('metricpage.segments_summary', { count: report.company.segments.length, shown: SEGMENT_EXTREMES, wave: latestWave }), href: paths.segments(t.locale) }
            : null,
          segments: segmentChart(report, metric, t),
          segmentTrends: segmentTrendsChart(report, metric, t),
          drivers: drivers ? { chart: drivers, retention: id === 'trust_index' ? retentionDrivers(model, t) : null } : null,
          tiers: tiers ? { heading: t('metricpage.by_tier', { wave: latestWave }), chart: tiers } : null,
          retention: id === 'retention_rate' ? retentionExtras(model, t) : null,
        }
      : null,
    comparisons: comparisons(model, metric, t),
    comparisonChart: comparisonChart(report, metric, t),
    guidance: {
      recommendations: related.length > 0 ? recommendationItems(model, related, t, [id]) : [],
      also: addressing.map((g) => {
        const title = articleTitle(g, t.locale);
        return { href: paths.article(t.locale, g.topic), text: title.text, lang: title.lang === t.locale ? undefined : title.lang };
      }),
    },
    method: {
      source: t(SOURCE_LABEL[metric.source]),
      fromKpis: metric.fromKpis,
      interval: metric.census ? t('metricpage.census') : t('metricpage.interval_plain'),
      followUp,
      changeRule: metric.census ? t('metricpage.change_materiality', { threshold: formatThreshold(metric, materialityOf(metric, report.company.materiality), t) }) : t('metricpage.change_plain'),
      suppression: t('metricpage.suppression_rule', { minimum }),
      technical: showTechnical
        ? {
            intervalMethod: metric.census ? null : metric.kind === 'share' ? t('metricpage.wilson') : metric.kind === 'nps' ? t('metricpage.nps_variance') : t('metricpage.t_interval'),
            changeTest: !metric.census,
            reliability: reliability
              ? t('metricpage.reliability_value', { alpha: t.format.number(reliability.alpha, 2), low: t.format.number(reliability.low, 2), high: t.format.number(reliability.high, 2), n: reliability.n, wave: latestWave })
              : null,
            weighting: report.company.weighting && !metric.census ? t('metricpage.weighting_rule', { deff: t.format.number(report.company.weighting.designEffects.at(-1) ?? 1, 2) }) : null,
            group: metric.group ? t(GROUP_LABEL[metric.group]) : null,
          }
        : null,
      methodologyHref: paths.methodology(t.locale),
    },
    download: { csv: downloadPath(metricDatasetId(id), 'csv'), json: downloadPath(metricDatasetId(id), 'json') },
  };
}
