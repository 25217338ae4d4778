/**
 * One page of every type the built site has in a locale, read from the site's folders, for the
 * browser and layout tests: each of them runs on every page type in every locale.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The page folders under /<locale>/<under>/ of a built site, sorted. */
export function folders(dist: string, locale: string, under: string): string[] {
  const dir = join(dist, locale, under);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

function first(list: string[], what: string): string {
  if (list.length === 0) throw new Error(`the built site has no ${what}`);
  return list[0]!;
}

/**
 * The overview; the metric list; a survey metric, the NPS page (its benchmark chart), a
 * behavioural metric (the cohort heat table) and a complaint metric (hours); the segment list and
 * a segment; the guidance list and an article; the library, a figure with a long source address
 * (Pew's), a misquoted figure, a source and a status list; methodology, data and search.
 */
export function pageTypes(dist: string, locale: string): string[] {
  const figures = folders(dist, locale, 'benchmarks').filter((f) => f !== 'source' && f !== 'status');
  const pew = figures.find((f) => f.startsWith('pew-')) ?? first(figures, 'benchmark figure');
  const misquoted = figures.includes('bain-retention-profit-uplift') ? 'bain-retention-profit-uplift' : first(figures, 'benchmark figure');
  const statuses = folders(dist, join(locale, 'benchmarks'), 'status');
  const status = statuses.includes('misquoted') ? 'misquoted' : first(statuses, 'status list');
  return [
    `/${locale}/`,
    `/${locale}/metrics/`,
    `/${locale}/metrics/trust_transparency/`,
    `/${locale}/metrics/nps/`,
    `/${locale}/metrics/retention_rate/`,
    `/${locale}/metrics/complaint_first_response_hours/`,
    `/${locale}/segments/`,
    `/${locale}/segments/${first(folders(dist, locale, 'segments'), 'segment page')}/`,
    `/${locale}/guidance/`,
    `/${locale}/guidance/${first(folders(dist, locale, 'guidance'), 'guidance article')}/`,
    `/${locale}/benchmarks/`,
    `/${locale}/benchmarks/${pew}/`,
    `/${locale}/benchmarks/${misquoted}/`,
    `/${locale}/benchmarks/source/${first(folders(dist, join(locale, 'benchmarks'), 'source'), 'source page')}/`,
    `/${locale}/benchmarks/status/${status}/`,
    `/${locale}/methodology/`,
    `/${locale}/data/`,
    `/${locale}/search/`,
  ];
}
