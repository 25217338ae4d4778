/**
 * Every URL of the site in one place, so that links, the language switcher and `hreflang`
 * alternates agree. All paths end in a slash (directory-style output).
 */
import type { Report } from '../schemas/report.ts';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../schemas/common.ts';
import { SEGMENTS_PER_PAGE } from './model.ts';

export function pagePath(locale: string, ...segments: string[]): string {
  return `/${[locale, ...segments].map(encodeURIComponent).join('/')}/`;
}

/** The same page in another locale: swap the first path segment. */
export function switchLocale(path: string, locale: string): string {
  const rest = path.split('/').filter(Boolean).slice(1);
  return pagePath(locale, ...rest.map(decodeURIComponent));
}

export const paths = {
  home: (locale: string) => pagePath(locale),
  library: (locale: string) => pagePath(locale, 'benchmarks'),
  statistic: (locale: string, id: string) => pagePath(locale, 'benchmarks', id),
  source: (locale: string, id: string) => pagePath(locale, 'benchmarks', 'source', id),
  status: (locale: string, status: VerificationStatus) => pagePath(locale, 'benchmarks', 'status', status),
  metrics: (locale: string) => pagePath(locale, 'metrics'),
  metric: (locale: string, id: string) => pagePath(locale, 'metrics', id),
  segments: (locale: string) => pagePath(locale, 'segments'),
  /** A page of the segments index: the first is the index itself. */
  segmentsPage: (locale: string, page: number) => (page <= 1 ? pagePath(locale, 'segments') : pagePath(locale, 'segments', 'page', String(page))),
  segment: (locale: string, id: string) => pagePath(locale, 'segments', id),
  methodology: (locale: string) => pagePath(locale, 'methodology'),
  data: (locale: string) => pagePath(locale, 'data'),
  guidance: (locale: string) => pagePath(locale, 'guidance'),
  article: (locale: string, topic: string) => pagePath(locale, 'guidance', topic),
  search: (locale: string) => pagePath(locale, 'search'),
};

/** Downloads are language-neutral: one file per dataset for every locale. */
export function downloadPath(dataset: string, format: 'csv' | 'json'): string {
  return `/downloads/${encodeURIComponent(dataset)}.${format}`;
}

/** A chart as an image for slides, in the page's language: `/{locale}/charts/{chart id}.png` or `.svg`. */
export function chartImagePath(locale: string, chartId: string, format: 'png' | 'svg'): string {
  return `/${encodeURIComponent(locale)}/charts/${encodeURIComponent(chartId)}.${format}`;
}

/** Pages of the segments index: one up to SEGMENTS_PER_PAGE segments, then one per that many. */
export function segmentsPageCount(report: Report): number {
  return Math.max(1, Math.ceil(report.company.segments.length / SEGMENTS_PER_PAGE));
}

/** The segments index's pages after the first, in every locale. */
export function segmentsPagePaths(report: Report) {
  const pages = Array.from({ length: segmentsPageCount(report) - 1 }, (_, i) => String(i + 2));
  return report.company.locales.flatMap((locale) => pages.map((page) => ({ params: { locale, page } })));
}

export function segmentPaths(report: Report) {
  return report.company.locales.flatMap((locale) => report.company.segments.map((s) => ({ params: { locale, id: s.id } })));
}

// getStaticPaths helpers: one entry per page per published locale.

export function localePaths(report: Report) {
  return report.company.locales.map((locale) => ({ params: { locale } }));
}

export function statisticPaths(report: Report) {
  return report.company.locales.flatMap((locale) =>
    report.library.statistics.map((stat) => ({ params: { locale, id: stat.id } })),
  );
}

/** Sources that have a page: those with at least one figure in the library. */
export function sourcesWithFigures(report: Report) {
  const withFigures = new Set(report.library.statistics.map((s) => s.sourceId));
  return report.library.sources.filter((s) => withFigures.has(s.id));
}

export function sourcePaths(report: Report) {
  return report.company.locales.flatMap((locale) =>
    sourcesWithFigures(report).map((source) => ({ params: { locale, source: source.id } })),
  );
}

export function statusPaths(report: Report) {
  return report.company.locales.flatMap((locale) => VERIFICATION_STATUSES.map((status) => ({ params: { locale, status } })));
}

export function metricPaths(report: Report) {
  return report.company.locales.flatMap((locale) => report.metrics.map((metric) => ({ params: { locale, id: metric.id } })));
}

export function articlePaths(report: Report) {
  return report.company.locales.flatMap((locale) => report.guidance.map((g) => ({ params: { locale, topic: g.topic } })));
}
