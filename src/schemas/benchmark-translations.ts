/**
 * `benchmarks/translations/<locale>.yaml`: the library's descriptive text in another language.
 * Ids are those of sources.yaml and statistics.csv; whatever is left out falls back to English.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, { error: 'expected a translated text' });

export const sourceTranslationSchema = z.strictObject({
  /** Only for a title or publisher that sources.yaml marks as descriptive. */
  title: text.optional(),
  publisher: text.optional(),
  population: text.optional(),
  method: text.optional(),
  fieldwork_note: text.optional(),
  n_note: text.optional(),
  margin_note: text.optional(),
  released_note: text.optional(),
  caveats: z.array(text).optional(),
});

export const statisticTranslationSchema = z.strictObject({
  wording: text.optional(),
  population: text.optional(),
  caveat: text.optional(),
  note: text.optional(),
});

export const translationsFileSchema = z.strictObject({
  sources: z.record(z.string(), sourceTranslationSchema).default({}),
  statistics: z.record(z.string(), statisticTranslationSchema).default({}),
});

export type SourceTranslation = z.infer<typeof sourceTranslationSchema>;
export type StatisticTranslation = z.infer<typeof statisticTranslationSchema>;
