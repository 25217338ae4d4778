/**
 * `company/company.yaml`: who the report is for and how it is published.
 */
import { z } from 'zod';
import { isoDate, nonEmptyText, slug } from './common.ts';

export const companySchema = z
  .strictObject({
    name: nonEmptyText(),
    /** Locales the site is published in; each must exist in the translation system. */
    locales: z.array(z.string()).min(1),
    default_locale: z.string(),
    /** Public address of the published site, for canonical and hreflang links. */
    site_url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as "https://example.com/trust/"' }).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected a three-letter ISO 4217 currency code such as "EUR"' }),
    reporting_period: z.strictObject({ start: isoDate(), end: isoDate() }),
    /** Cells (segment x wave, ...) with fewer respondents are suppressed. */
    minimum_cell_size: z.int().min(5).max(1000).default(30),
    /** Benchmarks older than this at the end of the reporting period are flagged as stale. */
    benchmark_max_age_years: z.number().positive().max(50).default(5),
    segments: z
      .array(
        z.strictObject({
          id: slug(),
          labels: z.record(z.string(), nonEmptyText()),
        }),
      )
      .min(1, { error: 'expected at least one segment with its labels' }),
    /** The company's industry, matched to the `industry` of industry-level public figures. */
    industry: slug().optional(),
    /**
     * Countries the company's customers are in (ISO codes). A public figure is a benchmark only
     * for a population in one of them; without this, the countries of the survey answers are used.
     */
    markets: z.array(z.string().regex(/^[A-Z]{2}$/, { error: 'expected a two-letter country code in capitals (e.g. "FI")' })).min(1).optional(),
    /**
     * Smallest change (or segment difference) in a census metric worth calling a change: census
     * figures have no sampling error, so "any point" would call noise a trend.
     */
    materiality: z
      .strictObject({
        /** Percentage points, for shares (default 2). */
        share: z.number().positive().max(50).default(2),
        /** Hours, for response times (default 2). */
        hours: z.number().positive().max(1000).default(2),
        /** Orders per customer, for purchase frequency (default 0.1). */
        orders: z.number().positive().max(100).default(0.1),
        /** Per-metric thresholds in the metric's own unit, overriding the above. */
        metrics: z.record(z.string(), z.number().positive()).default({}),
      })
      .default({ share: 2, hours: 2, orders: 0.1, metrics: {} }),
    /** Follow-up window for the complaint resolution rate, in days. */
    complaint_resolution_days: z.int().min(1).max(365).default(14),
    /** A guidance article's legal and factual statements count as current for this many days before the period's end. */
    guidance_checked_within_days: z.int().min(1).max(3650).default(365),
    /** When one customer answers more than once in a wave: keep the first answer, or all. */
    repeat_answers: z.enum(['first', 'all'], { error: 'expected "first" or "all"' }).default('first'),
    /**
     * Post-stratification of survey figures to the customer mix: target shares by segment, or by
     * segment and country (any positive numbers; they are normalised).
     */
    weighting: z
      .strictObject({
        by: z.enum(['segment', 'segment_country'], { error: 'expected "segment" or "segment_country"' }),
        targets: z
          .array(
            z.strictObject({
              segment: slug(),
              country: z.string().regex(/^[A-Z]{2}$/, { error: 'expected a two-letter country code in capitals (e.g. "FI")' }).optional(),
              share: z.number({ error: 'expected a positive number (a share or a count of customers)' }).positive(),
            }),
          )
          .min(1),
      })
      .optional(),
    /** Gross margin as a share of revenue (0-1), for the retention scenario. */
    gross_margin: z.number().gt(0).optional(),
    /** Average cost of acquiring one customer, in `currency`. */
    acquisition_cost: z.number().positive().max(10_000_000, { error: 'expected an acquisition cost per customer of at most 10,000,000' }).optional(),
  })
  .refine((c) => c.locales.includes(c.default_locale), {
    error: 'expected default_locale to be one of the listed locales',
    path: ['default_locale'],
  })
  .superRefine((c, ctx) => {
    if (!c.weighting) return;
    const segmentIds = new Set(c.segments.map((s) => s.id));
    const seen = new Set<string>();
    c.weighting.targets.forEach((target, i) => {
      const at = (field: string) => ['weighting', 'targets', i, field];
      if (!segmentIds.has(target.segment)) {
        ctx.addIssue({ code: 'custom', path: at('segment'), message: `expected a segment listed under segments (${[...segmentIds].join(', ')})`, input: target.segment });
      }
      if (c.weighting!.by === 'segment' && target.country !== undefined) {
        ctx.addIssue({ code: 'custom', path: at('country'), message: 'expected no country when weighting by segment only', input: target.country });
      }
      if (c.weighting!.by === 'segment_country' && target.country === undefined) {
        ctx.addIssue({ code: 'custom', path: at('segment'), message: 'expected a country for each target when weighting by segment and country' });
      }
      const key = `${target.segment}|${target.country ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: at('segment'), message: 'expected one target per segment (and country), found this one again', input: `${target.segment}${target.country ? ` ${target.country}` : ''}` });
      seen.add(key);
    });
    if (c.weighting.by === 'segment') {
      for (const id of segmentIds) {
        if (!seen.has(`${id}|`)) ctx.addIssue({ code: 'custom', path: ['weighting', 'targets'], message: `no target for segment "${id}": expected one for every segment when weighting by segment` });
      }
    }
  })
  .refine((c) => c.reporting_period.start <= c.reporting_period.end, {
    error: 'expected the reporting period to start on or before its end',
    path: ['reporting_period', 'end'],
  });

export type Company = z.output<typeof companySchema>;
