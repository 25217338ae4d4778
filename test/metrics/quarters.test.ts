/**
 * Days and quarters of dates read from their digits must agree with the calendar (Date.UTC) on
 * every day, leap years and century years included.
 */
import { describe, expect, it } from 'vitest';
import { dayOfDate, quarterOfDate, quarterOfDay, quarterName, quarterNumber } from '../../src/metrics/quarters.ts';

describe('dates from their digits', () => {
  it('gives the day number of Date.UTC for every day from 1899 to 2101', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(1899, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      if (dayOfDate(iso) !== ms / 86_400_000) wrong.push(iso);
      const month = Number(iso.slice(5, 7));
      if (quarterOfDate(iso) !== Number(iso.slice(0, 4)) * 4 + Math.floor((month - 1) / 3)) wrong.push(`quarter ${iso}`);
      if (quarterOfDay(ms / 86_400_000) !== quarterOfDate(iso)) wrong.push(`quarter of day ${iso}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads a date-time by its date', () => {
    expect(dayOfDate('1970-01-01')).toBe(0);
    expect(dayOfDate('2024-02-29T23:59')).toBe(19_782);
    expect(quarterName(quarterOfDate('2026-09-30'))).toBe('2026-Q3');
    expect(quarterNumber('2026-Q3')).toBe(quarterOfDate('2026-07-01'));
  });
});
