/**
 * Route parameters as the presenters take them: present, and typed. The routes' getStaticPaths
 * (src/site/paths.ts) produce them from the model, so a bad one is a bug in the build: it throws.
 */
import { VERIFICATION_STATUSES, type VerificationStatus } from '../schemas/common.ts';
import type { MetricId } from '../metrics/catalogue.ts';
import { metricId } from '../site/metric-text.ts';

export function required(value: string | undefined): string {
  if (value === undefined) throw new Error('missing route parameter');
  return value;
}

export function verificationStatus(value: string | undefined): VerificationStatus {
  const status = VERIFICATION_STATUSES.find((s) => s === value);
  if (!status) throw new Error(`unknown verification status "${value}"`);
  return status;
}

export function metricParam(value: string | undefined): MetricId {
  return metricId(required(value));
}

/** A page number of a paged list, from 1. */
export function pageNumber(value: string | undefined): number {
  const n = Number(required(value));
  if (!Number.isInteger(n) || n < 1) throw new Error(`bad page number "${value}"`);
  return n;
}
