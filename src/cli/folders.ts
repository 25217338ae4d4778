/**
 * Folder rules of the command line: the data and content folders must exist, and the build
 * writes only to an output folder that is new, empty or a site it wrote itself (marked with
 * MARKER_FILE). Everything the build keeps while it works lives in one staging folder beside
 * the output, marked the same way, so an interrupted build can be cleaned up by the next one.
 */
import { lstatSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written into every build's output and staging folder: "this folder is ours to replace". */
export const MARKER_FILE = '.trust-benchmarks-site';
export const MARKER_TEXT =
  'This folder was written by the trust-benchmarks build (npm run build).\n' +
  'The next build with this output folder replaces everything in it; keep no other files here.\n';

/** The repository this code lives in (the project root). */
export const REPOSITORY_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** How a folder is named in messages: relative to the working folder when inside it, else absolute. */
export function displayFolder(dir: string, cwd = process.cwd()): string {
  const rel = relative(cwd, dir);
  if (rel === '') return './';
  if (rel.startsWith('..') || rel.startsWith(sep)) return dir.endsWith(sep) ? dir : `${dir}${sep}`;
  return `${rel}${sep}`;
}

/** A message about a folder given on the command line that cannot be used. */
export function missingFolder(role: 'data' | 'content', dir: string): string | undefined {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    const shown = displayFolder(dir);
    const absolute = shown === dir || shown === `${dir}${sep}`;
    return `the ${role} folder ${shown} does not exist${absolute ? '' : ` (looked for ${dir})`}`;
  }
  return isDirectory ? undefined : `the ${role} folder ${displayFolder(dir)} is a file, not a folder`;
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor resolved. */
function realPath(path: string): string {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      missing.push(basename(current));
      current = parent;
    }
  }
}

/** a is b, or inside b. */
function within(a: string, b: string): boolean {
  return a === b || a.startsWith(b.endsWith(sep) ? b : `${b}${sep}`);
}

function hasMarker(dir: string): boolean {
  try {
    return lstatSync(join(dir, MARKER_FILE)).isFile();
  } catch {
    return false;
  }
}

/** The demo dist/ written before output folders were marked: index.html, sitemap.xml, downloads/, pagefind/. */
function isUnmarkedDemoOutput(dir: string, repositoryRoot: string): boolean {
  if (realPath(dir) !== realPath(join(repositoryRoot, 'dist'))) return false;
  const is = (name: string, kind: 'file' | 'dir') => {
    try {
      const s = lstatSync(join(dir, name));
      return kind === 'file' ? s.isFile() : s.isDirectory();
    } catch {
      return false;
    }
  };
  return is('index.html', 'file') && is('sitemap.xml', 'file') && is('downloads', 'dir') && is('pagefind', 'dir');
}

export interface OutputFolderContext {
  dataDir: string;
  contentDir: string;
  home?: string;
  repositoryRoot?: string;
}

/**
 * Why the build must not write into this output folder, or undefined when it may: the folder
 * does not exist, is empty, or holds a site of ours. Reads only; touches nothing.
 */
export function refuseOutputFolder(outDir: string, context: OutputFolderContext): string | undefined {
  const shown = displayFolder(outDir);
  const refuse = (why: string) => `refusing to write the site into ${shown}: ${why}; choose a new or empty folder, e.g. --out public-site`;
  const out = realPath(outDir);
  const data = realPath(context.dataDir);
  const content = realPath(context.contentDir);
  const home = realPath(context.home ?? homedir());
  const root = realPath(context.repositoryRoot ?? REPOSITORY_ROOT);

  if (out === parse(out).root) return refuse('it is the root of the file system');
  if (out === home) return refuse('it is your home folder');
  if (within(home, out)) return refuse('it contains your home folder');
  if (out === root) return refuse('it is the repository root');
  if (within(root, out)) return refuse('it contains the repository');
  if (out === data) return refuse('it is the data folder');
  if (within(data, out)) return refuse(`it contains the data folder ${displayFolder(context.dataDir)}`);
  if (within(out, data)) return refuse(`it is inside the data folder ${displayFolder(context.dataDir)}`);
  if (out === content) return refuse('it is the content folder');
  if (within(content, out)) return refuse(`it contains the content folder ${displayFolder(context.contentDir)}`);
  if (within(out, content)) return refuse(`it is inside the content folder ${displayFolder(context.contentDir)}`);
  return refuseExisting(outDir, root);
}

/** The part of the rule that depends on what is in the folder now; checked again just before the swap. */
export function refuseExisting(outDir: string, repositoryRoot = REPOSITORY_ROOT): string | undefined {
  const shown = displayFolder(outDir);
  const refuse = (why: string) => `refusing to write the site into ${shown}: ${why}; choose a new or empty folder, e.g. --out public-site`;
  let stats;
  try {
    stats = lstatSync(outDir);
  } catch {
    return undefined; // does not exist: created by the swap
  }
  if (stats.isSymbolicLink()) return refuse('it is a symbolic link (give the folder it points to)');
  if (!stats.isDirectory()) return refuse('it is a file, not a folder').replace(`${shown}:`, `${shown.replace(/[\\/]$/, '')}:`);
  if (hasMarker(outDir) || isUnmarkedDemoOutput(outDir, repositoryRoot)) return undefined;
  if (readdirSync(outDir).length === 0) return undefined;
  return refuse(`it holds files that no earlier build wrote (there is no ${MARKER_FILE} in it), and the build would replace them`);
}

/** `.dist.staging-<pid>` beside `dist`. */
export function stagingFolder(outDir: string, pid = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}.staging-${pid}`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes staging folders of this output left by builds that were killed: only those named like
 * ours, carrying our marker, whose process is gone. Returns their names, for one line of output.
 */
export function removeStaleStaging(outDir: string, remove: (path: string) => void = (path) => rmSync(path, { recursive: true, force: true })): string[] {
  const parent = dirname(outDir);
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(outDir))}\\.staging-(\\d+)$`);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries.sort()) {
    const pid = pattern.exec(name)?.[1];
    if (!pid || isRunning(Number(pid))) continue;
    const dir = join(parent, name);
    try {
      if (!lstatSync(dir).isDirectory() || !hasMarker(dir)) continue;
    } catch {
      continue;
    }
    remove(dir);
    removed.push(name);
  }
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
