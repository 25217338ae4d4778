/**
 * The report model: the one hand-off from the data build to the pages. Versioned; the pages
 * never read data files. Every figure keeps its provenance here until it is drawn.
 */
import { z } from 'zod';
import { MEASURES, QUALIFIERS, UNITS } from './benchmarks.ts';
import { VERIFICATION_STATUSES } from './common.ts';
import { COMPARABILITY_FLAGS, GAP_VERDICTS } from '../report/compare.ts';
import { CHANGE_VERDICTS, DIFFERENCE_VERDICTS } from '../report/changes.ts';
import { SAMPLE_TYPES } from './benchmarks.ts';
import { UNCERTAINTY_BASES } from '../stats/benchmark-uncertainty.ts';
import { SUPPRESSIONS } from '../metrics/estimate.ts';
import { sourceTranslationSchema, statisticTranslationSchema } from './benchmark-translations.ts';

export const REPORT_VERSION = 4;

const origin = z.object({ file: z.string(), line: z.int() });

export const reportSourceSchema = z.object({
  id: z.string(),
  publisher: z.string(),
  title: z.string(),
  /** Fields that describe rather than name (unknown title or publisher): these may be translated. */
  descriptive: z.array(z.enum(['title', 'publisher'])),
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
  sample: z.enum(SAMPLE_TYPES),
  designEffect: z.number().nullable(),
  method: z.string(),
  url: z.string().nullable(),
  status: z.enum(VERIFICATION_STATUSES),
  caveats: z.array(z.string()),
  /** The descriptive text in other locales, keyed by locale; what is missing shows in English. */
  i18n: z.record(z.string(), sourceTranslationSchema),
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
  /** The industry of an industry-level figure. */
  industry: z.string().nullable(),
  /** Its sampling uncertainty, from one rule (src/stats/benchmark-uncertainty.ts). */
  uncertainty: z.object({
    basis: z.enum(UNCERTAINTY_BASES),
    se: z.number().nullable(),
    margin: z.number().nullable(),
    nEffective: z.number().nullable(),
  }),
  wording: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  caveat: z.string().nullable(),
  note: z.string().nullable(),
  /** Date the age is counted from: release date, else fieldwork end, else 1 July of the year. */
  datedFrom: z.string().nullable(),
  /** Age in whole years at the report's as-of date; null when the source has no date. */
  ageYears: z.number().nullable(),
  stale: z.boolean(),
  i18n: z.record(z.string(), statisticTranslationSchema),
  origin,
});

const estimateSchema = z.object({
  wave: z.string().nullable(),
  segment: z.string().nullable(),
  tier: z.string().nullable(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  se: z.number().nullable(),
  n: z.number().nullable(),
  nEffective: z.number().nullable(),
  suppressed: z.enum(SUPPRESSIONS).nullable(),
}).refine((e) => e.suppressed === null || (e.value === null && e.n === null && e.nEffective === null && e.low === null && e.high === null), {
  error: 'a suppressed cell carries no value and no n',
});

const metricResultSchema = z.object({
  latest: estimateSchema,
  byWave: z.array(estimateSchema),
  bySegment: z.array(estimateSchema),
  bySegmentWave: z.array(estimateSchema),
  byTier: z.array(estimateSchema).optional(),
});

export const comparisonSchema = z.object({
  statisticId: z.string(),
  comparable: z.boolean(),
  gap: z.number().nullable(),
  margin: z.number().nullable(),
  p: z.number().nullable(),
  pAdjusted: z.number().nullable(),
  verdict: z.enum(GAP_VERDICTS).nullable(),
  flags: z.array(z.enum(COMPARABILITY_FLAGS)),
  /** The company figure compared: whole company, or (markets) its customers in those markets. */
  company: z.object({ value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), n: z.number().nullable(), markets: z.array(z.string()).nullable() }),
});

const claimFields = {
  difference: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  p: z.number().nullable(),
  pAdjusted: z.number().nullable(),
  threshold: z.number().nullable(),
  holds: z.boolean().nullable(),
};

export const changeSchema = z.object({
  ...claimFields,
  fromWave: z.string(),
  toWave: z.string(),
  from: z.number(),
  to: z.number(),
  verdict: z.enum(CHANGE_VERDICTS),
});

