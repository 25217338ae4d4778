/**
 * The sampling uncertainty of a public figure: one rule, used by the statistic's own page and by
 * every comparison with it.
 *
 * - An opt-in (non-probability) sample has no sampling margin at all (AAPOR Task Force on
 *   Non-probability Sampling, Baker et al. 2013, JSSAM 1(2):90-143): "cannot be judged".
 * - A published margin of error (percentage points at 95 %, which already includes the
 *   publisher's design effect) applies to a share of the whole sample: SE = margin / 1.96. It is
 *   stated at 50 %, so it is conservative for other shares.
 * - A probability sample with n and a declared design effect: effective n = n / deff (Kish 1965,
 *   Survey Sampling); a share gets the Wilson-based SE at that n, an NPS the adjusted-Wald SE with the
 *   largest variance its value allows (no passives), since the promoter and detractor shares are
 *   not published.
 * - Anything else (no margin, no design effect, a range, a qualifier such as "up to", a relative
 *   change): unknown, so "cannot be judged".
 */
import type { ReportSource, ReportStatistic } from '../schemas/report.ts';
import { npsAdjustedWald, wilson } from './intervals.ts';
import { Z95 } from './student-t.ts';

export const UNCERTAINTY_BASES = ['published_margin', 'design_effect', 'opt_in', 'not_single_value', 'unknown'] as const;
export type UncertaintyBasis = (typeof UNCERTAINTY_BASES)[number];

export interface BenchmarkUncertainty {
  basis: UncertaintyBasis;
  /** Standard error in the figure's own points; null when it cannot be known. */
  se: number | null;
  /** Half-width of the 95 % interval (1.96 x SE); null when unknown. */
  margin: number | null;
  /** Effective sample size, when it comes from n and a design effect. */
  nEffective: number | null;
}

type StatInput = Pick<ReportStatistic, 'value' | 'qualifier' | 'measure' | 'unit' | 'scale' | 'n'>;
type SourceInput = Pick<ReportSource, 'n' | 'marginOfError' | 'sample' | 'designEffect'>;

const unknown = (basis: UncertaintyBasis): BenchmarkUncertainty => ({ basis, se: null, margin: null, nEffective: null });

export function benchmarkUncertainty(stat: StatInput, source: SourceInput): BenchmarkUncertainty {
  if (stat.value === null || stat.qualifier !== null || stat.measure !== 'level') return unknown('not_single_value');
  if (source.sample === 'opt_in') return unknown('opt_in');
  const isShare = stat.unit === 'percent' && stat.scale.min === 0 && stat.scale.max === 100;
  const isNps = stat.unit === 'points' && stat.scale.min === -100 && stat.scale.max === 100;
  // The published margin and the source's n are for the whole sample. A figure about a subgroup
  // (its own population: n given for it, or unknown) gets neither: a subgroup is less precise.
  const wholeSample = stat.n !== null && stat.n === source.n;
  if (source.marginOfError !== null && wholeSample && isShare) {
    return { basis: 'published_margin', se: source.marginOfError / Z95, margin: source.marginOfError, nEffective: null };
  }
  const n = stat.n;
  if (source.sample === 'probability' && source.designEffect !== null && n !== null) {
    const nEffective = n / source.designEffect;
    let se: number | null = null;
    if (isShare) {
      const i = wilson((stat.value / 100) * nEffective, nEffective);
      se = (i.high - i.low) / (2 * Z95);
    } else if (isNps) {
      // No passives is the largest variance an NPS of this value can have.
      const v = stat.value / 100;
      se = npsAdjustedWald((1 + v) / 2, (1 - v) / 2, nEffective).se;
    }
    if (se !== null) return { basis: 'design_effect', se, margin: Z95 * se, nEffective };
  }
  return unknown('unknown');
}
