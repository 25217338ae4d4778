/**
 * The join: each company metric beside the public figures its catalogue entry links to.
 *
 * A public figure is a **benchmark** only when it measures the same thing (the catalogue declares
 * the same question on the same scale), as a single level, for a population the company can claim
 * to be comparable with (one of the company's markets; for an industry figure, the company's own
 * industry), not stale and not unverified or misquoted. Every other figure is **context**: shown
 * side by side with both uncertainties and the ways the two differ, never a gap, never a verdict,
 * never a reason in the guidance (total survey error: Groves & Lyberg 2010, POQ 74:849-879;
 * question form and referent: Schwarz 1999, Am. Psychologist 54:93-105).
 *
 * A benchmark's gap gets a verdict only when both uncertainties are known: the company's from its
 * interval (none for a census), the public figure's from src/stats/benchmark-uncertainty.ts.
 * The verdicts of all gaps in one report form one family, adjusted with Holm's procedure
 * (see `judgeGaps`).
 */
import type { BenchmarkLink, MetricDefinition, QuestionDifference } from '../metrics/catalogue.ts';
import type { Estimate } from '../metrics/estimate.ts';
import type { ReportStatistic } from '../schemas/report.ts';
import { ALPHA, holm, zDifference } from '../stats/tests.ts';
import { Z95 } from '../stats/student-t.ts';

export const COMPARABILITY_FLAGS = [
  'question',
  'referent',
  'answer_scale',
  'construct',
  'scale',
  'measure',
  'range',
  'country',
  'partial_markets',
  'industry',
  'age',
  'status',
  'opt_in_sample',
  'benchmark_uncertainty_unknown',
] as const;
export type ComparabilityFlag = (typeof COMPARABILITY_FLAGS)[number];

/**
 * Differences that leave a same-measure figure a benchmark: an unknown or opt-in uncertainty only
 * withholds the verdict, and partial markets are met with the customers in those markets. Every
 * other difference makes the figure context.
 */
const KEEPS_BENCHMARK: ReadonlySet<ComparabilityFlag> = new Set(['opt_in_sample', 'benchmark_uncertainty_unknown', 'partial_markets']);
export const makesContext = (flag: ComparabilityFlag): boolean => !KEEPS_BENCHMARK.has(flag);

export const GAP_VERDICTS = ['larger_than_uncertainty', 'within_uncertainty', 'cannot_judge'] as const;
export type GapVerdict = (typeof GAP_VERDICTS)[number];

export interface Comparison {
  statisticId: string;
  /** A benchmark (measures the same thing in a comparable population), or context. */
  comparable: boolean;
  /** Company minus benchmark, in the metric's points; only for a benchmark. */
  gap: number | null;
  /** 1.96 x the combined standard error of the two figures; null when either is unknown. */
  margin: number | null;
  /** Two-sided p-value of the gap, before and after Holm's adjustment over the report's gaps. */
  p: number | null;
  pAdjusted: number | null;
  /** null for context figures: they never get one. */
  verdict: GapVerdict | null;
  /** Every way in which the two figures differ. */
  flags: ComparabilityFlag[];
  /**
   * The company figure set beside the public one: the latest whole-company figure, or, for a
   * benchmark about some of the company's markets, the figure of the customers in those markets.
   */
  company: { value: number | null; low: number | null; high: number | null; n: number | null; markets: string[] | null };
}

/** What the company declares about itself in company.yaml, to match public populations. */
export interface CompanyProfile {
  /** ISO country codes of the markets the company's customers are in. */
  markets: readonly string[];
  /** The company's industry id, matched to a public figure's `industry`; null when not declared. */
  industry: string | null;
}

/** Does the public figure sit on the company metric's scale? */
function sameScale(definition: MetricDefinition, stat: ReportStatistic): boolean {
  if (definition.kind === 'share') return stat.unit === 'percent' && stat.scale.min === 0 && stat.scale.max === 100;
  if (definition.kind === 'nps') return stat.unit === 'points' && stat.scale.min === -100 && stat.scale.max === 100;
  return false; // indices, hours and frequencies have no public twin on the same scale
}

