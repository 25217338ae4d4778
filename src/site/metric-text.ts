/**
 * How a company metric reads in a locale: its name, its value with interval, the reason a cell
 * is not shown. Keys are listed literally so the strings check sees every one.
 */
import type { MessageKey, Translator } from '../i18n/core.ts';
import type { MetricId, MetricSource, TrustGroup } from '../metrics/catalogue.ts';
import type { ComparabilityFlag, GapVerdict } from '../report/compare.ts';
import type { ChangeVerdict, DifferenceVerdict } from '../report/changes.ts';
import type { UncertaintyBasis } from '../stats/benchmark-uncertainty.ts';
import type { ReportComparison, ReportEstimate, ReportMetric } from '../schemas/report.ts';
import { makesContext } from '../report/compare.ts';

export const METRIC_NAME: Record<MetricId, MessageKey> = {
  trust_index: 'metric.trust_index.name',
  trust_reliability: 'metric.trust_reliability.name',
  trust_competence: 'metric.trust_competence.name',
  trust_empathy: 'metric.trust_empathy.name',
  trust_transparency: 'metric.trust_transparency.name',
  trust_consistency: 'metric.trust_consistency.name',
  nps: 'metric.nps.name',
  csat: 'metric.csat.name',
  data_concern: 'metric.data_concern.name',
  transparency_importance: 'metric.transparency_importance.name',
  problem_trust: 'metric.problem_trust.name',
  peer_influence: 'metric.peer_influence.name',
  referral_share: 'metric.referral_share.name',
  retention_rate: 'metric.retention_rate.name',
  repeat_purchase_rate: 'metric.repeat_purchase_rate.name',
  purchase_frequency: 'metric.purchase_frequency.name',
  on_time_delivery: 'metric.on_time_delivery.name',
  price_above_quote: 'metric.price_above_quote.name',
  complaint_first_response_hours: 'metric.complaint_first_response_hours.name',
  complaint_unanswered_48h: 'metric.complaint_unanswered_48h.name',
  complaint_resolution_rate: 'metric.complaint_resolution_rate.name',
};

export const METRIC_DEFINITION: Record<MetricId, MessageKey> = {
  trust_index: 'metric.trust_index.definition',
  trust_reliability: 'metric.trust_reliability.definition',
  trust_competence: 'metric.trust_competence.definition',
  trust_empathy: 'metric.trust_empathy.definition',
  trust_transparency: 'metric.trust_transparency.definition',
  trust_consistency: 'metric.trust_consistency.definition',
  nps: 'metric.nps.definition',
  csat: 'metric.csat.definition',
  data_concern: 'metric.data_concern.definition',
  transparency_importance: 'metric.transparency_importance.definition',
  problem_trust: 'metric.problem_trust.definition',
  peer_influence: 'metric.peer_influence.definition',
  referral_share: 'metric.referral_share.definition',
  retention_rate: 'metric.retention_rate.definition',
  repeat_purchase_rate: 'metric.repeat_purchase_rate.definition',
  purchase_frequency: 'metric.purchase_frequency.definition',
  on_time_delivery: 'metric.on_time_delivery.definition',
  price_above_quote: 'metric.price_above_quote.definition',
  complaint_first_response_hours: 'metric.complaint_first_response_hours.definition',
  complaint_unanswered_48h: 'metric.complaint_unanswered_48h.definition',
  complaint_resolution_rate: 'metric.complaint_resolution_rate.definition',
};

export const FLAG_LABEL: Record<ComparabilityFlag, MessageKey> = {
  question: 'flag.question',
  referent: 'flag.referent',
  answer_scale: 'flag.answer_scale',
  construct: 'flag.construct',
  scale: 'flag.scale',
  measure: 'flag.measure',
  range: 'flag.range',
  country: 'flag.country',
  partial_markets: 'flag.partial_markets',
  industry: 'flag.industry',
  age: 'flag.age',
  status: 'flag.status',
  opt_in_sample: 'flag.opt_in_sample',
  benchmark_uncertainty_unknown: 'flag.benchmark_uncertainty_unknown',
};

export const GAP_VERDICT_LABEL: Record<GapVerdict, MessageKey> = {
  larger_than_uncertainty: 'compare.significant',
  within_uncertainty: 'compare.within_uncertainty',
  cannot_judge: 'compare.cannot_judge',
};

export const CHANGE_LABEL: Record<ChangeVerdict, MessageKey> = {
  improved: 'change.improved',
  declined: 'change.declined',
  no_clear_change: 'change.no_clear_change',
  cannot_judge: 'change.cannot_judge',
};

export const DIFFERENCE_LABEL: Record<DifferenceVerdict, MessageKey> = {
  better: 'difference.better',
  worse: 'difference.worse',
  no_clear_difference: 'difference.no_clear_difference',
  cannot_judge: 'difference.cannot_judge',
};

