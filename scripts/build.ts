/**
 * `npm run build [-- --data DIR] [-- --content DIR] [-- --out DIR]`: validate the data, compute
 * the report model, render the site, and only then replace the output folder. Bad data exits 1
 * with every problem listed and leaves the previous output exactly as it was.
 *
 * The output folder is replaced only when it is ours: new, empty, or marked by an earlier build
 * (src/cli/folders.ts). Everything the build keeps while it works (the report model, the rendered
 * site, the previous site during the swap) lives in one marked staging folder beside the output,
 * removed on success, on failure and on Ctrl-C; one left by a killed build is removed by the next.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readCommandLine } from '../src/cli/command-line.ts';
import { refuseExisting, refuseOutputFolder, removeStaleStaging, stagingFolder, writeMarker } from '../src/cli/folders.ts';
import { describeData } from '../src/cli/summary.ts';

// Astro's usage telemetry would wait on the network; the build must not.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = readCommandLine('build', (o) => `Nothing was built; ${basename(o.outDir)}/ is unchanged.`);
const started = performance.now();
const outName = `${basename(options.outDir)}/`;
const log = (line: string) => {
  if (!options.quiet) process.stdout.write(`${line}\n`);
};

// Phase 0: the output folder must be ours to replace; nothing is touched if it is not.
const refusal = refuseOutputFolder(options.outDir, { dataDir: options.dataDir, contentDir: options.contentDir });
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
const stale = removeStaleStaging(options.outDir);
if (stale.length > 0) log(`removed ${stale.map((name) => `${name}/`).join(', ')}, left by an interrupted build`);

// Cleanup on every way out: normal exit, process.exit, an uncaught exception, Ctrl-C, kill.
const staging = stagingFolder(options.outDir);
let stagingCreated = false;
let published = false;
let pagefindClose: (() => unknown) | undefined;
const removeStaging = () => {
  if (!stagingCreated) return;
  rmSync(staging, { recursive: true, force: true });
};
process.on('exit', removeStaging);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    // Stop the search indexer first: it writes into the staging folder from its own process.
    pagefindClose?.();
    removeStaging();
    process.stderr.write(
      published ? `\nInterrupted after ${outName} was written.\n` : `\nInterrupted: nothing was published; ${outName} is unchanged.\n`,
    );
    // Exit now: the rendering stops here, and the exit handler removes anything written meanwhile.
    process.exit(code);
  });
}

// Phase 1: load and validate every input, then emit the report model. (Loaded only now, so that
// --help and usage problems answer at once.)
const { formatIssue, formatIssues } = await import('../src/pipeline/issues.ts');
const { runDataBuild, today } = await import('../src/pipeline/run.ts');
const { checkTranslations } = await import('../src/i18n/check.ts');
const { handOverReport } = await import('../src/integration/trust-report.ts');
const { writeJsonFile } = await import('../src/integration/json-file.ts');
const result = await runDataBuild({ dataDir: options.dataDir, contentDir: options.contentDir, today: today() });
const translationIssues = await checkTranslations();
const issues = [...result.issues, ...translationIssues];
if (issues.length > 0 || !result.report) {
  process.stderr.write(`${formatIssues(issues)}\nNothing was built; ${outName} is unchanged.\n`);
  process.exit(1);
}
// Warnings (text not yet translated) do not stop the build; the analyst still sees each one.
for (const warning of result.warnings) log(`warning: ${formatIssue(warning)}`);
log(`data: ${describeData(result, options.dataDir)}`);

// Phase 2: render the site into a fresh folder beside the output, so the swap is one rename.
mkdirSync(staging);
stagingCreated = true;
writeMarker(staging);
const site = join(staging, 'site');
const reportFile = join(staging, 'report.json');
await writeJsonFile(reportFile, result.report);
// The pages take the model from memory (one copy, not parsed again); the file is the fallback.
handOverReport(result.report, reportFile);
process.env.TRUST_REPORT_FILE = reportFile;
process.env.TRUST_DATA = options.dataDir;
process.env.TRUST_CONTENT = options.contentDir;
/** What the search index leaves out of each page's <main>. */
const SEARCH_EXCLUDED = ['.chart-frame', '.chart-notes', '.chart-data', '.chart-download', '.sparkline', '.table-scroll'];
/** Drops the staging folder (on exit) and exits 1: the published output is never touched. */
const abandon = (what: string, error: unknown): never => {
  process.stderr.write(`${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write(`Nothing was published; ${outName} is unchanged.\n`);
  process.exit(1);
};
try {
  const { build } = await import('astro');
  await build({ root: process.cwd(), outDir: site, logLevel: options.quiet ? 'error' : 'warn' });
  writeMarker(site);
} catch (error) {
  abandon('The site could not be rendered', error);
}

// Phase 3: the search index, one per language (Pagefind splits by each page's lang), built from
// the rendered pages' <main> only, before anything is published. Each text is indexed once: the
// charts (SVG, figures table, notes) and the tables repeat figures that pages state in words, and
// each segment, metric and benchmark figure has a page of its own.
try {
  const pagefind = await import('pagefind');
  pagefindClose = pagefind.close;
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'main', excludeSelectors: SEARCH_EXCLUDED });
  if (!index) throw new Error(errors.join('; '));
  const added = await index.addDirectory({ path: site });
  if (added.errors.length) throw new Error(added.errors.join('; '));
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
  pagefindClose = undefined;
  log(`search: ${added.page_count} pages indexed`);
} catch (error) {
  abandon('The search index could not be built', error);
}

// Phase 4: swap the new site in, synchronously so that no signal lands between the two renames.
// The folder is checked again: it may have changed while the site was rendered.
const late = refuseExisting(options.outDir);
if (late) {
  process.stderr.write(`${late}\nNothing was published.\n`);
  process.exit(1);
}
const previous = join(staging, 'previous');
let hadPrevious = true;
try {
  renameSync(options.outDir, previous);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') abandon(`${outName} could not be replaced`, error);
  hadPrevious = false;
}
try {
  renameSync(site, options.outDir);
  published = true;
} catch (error) {
  if (hadPrevious) renameSync(previous, options.outDir);
  abandon(`${outName} could not be replaced`, error);
}
removeStaging();
stagingCreated = false;
log(`site: ${outName} written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
