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

/** Quarter number of an ISO date (YYYY-MM-DD...). */
export function quarterOfDate(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return year * 4 + Math.floor((month - 1) / 3);
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
