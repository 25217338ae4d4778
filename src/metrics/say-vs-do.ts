/**
 * Say versus do, per segment in the latest wave: what customers say in the survey (NPS, CSAT)
 * beside what they do in the orders (retention, repeat purchases). A segment is flagged
 * "satisfied but not loyal" when both hold against the rest of the company (not against a total
 * that contains the segment): its CSAT is higher than the rest's, by the segment test of its page
 * (Holm-adjusted), and its retention rate is at least 10 points below the rest's, a difference that
 * also passes the census test (beyond chance variation and the materiality threshold). Suppressed
 * figures are carried as such; a segment with a suppressed figure is never flagged.
 */
import type { Estimate } from './estimate.ts';
import type { MetricResult } from './results.ts';

export const SATISFIED_NOT_LOYAL_GAP = 10;

export interface SayVsDoRow {
  segment: string;
  nps: Estimate;
  csat: Estimate;
  retention: Estimate;
  repeat: Estimate;
  satisfiedNotLoyal: boolean;
}

/** A segment's tested difference from the rest of the company, as assemble.ts computed it. */
export interface RestDifference {
  difference: number;
  versus: 'rest' | 'company';
  holds: boolean | null;
}

export function sayVsDo(
  segments: readonly string[],
  results: Record<string, MetricResult>,
  differenceOf: (metric: string, segment: string) => RestDifference | undefined,
): SayVsDoRow[] {
  const find = (metric: string, segment: string) => results[metric]!.bySegment.find((e) => e.segment === segment)!;
  return segments.map((segment) => {
    const csat = find('csat', segment);
    const retention = find('retention_rate', segment);
    const satisfied = differenceOf('csat', segment);
    const staying = differenceOf('retention_rate', segment);
    const satisfiedNotLoyal =
      csat.value !== null &&
      retention.value !== null &&
      satisfied !== undefined &&
      staying !== undefined &&
      satisfied.versus === 'rest' &&
      staying.versus === 'rest' &&
      satisfied.holds === true &&
      satisfied.difference > 0 &&
      staying.holds === true &&
      staying.difference <= -SATISFIED_NOT_LOYAL_GAP;
    return {
      segment,
      nps: find('nps', segment),
      csat,
      retention,
      repeat: find('repeat_purchase_rate', segment),
      satisfiedNotLoyal,
    };
  });
}
