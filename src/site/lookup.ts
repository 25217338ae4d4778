/**
 * Finding things in the report model by id, for the pages, through the prepared indexes
 * (./model.ts). The ids come from the model itself, so a miss is a bug in the build, not bad
 * data: it throws.
 */
import type { Report, ReportSource, ReportStatistic } from '../schemas/report.ts';
import { segmentLabel } from './metric-text.ts';
import { prepared } from './model.ts';

export function statisticById(report: Report, id: string): ReportStatistic {
  const found = prepared(report).statistics.get(id);
  if (!found) throw new Error(`no benchmark figure "${id}" in the report model`);
  return found;
}

export function sourceById(report: Report, id: string): ReportSource {
  const found = prepared(report).sources.get(id);
  if (!found) throw new Error(`no source "${id}" in the report model`);
  return found;
}

/** A segment's label in the page's locale. */
export function segmentName(report: Report, id: string | null, locale: string): string {
  return segmentLabel((id === null ? undefined : prepared(report).segments.get(id))?.labels ?? {}, locale);
}