export const UNCERTAINTY_LABEL: Record<UncertaintyBasis, MessageKey> = {
  published_margin: 'uncertainty.published_margin',
  design_effect: 'uncertainty.design_effect',
  opt_in: 'uncertainty.opt_in',
  not_single_value: 'uncertainty.not_single_value',
  unknown: 'uncertainty.unknown',
};

/** By tier id; the report model types a cut's tier as a plain string, so a lookup may miss. */
export const TIER_LABEL: Record<string, MessageKey> = {
  occasional: 'tier.occasional',
  regular: 'tier.regular',
  very_loyal: 'tier.very_loyal',
};

export const GROUP_LABEL: Record<TrustGroup, MessageKey> = {
  ability: 'group.ability',
  benevolence: 'group.benevolence',
  integrity: 'group.integrity',
};

export const SOURCE_LABEL: Record<MetricSource, MessageKey> = {
  survey: 'source.survey',
  orders: 'source.orders',
  complaints: 'source.complaints',
};

export const NO_COMPARISON: Record<NonNullable<ReportMetric['noComparison']>, MessageKey> = {
  no_public_benchmark: 'compare.none',
  context_only: 'compare.context_only',
  no_data: 'compare.no_data',
};

/** Is `id` a catalogue metric's id? */
export function isMetricId(id: string): id is MetricId {
  return Object.hasOwn(METRIC_NAME, id);
}

/**
 * A metric id from the report model, checked. The model's schema (src/schemas/report.ts) types
 * ids as plain strings; this is where they become `MetricId`, and an id outside the catalogue is a
 * bug in the build: it throws.
 */
export function metricId(id: string): MetricId {
  if (!isMetricId(id)) throw new Error(`unknown metric "${id}"`);
  return id;
}

/** A metric's name in the locale, e.g. "Trust index". */
export function metricName(id: string, t: Translator): string {
  return t(METRIC_NAME[metricId(id)]);
}

/** A metric's one-sentence definition in the locale. */
export function metricDefinitionText(id: string, t: Translator): string {
  return t(METRIC_DEFINITION[metricId(id)]);
}

/** One value of a metric in its unit: 45.3 %, +4.6, 72.8, 11.1 h, 2.67. */
export function formatMetricValue(metric: Pick<ReportMetric, 'kind'>, value: number, t: Translator): string {
  const f = t.format;
  switch (metric.kind) {
    case 'share':
      return f.percent(value, 1);
    case 'nps':
      return f.signedNumber(value, 1);
    case 'index':
      return f.number(value, 1);
    case 'hours':
      return t('unit.hours_value', { value: f.number(value, 1) });
    case 'orders':
      return f.number(value, 2);
  }
}

/**
 * A range or interval in the locale's one form, from its two ends already formatted: "80.0% to
 * 83.1%", "80,0 %…83,1 %", "от 80,0 % до 83,1 %". Every interval on the site goes through here,
 * so a page never mixes "72.1 to 73.5" with "80.0% – 83.1%".
 */
export function formatRangeText(low: string, high: string, t: Translator): string {
  // Where the range is written with a bare dash (Finnish "72,1–73,5"), a unit both ends share is
  // written once, after the second: "80,0–83,1 %", not "80,0 %–83,1 %".
  if (isBareDash(t)) {
    const unit = /\D*$/.exec(low)![0];
    if (unit !== '' && high.endsWith(unit) && /\d/.test(low)) return t('value.range', { low: low.slice(0, low.length - unit.length), high });
  }
  return t('value.range', { low, high });
}

const bareDash = new Map<string, boolean>();
function isBareDash(t: Translator): boolean {
  let bare = bareDash.get(t.locale);
  if (bare === undefined) bareDash.set(t.locale, (bare = !/\p{L}/u.test(t('value.range', { low: '1', high: '2' }))));
  return bare;
}

/** Two shares as an interval in the locale's form: "12% to 31%". */
export function formatShareRange(low: number, high: number, digits: number, t: Translator): string {
  return formatRangeText(t.format.percent(low, digits), t.format.percent(high, digits), t);
}

/** The interval of an estimate in the locale's form, e.g. "41.2% to 49.4%", "72.1 to 73.5"; empty for a census. */
export function formatInterval(metric: Pick<ReportMetric, 'kind'>, e: ReportEstimate, t: Translator): string {
  if (e.low === null || e.high === null) return '';
  return formatRangeText(formatMetricValue(metric, e.low, t), formatMetricValue(metric, e.high, t), t);
}

