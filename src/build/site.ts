/**
 * The build as a function (Observable Framework's `build(options, effects)`): validate the data,
 * compute the report model, render the site into a staging folder beside the output, index it for
 * search, and only then swap it in. The file-system writes, the reader's output and the clock are
 * the caller's `effects`, so a test can run a build in-process with a recording object, and the
 * command line (scripts/build.ts) only parses options, prints and sets the exit code.
 *
 * The output folder is replaced only when it is ours: new, empty, or marked by an earlier build
 * (src/cli/folders.ts). Everything the build keeps while it works (the report model, the rendered
 * site, the previous site during the swap) lives in one marked staging folder beside the output,
 * removed on success and failure, and by `effects.onAbort`'s cleanup when the process ends early.
 */
import { basename, join } from 'node:path';
import { refuseExisting, refuseOutputFolder, removeStaleStaging, stagingFolder, MARKER_FILE, MARKER_TEXT } from '../cli/folders.ts';
import type { Issue } from '../pipeline/issues.ts';
import type { RunResult } from '../pipeline/run.ts';
import { countPages, summarise, type RunSummary } from './summary.ts';
import { checkInputs } from './check.ts';

export interface BuildOptions {
  /** Absolute paths. */
  dataDir: string;
  contentDir: string;
  outDir: string;
  /** Today's date (YYYY-MM-DD), for the rules about dates in the future and the age of figures; default: today, or TRUST_TODAY. */
  today?: string;
  /** The project folder Astro renders from (src/pages, the content config). */
  root: string;
  /** Astro's own messages: warnings (default) or errors only. */
  astroLogLevel?: 'warn' | 'error';
  /** The process id that names the staging folder (`.<out>.staging-<pid>`). */
  pid?: number;
}

/** Everything the build does to the world, apart from reading its inputs. */
export interface BuildEffects {
  /** A line for the reader: what was read, what was indexed, stale staging folders removed. */
  log(line: string): void;
  /** The one updating progress line during long steps (undefined clears it). */
  progress(text: string | undefined): void;
  /** Milliseconds from an arbitrary start, for the time the build took. */
  now(): number;
  makeFolder(path: string): void;
  writeFile(path: string, text: string): void;
  /** Writes a large value as JSON (the report model) without holding it as one string. */
  writeJson(path: string, value: unknown): Promise<void>;
  rename(from: string, to: string): void;
  /** Removes a file or folder and everything in it; nothing happens when it does not exist. */
  remove(path: string): void;
  /**
   * Registers work that must happen if the process ends before the build does (exit, Ctrl-C,
   * kill): removing the staging folder, stopping the search indexer. Returns the function that
   * unregisters it.
   */
  onAbort(cleanup: () => void): () => void;
  /** Called once the inputs are validated, before the long render: the data build's result and the problems. */
  onData?(result: RunResult, problems: readonly Issue[]): void;
  /** Renders the site with Astro into `outDir`; rejects when rendering fails. */
  renderSite(options: { root: string; outDir: string; dataDir: string; contentDir: string; report: NonNullable<RunResult['report']>; reportFile: string; logLevel: 'warn' | 'error' }): Promise<void>;
  /** Indexes the rendered site for search (Pagefind); resolves to the number of pages indexed. */
  indexSite(siteDir: string): Promise<number>;
}

export type BuildOutcome =
  /** The site was written to the output folder. */
  | { status: 'built'; summary: RunSummary; warnings: Issue[] }
  /** The data has problems: nothing was built. */
  | { status: 'invalid'; summary: RunSummary; problems: Issue[]; warnings: Issue[] }
  /** The output folder is not ours to replace (one line), or rendering, indexing or the swap failed. */
  | { status: 'refused' | 'failed'; summary: RunSummary; message: string; warnings: Issue[] };

