/**
 * What a run of `check` or `build` did, as one object: the data folder, the company, the files
 * and rows read, the metrics computed, the cells suppressed, the stale benchmarks, the warnings,
 * the pages per locale (build only) and the time. The command line prints it as a few lines
 * (src/cli/output.ts) or, with `--json`, as part of one JSON document.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../pipeline/run.ts';
import { displayFolder } from '../cli/folders.ts';

export interface RunSummary {
  command: 'check' | 'build';
  /** Exit status 0: no problems, and for a build the site was written. */
  ok: boolean;
  /** As shown in messages: relative to the working folder when inside it. */
  dataFolder: string;
  contentFolder: string;
  /** null when company.yaml could not be read. */
  company: string | null;
  /** The input files that were read, relative to the data folder; the guidance articles of the published locales (null when company.yaml has problems). */
  files: { data: string[]; articles: number | null };
  /** Rows read: answers counted (and set aside), customers, orders, complaints in the period; the library's size. */
  rows: {
    surveyAnswers: number;
    repeatAnswersSetAside: number;
    customers: number;
    orders: number;
    complaints: number;
    sources: number;
    benchmarkFigures: number;
  };
  /** Metrics with figures (from raw rows or kpis.csv), of those defined; null when nothing was computed. */
  metrics: { computed: number; defined: number } | null;
  /** Cells left out of every page and download (too few respondents, or to protect another cell). */
  cellsSuppressed: number | null;
  /** Benchmark figures older than the company's benchmark_max_age_years. */
  staleBenchmarks: number | null;
  /** Warnings: text not yet translated, articles missing in a language or checked long ago. */
  warnings: number;
  problems: number;
  /** build only: pages written per locale, e.g. { en: 98, fi: 98 }. */
  pages?: Record<string, number>;
  /** build only: the output folder. */
  outFolder?: string;
  /** Wall time of the run, in seconds with one decimal. */
  seconds: number;
}

/** The data files the data build reads, in the order `check` reads them, relative to the data folder. */
const DATA_FILES = [
  'company/company.yaml',
  'company/survey.csv',
  'company/orders.csv',
  'company/complaints.csv',
  'company/kpis.csv',
  'benchmarks/sources.yaml',
  'benchmarks/statistics.csv',
];

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The files of the data folder that the data build read, and how many guidance articles. */
export function filesRead(dataDir: string, contentDir: string, locales: readonly string[]): RunSummary['files'] {
  const data = DATA_FILES.filter((file) => isFile(join(dataDir, file)));
  for (const locale of locales) {
    const file = `benchmarks/translations/${locale}.yaml`;
    if (isFile(join(dataDir, file))) data.push(file);
  }
  let articles = 0;
  for (const locale of locales) articles += listFolder(join(contentDir, 'guidance', locale)).filter((name) => /\.mdx?$/.test(name)).length;
  return { data, articles };
}

/** Objects anywhere under `value` whose `suppressed` holds a reason: the suppressed cells. */
function countSuppressed(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countSuppressed(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let count = typeof (value as { suppressed?: unknown }).suppressed === 'string' ? 1 : 0;
  for (const item of Object.values(value)) if (item !== null && typeof item === 'object') count += countSuppressed(item);
  return count;
}

export interface SummaryInput {
  command: 'check' | 'build';
  ok: boolean;
  dataDir: string;
  contentDir: string;
  result: RunResult;
  /** Problems of the run, including the UI-strings check. */
  problems: number;
  seconds: number;
  pages?: Record<string, number>;
  outDir?: string;
}

export function summarise(input: SummaryInput): RunSummary {
  const { result } = input;
  const { report, counts } = result;
  const locales = report?.company.locales ?? [];
  return {
    command: input.command,
    ok: input.ok,
    dataFolder: displayFolder(input.dataDir),
    contentFolder: displayFolder(input.contentDir),
    company: report?.company.name ?? null,
    files: report ? filesRead(input.dataDir, input.contentDir, locales) : { data: filesRead(input.dataDir, input.contentDir, []).data, articles: null },
    rows: {
      surveyAnswers: counts.respondents,
      repeatAnswersSetAside: counts.repeatAnswersSkipped,
      customers: counts.customers,
      orders: counts.orders,
      complaints: counts.complaints,
      sources: counts.sources,
      benchmarkFigures: counts.statistics,
    },
    metrics: report ? { computed: report.metrics.filter((metric) => metric.result !== null).length, defined: report.metrics.length } : null,
    cellsSuppressed: report ? countSuppressed(report.metrics) + countSuppressed(report.drivers) : null,
    staleBenchmarks: report ? report.library.statistics.filter((statistic) => statistic.stale).length : null,
    warnings: result.warnings.length,
    problems: input.problems,
    ...(input.pages ? { pages: input.pages } : {}),
    ...(input.outDir ? { outFolder: displayFolder(input.outDir) } : {}),
    seconds: Math.round(input.seconds * 10) / 10,
  };
}

/** Pages written per locale: the index.html files under each locale's folder of a built site. */
export function countPages(siteDir: string, locales: readonly string[]): Record<string, number> {
  const pages: Record<string, number> = {};
  for (const locale of locales) {
    let count = 0;
    try {
      for (const entry of readdirSync(join(siteDir, locale), { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name === 'index.html') count++;
      }
    } catch {
      // a locale without pages counts 0
    }
    pages[locale] = count;
  }
  return pages;
}
