/**
 * Gap-driven recommendations: which guidance articles matter most for this company, and why.
 *
 * The report's findings become signals, each about one metric, with its size in the metric's
 * points: the weakest trust dimension (distance to the strongest) and dimensions below their
 * average, each only when a test supports it, the largest gap in the bad direction to a public benchmark that measures the same thing
 * in a comparable population and is larger than the uncertainty after Holm's adjustment (context
 * figures never count), segments satisfied but not loyal (their retention shortfall), and
 * declines since the first wave that the change test supports (see changes.ts).
 *
 * For ranking, each signal's weight is its size as a share of the metric's scale (an NPS point
 * is half an index point, since NPS spans 200). An article
 * addresses a signal when it names the metric or its trust dimension. Its score is its heaviest
 * signal plus a quarter of the others, so one large problem outranks many small ones, and each
 * recommendation carries its reasons, heaviest first.
 */
import type { ReportDrivers, ReportMetric, ReportComparison } from '../schemas/report.ts';
import { ALPHA, welchDifference, zDifference } from '../stats/tests.ts';

export type Reason =
  | { kind: 'weakest_dimension'; metric: string; value: number; strongest: string; strongestValue: number; points: number }
  | { kind: 'below_dimensions'; metric: string; value: number; average: number; points: number }
  | { kind: 'gap'; metric: string; statisticId: string; gap: number; points: number; others: number }
  | { kind: 'satisfied_not_loyal'; metric: 'say_vs_do'; segments: string[]; points: number }
  | { kind: 'decline'; metric: string; from: number; to: number; first: string; last: string; points: number; census: boolean }
  | { kind: 'driver'; metric: string; share: number; value: number; average: number; points: number };

export interface Recommendation {
  topic: string;
  score: number;
  reasons: Reason[];
}

