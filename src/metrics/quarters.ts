/**
 * Quarters as the report's time axis. A quarter is written YYYY-Qn and numbered as
 * year * 4 + (n - 1), so that arithmetic on quarters is arithmetic on integers.
 */

export function quarterNumber(wave: string): number {
  const year = Number(wave.slice(0, 4));
  const q = Number(wave.slice(6, 7));
  return year * 4 + (q - 1);
}

export function quarterName(number: number): string {
  return `${Math.floor(number / 4)}-Q${(number % 4) + 1}`;
}

/** Quarter number of an ISO date (YYYY-MM-DD...), from its digits. */
export function quarterOfDate(iso: string): number {
  const year = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const month = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  return year * 4 + Math.floor((month - 1) / 3);
}

/**
 * Days since 1970-01-01 of an ISO date (YYYY-MM-DD...), from its digits: the civil-from-days
 * inverse of Howard Hinnant's `days_from_civil` (proleptic Gregorian), equal to
 * `Date.UTC(y, m - 1, d) / 86400000` for years 100 to 9999 without building a Date.
 */
export function dayOfDate(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Quarter number of a day counted from 1970-01-01. */
export function quarterOfDay(day: number): number {
  return quarterOfTime(day * 86_400_000);
}

export function quarterOfTime(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
}

/** Every quarter from the one holding `start` to the one holding `end`, in order. */
export function quartersBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let q = quarterOfDate(start); q <= quarterOfDate(end); q++) out.push(quarterName(q));
  return out;
}
