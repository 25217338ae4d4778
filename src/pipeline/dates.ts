/**
 * Dates and date-times as spreadsheets export them. Accepted only when unambiguous:
 *
 * - ISO: `2025-01-31`, and for a date column also `2025-01-31 00:00:00` or
 *   `2025-01-31T00:00:00.000Z` (midnight only: a pure date column has no time of day);
 * - day first with dots, as Finnish, Russian and Vietnamese Excel write them: `1.10.2022`,
 *   `01.10.2022` (a dotted date is always day.month.year in those locales);
 * - date-times `2025-01-31T14:05[:ss[.sss]][Z|+02:00]` (space instead of `T` too) and
 *   `5.10.2022 14:51[:ss]`; without an offset a time is UTC.
 *
 * Slash dates (`01/02/2026`) are refused: they read as 1 February or 2 January depending on the
 * locale of the sheet. Every refusal comes with an explanation that names the likely cause.
 */

export interface DateProblem {
  /** Said right after `found "…"`, with its own leading punctuation: what is wrong with the value. */
  found?: string;
  hint: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const DOT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DOT_DATE_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const SLASH_DATE = /^(\d{1,4})\/(\d{1,2})\/(\d{1,4})(?:[ T]|$)/;
const TWO_DIGIT_YEAR = /^\d{1,2}[./-]\d{1,2}[./-]\d{2}(?:[ T]|$)/;

export const DATE_HINT = 'set the column format to ISO dates (YYYY-MM-DD) before exporting';
export const DATE_TIME_HINT = 'write date-times as YYYY-MM-DDTHH:MM (e.g. 2025-01-31T14:05), or as 31.1.2025 14:05 as Finnish Excel does';
const SLASH_HINT = 'a date with slashes reads as day/month or month/day depending on the sheet; write dates as YYYY-MM-DD (set the column format to ISO dates before exporting)';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function realTime(h: number, min: number, s: number): boolean {
  return h <= 23 && min <= 59 && s <= 59;
}

/** The `YYYY-MM-DD` date a cell means, or undefined. */
export function parseDate(text: string): string | undefined {
  let m = ISO_DATE.exec(text);
  if (m) return realDate(+m[1]!, +m[2]!, +m[3]!) ? text : undefined;
  m = DOT_DATE.exec(text);
  if (m) {
    const [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
    return realDate(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : undefined;
  }
  // A date exported with its (midnight) time: 2023-01-01 00:00:00, 2025-01-01T00:00:00.000Z, 1.10.2022 0:00.
  const at = splitDateTime(text);
  if (at && (at.zone === undefined || at.zone === 'Z') && at.h === 0 && at.min === 0 && at.s === 0 && at.fraction === 0) {
    return realDate(at.y, at.mo, at.d) ? `${pad(at.y, 4)}-${pad(at.mo)}-${pad(at.d)}` : undefined;
  }
  return undefined;
}

interface DateTimeParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  min: number;
  s: number;
  fraction: number;
  /** `Z`, `+02:00`, or undefined when none was written. */
  zone: string | undefined;
}

function splitDateTime(text: string): DateTimeParts | undefined {
  let m = ISO_DATE_TIME.exec(text);
  if (m) {
    return { y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +m[4]!, min: +m[5]!, s: +(m[6] ?? 0), fraction: m[7] ? Number(`0.${m[7]}`) : 0, zone: m[8] };
  }
  m = DOT_DATE_TIME.exec(text);
  if (m) {
    return { y: +m[3]!, mo: +m[2]!, d: +m[1]!, h: +m[4]!, min: +m[5]!, s: +(m[6] ?? 0), fraction: m[7] ? Number(`0.${m[7]}`) : 0, zone: undefined };
  }
  return undefined;
}

/** Milliseconds since the epoch of a date-time cell (UTC unless an offset is written), or undefined. */
export function parseDateTimeText(text: string): number | undefined {
  const at = splitDateTime(text);
  if (!at || !realDate(at.y, at.mo, at.d) || !realTime(at.h, at.min, at.s)) return undefined;
  let offset = 0;
  if (at.zone !== undefined && at.zone !== 'Z') {
    const sign = at.zone[0] === '-' ? -1 : 1;
    const oh = +at.zone.slice(1, 3);
    const om = +at.zone.slice(4, 6);
    if (oh > 23 || om > 59) return undefined;
    offset = sign * (oh * 60 + om) * 60_000;
  }
  const ms = Date.UTC(at.y, at.mo - 1, at.d, at.h, at.min, at.s) + Math.round(at.fraction * 1000);
  return ms - offset;
}

/** Why a date cell was refused. */
export function explainDate(text: string): DateProblem {
  if (SLASH_DATE.test(text)) return { found: ', which can be read as day/month or month/day', hint: SLASH_HINT };
  if (TWO_DIGIT_YEAR.test(text)) return { found: ' with a two-digit year', hint: 'write the year with four digits; set the column format to ISO dates (YYYY-MM-DD) before exporting' };
  const at = splitDateTime(text);
  if (at) {
    if (!realDate(at.y, at.mo, at.d)) return { found: ', which is not on the calendar', hint: 'check the day and the month' };
    return {
      found: ', a date with a time of day',
      hint: 'this column holds dates only (a time is accepted only when it is midnight); format the column as a date (YYYY-MM-DD) before exporting',
    };
  }
  // An ISO date that is not on the calendar: the expected text says it all.
  if (ISO_DATE.test(text)) return { hint: DATE_HINT };
  const dot = DOT_DATE.exec(text);
  if (dot) return { found: ', which is not on the calendar', hint: 'a date with dots is read as day.month.year; check the day and the month' };
  return { hint: DATE_HINT };
}

/** Why a date-time cell was refused. */
export function explainDateTime(text: string): DateProblem {
  if (SLASH_DATE.test(text)) return { found: ', which can be read as day/month or month/day', hint: 'a date with slashes reads as day/month or month/day depending on the sheet; write date-times as YYYY-MM-DDTHH:MM (e.g. 2025-01-31T14:05)' };
  if (TWO_DIGIT_YEAR.test(text)) return { found: ' with a two-digit year', hint: 'write the year with four digits: YYYY-MM-DDTHH:MM (e.g. 2025-01-31T14:05)' };
  const at = splitDateTime(text);
  if (at) {
    if (!realDate(at.y, at.mo, at.d)) return { found: ', which is not on the calendar', hint: 'check the day and the month' };
    if (!realTime(at.h, at.min, at.s)) return { found: ', which is not a time of day', hint: 'hours go from 0 to 23, minutes and seconds from 0 to 59' };
    return { found: ' with an offset that is not a time zone', hint: 'write the offset as +HH:MM (e.g. +02:00), or Z for UTC' };
  }
  if (ISO_DATE.test(text) || DOT_DATE.test(text)) {
    return { found: ', a date without a time of day', hint: 'this column needs the time too: format the column as date and time (YYYY-MM-DD HH:MM) before exporting' };
  }
  return { hint: DATE_TIME_HINT };
}
