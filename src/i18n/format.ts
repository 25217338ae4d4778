/**
 * Every number and date on the site goes through here, in the page's locale.
 * Values on a 0-100 percentage scale are passed as such (45.3 means 45.3 %).
 */
import { localeInfo } from './locales.ts';

export interface Formatter {
  locale: string;
  /** A plain number with the given number of decimals (default: as many as needed, up to 2). */
  number(value: number, decimals?: number): string;
  /** A whole count with grouping: 4 272 / 4,272. */
  integer(value: number): string;
  /** A share on the 0-100 scale: 45,3 %. */
  percent(value: number, decimals?: number): string;
  /** A signed value: +75 %, −6,1. */
  signedPercent(value: number, decimals?: number): string;
  signedNumber(value: number, decimals?: number): string;
  /** A multiple: 5×. */
  times(value: number, decimals?: number): string;
  /** An interval or range: 41,2–49,4 %. */
  percentRange(low: number, high: number, decimals?: number): string;
  numberRange(low: number, high: number, decimals?: number): string;
  /** A calendar date from YYYY-MM-DD. */
  date(iso: string): string;
  /** A month and year from YYYY-MM-DD. */
  month(iso: string): string;
  /** A year, written as published (no calendar conversion). */
  year(value: number): string;
  /** A country name from an ISO 3166 code. */
  region(code: string): string;
  /** A list joined with the locale's "and". */
  list(items: string[]): string;
  currency(value: number, currency: string, decimals?: number): string;
}

const cache = new Map<string, Formatter>();

export function createFormatter(locale: string): Formatter {
  const cached = cache.get(locale);
  if (cached) return cached;
  const tag = localeInfo(locale).intl;
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const nf = (options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    const key = JSON.stringify(options);
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(tag, options);
      numberFormats.set(key, format);
    }
    return format;
  };
  const digits = (decimals: number | undefined) =>
    decimals === undefined
      ? { minimumFractionDigits: 0, maximumFractionDigits: 2 }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  const dateFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([tag], { type: 'region' });
  const lists = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  // A range reads "41,2–49,4 %": format both ends as one range where Intl supports it.
  const range = (format: Intl.NumberFormat, low: number, high: number) =>
    typeof format.formatRange === 'function' ? format.formatRange(low, high) : `${format.format(low)}–${format.format(high)}`;

  const formatter: Formatter = {
    locale,
    number: (value, decimals) => nf({ ...digits(decimals) }).format(value),
    integer: (value) => nf({ maximumFractionDigits: 0 }).format(value),
    percent: (value, decimals) => nf({ style: 'percent', ...digits(decimals) }).format(value / 100),
    signedPercent: (value, decimals) =>
      nf({ style: 'percent', signDisplay: 'exceptZero', ...digits(decimals) }).format(value / 100),
    signedNumber: (value, decimals) => nf({ signDisplay: 'exceptZero', ...digits(decimals) }).format(value),
    times: (value, decimals) => `${nf({ ...digits(decimals) }).format(value)}×`,
    percentRange: (low, high, decimals) => range(nf({ style: 'percent', ...digits(decimals) }), low / 100, high / 100),
    numberRange: (low, high, decimals) => range(nf({ ...digits(decimals) }), low, high),
    date: (iso) => dateFormat.format(toDate(iso)),
    month: (iso) => monthFormat.format(toDate(iso)),
    year: (value) => String(value),
    region: (code) => regions.of(code) ?? code,
    list: (items) => lists.format(items),
    currency: (value, currency, decimals) =>
      nf({ style: 'currency', currency, ...digits(decimals) }).format(value),
  };
  cache.set(locale, formatter);
  return formatter;
}
