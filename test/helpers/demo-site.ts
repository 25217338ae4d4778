/**
 * The demo site, built once and shared by every test file that only reads it (build, editorial,
 * layout, browser), instead of one Astro build per file.
 *
 * The build runs the real command (`node scripts/build.ts --out … --quiet`, as CI does) into
 * `node_modules/.cache/trust-benchmarks/test-site/<key>/dist`, where the key is a SHA-256 of
 * every input of the build: the source, scripts, demo data, guidance, public files, the Astro,
 * TypeScript and package files and the Node version. The first test file that asks builds it;
 * the others, in other workers at the same time, wait for it (a lock folder with the builder's
 * pid; a lock whose process has ended is taken over). A later run with the same inputs reuses it;
 * any change to an input builds afresh (TRUST_DATA and TRUST_CONTENT are part of the key too).
 * Tests must not write into the folder: a test that builds into an existing site copies it first
 * (`copyDemoSite`).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { withLock } from '../../src/build/render-lock.ts';
import { ROOT, runScript, type CommandResult } from './build.ts';

/** Folders and files whose content decides what the build writes. */
const INPUTS = ['src', 'scripts', 'data', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];
const CACHE = join(ROOT, 'node_modules', '.cache', 'trust-benchmarks', 'test-site');

export interface DemoSite extends CommandResult {
  /** The built site (read only). */
  dir: string;
  /** True when an earlier run or another test file built it. */
  reused: boolean;
}

let memo: Promise<DemoSite> | undefined;

/** The demo site built by `npm run build` with the default options; built at most once per set of inputs. */
export function demoSite(): Promise<DemoSite> {
  return (memo ??= sharedBuild());
}

/** A private copy of the demo site, for a test that builds into an existing site folder. */
export async function copyDemoSite(into: string): Promise<string> {
  const site = await demoSite();
  if (site.code !== 0) throw new Error(`the demo site did not build:\n${site.stderr}`);
  await cp(site.dir, into, { recursive: true });
  return into;
}

/** The key of the build's inputs. */
export async function inputKey(): Promise<string> {
  const env = ['TRUST_DATA', 'TRUST_CONTENT'].map((name) => `${name}=${process.env[name] ?? ''}`).join('\n');
  const hash = createHash('sha256').update(`node ${process.version}\n${env}\n`);
  const files: string[] = [];
  async function walk(path: string) {
    if (!existsSync(path)) return;
    const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
    if (entries === null) files.push(path);
    else for (const entry of entries) await walk(join(path, entry.name));
  }
  for (const input of INPUTS) await walk(join(ROOT, input));
  for (const file of files.sort()) hash.update(`${relative(ROOT, file)}\n`).update(await readFile(file)).update('\n');
  return hash.digest('hex').slice(0, 16);
}

async function sharedBuild(): Promise<DemoSite> {
  const key = await inputKey();
  const done = join(CACHE, key);
  /** A finished build of these inputs, marked as used now; null if there is none yet. */
  const reuse = async (): Promise<DemoSite | null> => {
    const ready = await readResult(done);
    if (!ready) return null;
    const now = new Date();
    await utimes(join(done, 'result.json'), now, now);
    return { ...ready, dir: join(done, 'dist'), reused: true };
  };
  const cached = await reuse();
  if (cached) return cached;
  // One builder per set of inputs (the render lock's own mechanism); the others wait, then reuse.
  return withLock(join(CACHE, `${key}.lock`), async () => {
    // Someone may have finished between our look and our lock.
    const again = await reuse();
    if (again) return again;
    const work = await mkdtemp(join(CACHE, `${key}.building-`));
    const result = await runScript('build.ts', ['--out', join(work, 'dist'), '--quiet']);
    if (result.code !== 0 || result.stderr !== '') {
      // Not cached: the test file that asked reports it; the next one tries again.
      await rm(work, { recursive: true, force: true });
      return { ...result, dir: join(work, 'dist'), reused: false };
    }
    await writeFile(join(work, 'result.json'), JSON.stringify(result));
    await rename(work, done);
    await removeOthers(key);
    return { ...result, dir: join(done, 'dist'), reused: false };
  });
}

async function readResult(folder: string): Promise<CommandResult | null> {
  try {
    return JSON.parse(await readFile(join(folder, 'result.json'), 'utf8')) as CommandResult;
  } catch {
    return null;
  }
}

/**
 * Sites of other inputs not used for 15 minutes (longer than any test file reads one), and builds
 * abandoned as long ago, so the cache holds about one site (50 MB for the demo).
 */
async function removeOthers(key: string): Promise<void> {
  const unused = Date.now() - 15 * 60_000;
  for (const name of await readdir(CACHE)) {
    if (name.startsWith(key) || name.endsWith('.lock')) continue;
    const used = await stat(join(CACHE, name, 'result.json')).catch(() => stat(join(CACHE, name)));
    if (used.mtimeMs < unused) await rm(join(CACHE, name), { recursive: true, force: true });
  }
}
