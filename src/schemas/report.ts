/**
 * The report model: the one hand-off from the data build to the pages. Versioned; the pages
 * never read data files. Every figure keeps its provenance here until it is drawn.
 */
import { z } from 'zod';
import { MEASURES, QUALIFIERS, UNITS } from './benchmarks.ts';
import { VERIFICATION_STATUSES } from './common.ts';

export const REPORT_VERSION = 1;

const origin = z.object({ file: z.string(), line: z.int() });

export const reportSourceSchema = z.object({
  id: z.string(),
  publisher: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  year: z.int().nullable(),
  released: z.string().nullable(),
  releasedNote: z.string().nullable(),
  fieldwork: z.object({ start: z.string().nullable(), end: z.string().nullable(), note: z.string().nullable() }),
  population: z.string(),
  markets: z.array(z.string()),
  n: z.int().nullable(),
  nNote: z.string().nullable(),
  marginOfError: z.number().nullable(),
  marginNote: z.string().nullable(),
  method: z.string(),
  url: z.string().nullable(),
  status: z.enum(VERIFICATION_STATUSES),
  caveats: z.array(z.string()),
  origin,
});

export const reportStatisticSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  metric: z.string(),
  measure: z.enum(MEASURES),
  unit: z.enum(UNITS),
  scale: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** Decimals as published, so 78.0 stays 78.0. */
  decimals: z.int().min(0),
  qualifier: z.enum(QUALIFIERS).nullable(),
  /** Population, markets and n of this figure (the source's unless the row narrows them). */
  population: z.string(),
  markets: z.array(z.string()),
  n: z.int().nullable(),
  wording: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  caveat: z.string().nullable(),
  note: z.string().nullable(),
  /** Date the age is counted from: release date, else fieldwork end, else 1 July of the year. */
  datedFrom: z.string().nullable(),
  /** Age in whole years at the report's as-of date; null when the source has no date. */
  ageYears: z.number().nullable(),
  stale: z.boolean(),
  origin,
});

export const reportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  company: z.object({
    name: z.string(),
    locales: z.array(z.string()),
    defaultLocale: z.string(),
    currency: z.string(),
    siteUrl: z.string().nullable(),
    reportingPeriod: z.object({ start: z.string(), end: z.string() }),
  }),
  /** Every age and staleness flag is measured at this date (the end of the reporting period). */
  asOf: z.string(),
  library: z.object({
    staleAfterYears: z.number(),
    sources: z.array(reportSourceSchema),
    statistics: z.array(reportStatisticSchema),
  }),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportSource = z.infer<typeof reportSourceSchema>;
export type ReportStatistic = z.infer<typeof reportStatisticSchema>;
