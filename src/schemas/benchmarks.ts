/**
 * The public benchmark data set: publications in `benchmarks/sources.yaml`, one published figure
 * per row in `benchmarks/statistics.csv`.
 */
import { z } from 'zod';
import type { ColumnSpec, TableSpec, RowOf, RowRule } from '../pipeline/table.ts';
import { enumCell, optionalEnumCell, optionalNumberCell, optionalSlugCell, optionalTextCell, slugCell, textCell } from './cells.ts';
import { httpUrl, isoDate, market, nonEmptyText, slug, verificationStatus, VERIFICATION_STATUSES } from './common.ts';

// ---------------------------------------------------------------------------------------------
// sources.yaml

export const SAMPLE_TYPES = ['probability', 'opt_in', 'unknown'] as const;
export type SampleType = (typeof SAMPLE_TYPES)[number];

export const sourceSchema = z.strictObject({
  id: slug(),
  publisher: nonEmptyText(),
  title: nonEmptyText(),
  /**
   * Fields that describe rather than name: a title written because the original is unknown, or a
   * publisher that is not known. They are translated like other text; published titles and
   * publishers' names are shown as published.
   */
  descriptive: z.array(z.enum(['title', 'publisher'], { error: 'expected "title" or "publisher"' })).default([]),
  authors: z.array(nonEmptyText()).optional(),
  /** Publication year as published; absent when no original was found. */
  year: z.int({ error: 'expected a whole year such as 2019' }).min(1900).max(2100).optional(),
  released: isoDate().optional(),
  released_note: nonEmptyText().optional(),
  fieldwork: z
    .strictObject({
      start: isoDate().optional(),
      end: isoDate().optional(),
      note: nonEmptyText().optional(),
    })
    .optional(),
  population: nonEmptyText(),
  markets: z.array(market()).min(1),
  n: z.int({ error: 'expected a whole number of respondents' }).positive().optional(),
  n_note: nonEmptyText().optional(),
  /** Margin of error in percentage points, at 95% confidence, as the publisher states it. */
  margin_of_error: z.number({ error: 'expected a margin of error in percentage points' }).positive().max(50).optional(),
  margin_note: nonEmptyText().optional(),
  /**
   * How respondents were chosen. A probability sample supports a sampling margin (from
   * margin_of_error, or from n and design_effect); an opt-in sample does not (AAPOR 2013), so no
   * gap to it is ever called larger or smaller than the uncertainty.
   */
  sample: z
    .enum(SAMPLE_TYPES, { error: 'expected one of "probability", "opt_in", "unknown"' })
    .default('unknown'),
  /** Kish design effect of the publisher's weighting (>= 1); with n, gives the effective sample size. */
  design_effect: z.number({ error: 'expected a design effect such as 1.5' }).min(1).max(20).optional(),
  method: nonEmptyText(),
  url: httpUrl().optional(),
  status: verificationStatus(),
  caveats: z.array(nonEmptyText()).default([]),
});

export const sourcesFileSchema = z.strictObject({
  sources: z.array(sourceSchema).min(1),
});

export type Source = z.output<typeof sourceSchema>;

// ---------------------------------------------------------------------------------------------
// statistics.csv

export const MEASURES = ['level', 'relative_change'] as const;
export const UNITS = ['percent', 'points', 'times'] as const;
export const QUALIFIERS = ['about', 'up_to', 'at_least', 'more_than'] as const;

export type Measure = (typeof MEASURES)[number];
export type Unit = (typeof UNITS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];

export interface Scale {
  min: number | null;
  max: number | null;
}

const SCALE = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/;

const scaleCell: ColumnSpec<Scale> = {
  schema: z
    .string()
    .regex(SCALE)
    .transform((text) => {
      const [, min, max] = SCALE.exec(text)!;
      return { min: min === undefined ? null : Number(min), max: max === undefined ? null : Number(max) };
    })
    .refine((s) => s.min === null || s.max === null || s.min < s.max),
  expected: 'a scale written as MIN..MAX with either end optional (e.g. "0..100", "-100..100", "0..")',
};

