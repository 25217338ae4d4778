/**
 * `npm run bench [-- --only data|site] [--sizes 1m,10m] [--pages 500,3000,20000] [--runs N]
 * [--timeout S] [--segments K] [--no-compare]`: performance benchmarks, kept out of `npm test`.
 *
 * - Data: `scripts/check.ts` on generated data of each size (N survey answers and N orders, about
 *   3.3 % as many complaints) against DuckDB computing the same figures and the same validation
 *   rules from the same CSV files; then the project's figures (through `runDataBuild`) against
 *   DuckDB's, cell by cell.
 * - Site: `scripts/build.ts` on generated data with enough segments for each page count, against a
 *   bare Astro 7 project of as many pages.
 *
 * Every measured run is a child process (wall time, peak RSS, CPU), stopped at the timeout. Data
 * is generated once into the cache (TRUST_BENCH_CACHE, default ~/.cache/trust-benchmarks/bench).
 * Prints progress, then markdown tables, and keeps the results as JSON beside the cached data.
 * Exit 1 when the figures disagree or a run failed or timed out; no time is asserted, since
 * machines differ.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheRoot } from './bench/cache.ts';
import { runDataBench, type DataRun } from './bench/data.ts';
import { DUCK_METRICS } from './bench/figures.ts';
import { medianOf, type Measurement } from './bench/measure.ts';
import { PAGE_BUDGET, runSiteBench, type SiteRun } from './bench/site.ts';

const USAGE = `usage: npm run bench [-- options]
  --only data|site       run one bench (default: both)
  --sizes 1m,10m         data sizes: rows of survey.csv and of orders.csv each (default 1m,10m)
  --pages 500,3000,20000 site sizes in pages (default 500,3000,20000)
  --runs N               runs per measurement, the median is reported (default 1)
  --timeout S            seconds before a run is stopped and reported as a timeout (default 1800)
  --segments K           segments of the data bench's company (default 6)
  --no-compare           skip the comparison of the figures with DuckDB's
`;

const OPTIONS = {
  only: { type: 'string' },
  sizes: { type: 'string', default: '1m,10m' },
  pages: { type: 'string', default: '500,3000,20000' },
  runs: { type: 'string', default: '1' },
  timeout: { type: 'string', default: '1800' },
  segments: { type: 'string', default: '6' },
  'no-compare': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const fail = (message: string): never => {
  process.stderr.write(`bench: ${message}\n${USAGE}`);
  process.exit(2);
};
const { values } = (() => {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
/** 100k, 1m, 10m, 2500 ... */
const count = (text: string): number => {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replace(/_/g, ''));
  const n = match ? Math.round(Number(match[1]) * { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm']) : NaN;
  if (!(n >= 1)) fail(`expected a positive count such as 500, 100k or 1m, found "${text}"`);
  return n;
};
if (values.only !== undefined && values.only !== 'data' && values.only !== 'site') fail(`expected --only data or --only site, found "${values.only}"`);
const runs = count(values.runs);
const timeoutSeconds = count(values.timeout);
const segments = count(values.segments);
const sizes = values.sizes.split(',').map((label) => ({ label: label.trim(), rows: count(label) }));
const pages = values.pages.split(',').map(count);
const log = (line: string) => process.stdout.write(`${line}\n`);

// --- the machine ------------------------------------------------------------------------------
const duckVersion = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8')) as { version: string }).version;
const loadAtStart = loadavg();
const machine = `${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, DuckDB ${duckVersion} (@duckdb/node-api)`;
log(`machine: ${machine}`);
log(`load average at start: ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}; data cache: ${cacheRoot()}`);

const dataRuns: DataRun[] = values.only === 'site' ? [] : await runDataBench({ sizes, segments, runs, timeoutSeconds, compare: !values['no-compare'], log });
const siteRuns: SiteRun[] = values.only === 'data' ? [] : await runSiteBench({ pages, runs, timeoutSeconds, log });
const loadAtEnd = loadavg();

// --- tables -----------------------------------------------------------------------------------
const int = (x: number) => Math.round(x).toLocaleString('en');
const seconds = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const spread = (runs: readonly Measurement[]) => {
  const ok = runs.filter((m) => m.ok).map((m) => m.wallSeconds);
  return ok.length > 1 ? ` (${seconds(Math.min(...ok))}–${seconds(Math.max(...ok))})` : '';
};
/** Median wall time, or why there is none. */
const wall = (runs: readonly Measurement[]) => {
  const w = medianOf(runs, 'wallSeconds');
  if (w !== null) return `${seconds(w)}${spread(runs)}${runs.some((m) => !m.ok) ? ` (${runs.filter((m) => !m.ok).length} of ${runs.length} failed)` : ''}`;
  const first = runs[0];
  return first?.timedOut ? `**timeout** (> ${timeoutSeconds} s)` : `**failed** (exit ${first?.exitCode ?? '?'})`;
};
const mib = (runs: readonly Measurement[]) => {
  const p = medianOf(runs, 'peakMiB');
  return p === null ? '–' : int(p);
};
const cpu = (runs: readonly Measurement[]) => {
  const c = medianOf(runs, 'cpuSeconds');
  return c === null ? '–' : seconds(c);
};
const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? `${(a / b).toFixed(1)}×` : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const lines: string[] = [];
const out = (line = '') => lines.push(line);

out(`Machine: ${machine}. Load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} at the start, ${loadAtEnd.map((x) => x.toFixed(2)).join(' ')} at the end. ${runs === 1 ? 'One run each.' : `Median of ${runs} runs each (min–max).`}`);
let failed = false;
let disagree = false;
if (dataRuns.length) {
  out();
  out('| data | rows | project wall s | project CPU s | project peak MiB | project rows/s | DuckDB wall s | DuckDB CPU s | DuckDB peak MiB | DuckDB rows/s | project / DuckDB | figures compared |');
  out('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of dataRuns) {
    const pw = medianOf(r.project, 'wallSeconds');
    const dw = medianOf(r.duck, 'wallSeconds');
    const rowsPerSecond = (w: number | null) => (w === null ? '–' : `${int(r.rows / w)}`);
    const c = r.comparison;
    const figures = c ? `${int(c.compared)} cells, ${c.differing.length === 0 ? '0 differ' : `**${int(c.differing.length)} differ**`} (largest difference ${c.largest.toExponential(1)})` : (r.comparisonProblem ?? '–');
    const { survey, orders, customers, complaints } = r.dataset;
    out(
      `| ${r.label} | ${int(r.rows)}: ${int(survey)} survey, ${int(orders)} orders (${int(customers)} customers), ${int(complaints)} complaints | ${wall(r.project)} | ${cpu(r.project)} | ${mib(r.project)} | ${rowsPerSecond(pw)} | ${wall(r.duck)} | ${cpu(r.duck)} | ${mib(r.duck)} | ${rowsPerSecond(dw)} | ${ratio(pw, dw)} wall, ${ratio(medianOf(r.project, 'cpuSeconds'), medianOf(r.duck, 'cpuSeconds'))} CPU, ${ratio(medianOf(r.project, 'peakMiB'), medianOf(r.duck, 'peakMiB'))} peak | ${figures} |`,
    );
    if ([...r.project, ...r.duck].some((m) => !m.ok) || (r.comparisonProblem && !values['no-compare'])) failed = true;
    if (c && c.differing.length > 0) disagree = true;
  }
  out();
  const first = dataRuns.find((r) => r.comparison)?.comparison;
  if (first) {
    out(`Figures compared (value and n of every published cell: by wave, and by segment and wave): ${first.metrics.join(', ')}.`);
    out(`DuckDB computes: ${DUCK_METRICS.join(', ')}. Suppressed cells are skipped; a small_cell or no_data cell must have a small or zero n in DuckDB too.`);
    if (first.notCompared.length) out(`Not compared: ${first.notCompared.join(', ')}.`);
  }
  for (const r of dataRuns) {
    const broken = Object.entries(r.validation ?? {}).filter(([k, n]) => !k.endsWith('_rows') && n > 0);
    if (r.validation) out(`${r.label}: DuckDB's validation counts (duplicate ids, ranges, unknown segments, waves outside the period, dates out of order, unknown customers, unreadable cells): ${broken.length === 0 ? 'all 0' : broken.map(([k, n]) => `${k} ${n}`).join(', ')}.`);
    const c = r.comparison;
    if (!c) continue;
    out(`${r.label}: ${int(c.compared)} published cells compared, ${int(c.suppressed)} suppressed skipped, ${c.differing.length} differing; largest value difference ${c.largest.toExponential(2)}${c.largestKey ? ` (${c.largestKey})` : ''}.`);
    for (const d of c.differing.slice(0, 20)) {
      const [metric, wave, segment, tier] = d.key.split('|');
      out(`  - ${metric}, ${wave}, ${segment === '*' ? 'all segments' : segment}${tier ? `, ${tier}` : ''}: project ${d.project.value ?? d.project.suppressed} (n ${d.project.n}), DuckDB ${d.reference?.value ?? 'none'} (n ${d.reference?.n ?? 0}): ${d.reason}`);
    }
    if (c.differing.length > 20) out(`  - ... and ${c.differing.length - 20} more`);
  }
}
if (siteRuns.length) {
  out();
  out('| pages | segments | project wall s | project CPU s | project peak MiB | project ms/page | bare Astro wall s | bare CPU s | bare peak MiB | bare ms/page | project / bare (wall) | largest page, gzip HTML + CSS | pages over 60 KB |');
  out('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of siteRuns) {
    const pw = medianOf(r.project, 'wallSeconds');
    const bw = medianOf(r.bare, 'wallSeconds');
    const n = r.projectPages?.pages ?? r.barePages?.pages ?? r.target;
    const perPage = (w: number | null, pages: number) => (w === null ? '–' : ((1000 * w) / pages).toFixed(1));
    const largest = r.projectPages?.largest ? `${kb(r.projectPages.largest.gzipBytes)} \`${r.projectPages.largest.path}\` (${kb(r.projectPages.largest.rawBytes)} raw)` : '–';
    out(
      `| ${int(n)}${r.projectPages ? '' : ` (target ${int(r.target)})`} | ${int(r.segments)} | ${wall(r.project)} | ${cpu(r.project)} | ${mib(r.project)} | ${perPage(pw, n)} | ${wall(r.bare)} | ${cpu(r.bare)} | ${mib(r.bare)} | ${perPage(bw, r.barePages?.pages ?? n)} | ${ratio(pw, bw)} | ${largest} | ${r.projectPages ? int(r.projectPages.overBudget) : '–'} |`,
    );
    if ([...r.project, ...r.bare].some((m) => !m.ok)) failed = true;
  }
  // Time per added page between consecutive page counts that both built.
  const built = siteRuns.filter((r) => r.projectPages && medianOf(r.project, 'wallSeconds') !== null);
  const bareBuilt = siteRuns.filter((r) => r.barePages && medianOf(r.bare, 'wallSeconds') !== null);
  const slopes = (list: SiteRun[], side: 'project' | 'bare') =>
    list.slice(1).map((r, i) => {
      const a = list[i]!;
      const pagesOf = (x: SiteRun) => (side === 'project' ? x.projectPages! : x.barePages!).pages;
      const ms = (1000 * (medianOf(r[side], 'wallSeconds')! - medianOf(a[side], 'wallSeconds')!)) / (pagesOf(r) - pagesOf(a));
      return { from: pagesOf(a), to: pagesOf(r), ms };
    });
  const ps = slopes(built, 'project');
  const bs = slopes(bareBuilt, 'bare');
  out();
  if (ps.length === 0 && bs.length === 0) out('Time per added page (slope): needs two page counts that built.');
  for (const s of ps) {
    const b = bs.find((x) => x.from === s.from && x.to === s.to);
    out(`Time per added page, ${int(s.from)} → ${int(s.to)} pages: project ${s.ms.toFixed(1)} ms, bare Astro ${b ? `${b.ms.toFixed(2)} ms (ratio ${(s.ms / b.ms).toFixed(1)}×)` : '–'}.`);
  }
  for (const b of bs.filter((x) => !ps.some((s) => s.from === x.from && s.to === x.to))) out(`Time per added page, ${int(b.from)} → ${int(b.to)} pages: bare Astro ${b.ms.toFixed(2)} ms.`);
  out(`Pages are weighed as served: each page's HTML gzipped plus the stylesheets it links, gzipped; the budget is ${PAGE_BUDGET / 1024} KB. CPU and peak memory are the Node process's (worker threads included; Pagefind's indexer and esbuild run as processes of their own and are not counted).`);
}
out();
out(disagree ? 'Result: the figures DISAGREE with DuckDB (see above).' : failed ? 'Result: a run failed or timed out (see above).' : 'Result: every run finished; the figures agree with DuckDB.');

log('');
for (const line of lines) log(line);

// The results, for docs/performance.md and later comparison.
const resultsDir = join(cacheRoot(), 'results');
mkdirSync(resultsDir, { recursive: true });
const strip = (m: Measurement) => ({ ...m, stdout: m.stdout.slice(-2000), stderr: m.stderr.slice(-2000) });
const resultsFile = join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  resultsFile,
  JSON.stringify(
    {
      machine,
      loadAtStart,
      loadAtEnd,
      options: values,
      data: dataRuns.map((r) => ({ ...r, project: r.project.map(strip), duck: r.duck.map(strip) })),
      site: siteRuns.map((r) => ({ ...r, project: r.project.map(strip), bare: r.bare.map(strip) })),
      markdown: lines.join('\n'),
    },
    null,
    1,
  ),
);
log(`\nresults: ${resultsFile}`);
process.exit(disagree || failed ? 1 : 0);