/** An amount in the metric's own unit: "4.2 pp", "12.0 points", "1.9 h", "0.15 orders per customer"; signed for gaps. */
function formatInUnit(metric: Pick<ReportMetric, 'kind'>, amount: number, t: Translator, signed: boolean): string {
  const digits = metric.kind === 'orders' ? 2 : 1;
  const value = signed ? t.format.signedNumber(amount, digits) : t.format.number(amount, digits);
  switch (metric.kind) {
    case 'share':
      return t('unit.pp_value', { value });
    case 'hours':
      return t('unit.hours_value', { value });
    case 'orders':
      return t('unit.orders_value', { value });
    default:
      return t('unit.points_value', { value });
  }
}

/**
 * Every difference or change on the site, in the unit of the metric's kind, signed: "+4.2 pp" (a
 * share), "−12.0 points" (an index or NPS), "−1.9 h" (hours), "+0.15 orders per customer".
 */
export function formatGap(metric: Pick<ReportMetric, 'kind'>, gap: number, t: Translator): string {
  return formatInUnit(metric, gap, t, true);
}

/** An unsigned amount, e.g. a materiality threshold: "2.0 pp", "2.0 h", "0.10 orders per customer". */
export function formatThreshold(metric: Pick<ReportMetric, 'kind'>, amount: number, t: Translator): string {
  return formatInUnit(metric, amount, t, false);
}

/** The 95 % interval of a difference in the metric's unit, e.g. "−3.1 to +5.2 pp". */
export function formatGapRange(metric: Pick<ReportMetric, 'kind'>, low: number, high: number, t: Translator): string {
  const digits = metric.kind === 'orders' ? 2 : 1;
  return formatRangeText(t.format.signedNumber(low, digits), formatGap(metric, high, t), t);
}

/**
 * How a difference or change reads against the metric's direction of good: "better" or "worse"
 * only when its verdict is a tested claim (improved, declined, better or worse than the rest),
 * otherwise null (no colour, no symbol: the verdict's words say it is not a finding).
 */
export type Judgement = 'better' | 'worse';
export function judgement(verdict: ChangeVerdict | DifferenceVerdict | null | undefined): Judgement | null {
  if (verdict === 'improved' || verdict === 'better') return 'better';
  if (verdict === 'declined' || verdict === 'worse') return 'worse';
  return null;
}

/** A symbol beside a tested difference, so better and worse do not rely on colour alone. */
export const JUDGEMENT_SYMBOL: Record<Judgement, string> = { better: '▲', worse: '▼' };

/** Segment names in a sentence: up to this many are named, a longer list names the first few. */
const LIST_NAMED = 10;
const LIST_FIRST = 5;

/** Segment names joined for a sentence; past ten, the first five and "n other segments". */
export function segmentList(names: string[], t: Translator): string {
  if (names.length <= LIST_NAMED) return t.format.list(names);
  return t.format.list([...names.slice(0, LIST_FIRST), t('list.other_segments', { count: names.length - LIST_FIRST })]);
}

export function segmentLabel(labels: Record<string, string>, locale: string): string {
  return labels[locale] ?? labels.en ?? Object.values(labels)[0] ?? '';
}

export function suppressionText(e: ReportEstimate, t: Translator, minimum: number): string {
  if (e.suppressed === 'small_cell') return t('cell.small', { minimum });
  if (e.suppressed === 'complementary') return t('cell.complementary');
  if (e.suppressed === 'not_reached') return t('cell.not_reached');
  return t('cell.no_data');
}

/**
 * The company figure a comparison used, as an estimate: the whole company's latest, or its
 * customers in the public figure's markets. Null when the metric has no data.
 */
export function comparisonEstimate(metric: ReportMetric, c: ReportComparison): ReportEstimate | null {
  const latest = metric.result?.latest;
  if (!latest) return null;
  return {
    ...latest,
    value: c.company.value,
    low: c.company.low,
    high: c.company.high,
    n: c.company.n,
    suppressed: c.company.value === null ? (c.company.markets ? 'small_cell' : latest.suppressed) : null,
  };
}

/**
 * How the company figure and a public figure relate, in one sentence: for a benchmark its gap and
 * verdict, for context the ways the two differ (the same words as the metric page's table).
 */
export function comparisonSummary(metric: Pick<ReportMetric, 'kind'>, c: ReportComparison, t: Translator): string {
  if (!c.comparable) {
    return t('compare.context_sentence', { differences: t.format.list(c.flags.filter(makesContext).map((f) => t(FLAG_LABEL[f]))) });
  }
  if (c.gap === null) return t('statistic.benchmark_no_gap');
  return t('statistic.benchmark_gap', { gap: formatGap(metric, c.gap, t), verdict: c.verdict === null ? t('compare.cannot_judge') : t(GAP_VERDICT_LABEL[c.verdict]) });
}
