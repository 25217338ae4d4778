/**
 * Say versus do, per segment in the latest wave: what customers say in the survey (NPS, CSAT)
 * beside what they do in the orders (retention, repeat purchases). A segment is flagged
 * "satisfied but not loyal" when the whole 95% interval of its CSAT lies at or above the
 * company's CSAT (so "satisfied" is not an accident of sampling) and its retention rate (a census)
 * is at least 10 points below the company's. Suppressed figures are carried as such; a segment
 * with a suppressed figure is never flagged.
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

export function sayVsDo(segments: readonly string[], results: Record<string, MetricResult>): SayVsDoRow[] {
  const find = (metric: string, segment: string) => results[metric]!.bySegment.find((e) => e.segment === segment)!;
  const companyCsat = results.csat!.latest.value;
  const companyRetention = results.retention_rate!.latest.value;
  return segments.map((segment) => {
    const csat = find('csat', segment);
    const retention = find('retention_rate', segment);
    const satisfiedNotLoyal =
      csat.value !== null &&
      csat.low !== null &&
      retention.value !== null &&
      companyCsat !== null &&
      companyRetention !== null &&
      csat.low >= companyCsat &&
      retention.value <= companyRetention - SATISFIED_NOT_LOYAL_GAP;
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
