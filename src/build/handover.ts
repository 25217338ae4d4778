/**
 * The folders of the running build or dev server, handed to modules that Astro evaluates itself
 * (src/content.config.ts runs in Vite's module runner, a separate module graph in the same
 * process): one slot on globalThis under a registered symbol, set by the integration when it is
 * created with its options. Nothing here reads the environment.
 */
export interface SiteFolders {
  dataDir: string;
  contentDir: string;
}

const SLOT = Symbol.for('trust-benchmarks.folders');

export function handOverFolders(folders: SiteFolders): void {
  (globalThis as { [SLOT]?: SiteFolders })[SLOT] = { ...folders };
}

/** The folders the integration was created with, or undefined outside a build or dev server. */
export function siteFolders(): SiteFolders | undefined {
  return (globalThis as { [SLOT]?: SiteFolders })[SLOT];
}