export interface RecommendInput {
  metrics: ReportMetric[];
  /** The key-driver analysis, when there is one: a weak dimension that drives loyalty comes first. */
  drivers?: ReportDrivers | null;
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

/** A dimension's share of what explains likelihood to recommend, relative to an equal share (1 = 20 %). */
function driverFactor(drivers: ReportDrivers | null | undefined, metric: string): number {
  const group = drivers?.groups.find((g) => g.segment === null && g.suppressed === null);
  const d = group?.dimensions.find((x) => x.metric === metric);
  return d ? d.share / (100 / group!.dimensions.length) : 1;
}

export function reasonWeight(reason: Reason, metrics: ReportMetric[], drivers?: ReportDrivers | null): number {
  const metric = metrics.find((m) => m.id === reason.metric);
  switch (reason.kind) {
    case 'driver':
    case 'weakest_dimension':
    case 'below_dimensions':
      // A weak dimension counts by how much it goes with recommending: a weak one that drives
      // loyalty outranks a weak one that does not.
      return round1(reason.points * driverFactor(drivers, reason.metric));
    case 'gap':
      return round1(scaleWeight(metric, reason.points, metric?.result?.latest.value ?? null));
    case 'decline':
      return round1(scaleWeight(metric, reason.points, reason.from));
    case 'satisfied_not_loyal':
      return round1(scaleWeight(metric, reason.points, null));
  }
}

/** Is this gap or change bad news for a metric where `better` is up or down? */
const isBad = (metric: ReportMetric, delta: number) => (metric.better === 'higher' ? delta < 0 : delta > 0);

export function findSignals(input: Pick<RecommendInput, 'metrics' | 'sayVsDo' | 'drivers'>): Reason[] {
  return weighedSignals(input).map((s) => s.reason);
}

/** The findings with their weights, heaviest first. */
function weighedSignals(input: Pick<RecommendInput, 'metrics' | 'sayVsDo' | 'drivers'>): Array<{ reason: Reason; weight: number }> {
  const reasons: Reason[] = [];
  const value = (m: ReportMetric) => m.result?.latest.value ?? null;

  // Trust dimensions: the weakest, and any other clearly below the dimensions' average.
  // Each claim is tested: "weakest" only when the weakest is below the next weakest beyond the
  // uncertainty (Welch; the items are answered by the same people and correlate positively, so
  // treating them as independent errs towards no claim), "below the average" only when the gap to
  // the other dimensions' mean is. With no intervals (kpis.csv without them), no claim.
  const dims = input.metrics.filter((m) => m.dimension && value(m) !== null).sort((a, b) => value(a)! - value(b)!);
  const latest = (m: ReportMetric) => m.result!.latest;
  const tested = (m: ReportMetric) => latest(m).se !== null && latest(m).n !== null;
  if (dims.length >= 2 && dims.every(tested)) {
    const weakest = dims[0]!;
    const next = dims[1]!;
    const strongest = dims.at(-1)!;
    const n = (m: ReportMetric) => latest(m).nEffective ?? latest(m).n!;
    const apart = welchDifference({ value: value(next)!, se: latest(next).se!, n: n(next) }, { value: value(weakest)!, se: latest(weakest).se!, n: n(weakest) });
    const average = dims.reduce((sum, m) => sum + value(m)!, 0) / dims.length;
    /** Is the dimension below the mean of the others, beyond the uncertainty (z test)? */
    const belowOthers = (m: ReportMetric) => {
      const others = dims.filter((o) => o !== m);
      const othersMean = others.reduce((sum, o) => sum + value(o)!, 0) / others.length;
      const othersSe = Math.sqrt(others.reduce((sum, o) => sum + latest(o).se! ** 2, 0)) / others.length;
      const test = zDifference({ value: othersMean, se: othersSe }, { value: value(m)!, se: latest(m).se! });
      return test.difference > 0 && test.p < ALPHA;
    };
    // Drivers: a dimension whose share of what explains recommending is above an equal share,
    // beyond the bootstrap interval, and which is below the other dimensions, beyond the uncertainty.
    const company = input.drivers?.groups.find((g) => g.segment === null && g.suppressed === null);
    const drives = new Set<string>();
    for (const m of dims) {
      const d = company?.dimensions.find((x) => x.metric === m.id);
      if (!d || d.low <= 100 / company!.dimensions.length) continue;
      if (belowOthers(m)) {
        drives.add(m.id);
        reasons.push({ kind: 'driver', metric: m.id, share: round1(d.share), value: round1(value(m)!), average: round1(average), points: round1(average - value(m)!) });
      }
    }
    if (apart.p < ALPHA && !drives.has(weakest.id)) {
      reasons.push({ kind: 'weakest_dimension', metric: weakest.id, value: round1(value(weakest)!), strongest: strongest.id, strongestValue: round1(value(strongest)!), points: round1(value(strongest)! - value(weakest)!) });
    }
    for (const m of dims.slice(1)) {
      if (drives.has(m.id)) continue;
      const below = average - value(m)!;
      if (below >= 1 && belowOthers(m)) reasons.push({ kind: 'below_dimensions', metric: m.id, value: round1(value(m)!), average: round1(average), points: round1(below) });
    }
  }

  // The largest gap of each metric to a benchmark, in the bad direction, beyond the uncertainty.
  for (const m of input.metrics) {
    const bad = m.comparisons
      .filter((c: ReportComparison) => c.comparable && c.gap !== null && c.verdict === 'larger_than_uncertainty' && isBad(m, c.gap))
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

  // Declines since the first wave that the change test (or, for a census, materiality) supports.
  for (const m of input.metrics) {
    const c = m.changes.sinceFirst;
    if (!c || c.verdict !== 'declined') continue;
    reasons.push({ kind: 'decline', metric: m.id, from: round1(c.from), to: round1(c.to), first: c.fromWave, last: c.toWave, points: round1(Math.abs(c.difference)), census: m.census });
  }
  const weight = new Map(reasons.map((r) => [r, reasonWeight(r, input.metrics, input.drivers)]));
  // A weak dimension that drives loyalty outranks any weak dimension that does not.
  const driverWeights = reasons.filter((r) => r.kind === 'driver').map((r) => weight.get(r)!);
  if (driverWeights.length > 0) {
    const floor = Math.min(...driverWeights);
    for (const r of reasons) if ((r.kind === 'weakest_dimension' || r.kind === 'below_dimensions') && weight.get(r)! >= floor) weight.set(r, round1(Math.max(0, floor - 0.1)));
  }
  return reasons
    .sort((a, b) => weight.get(b)! - weight.get(a)! || a.metric.localeCompare(b.metric))
    .map((reason) => ({ reason, weight: weight.get(reason)! }));
}

/**
 * One decision per finding, heaviest first: each finding (reason) is given to the guidance article
 * that addresses it most directly (an article naming the metric before one naming only its
 * dimension), preferring an article not used yet, so no reason appears twice and the first items
 * point to different articles. A finding no article addresses is left out of the list.
 */
export function recommend(input: RecommendInput): Recommendation[] {
  const signals = weighedSignals(input);
  const dimensionOf = new Map(input.metrics.map((m) => [m.id, m.dimension]));
  const used = new Set<string>();
  const out: Recommendation[] = [];
  for (const { reason, weight } of signals) {
    const dimension = dimensionOf.get(reason.metric);
    const direct = input.topics.filter((t) => t.metrics.includes(reason.metric));
    const byDimension = input.topics.filter((t) => !t.metrics.includes(reason.metric) && dimension !== null && dimension !== undefined && t.dimensions.includes(dimension));
    const candidates = [...direct, ...byDimension];
    if (candidates.length === 0) continue;
    const topic = candidates.find((t) => !used.has(t.topic)) ?? candidates[0]!;
    used.add(topic.topic);
    out.push({ topic: topic.topic, score: weight, reasons: [reason] });
  }
  return out;
}
