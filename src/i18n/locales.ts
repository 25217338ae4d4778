/**
 * The locales the product can publish in. Adding a locale: add a line here, a strings file in
 * `src/i18n/strings/`, and guidance articles in `content/guidance/<code>/`.
 */
export interface LocaleInfo {
  /** Path segment and `lang` attribute. */
  code: string;
  /** The language's name in itself, for the language chooser. */
  endonym: string;
  /** BCP 47 tag handed to Intl. Thai uses the Gregorian calendar: see README, "Dates in Thai". */
  intl: string;
}

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', endonym: 'English', intl: 'en-GB' },
  { code: 'th', endonym: 'ไทย', intl: 'th-TH-u-ca-gregory-nu-latn' },
  { code: 'fi', endonym: 'Suomi', intl: 'fi-FI' },
  { code: 'ru', endonym: 'Русский', intl: 'ru-RU' },
  { code: 'vi', endonym: 'Tiếng Việt', intl: 'vi-VN' },
];

export const LOCALE_CODES = LOCALES.map((l) => l.code);

export function localeInfo(code: string): LocaleInfo {
  const info = LOCALES.find((l) => l.code === code);
  if (!info) throw new Error(`unknown locale "${code}"`);
  return info;
}
