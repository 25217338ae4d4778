/**
 * Building blocks shared by the input schemas: ids, dates, URLs, statuses. Each carries an
 * "expected ..." message written for analysts.
 */
import { z } from 'zod';

export const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export const slug = () =>
  z.string().regex(SLUG, {
    error: 'expected an id of lower-case letters, digits and dashes (e.g. "pew-2019-privacy")',
  });

export const nonEmptyText = () => z.string().trim().min(1, { error: 'expected non-empty text' });

/** A calendar date written as YYYY-MM-DD that exists (no 2023-02-30). */
export const isoDate = () =>
  z
    .string({ error: 'expected a date written as YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written as YYYY-MM-DD' })
    .refine(isRealDate, { error: 'expected a date that exists on the calendar' });

export function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const httpUrl = () =>
  z
    .string({ error: 'expected an http(s) URL' })
    .refine(
      (text) => {
        try {
          const url = new URL(text);
          return url.protocol === 'https:' || url.protocol === 'http:';
        } catch {
          return false;
        }
      },
      { error: 'expected an http(s) URL' },
    );

/** Verification status of a public figure. */
export const VERIFICATION_STATUSES = ['primary', 'secondary', 'unverified', 'misquoted'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const verificationStatus = () =>
  z.enum(VERIFICATION_STATUSES, {
    error: 'expected one of "primary", "secondary", "unverified", "misquoted"',
  });

/** ISO 3166-1 alpha-2 code, or "global" for figures spanning many markets without a list. */
export const market = () =>
  z.string().regex(/^(?:[A-Z]{2}|global)$/, {
    error: 'expected a two-letter country code in capitals (e.g. "US", "FI") or "global"',
  });
