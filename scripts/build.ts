/**
 * `npm run build [-- --data DIR] [-- --out DIR]`: validate the data, compute the report model,
 * render the site, and only then replace the output folder. Bad data exits 1 with every problem
 * listed and leaves the previous output exactly as it was.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, basename, join } from 'node:path';
import { formatIssue, formatIssues } from '../src/pipeline/issues.ts';
import { runDataBuild, today } from '../src/pipeline/run.ts';
import { checkTranslations } from '../src/i18n/check.ts';
import { readCli } from './lib/cli.ts';

// Astro's usage telemetry would wait on the network; the build must not.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = readCli();
const started = performance.now();
const log = (line: string) => {
  if (!options.quiet) process.stdout.write(`${line}\n`);
};

// Phase 1: load and validate every input, then emit the report model.
const result = await runDataBuild({ dataDir: options.dataDir, contentDir: options.contentDir, today: today() });
const translationIssues = await checkTranslations();
const issues = [...result.issues, ...translationIssues];
if (issues.length > 0 || !result.report) {
  process.stderr.write(`${formatIssues(issues)}\nNothing was built; ${basename(options.outDir)}/ is unchanged.\n`);
  process.exit(1);
}
// Warnings (text not yet translated) do not stop the build; the analyst still sees each one.
for (const warning of result.warnings) log(`warning: ${formatIssue(warning)}`);
const work = await mkdtemp(join(tmpdir(), 'trust-build-'));
const reportFile = join(work, 'report.json');
await writeFile(reportFile, JSON.stringify(result.report));
log(`data: ${result.counts.sources} sources, ${result.counts.statistics} benchmark figures`);

// Phase 2: render the site into a fresh folder beside the output, so the swap is one rename.
const staging = join(dirname(options.outDir), `.${basename(options.outDir)}.staging-${process.pid}`);
process.env.TRUST_REPORT_FILE = reportFile;
process.env.TRUST_DATA = options.dataDir;
process.env.TRUST_CONTENT = options.contentDir;
/** Drops the staging folder and exits 1: the published output is never touched. */
const abandon = async (what: string, error: unknown): Promise<never> => {
  await rm(staging, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
  process.stderr.write(`${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write(`Nothing was published; ${basename(options.outDir)}/ is unchanged.\n`);
  process.exit(1);
};
try {
  const { build } = await import('astro');
  await build({ root: process.cwd(), outDir: staging, logLevel: options.quiet ? 'error' : 'warn' });
} catch (error) {
  await abandon('The site could not be rendered', error);
}

// Phase 3: the search index, one per language (Pagefind splits by each page's lang), built from
// the rendered pages' <main> only, before anything is published.
try {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'main' });
  if (!index) throw new Error(errors.join('; '));
  const added = await index.addDirectory({ path: staging });
  if (added.errors.length) throw new Error(added.errors.join('; '));
  const written = await index.writeFiles({ outputPath: join(staging, 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
  log(`search: ${added.page_count} pages indexed`);
} catch (error) {
  await abandon('The search index could not be built', error);
}

// Phase 4: swap the new site in.
const previous = join(dirname(options.outDir), `.${basename(options.outDir)}.previous-${process.pid}`);
await rename(options.outDir, previous).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'ENOENT') throw error;
});
await rename(staging, options.outDir);
await rm(previous, { recursive: true, force: true });
await rm(work, { recursive: true, force: true });
log(`site: ${basename(options.outDir)}/ written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
