/**
 * Every page of the site, once per language, from the same path helpers the pages use: the
 * sitemap, and the tests that check each page exists, read this list.
 */
import { escapeXml } from '../charts/svg.ts';
import { VERIFICATION_STATUSES } from '../schemas/common.ts';
import type { Report } from '../schemas/report.ts';
import { paths, segmentsPageCount, sourcesWithFigures } from './paths.ts';

/** The site's pages for one locale, in a stable order. */
export function pagesOf(report: Report, locale: string): string[] {
  return [
    paths.home(locale),
    paths.metrics(locale),
    ...report.metrics.map((m) => paths.metric(locale, m.id)),
    paths.segments(locale),
    ...Array.from({ length: segmentsPageCount(report) - 1 }, (_, i) => paths.segmentsPage(locale, i + 2)),
    ...report.company.segments.map((s) => paths.segment(locale, s.id)),
    paths.guidance(locale),
    ...report.guidance.map((g) => paths.article(locale, g.topic)),
    paths.library(locale),
    ...report.library.statistics.map((s) => paths.statistic(locale, s.id)),
    ...sourcesWithFigures(report).map((s) => paths.source(locale, s.id)),
    ...VERIFICATION_STATUSES.map((status) => paths.status(locale, status)),
    paths.methodology(locale),
    paths.data(locale),
    paths.search(locale),
  ];
}

export function sitemapXml(report: Report, site: string | null): string {
  const absolute = (path: string) => escapeXml(site ? new URL(path, site).href : path);
  const locales = report.company.locales;
  const byLocale = locales.map((locale) => pagesOf(report, locale));
  const urls = byLocale.flatMap((pages) =>
    pages.map((page, i) => {
      const alternates = locales.map((l, j) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${absolute(byLocale[j]![i]!)}"/>`);
      return `  <url>\n    <loc>${absolute(page)}</loc>\n${alternates.join('\n')}\n  </url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}
