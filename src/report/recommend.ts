/**
 * Gap-driven recommendations: which guidance articles matter most for this company, and why.
 *
 * The report's findings become signals, each about one metric, with its size in the metric's
 * points: the weakest trust dimension (distance to the strongest), dimensions below their
 * average, the largest significant gap to a public benchmark in the bad direction, segments
 * satisfied but not loyal (their retention shortfall), and declines since the first wave that
 * exceed the uncertainty.
 *
 * For ranking, each signal's weight is its size as a share of the metric's scale (an NPS point
 * is half an index point, since NPS spans 200), halved when the public figure differs from the
 * company's in population, country or wording: weaker evidence counts for less. An article
 * addresses a signal when it names the metric or its trust dimension. Its score is its heaviest
 * signal plus a quarter of the others, so one large problem outranks many small ones, and each
 * recommendation carries its reasons, heaviest first.
 */
import type { ReportMetric, ReportComparison } from '../schemas/report.ts';

export type Reason =
  | { kind: 'weakest_dimension'; metric: string; value: number; strongest: string; strongestValue: number; points: number }
  | { kind: 'below_dimensions'; metric: string; value: number; average: number; points: number }
  | { kind: 'gap'; metric: string; statisticId: string; gap: number; points: number; others: number }
  | { kind: 'satisfied_not_loyal'; metric: 'say_vs_do'; segments: string[]; points: number }
  | { kind: 'decline'; metric: string; from: number; to: number; first: string; last: string; points: number };

export interface Recommendation {
  topic: string;
  score: number;
  reasons: Reason[];
}

export interface RecommendInput {
  metrics: ReportMetric[];
  sayVsDo: { segment: string; retention: { value: number | null }; satisfiedNotLoyal: boolean }[];
  topics: { topic: string; order: number; metrics: string[]; dimensions: string[] }[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** How much of the metric's scale one point is: NPS runs -100..100, hours and counts are relative. */
function scaleWeight(metric: ReportMetric | undefined, points: number, reference: number | null): number {
  if (!metric || metric.kind === 'share' || metric.kind === 'index') return points;
  if (metric.kind === 'nps') return points / 2;
  return reference ? Math.min(100, (points / Math.abs(reference)) * 100) : points;
}

const WEAK_EVIDENCE = new Set(['population', 'country', 'wording']);

export function reasonWeight(reason: Reason, metrics: ReportMetric[]): number {
  const metric = metrics.find((m) => m.id === reason.metric);
  switch (reason.kind) {
    case 'gap': {
      const comparison = metric?.comparisons.find((c) => c.statisticId === reason.statisticId);
      const weak = comparison?.flags.some((f) => WEAK_EVIDENCE.has(f)) ?? false;
      return round1(scaleWeight(metric, reason.points, metric?.result?.latest.value ?? null) * (weak ? 0.5 : 1));
    }
    case 'decline':
      return round1(scaleWeight(metric, reason.points, reason.from));
    default:
      return round1(scaleWeight(metric, reason.points, reason.kind === 'satisfied_not_loyal' ? null : reason.value));
  }
}

/** Is this gap or change bad news for a metric where `better` is up or down? */
const isBad = (metric: ReportMetric, delta: number) => (metric.better === 'higher' ? delta < 0 : delta > 0);

export function findSignals(input: Pick<RecommendInput, 'metrics' | 'sayVsDo'>): Reason[] {
  const reasons: Reason[] = [];
  const value = (m: ReportMetric) => m.result?.latest.value ?? null;

  // Trust dimensions: the weakest, and any other clearly below the dimensions' average.
  const dims = input.metrics.filter((m) => m.dimension && value(m) !== null).sort((a, b) => value(a)! - value(b)!);
  if (dims.length >= 2) {
    const weakest = dims[0]!;
    const strongest = dims.at(-1)!;
    const average = dims.reduce((sum, m) => sum + value(m)!, 0) / dims.length;
    reasons.push({ kind: 'weakest_dimension', metric: weakest.id, value: round1(value(weakest)!), strongest: strongest.id, strongestValue: round1(value(strongest)!), points: round1(value(strongest)! - value(weakest)!) });
    for (const m of dims.slice(1)) {
      const below = average - value(m)!;
      if (below >= 1) reasons.push({ kind: 'below_dimensions', metric: m.id, value: round1(value(m)!), average: round1(average), points: round1(below) });
    }
  }

  // The largest significant gap of each metric to a comparable public figure, in the bad direction.
  for (const m of input.metrics) {
    const bad = m.comparisons
      .filter((c: ReportComparison) => c.comparable && !c.contextOnly && c.gap !== null && c.significant === true && isBad(m, c.gap))
      .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!));
    const largest = bad[0];
    if (largest) reasons.push({ kind: 'gap', metric: m.id, statisticId: largest.statisticId, gap: round1(largest.gap!), points: round1(Math.abs(largest.gap!)), others: bad.length - 1 });
  }

  // Segments that say they are satisfied but do not stay.
  const overall = input.metrics.find((m) => m.id === 'retention_rate')?.result?.latest.value ?? null;
  const flagged = input.sayVsDo.filter((r) => r.satisfiedNotLoyal);
  if (flagged.length > 0) {
    const shortfall = overall === null ? 0 : Math.max(...flagged.map((r) => (r.retention.value === null ? 0 : overall - r.retention.value)));
    reasons.push({ kind: 'satisfied_not_loyal', metric: 'say_vs_do', segments: flagged.map((r) => r.segment), points: round1(Math.max(shortfall, 1)) });
  }

  // Declines since the first wave: beyond both intervals, or any decline of a point in a census.
  for (const m of input.metrics) {
    const waves = (m.result?.byWave ?? []).filter((e) => e.value !== null);
    const first = waves[0];
    const last = waves.at(-1);
    if (!first || !last || first === last) continue;
    const change = last.value! - first.value!;
    if (!isBad(m, change)) continue;
    const beyond = m.census
      ? Math.abs(change) >= 1
      : first.low !== null && first.high !== null && last.low !== null && last.high !== null && (last.high < first.low || last.low > first.high);
    if (beyond) reasons.push({ kind: 'decline', metric: m.id, from: round1(first.value!), to: round1(last.value!), first: first.wave!, last: last.wave!, points: round1(Math.abs(change)) });
  }
  const weight = new Map(reasons.map((r) => [r, reasonWeight(r, input.metrics)]));
  return reasons.sort((a, b) => weight.get(b)! - weight.get(a)! || a.metric.localeCompare(b.metric));
}

export function recommend(input: RecommendInput): Recommendation[] {
  const signals = findSignals(input);
  const dimensionOf = new Map(input.metrics.map((m) => [m.id, m.dimension]));
  const recommendations: (Recommendation & { order: number })[] = [];
  for (const topic of input.topics) {
    const reasons = signals.filter((r) => {
      if (topic.metrics.includes(r.metric)) return true;
      const dimension = dimensionOf.get(r.metric);
      return dimension !== null && dimension !== undefined && topic.dimensions.includes(dimension);
    });
    if (reasons.length === 0) continue;
    const [heaviest, ...rest] = reasons.map((r) => reasonWeight(r, input.metrics));
    const score = round1(heaviest! + 0.25 * rest.reduce((sum, w) => sum + w, 0));
    recommendations.push({ topic: topic.topic, score, reasons, order: topic.order });
  }
  return recommendations
    .sort((a, b) => b.score - a.score || a.order - b.order || a.topic.localeCompare(b.topic))
    .map(({ order: _order, ...r }) => r);
}
