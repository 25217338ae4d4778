/**
 * Frontmatter of a guidance article, `content/guidance/<locale>/<topic>.mdx`. Shared by the
 * data build (which reports problems as file:line:column) and Astro's content collection.
 */
import { z } from 'zod';
import { METRIC_IDS } from '../metrics/catalogue.ts';
import { TRUST_DIMENSIONS } from './company-data.ts';

/** Metric ids an article may name: every catalogue metric, plus the say-versus-do finding. */
export const GUIDANCE_METRICS = [...METRIC_IDS, 'say_vs_do'] as const;

export const guidanceFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1, { error: 'expected a title' }),
  description: z.string().trim().min(1, { error: 'expected a one-sentence description' }),
  topic: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a topic id in lower-case-with-dashes' }),
  order: z.int({ error: 'expected a whole number' }).min(1, { error: 'expected a whole number from 1' }),
  metrics: z.array(z.enum(GUIDANCE_METRICS as unknown as [string, ...string[]], { error: `expected a metric id (${GUIDANCE_METRICS.join(', ')})` })).default([]),
  dimensions: z.array(z.enum(TRUST_DIMENSIONS, { error: `expected a trust dimension (${TRUST_DIMENSIONS.join(', ')})` })).default([]),
  /**
   * When the article's legal and factual statements were last checked (YYYY-MM-DD). The data
   * build warns when it is missing, or older than `guidance_checked_within_days` at the end of
   * the reporting period.
   */
  // Astro's frontmatter parser reads an unquoted date as a Date; the data build keeps the text.
  checked: z
    .preprocess((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v), z.string({ error: 'expected a date as YYYY-MM-DD' }))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })
        .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: 'expected a real calendar date' }),
    )
    .optional(),
});

export type GuidanceFrontmatter = z.infer<typeof guidanceFrontmatterSchema>;
