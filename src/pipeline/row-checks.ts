/**
 * Checks of a company file's row against company.yaml (its segments and reporting period),
 * reported at the row's cell: shared by the loader and the worker that reads a large survey.
 */
import type { Company } from '../schemas/company.ts';
import { closest, type IssueSink } from './issues.ts';
import type { RowContext } from './table.ts';

export interface RowChecks {
  problem(context: RowContext, field: string, message: string, hint?: string): void;
  /** True for a segment of company.yaml (or "all" where allowed); otherwise reports it. */
  checkSegment(segment: string, context: RowContext, allowAll?: boolean): boolean;
  /** True for a quarter of the reporting period; otherwise reports it. */
  checkWave(wave: string, context: RowContext, field: string): boolean;
}

export function createRowChecks(company: Pick<Company, 'segments'>, waves: readonly string[], into: IssueSink): RowChecks {
  const segmentIds = company.segments.map((s) => s.id);
  const knownSegments = new Set(segmentIds);
  const knownWaves = new Set(waves);
  const problem = (context: RowContext, field: string, message: string, hint?: string) =>
    void into.push({ file: context.file, line: context.line, column: context.columnOf(field), field, message, ...(hint ? { hint } : {}) });
  return {
    problem,
    checkSegment(segment, context, allowAll = false) {
      if (knownSegments.has(segment) || (allowAll && segment === 'all')) return true;
      // A segment written as its label ("Households", "Public sector") names its id in the hint.
      const byLabel = company.segments.find((s) => Object.values(s.labels).some((label) => label.trim().toLowerCase() === segment.trim().toLowerCase()));
      const guess = byLabel?.id ?? closest(segment, segmentIds);
      const hint = byLabel ? `"${segment}" is the label of the segment "${byLabel.id}"; write its id` : guess ? `did you mean "${guess}"?` : 'add the segment to company.yaml with its labels';
      problem(context, 'segment', `expected a segment listed in company.yaml (${segmentIds.join(', ')}${allowAll ? ', or "all"' : ''}), found "${segment}"`, hint);
      return false;
    },
    checkWave(wave, context, field) {
      if (knownWaves.has(wave)) return true;
      problem(context, field, `expected a quarter within the reporting period (${waves[0]} to ${waves.at(-1)}), found "${wave}"`, 'widen reporting_period in company.yaml, or remove rows outside it');
      return false;
    },
  };
}
