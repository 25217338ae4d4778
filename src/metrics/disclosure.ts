/**
 * Secondary (complementary) suppression, so that no cell hidden for being small can be worked out
 * from what is published (Hundepool et al. 2012, Statistical Disclosure Control, Wiley, ch. 4).
 *
 * What is published adds up: in each wave, the whole company is the sum of its segments (counts,
 * sums of answers, promoters minus detractors), and the loyalty tiers are part of the latest wave.
 * So one hidden segment in a wave could be recovered exactly as the total minus the others. The
 * rule, applied per wave to a group of metrics that share their respondents (all survey items;
 * all complaint metrics; each order metric on its own):
 *
 * 1. A segment hidden in any metric of the group is hidden in all of them (otherwise the
 *    difference between two items' n would give its size away).
 * 2. If exactly one segment is hidden and the total is published, the smallest other published
 *    segment is hidden too ("complementary"), so the total minus the published segments is the sum
 *    of at least two hidden cells. If there is no other segment to hide and the remaining segments
 *    are known to be empty, the total is hidden.
 * 3. The same for the loyalty tiers of the latest wave.
 *
 * Runs before anything reads the results, so every page, chart, table, download and the search
 * index see only the protected figures.
 */
import type { Estimate, Suppression } from './estimate.ts';
import type { MetricResult } from './results.ts';

const hidden = (e: Estimate | undefined) => e !== undefined && (e.suppressed === 'small_cell' || e.suppressed === 'complementary');
const published = (e: Estimate | undefined): e is Estimate => e !== undefined && e.suppressed === null;

function hide(e: Estimate, reason: Suppression) {
  Object.assign(e, { value: null, low: null, high: null, se: null, n: null, nEffective: null, suppressed: reason });
}

const cellKey = (wave: string | null, segment: string | null) => `${wave ?? '\u0001'}\u0000${segment ?? '\u0001'}`;
const NONE: Estimate[] = [];

/**
 * Every estimate object of a result by (wave, segment), tiers excluded (bySegment and
 * bySegmentWave hold separate objects), each once, in the order of the result's lists: built once
 * per result, so the rules cost the number of cells, not its square.
 */
function indexCells(result: MetricResult): (wave: string, segment: string | null) => Estimate[] {
  const index = new Map<string, Estimate[]>();
  const seen = new Set<Estimate>();
  for (const list of [result.byWave, [result.latest], result.bySegment, result.bySegmentWave]) {
    for (const e of list) {
      if (e.tier !== null || seen.has(e)) continue;
      seen.add(e);
      const key = cellKey(e.wave, e.segment);
      const cells = index.get(key);
      if (cells) cells.push(e);
      else index.set(key, [e]);
    }
  }
  return (wave, segment) => index.get(cellKey(wave, segment)) ?? NONE;
}

export function protectResults(
  results: Record<string, MetricResult>,
  waves: readonly string[],
  segments: readonly string[],
  groupOf: (metricId: string) => string,
  /** Does a segment without data hold nobody (raw files), or is it just not supplied (kpis.csv)? */
  absentIsEmpty: (metricId: string) => boolean = () => true,
): void {
  const groups = new Map<string, MetricResult[]>();
  const emptyKnown = new Map<string, boolean>();
  for (const [id, result] of Object.entries(results)) {
    const g = groupOf(id);
    groups.set(g, [...(groups.get(g) ?? []), result]);
    emptyKnown.set(g, (emptyKnown.get(g) ?? true) && absentIsEmpty(id));
  }
  const cellsOf = new Map([...groups.values()].flat().map((r) => [r, indexCells(r)]));
  const cellsAt = (r: MetricResult, wave: string, s: string | null) => cellsOf.get(r)!(wave, s);
  const order = new Map(segments.map((s, i) => [s, i]));
  for (const [group, members] of groups) {
    for (const wave of waves) {
      const at = (r: MetricResult, s: string | null) => cellsAt(r, wave, s)[0];
      // 1. Hidden in one metric, hidden in all.
      const hiddenSegments = segments.filter((s) => members.some((r) => hidden(at(r, s))));
      for (const s of hiddenSegments) for (const r of members) for (const e of cellsAt(r, wave, s)) if (published(e)) hide(e, 'complementary');
      // 2. One hidden segment beside a published total: hide one more.
      if (hiddenSegments.length !== 1 || !members.some((r) => published(at(r, null)))) continue;
      const sizes = new Map<string, number>();
      const size = (s: string) => {
        let n = sizes.get(s);
        if (n === undefined) sizes.set(s, (n = Math.max(0, ...members.map((r) => at(r, s)?.n ?? 0))));
        return n;
      };
      const candidates = segments.filter((s) => s !== hiddenSegments[0] && members.some((r) => published(at(r, s))));
      candidates.sort((a, b) => size(a) - size(b) || order.get(a)! - order.get(b)!);
      const partner = candidates[0];
      // No segment left to hide: the total would equal the hidden cell only if the segments
      // without data are known to be empty; a segment merely not supplied protects it already.
      if (partner === undefined && !emptyKnown.get(group)) continue;
      for (const r of members) {
        for (const e of cellsAt(r, wave, partner ?? null)) if (published(e)) hide(e, 'complementary');
      }
    }
  }
  // 3. Loyalty tiers: part of the latest wave's total.
  for (const result of Object.values(results)) {
    const tiers = result.byTier;
    if (!tiers || !published(result.latest)) continue;
    const small = tiers.filter(hidden);
    if (small.length !== 1) continue;
    const partner = tiers.filter(published).sort((a, b) => a.n! - b.n!)[0];
    if (partner) hide(partner, 'complementary');
    else for (const e of indexCells(result)(result.latest.wave!, null)) hide(e, 'complementary');
  }
}