const QUESTION_FLAGS: Record<QuestionDifference, ComparabilityFlag> = {
  question: 'question',
  referent: 'referent',
  answer_scale: 'answer_scale',
  construct: 'construct',
};

export function compare(
  definition: MetricDefinition,
  link: BenchmarkLink,
  latest: Estimate,
  stat: ReportStatistic,
  profile: CompanyProfile,
  /** The company's figure for some markets only, when the public figure covers only those. */
  forMarkets: (markets: string[]) => Estimate | null = () => null,
): Comparison {
  const flags: ComparabilityFlag[] = (link.differs ?? []).map((d) => QUESTION_FLAGS[d]);
  const scaleOk = sameScale(definition, stat);
  if (!scaleOk) flags.push('scale');
  if (stat.measure !== 'level') flags.push('measure');
  if (stat.value === null || stat.qualifier !== null) flags.push('range');
  if (stat.markets.includes('global') || !stat.markets.some((m) => profile.markets.includes(m))) flags.push('country');
  // Some of the company's markets only: still a benchmark, but the reader is told.
  else if (profile.markets.some((m) => !stat.markets.includes(m))) flags.push('partial_markets');
  if (stat.industry !== null && stat.industry !== profile.industry) flags.push('industry');
  if (stat.stale) flags.push('age');
  if (stat.status === 'unverified' || stat.status === 'misquoted') flags.push('status');
  if (stat.uncertainty.basis === 'opt_in') flags.push('opt_in_sample');
  else if (stat.uncertainty.se === null && stat.uncertainty.basis !== 'not_single_value') flags.push('benchmark_uncertainty_unknown');

  // A benchmark about some of the company's markets is set beside the company's customers in
  // those markets, when that figure can be had; otherwise it is context.
  const disqualified = () => link.measures !== 'same_measure' || flags.some(makesContext);
  let company = latest;
  let markets: string[] | null = null;
  if (flags.includes('partial_markets') && !disqualified()) {
    markets = profile.markets.filter((m) => stat.markets.includes(m));
    const restricted = forMarkets(markets);
    if (restricted) company = restricted;
    else {
      flags.push('country');
      markets = null;
    }
  }
  const shown = { value: company.value, low: company.low, high: company.high, n: company.n, markets };
  const comparable = !disqualified();
  if (!comparable || company.value === null || stat.value === null) {
    return { statisticId: stat.id, comparable, gap: null, margin: null, p: null, pAdjusted: null, verdict: comparable ? 'cannot_judge' : null, flags, company: shown };
  }
  const gap = company.value - stat.value;
  const seCompany = definition.census ? 0 : company.se;
  const seBenchmark = stat.uncertainty.se;
  if (seCompany === null || seBenchmark === null) {
    return { statisticId: stat.id, comparable, gap, margin: null, p: null, pAdjusted: null, verdict: 'cannot_judge', flags, company: shown };
  }
  const test = zDifference({ value: company.value, se: seCompany }, { value: stat.value, se: seBenchmark });
  // The verdict waits for the family: see judgeGaps.
  return { statisticId: stat.id, comparable, gap, margin: Z95 * test.se, p: test.p, pAdjusted: null, verdict: null, flags, company: shown };
}

/**
 * Holm's adjustment over every testable gap of the report (one family: the benchmark gaps a
 * reader may act on), then each gap's verdict. Mutates and returns the comparisons.
 */
export function judgeGaps(comparisons: Comparison[]): Comparison[] {
  const tested = comparisons.filter((c) => c.comparable && c.p !== null);
  const adjusted = holm(tested.map((c) => c.p!));
  tested.forEach((c, i) => {
    c.pAdjusted = adjusted[i]!;
    c.verdict = c.pAdjusted < ALPHA ? 'larger_than_uncertainty' : 'within_uncertainty';
  });
  return comparisons;
}