export const statisticColumns = {
  id: slugCell(),
  source: slugCell('the id of a source in sources.yaml'),
  metric: slugCell('a metric key of lower-case letters, digits and underscores (e.g. "data_concern")'),
  measure: enumCell(MEASURES),
  unit: enumCell(UNITS),
  scale: scaleCell,
  value: optionalNumberCell(),
  low: optionalNumberCell(),
  high: optionalNumberCell(),
  qualifier: optionalEnumCell(QUALIFIERS),
  population: optionalTextCell(),
  markets: {
    schema: z
      .string()
      .transform((text) => (text === '' ? undefined : text.split(/\s*[|]\s*/)))
      .pipe(z.array(z.string().regex(/^(?:[A-Z]{2}|global)$/)).optional()),
    expected: 'two-letter country codes separated by "|" (e.g. "US|GB"), "global", or an empty cell',
    optional: true,
  } satisfies ColumnSpec<string[] | undefined>,
  n: optionalNumberCell({ min: 1, integer: true, expected: 'a whole number of respondents of at least 1' }),
  /** The industry an industry-level figure describes (e.g. "retail"), matched to company.yaml's industry. */
  industry: optionalSlugCell('an industry id of lower-case letters, digits and dashes (e.g. "retail"), or an empty cell'),
  wording: textCell('the English wording of the figure', 'write what was asked and what the figure counts, close to the source'),
  status: enumCell(VERIFICATION_STATUSES),
  caveat: optionalTextCell(),
  note: optionalTextCell(),
} satisfies TableSpec;

export type StatisticRow = RowOf<typeof statisticColumns>;

function formatBound(value: number | null): string {
  return value === null ? '' : String(value);
}

function inScale(value: number, scale: Scale): boolean {
  return (scale.min === null || value >= scale.min) && (scale.max === null || value <= scale.max);
}

function describeScale(row: StatisticRow): string {
  const { min, max } = row.scale;
  const what = row.unit === 'percent' && row.measure === 'level' ? 'a percentage' : 'a value';
  if (min !== null && max !== null) return `${what} from ${min} to ${max}`;
  if (min !== null) return `${what} of at least ${min}`;
  if (max !== null) return `${what} of at most ${max}`;
  return what;
}

/** Rules that look at several cells of one row. */
export const statisticRules: RowRule<typeof statisticColumns>[] = [
  (row) => {
    const hasValue = row.value !== undefined;
    const hasRange = row.low !== undefined || row.high !== undefined;
    if (hasValue && hasRange) {
      return [{ field: 'value', message: 'expected either a value or a low..high range, found both', hint: 'empty the value cell for a range, or the low and high cells for a single figure' }];
    }
    if (!hasValue && !hasRange) {
      return [{ field: 'value', message: 'expected a value, or low and high for a range, found all three empty' }];
    }
    if (hasRange && (row.low === undefined || row.high === undefined)) {
      const missing = row.low === undefined ? 'low' : 'high';
      return [{ field: missing, message: `expected both ends of the range, found an empty ${missing}` }];
    }
    return [];
  },
  (row) => {
    if (row.low !== undefined && row.high !== undefined && row.low > row.high) {
      return [{ field: 'low', message: `expected low <= high, found low ${row.low} > high ${row.high}`, hint: 'swap the two values' }];
    }
    return [];
  },
  (row) => {
    const problems: ReturnType<RowRule<typeof statisticColumns>> = [];
    const scaleText = `${formatBound(row.scale.min)}..${formatBound(row.scale.max)}`;
    for (const field of ['value', 'low', 'high'] as const) {
      const value = row[field];
      if (value !== undefined && !inScale(value, row.scale)) {
        problems.push({
          field,
          message: `expected ${describeScale(row)} (scale ${scaleText}), found ${value}`,
          hint: row.unit === 'percent' ? 'percentages are written as 0-100, not as fractions or with a % sign' : 'check the value against the scale column',
        });
      }
    }
    return problems;
  },
  (row) => {
    if (row.unit === 'percent' && row.measure === 'level' && (row.scale.min !== 0 || row.scale.max !== 100)) {
      return [{ field: 'scale', message: `expected the scale "0..100" for a percentage level, found "${formatBound(row.scale.min)}..${formatBound(row.scale.max)}"` }];
    }
    return [];
  },
  (row) => {
    if ((row.status === 'misquoted' || row.status === 'unverified') && row.caveat === undefined) {
      return [{ field: 'caveat', message: `expected a caveat for a ${row.status} figure, found an empty cell`, hint: 'say what the source really says, or that no original was found' }];
    }
    return [];
  },
];
