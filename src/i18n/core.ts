/**
 * The translation system: one pure core, fed dictionaries by an adapter (Astro pages use
 * `./astro.ts`, Node scripts `./node.ts`). It never reads files itself.
 */
import { createFormatter, type Formatter } from './format.ts';
import { localeInfo } from './locales.ts';
import { compileMessage, placeholderNames, type CompiledMessage, type MessageValues } from './message.ts';

export type Dictionary = Readonly<Record<string, string>>;

export interface Translator {
  locale: string;
  /** The UI string for `key`, with values interpolated and numbers in the locale's format. */
  (key: string, values?: MessageValues): string;
  format: Formatter;
  /** Does this locale have its own text for the key (rather than the fallback's)? */
  has(key: string): boolean;
}

export interface TranslationSystem {
  locales: string[];
  translator(locale: string): Translator;
  /** Keys of the source locale missing from `locale`. */
  missing(locale: string): string[];
  /** Keys of `locale` that the source locale does not have. */
  extra(locale: string): string[];
  /** Keys whose {placeholders} differ from the source locale's. */
  mismatched(locale: string): string[];
  keys(): string[];
}

export function createTranslationSystem(
  dictionaries: Record<string, Dictionary>,
  sourceLocale = 'en',
): TranslationSystem {
  const source = dictionaries[sourceLocale];
  if (!source) throw new Error(`no dictionary for the source locale "${sourceLocale}"`);
  const cache = new Map<string, Translator>();

  function translator(locale: string): Translator {
    const cached = cache.get(locale);
    if (cached) return cached;
    const dictionary = dictionaries[locale] ?? {};
    const info = localeInfo(locale);
    const format = createFormatter(locale);
    // Each message is compiled on first use and kept for the build.
    const compiled = new Map<string, CompiledMessage>();
    const formatNumber = (n: number) => format.number(n);
    const t = ((key: string, values: MessageValues = {}) => {
      let message = compiled.get(key);
      if (!message) {
        const template = dictionary[key] ?? source![key];
        if (template === undefined) throw new Error(`unknown UI string "${key}"`);
        message = compileMessage(template, info.intl, formatNumber, key);
        compiled.set(key, message);
      }
      return message(values);
    }) as Translator;
    Object.defineProperty(t, 'locale', { value: locale });
    t.format = format;
    t.has = (key) => dictionary[key] !== undefined;
    cache.set(locale, t);
    return t;
  }

  return {
    locales: Object.keys(dictionaries),
    translator,
    missing: (locale) => Object.keys(source).filter((key) => dictionaries[locale]?.[key] === undefined),
    extra: (locale) => Object.keys(dictionaries[locale] ?? {}).filter((key) => source[key] === undefined),
    mismatched: (locale) =>
      Object.keys(source).filter((key) => {
        const text = dictionaries[locale]?.[key];
        return text !== undefined && placeholderNames(text).join() !== placeholderNames(source[key]!).join();
      }),
    keys: () => Object.keys(source),
  };
}
