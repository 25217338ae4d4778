/**
 * The data build, phase by phase: load and validate every input, then emit the report model.
 * Pure apart from reading the data folder; the scripts at the edge print and write.
 */
import { assembleReport } from '../report/assemble.ts';
import { reportSchema, type Report } from '../schemas/report.ts';
import { sortIssues, type Issue } from './issues.ts';
import { loadBenchmarks } from './load-benchmarks.ts';
import { loadCompany } from './load-company.ts';
import { loadCompanyData, type CompanyData, type WorkerUse } from './load-company-data.ts';
import { loadLibraryTranslations } from './load-benchmark-translations.ts';
import { loadGuidance, staleArticleWarnings } from './load-guidance.ts';
import { recommend } from '../report/recommend.ts';
import { join, resolve } from 'node:path';
import { createStageCache, fingerprint, stage, type StageCache } from './stage-cache.ts';

export interface RunOptions {
  dataDir: string;
  /** Folder holding `guidance/<locale>/*.mdx`; defaults to `content/` in the working directory. */
  contentDir?: string;
  /** Today's date, YYYY-MM-DD, for rules about dates in the future. */
  today: string;
  /**
   * Stages kept from the previous build (the dev server; see `createDataBuildCache`): a stage
   * whose input files did not change is not run again.
   */
  cache?: StageCache;
  /** Read a large survey on a second core (default `auto`: files from 8 MiB). */
  workers?: WorkerUse;
}

/** A cache for `runDataBuild` across builds of the same folders (the dev server keeps one). */
export const createDataBuildCache = createStageCache;

export interface RunResult {
  report?: Report;
  issues: Issue[];
  /** Problems that do not stop the build (e.g. text not yet translated). */
  warnings: Issue[];
  /** Answers counted (after the repeat-answer rule), and customers, orders and complaints in the reporting period. */
  counts: { sources: number; statistics: number; respondents: number; repeatAnswersSkipped: number; customers: number; orders: number; complaints: number };
}

export async function runDataBuild(options: RunOptions): Promise<RunResult> {
  // Load and validate: every file is read even when an earlier one has problems, so the
  // analyst sees all problems at once.
  const { cache } = options;
  const keyOf = async (...paths: string[]) => (cache ? `${await fingerprint(paths)}\n${options.today}` : '');
  const contentDir = options.contentDir ?? resolve('content');
  const benchmarksDir = join(options.dataDir, 'benchmarks');
  const [companyResult, benchmarksResult] = await Promise.all([
    stage(cache, 'company', await keyOf(join(options.dataDir, 'company', 'company.yaml')), () => loadCompany(options.dataDir, { today: options.today })),
    stage(cache, 'benchmarks', await keyOf(benchmarksDir), () => loadBenchmarks(options.dataDir, { today: options.today })),
  ]);
  // The company's own files need its settings (segments, reporting period) to be read at all.
  let data: CompanyData | undefined;
  const dataIssues: Issue[] = [];
  if (companyResult.company) {
    const loaded = await loadCompanyData(options.dataDir, companyResult.company, { today: options.today, ...(cache ? { cache } : {}), ...(options.workers ? { workers: options.workers } : {}) });
    data = loaded.data;
    for (const issue of loaded.issues) dataIssues.push(issue);
  }
  // Translations of the library's text, for the locales the company publishes.
  // Checked against the English only once the English itself is valid, so one broken row is
  // reported once, not again for every language.
  const locales = benchmarksResult.issues.length === 0 ? (companyResult.company?.locales ?? []) : [];
  const translated = await stage(cache, 'translations', `${await keyOf(benchmarksDir)}\n${locales.join(',')}`, () =>
    loadLibraryTranslations(options.dataDir, locales, benchmarksResult.benchmarks),
  );
  const published = companyResult.company?.locales ?? [];
  const guidance = await stage(cache, 'guidance', `${await keyOf(join(contentDir, 'guidance'))}\n${published.join(',')}`, () => loadGuidance(contentDir, published));
  const issues = sortIssues([...companyResult.issues, ...benchmarksResult.issues, ...dataIssues, ...translated.issues, ...guidance.issues]);
  const stale = companyResult.company ? staleArticleWarnings(guidance.checked, companyResult.company.reporting_period.end, companyResult.company.guidance_checked_within_days) : [];
  const warnings = sortIssues([...benchmarksResult.warnings, ...translated.warnings, ...guidance.warnings, ...stale]);
  const counts = {
    sources: benchmarksResult.benchmarks.sources.length,
    statistics: benchmarksResult.benchmarks.statistics.length,
    respondents: data?.counts.respondents ?? 0,
    repeatAnswersSkipped: data?.counts.repeatAnswersSkipped ?? 0,
    customers: data?.counts.customers ?? 0,
    orders: data?.counts.orders ?? 0,
    complaints: data?.counts.complaints ?? 0,
  };
  if (issues.length > 0 || !companyResult.company || !data) return { issues, warnings, counts };

  // Compute, join and emit: one typed, versioned report model.
  const assembled = assembleReport({ company: companyResult.company, benchmarks: benchmarksResult.benchmarks, data });
  for (const source of assembled.library.sources) source.i18n = translated.translations.sources[source.id] ?? {};
  for (const stat of assembled.library.statistics) stat.i18n = translated.translations.statistics[stat.id] ?? {};
  // Join the findings with the guidance: which articles matter most, and why.
  assembled.guidance = guidance.topics;
  assembled.recommendations = recommend({ metrics: assembled.metrics, sayVsDo: assembled.sayVsDo, drivers: assembled.drivers, topics: guidance.topics });
  // The model checks itself before any page sees it. A figure that fails (say, an amount so large
  // that a sum overflows) is reported like a data problem, never as a stack trace.
  const checked = reportSchema.safeParse(assembled);
  if (!checked.success) {
    const first = checked.error.issues[0]!;
    const issue: Issue = {
      file: 'report model',
      line: 0,
      column: 0,
      field: first.path.join('.'),
      message: `expected figures that can be published, found ${first.message.toLowerCase()} (${checked.error.issues.length} such figure${checked.error.issues.length === 1 ? '' : 's'})`,
      hint: 'look for amounts or counts far outside their usual range in the company files',
    };
    return { issues: [issue], warnings, counts };
  }
  return { report: checked.data, issues, warnings, counts };
}

/** Today's date in UTC, or TRUST_TODAY when set (tests pin it). */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRUST_TODAY ?? new Date().toISOString().slice(0, 10);
}