export const segmentDifferenceSchema = z.object({
  ...claimFields,
  segment: z.string(),
  versus: z.enum(['rest', 'company']),
  verdict: z.enum(DIFFERENCE_VERDICTS),
});

export const reportMetricSchema = z.object({
  id: z.string(),
  source: z.enum(['survey', 'orders', 'complaints']),
  kind: z.enum(['share', 'nps', 'index', 'hours', 'orders']),
  better: z.enum(['higher', 'lower']),
  census: z.boolean(),
  dimension: z.string().nullable(),
  group: z.enum(['ability', 'benevolence', 'integrity']).nullable(),
  /** Taken from kpis.csv rather than computed from raw rows. */
  fromKpis: z.boolean(),
  /** null when neither raw data nor kpis.csv supplies the metric. */
  result: metricResultSchema.nullable(),
  comparisons: z.array(comparisonSchema),
  /** The latest wave against the first wave of the period, and against the wave before. */
  changes: z.object({ sinceFirst: changeSchema.nullable(), sincePrevious: changeSchema.nullable() }),
  /** Latest wave: each published segment against the rest of the company. */
  segmentDifferences: z.array(segmentDifferenceSchema),
  /** Why there is no gap to show: no public figure is mapped, or only context figures are. */
  noComparison: z.enum(['no_public_benchmark', 'context_only', 'no_data']).nullable(),
});

const cohortSchema = z.union([
  z.object({ cohort: z.string(), size: z.int(), shares: z.array(z.number()) }),
  z.object({ cohort: z.string(), suppressed: z.enum(SUPPRESSIONS) }),
]);

export const sayVsDoSchema = z.object({
  segment: z.string(),
  nps: estimateSchema,
  csat: estimateSchema,
  retention: estimateSchema,
  repeat: estimateSchema,
  satisfiedNotLoyal: z.boolean(),
});

export const scenarioSchema = z.object({
  points: z.number(),
  base: z.number(),
  retentionRate: z.number().nullable(),
  extraCustomers: z.number(),
  revenuePerRetained: z.number().nullable(),
  grossMargin: z.number().nullable(),
  acquisitionCost: z.number().nullable(),
  marginKept: z.number().nullable(),
  acquisitionAvoided: z.number().nullable(),
  profitUplift: z.number().nullable(),
  /** Public claims shown beside the scenario, with their caveats. */
  claims: z.array(z.string()),
});

const reasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weakest_dimension'), metric: z.string(), value: z.number(), strongest: z.string(), strongestValue: z.number(), points: z.number() }),
  z.object({ kind: z.literal('below_dimensions'), metric: z.string(), value: z.number(), average: z.number(), points: z.number() }),
  z.object({ kind: z.literal('gap'), metric: z.string(), statisticId: z.string(), gap: z.number(), points: z.number(), others: z.int() }),
  z.object({ kind: z.literal('satisfied_not_loyal'), metric: z.literal('say_vs_do'), segments: z.array(z.string()), points: z.number() }),
  z.object({ kind: z.literal('decline'), metric: z.string(), from: z.number(), to: z.number(), first: z.string(), last: z.string(), points: z.number(), census: z.boolean() }),
  z.object({ kind: z.literal('driver'), metric: z.string(), share: z.number(), value: z.number(), average: z.number(), points: z.number() }),
]);

export const guidanceTopicSchema = z.object({
  topic: z.string(),
  order: z.int(),
  metrics: z.array(z.string()),
  dimensions: z.array(z.string()),
  locales: z.record(z.string(), z.object({ title: z.string(), description: z.string() })),
});

export const recommendationSchema = z.object({ topic: z.string(), score: z.number(), reasons: z.array(reasonSchema) });

