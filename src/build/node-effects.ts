/**
 * The build's effects on a real machine: the file system, Astro and Pagefind, and the process's
 * output. `abort()` runs the cleanups the build registered (scripts/build.ts calls it on exit and
 * on Ctrl-C or kill).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { releaseIfHeld, renderLockPath, withLock } from './render-lock.ts';
import type { BuildEffects } from './site.ts';

/** What the search index leaves out of each page's <main>. */
const SEARCH_EXCLUDED = ['.chart-frame', '.chart-notes', '.chart-data', '.chart-download', '.sparkline', '.table-scroll'];

export interface NodeEffects {
  effects: BuildEffects;
  /** Runs every registered cleanup once (the staging folder, the search indexer). */
  abort(): void;
}

/** Counts the pages written so far into a folder being rendered, for the progress line. */
function pagesWritten(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
  } catch {
    return 0;
  }
}

export function nodeEffects(output: { log(line: string): void; progress(text: string | undefined): void; showProgress: boolean }): NodeEffects {
  const cleanups = new Set<() => void>();
  let closeIndexer: (() => unknown) | undefined;
  const effects: BuildEffects = {
    log: output.log,
    progress: output.progress,
    now: () => performance.now(),
    makeFolder: (path) => mkdirSync(path),
    writeFile: (path, text) => writeFileSync(path, text),
    writeJson: async (path, value) => {
      const { writeJsonFile } = await import('../integration/json-file.ts');
      await writeJsonFile(path, value);
    },
    rename: (from, to) => renameSync(from, to),
    remove: (path) => rmSync(path, { recursive: true, force: true }),
    onAbort(cleanup) {
      cleanups.add(cleanup);
      return () => cleanups.delete(cleanup);
    },
    async renderSite({ root, outDir, dataDir, contentDir, report, reportFile, logLevel }) {
      const { build } = await import('astro');
      const { astroConfig } = await import('./astro-config.ts');
      // On a terminal, the progress line counts the pages as Astro writes them.
      const timer = output.showProgress
        ? setInterval(() => {
            // Astro bundles first and writes the pages at the end.
            const written = pagesWritten(outDir);
            if (written > 0) output.progress(`rendering the pages: ${written.toLocaleString('en-US')} written`);
          }, 1000)
        : undefined;
      // One render at a time per project (render-lock.ts); a killed build leaves no lock behind.
      const lock = renderLockPath(root);
      const dropLock = () => releaseIfHeld(lock);
      cleanups.add(dropLock);
      try {
        await withLock(
          lock,
          () =>
            build({
              ...astroConfig({ dataDir, contentDir, report: { report, file: reportFile } }),
              configFile: false,
              root,
              outDir,
              logLevel,
            }),
          () => output.progress('waiting for another build of this project to finish rendering'),
        );
      } finally {
        cleanups.delete(dropLock);
        if (timer) clearInterval(timer);
      }
    },
    async indexSite(siteDir) {
      // One index per language (Pagefind splits by each page's lang), from each page's <main>
      // only: the charts and tables repeat figures that pages state in words, and each segment,
      // metric and benchmark figure has a page of its own.
      const pagefind = await import('pagefind');
      closeIndexer = pagefind.close;
      const stop = () => void closeIndexer?.();
      cleanups.add(stop);
      try {
        const { index, errors } = await pagefind.createIndex({ rootSelector: 'main', excludeSelectors: SEARCH_EXCLUDED });
        if (!index) throw new Error(errors.join('; '));
        const added = await index.addDirectory({ path: siteDir });
        if (added.errors.length) throw new Error(added.errors.join('; '));
        const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
        if (written.errors.length) throw new Error(written.errors.join('; '));
        await pagefind.close();
        return added.page_count;
      } finally {
        closeIndexer = undefined;
        cleanups.delete(stop);
      }
    },
  };
  return {
    effects,
    abort() {
      // The indexer first: it writes into the staging folder from its own process.
      const all = [...cleanups].reverse();
      cleanups.clear();
      for (const cleanup of all) cleanup();
    },
  };
}
