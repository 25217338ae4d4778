/**
 * The benchmark library's descriptive text in the page's language, or the English original with
 * its language marked, so screen readers and hyphenation treat it as English.
 */
import type { ReportSource, ReportStatistic } from '../schemas/report.ts';

export interface LocalText {
  text: string;
  /** The language the text is actually in. */
  lang: string;
}

type StatField = 'wording' | 'caveat' | 'note' | 'population';
type SourceField = 'population' | 'method' | 'fieldwork_note' | 'n_note' | 'margin_note' | 'released_note';

const english = (text: string): LocalText => ({ text, lang: 'en' });

export function sourceText(source: ReportSource, field: SourceField, locale: string): LocalText {
  const original = {
    population: source.population,
    method: source.method,
    fieldwork_note: source.fieldwork.note,
    n_note: source.nNote,
    margin_note: source.marginNote,
    released_note: source.releasedNote,
  }[field] ?? '';
  const translated = locale === 'en' ? undefined : source.i18n[locale]?.[field];
  return translated ? { text: translated, lang: locale } : english(original);
}

/**
 * A source's publisher in the page's language: the published name as it is, or, where
 * sources.yaml marks the publisher as descriptive (unknown), its translation.
 */
export function sourcePublisher(source: ReportSource, locale: string): string {
  return (source.descriptive.includes('publisher') && locale !== 'en' ? source.i18n[locale]?.publisher : undefined) ?? source.publisher;
}

/**
 * A source's title: a published title as published (its language is not known here, so it is
 * marked as the original, English unless translated); a descriptive title (written because the
 * original is unknown) in the page's language when translated.
 */
export function sourceTitle(source: ReportSource, locale: string): LocalText {
  const translated = source.descriptive.includes('title') && locale !== 'en' ? source.i18n[locale]?.title : undefined;
  return translated ? { text: translated, lang: locale } : english(source.title);
}

export function sourceCaveats(source: ReportSource, locale: string): LocalText[] {
  const translated = locale === 'en' ? undefined : source.i18n[locale]?.caveats;
  return source.caveats.map((c, i) => (translated?.[i] ? { text: translated[i], lang: locale } : english(c)));
}

/** A figure's text; its population falls back to the source's (translated) population. */
export function statText(stat: ReportStatistic, field: StatField, locale: string, source?: ReportSource): LocalText {
  const original = stat[field] ?? '';
  if (locale === 'en') return english(original);
  const translated = stat.i18n[locale]?.[field];
  if (translated) return { text: translated, lang: locale };
  if (field === 'population' && source && stat.population === source.population) return sourceText(source, 'population', locale);
  return english(original);
}