/** One group (the whole company, or a segment) of a key-driver analysis. */
const driverGroupSchema = z.object({
  segment: z.string().nullable(),
  /** Respondents who answered all five dimensions and the outcome question (or have the outcome). */
  n: z.int().nullable(),
  suppressed: z.enum(SUPPRESSIONS).nullable(),
  /** Share of the variance in the outcome the five dimensions account for together (0-1). */
  r2: z.number().nullable(),
  dimensions: z.array(
    z.object({
      metric: z.string(),
      /** Share of R^2 attributed to this dimension, in % (the five add up to 100), with a 95 % bootstrap interval. */
      share: z.number(),
      low: z.number(),
      high: z.number(),
    }),
  ),
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
    minimumCellSize: z.int(),
    segments: z.array(z.object({ id: z.string(), labels: z.record(z.string(), z.string()) })),
    /** Countries the survey respondents answered from. */
    countries: z.array(z.string()),
    /** Markets and industry public figures are matched against. */
    markets: z.array(z.string()),
    industry: z.string().nullable(),
    /** Inside the reporting period. */
    counts: z.object({ respondents: z.int(), customers: z.int(), orders: z.int(), complaints: z.int(), repeatAnswersSkipped: z.int() }),
    materiality: z.object({ share: z.number(), hours: z.number(), orders: z.number(), metrics: z.record(z.string(), z.number()) }),
    complaintResolutionDays: z.int(),
    repeatAnswers: z.enum(['first', 'all']),
    /** Post-stratification, when declared: by what, and the Kish design effect of each wave's weights. */
    weighting: z.object({ by: z.enum(['segment', 'segment_country']), designEffects: z.array(z.number()) }).nullable(),
  }),
  /**
   * Key drivers of loyalty (issue "What to do first"): how much each trust dimension accounts for
   * the likelihood to recommend (0-10), by Shapley decomposition of R^2, latest wave; the whole
   * company first, then each segment where n allows. null without survey data.
   */
  drivers: z
    .object({
      outcome: z.literal('recommend_0_10'),
      method: z.literal('shapley_r2'),
      wave: z.string(),
      /** Bootstrap resamples behind the intervals. */
      resamples: z.int(),
      groups: z.array(driverGroupSchema),
      /**
       * The same analysis with staying as the outcome (a linear probability model): 1 when the
       * respondent's linked customer placed an order in the two quarters after the wave, else 0;
       * only respondents linked to a customer in orders.csv, waves `waves` pooled. null (or absent)
       * without orders or without a wave whose two following quarters are observed.
       */
      retention: z
        .object({
          outcome: z.literal('ordered_next_2_quarters'),
          /** Waves pooled, oldest first. */
          waves: z.array(z.string()),
          resamples: z.int(),
          /** As above; n counts linked respondents' answers in the pooled waves. */
          groups: z.array(driverGroupSchema),
        })
        .nullable()
        .optional(),
    })
    .nullable(),
  /** Cronbach's alpha of the five trust items (latest wave, complete answers). */
  reliability: z.object({ alpha: z.number(), low: z.number(), high: z.number(), n: z.int(), items: z.int() }).nullable(),
  /** Survey waves and reporting quarters, oldest first. */
  waves: z.array(z.string()),
  metrics: z.array(reportMetricSchema),
  cohorts: z.array(cohortSchema),
  sayVsDo: z.array(sayVsDoSchema),
  scenario: scenarioSchema.nullable(),
  /** Guidance articles (English is every topic's fallback), in reading order. */
  guidance: z.array(guidanceTopicSchema),
  /** Articles ranked by how much the company's findings call for them, each with its reasons. */
  recommendations: z.array(recommendationSchema),
  /** Every age and staleness flag is measured at this date (the end of the reporting period). */
  asOf: z.string(),
  library: z.object({
    staleAfterYears: z.number(),
    sources: z.array(reportSourceSchema),
    statistics: z.array(reportStatisticSchema),
  }),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportMetric = z.infer<typeof reportMetricSchema>;
export type ReportEstimate = z.infer<typeof estimateSchema>;
export type ReportComparison = z.infer<typeof comparisonSchema>;
export type ReportSource = z.infer<typeof reportSourceSchema>;
export type ReportReason = z.infer<typeof reasonSchema>;
export type ReportRecommendation = z.infer<typeof recommendationSchema>;
export type ReportGuidanceTopic = z.infer<typeof guidanceTopicSchema>;
export type ReportStatistic = z.infer<typeof reportStatisticSchema>;
export type ReportChange = z.infer<typeof changeSchema>;
export type ReportDrivers = NonNullable<Report['drivers']>;
export type ReportSegmentDifference = z.infer<typeof segmentDifferenceSchema>;
