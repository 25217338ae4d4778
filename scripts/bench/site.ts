/**
 * Site bench: the project's build (`scripts/build.ts`) on generated data with enough segments for
 * a page count, against a bare Astro 7 project of the same number of pages, each page a title and
 * an inline SVG of 60 bars (about 8 KB of HTML), built with the project's installed Astro. Both
 * outside the repository, under the bench cache.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cacheRoot, ensureDataset, siteShape } from './cache.ts';
import { describe, measureNode, type Measurement } from './measure.ts';
import { mulberry32 } from '../../src/stats/drivers.ts';

const REPO = resolve(import.meta.dirname, '../..');

/**
 * Pages that do not depend on the number of segments, roughly: 506 pages were built with 9
 * segments at the time of writing. Only used to choose the segments for a page count; the pages
 * built are counted.
 */
export const BASE_PAGES = 456;
/** Pages each segment adds: one per locale. */
export const PAGES_PER_SEGMENT = 5;
/** The page budget of the README: gzipped HTML and CSS under 60 KB. */
export const PAGE_BUDGET = 60 * 1024;

export function segmentsForPages(pages: number): number {
  return Math.max(1, Math.ceil((pages - BASE_PAGES) / PAGES_PER_SEGMENT));
}

export interface PageStats {
  pages: number;
  /** Largest page: gzipped HTML plus the gzipped stylesheets it links. */
  largest: { path: string; gzipBytes: number; rawBytes: number } | null;
  overBudget: number;
}

/** Every HTML page of a built site (search index excluded), weighed as it would be served. */
export function pageStats(root: string): PageStats {
  const cssSizes = new Map<string, number>();
  const cssGzip = (href: string) => {
    const path = join(root, href.split(/[?#]/)[0]!);
    let size = cssSizes.get(path);
    if (size === undefined) {
      size = existsSync(path) ? gzipSync(readFileSync(path)).length : 0;
      cssSizes.set(path, size);
    }
    return size;
  };
  let pages = 0;
  let overBudget = 0;
  let largest: PageStats['largest'] = null;
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.html') || entry.startsWith(`pagefind${sep}`)) continue;
    const html = readFileSync(join(root, entry));
    let gzipBytes = gzipSync(html).length;
    for (const link of html.toString('utf8').matchAll(/<link\b[^>]*>/g)) {
      if (!/rel=["']?stylesheet/.test(link[0])) continue;
      const href = /href=["']?([^"' >]+)/.exec(link[0])?.[1];
      if (href?.startsWith('/')) gzipBytes += cssGzip(href);
    }
    pages++;
    if (gzipBytes > PAGE_BUDGET) overBudget++;
    if (!largest || gzipBytes > largest.gzipBytes) largest = { path: entry.split(sep).join('/'), gzipBytes, rawBytes: html.length };
  }
  return { pages, largest, overBudget };
}

/** A bare Astro project with `pages` pages, generated once under the cache. */
export function bareAstroProject(pages: number): string {
  const dir = join(cacheRoot(), `bare-astro-p${pages}-v1`);
  // The project links this repository's node_modules: a copy made from another checkout that is
  // gone since has a dangling link, made again here.
  const modules = join(dir, 'node_modules');
  if (!existsSync(join(modules, 'astro'))) {
    rmSync(modules, { force: true, recursive: true });
    if (existsSync(dir)) symlinkSync(join(REPO, 'node_modules'), modules, 'dir');
  }
  if (existsSync(join(dir, 'src', 'data', 'pages.json'))) return dir;
  mkdirSync(join(dir, 'src', 'pages', 'p'), { recursive: true });
  mkdirSync(join(dir, 'src', 'data'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }, null, 2)}\n`);
  // Vite's cache stays here, not in the linked node_modules of the repository.
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { trailingSlash: 'always', build: { format: 'directory' }, vite: { cacheDir: './.vite-cache' } };\n`);
  const random = mulberry32(pages);
  const data = Array.from({ length: pages }, (_, i) => ({
    slug: `page-${i + 1}`,
    title: `Page ${i + 1}`,
    values: Array.from({ length: 60 }, () => Math.round(10 + 90 * random())),
  }));
  writeFileSync(join(dir, 'src', 'data', 'pages.json'), JSON.stringify(data));
  writeFileSync(
    join(dir, 'src', 'pages', 'p', '[slug].astro'),
    `---
import pages from '../../data/pages.json';
export function getStaticPaths() {
  return pages.map((page) => ({ params: { slug: page.slug }, props: page }));
}
const { title, values } = Astro.props;
const max = Math.max(...values);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body>
    <main>
      <h1>{title}</h1>
      <p>Sixty values as bars, drawn at build time.</p>
      <svg viewBox="0 0 600 200" width="600" height="200" role="img" aria-label={title}>
        {values.map((v, i) => <rect x={i * 10} y={200 - (v / max) * 190} width="8" height={(v / max) * 190}><title>{\`\${i + 1}: \${v}\`}</title></rect>)}
      </svg>
    </main>
  </body>
</html>
<style>
  main { max-width: 40rem; margin: 2rem auto; font-family: system-ui, sans-serif; }
  rect { fill: #3a7d5c; }
</style>
`,
  );
  return dir;
}

export interface SiteRun {
  target: number;
  segments: number;
  project: Measurement[];
  bare: Measurement[];
  projectPages: PageStats | null;
  barePages: PageStats | null;
}

export interface SiteOptions {
  pages: number[];
  runs: number;
  timeoutSeconds: number;
  log: (line: string) => void;
}


export async function runSiteBench(options: SiteOptions): Promise<SiteRun[]> {
  const out: SiteRun[] = [];
  for (const target of options.pages) {
    const segments = segmentsForPages(target);
    const dataset = ensureDataset(siteShape(segments), options.log);
    const run: SiteRun = { target, segments, project: [], bare: [], projectPages: null, barePages: null };
    const siteDir = join(cacheRoot(), 'sites', `project-k${segments}`);
    for (let i = 0; i < options.runs; i++) {
      rmSync(siteDir, { recursive: true, force: true });
      mkdirSync(join(siteDir, '..'), { recursive: true });
      options.log(`site ${target}: project build, ${segments} segments (run ${i + 1}/${options.runs}) ...`);
      const project = await measureNode([join(REPO, 'scripts', 'build.ts'), '--data', dataset.dir, '--out', siteDir, '--quiet'], {
        cwd: REPO,
        timeoutSeconds: options.timeoutSeconds,
      });
      run.project.push(project);
      options.log(`  project: ${describe(project)}`);
      if (project.ok && run.projectPages === null) run.projectPages = pageStats(siteDir);
      rmSync(siteDir, { recursive: true, force: true });
      // The bare project gets as many pages as the project built (the target if it did not).
      const pages = run.projectPages?.pages ?? target;
      const bare = bareAstroProject(pages);
      rmSync(join(bare, 'dist'), { recursive: true, force: true });
      options.log(`site ${target}: bare Astro, ${pages} pages (run ${i + 1}/${options.runs}) ...`);
      const measured = await measureNode([join(bare, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
        cwd: bare,
        env: { ASTRO_TELEMETRY_DISABLED: '1' },
        timeoutSeconds: options.timeoutSeconds,
      });
      run.bare.push(measured);
      options.log(`  bare: ${describe(measured)}`);
      if (measured.ok && run.barePages === null) run.barePages = pageStats(join(bare, 'dist'));
      rmSync(join(bare, 'dist'), { recursive: true, force: true });
    }
    out.push(run);
  }
  return out;
}
