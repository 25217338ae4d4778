/**
 * One Astro render at a time per project. Astro keeps per-build state in the project itself (the
 * content modules in `.astro/`, the content data store in `node_modules/.astro/`, and, when the
 * output folder is outside the working directory, the prerendered chunks in `.astro/.prerender/`),
 * so two builds of one project at once (two data folders in a CI matrix, a test run) would read
 * each other's files. A build takes a lock folder with its pid before rendering and waits while
 * another holds it; a lock whose process has ended, or one left without a pid for a minute, is
 * taken over.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where a project's render lock lives. */
export function renderLockPath(root: string): string {
  return join(root, 'node_modules', '.cache', 'trust-benchmarks', 'render.lock');
}

/**
 * A lock whose holder has ended (a killed run), or one left without its pid (killed between
 * taking the lock and writing it) for more than a minute.
 */
export function lockIsStale(lock: string, now = Date.now()): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    try {
      return now - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the lock if this process holds it: for a build killed while rendering. */
export function releaseIfHeld(lock: string): void {
  try {
    if (readFileSync(join(lock, 'pid'), 'utf8') === String(process.pid)) rmSync(lock, { recursive: true, force: true });
  } catch {
    // not held
  }
}

/**
 * Runs `work` holding the lock folder `lock`; calls `onWait` once if another process holds it.
 * Polls every `interval` ms.
 */
export async function withLock<T>(lock: string, work: () => Promise<T>, onWait?: () => void, interval = 250): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!told) {
        told = true;
        onWait?.();
      }
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