export async function buildSite(options: BuildOptions, effects: BuildEffects): Promise<BuildOutcome> {
  const started = effects.now();
  const seconds = () => (effects.now() - started) / 1000;
  const outName = `${basename(options.outDir)}/`;
  const base = { command: 'build' as const, dataDir: options.dataDir, contentDir: options.contentDir, outDir: options.outDir };
  const empty: RunResult = { issues: [], warnings: [], counts: { sources: 0, statistics: 0, respondents: 0, repeatAnswersSkipped: 0, customers: 0, orders: 0, complaints: 0 } };

  // Phase 0: the output folder must be ours to replace; nothing is touched if it is not.
  const refusal = refuseOutputFolder(options.outDir, { dataDir: options.dataDir, contentDir: options.contentDir });
  if (refusal) return { status: 'refused', message: refusal, warnings: [], summary: summarise({ ...base, ok: false, result: empty, problems: 0, seconds: seconds() }) };
  const stale = removeStaleStaging(options.outDir, effects.remove);
  if (stale.length > 0) effects.log(`removed ${stale.map((name) => `${name}/`).join(', ')}, left by an interrupted build`);

  // Phase 1: load and validate every input, then emit the report model.
  effects.progress('reading the data');
  const { result, problems } = await checkInputs({ dataDir: options.dataDir, contentDir: options.contentDir, ...(options.today ? { today: options.today } : {}) });
  effects.progress(undefined);
  effects.onData?.(result, problems);
  const summaryOf = (ok: boolean, pages?: Record<string, number>) =>
    summarise({ ...base, ok, result, problems: problems.length, seconds: seconds(), ...(pages ? { pages } : {}) });
  if (problems.length > 0 || !result.report) return { status: 'invalid', problems, warnings: result.warnings, summary: summaryOf(false) };
  const report = result.report;

  // Phase 2: render the site into a fresh folder beside the output, so the swap is one rename.
  const staging = stagingFolder(options.outDir, options.pid);
  const site = join(staging, 'site');
  let published = false;
  const unregister = effects.onAbort(() => {
    if (!published) effects.remove(staging);
  });
  const fail = (what: string, error: unknown): BuildOutcome => {
    effects.progress(undefined);
    effects.remove(staging);
    unregister();
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}\nNothing was published; ${outName} is unchanged.`;
    return { status: 'failed', message, warnings: result.warnings, summary: summaryOf(false) };
  };
  effects.makeFolder(staging);
  effects.writeFile(join(staging, MARKER_FILE), MARKER_TEXT);
  const reportFile = join(staging, 'report.json');
  await effects.writeJson(reportFile, report);
  try {
    effects.progress('rendering the pages');
    await effects.renderSite({
      root: options.root,
      outDir: site,
      dataDir: options.dataDir,
      contentDir: options.contentDir,
      report,
      reportFile,
      logLevel: options.astroLogLevel ?? 'warn',
    });
    effects.progress(undefined);
    effects.writeFile(join(site, MARKER_FILE), MARKER_TEXT);
  } catch (error) {
    return fail('The site could not be rendered', error);
  }

  // Phase 3: the search index, one per language, before anything is published.
  try {
    effects.progress('indexing the pages for search');
    const indexed = await effects.indexSite(site);
    effects.progress(undefined);
    effects.log(`search: ${indexed.toLocaleString('en-US')} pages indexed`);
  } catch (error) {
    return fail('The search index could not be built', error);
  }
  const pages = countPages(site, report.company.locales);

  // Phase 4: swap the new site in, with no await between the two renames. The folder is checked
  // again: it may have changed while the site was rendered.
  const late = refuseExisting(options.outDir);
  if (late) {
    effects.remove(staging);
    unregister();
    return { status: 'refused', message: `${late}\nNothing was published.`, warnings: result.warnings, summary: summaryOf(false) };
  }
  const previous = join(staging, 'previous');
  let hadPrevious = true;
  try {
    effects.rename(options.outDir, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return fail(`${outName} could not be replaced`, error);
    hadPrevious = false;
  }
  try {
    effects.rename(site, options.outDir);
    published = true;
  } catch (error) {
    if (hadPrevious) effects.rename(previous, options.outDir);
    return fail(`${outName} could not be replaced`, error);
  }
  effects.remove(staging);
  unregister();
  return { status: 'built', warnings: result.warnings, summary: summaryOf(true, pages) };
}
