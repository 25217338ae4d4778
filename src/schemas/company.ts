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
    /** Gross margin as a share of revenue (0-1), for the retention scenario. */
    gross_margin: z.number().gt(0).lt(1).optional(),
    /** Average cost of acquiring one customer, in `currency`. */
    acquisition_cost: z.number().positive().optional(),
  })
  .refine((c) => c.locales.includes(c.default_locale), {
    error: 'expected default_locale to be one of the listed locales',
    path: ['default_locale'],
  })
  .refine((c) => c.reporting_period.start <= c.reporting_period.end, {
    error: 'expected the reporting period to start on or before its end',
    path: ['reporting_period', 'end'],
  });

export type Company = z.output<typeof companySchema>;
