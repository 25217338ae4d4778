/**
 * The join: each company metric beside the public figures declared comparable in the metric
 * catalogue. Every comparison states the gap (company minus benchmark, in points) only when the
 * two are on the same scale and measure; whether the gap is larger than the combined uncertainty;
 * and every way in which the two figures differ (population, country, wording, age, status...).
 * A difference is a label for the reader, never a silent ranking.
 */
import type { BenchmarkLink, MetricDefinition } from '../metrics/catalogue.ts';
import type { Estimate } from '../metrics/estimate.ts';
import type { ReportSource, ReportStatistic } from '../schemas/report.ts';
import { Z95 } from '../stats/student-t.ts';

export const COMPARABILITY_FLAGS = [
  'scale',
  'measure',
  'range',
  'population',
  'country',
  'wording',
  'age',
  'status',
  'benchmark_uncertainty_unknown',
] as const;
export type ComparabilityFlag = (typeof COMPARABILITY_FLAGS)[number];

export interface Comparison {
  statisticId: string;
  contextOnly: boolean;
  /** Same scale, same measure, a single value: a gap can be computed. */
  comparable: boolean;
  /** Company minus benchmark, in the metric's points; null when not comparable. */
  gap: number | null;
  /** 1.96 x the combined standard error of the two figures; null when unknown. */
  margin: number | null;
  /** Is |gap| larger than the margin? null when it cannot be told. */
  significant: boolean | null;
  flags: ComparabilityFlag[];
}

/** Does the public figure sit on the company metric's scale? */
function sameScale(definition: MetricDefinition, stat: ReportStatistic): boolean {
  if (definition.kind === 'share') return stat.unit === 'percent' && stat.scale.min === 0 && stat.scale.max === 100;
  if (definition.kind === 'nps') return stat.unit === 'points' && stat.scale.min === -100 && stat.scale.max === 100;
  return false; // indices, hours and frequencies have no public twin on the same scale
}

/** Standard error of a public share, from its margin of error or its n; null when neither is known. */
function benchmarkSe(stat: ReportStatistic, source: ReportSource): number | null {
  if (stat.value === null) return null;
  if (source.marginOfError !== null && stat.n !== null && stat.n === source.n) return source.marginOfError / Z95;
  if (stat.n !== null && stat.unit === 'percent') return 100 * Math.sqrt(((stat.value / 100) * (1 - stat.value / 100)) / stat.n);
  return null;
}

export function compare(
  definition: MetricDefinition,
  link: BenchmarkLink,
  company: Estimate,
  stat: ReportStatistic,
  source: ReportSource,
  companyCountries: readonly string[],
): Comparison {
  const flags: ComparabilityFlag[] = [];
  const scaleOk = sameScale(definition, stat);
  if (!scaleOk) flags.push('scale');
  if (stat.measure !== 'level') flags.push('measure');
  if (stat.value === null || stat.qualifier !== null) flags.push('range');
  flags.push('population');
  if (stat.markets.includes('global') || !stat.markets.some((m) => companyCountries.includes(m))) flags.push('country');
  if (link.wording !== 'same') flags.push('wording');
  if (stat.stale) flags.push('age');
  if (stat.status === 'unverified' || stat.status === 'misquoted') flags.push('status');
  const comparable = scaleOk && stat.measure === 'level' && stat.value !== null && stat.qualifier === null && !link.contextOnly;
  let gap: number | null = null;
  let margin: number | null = null;
  let significant: boolean | null = null;
  if (comparable && company.value !== null) {
    gap = company.value - stat.value!;
    const seCompany = definition.census ? 0 : company.se;
    const seBenchmark = benchmarkSe(stat, source);
    if (seBenchmark === null) flags.push('benchmark_uncertainty_unknown');
    if (seCompany !== null) {
      // Unknown benchmark uncertainty: judge on the company's alone, and say so with the flag.
      margin = Z95 * Math.sqrt(seCompany ** 2 + (seBenchmark ?? 0) ** 2);
      significant = Math.abs(gap) > margin;
    }
  }
  return { statisticId: stat.id, contextOnly: link.contextOnly === true, comparable, gap, margin, significant, flags };
}
