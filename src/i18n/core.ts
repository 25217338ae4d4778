/**
 * The translation system: one pure core, fed dictionaries by an adapter (Astro pages use
 * `./astro.ts`, Node scripts `./node.ts`). It never reads files itself.
 */
import { createFormatter, QUARTER, type Formatter } from './format.ts';
import { localeInfo } from './locales.ts';
import { compileMessage, placeholderNames, type CompiledMessage, type MessageValues } from './message.ts';

export type Dictionary = Readonly<Record<string, string>>;

/**
 * Every UI string's key: the keys of the source locale's file. The strings check
 * (`npm run check`, src/i18n/check.ts) makes sure every other locale has the same keys, so a key
 * that type-checks here exists in every locale. Code that picks a key at run time picks it from
 * a typed map (e.g. `Record<MetricId, MessageKey>` in src/site/metric-text.ts), never by building
 * a string.
 */
export type MessageKey = keyof typeof import('./strings/en.json');

/**
 * A locale's translator. `Key` is the site's `MessageKey`; a system made from other dictionaries
 * (a test's) is a `Translator<string>`, which is also usable wherever a `Translator` is expected.
 */
export interface Translator<Key extends string = MessageKey> {
  locale: string;
  /** The UI string for `key`, with values interpolated and numbers in the locale's format. */
  (key: Key, values?: MessageValues): string;
  format: Formatter;
  /** Does this locale have its own text for the key (rather than the fallback's)? */
  has(key: Key): boolean;
}

export interface TranslationSystem<Key extends string = MessageKey> {
  locales: string[];
  translator(locale: string): Translator<Key>;
  /** Keys of the source locale missing from `locale`. */
  missing(locale: string): string[];
  /** Keys of `locale` that the source locale does not have. */
  extra(locale: string): string[];
  /** Keys whose {placeholders} differ from the source locale's. */
  mismatched(locale: string): string[];
  keys(): string[];
}

/** `Key`: the keys of the source dictionary, when known (the site's strings: `MessageKey`). */
export function createTranslationSystem<Key extends string = string>(
  dictionaries: Record<string, Dictionary>,
  sourceLocale = 'en',
): TranslationSystem<Key> {
  const source = dictionaries[sourceLocale];
  if (!source) throw new Error(`no dictionary for the source locale "${sourceLocale}"`);
  const cache = new Map<string, Translator<Key>>();

  function translator(locale: string): Translator<Key> {
    const cached = cache.get(locale);
    if (cached) return cached;
    const dictionary = dictionaries[locale] ?? {};
    const info = localeInfo(locale);
    const format = createFormatter(locale);
    // Each message is compiled on first use and kept for the build. Keys are checked by type at
    // every call; the dictionaries themselves are plain records.
    const compiled = new Map<string, CompiledMessage>();
    const formatNumber = (n: number) => format.number(n);
    const t = ((key: Key, values: MessageValues = {}) => {
      let message = compiled.get(key);
      if (!message) {
        const template = dictionary[key] ?? source![key];
        if (template === undefined) throw new Error(`unknown UI string "${key}"`);
        message = compileMessage(template, info.intl, formatNumber, key);
        compiled.set(key, message);
      }
      // A quarter's code (2024-Q4) never reaches a sentence as it is: like a number, it is written
      // in the locale's form (Q4 2024, IV кв. 2024, ไตรมาส 4/2567).
      let localised = values;
      for (const name in values) {
        const value = values[name];
        if (typeof value === 'string' && value.length === 7 && QUARTER.test(value)) {
          if (localised === values) localised = { ...values };
          localised[name] = format.quarter(value);
        }
      }
      return message(localised);
    }) as Translator<Key>;
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
