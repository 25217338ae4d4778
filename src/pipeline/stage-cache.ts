/**
 * Results of the data build's stages kept between builds, for the dev server: a stage runs again
 * only when one of its input files (or a stage it depends on) changed. A file counts as changed
 * when its size, modification time, inode or change time differ; a folder, when any file below it
 * did, or one was added or removed.
 *
 * A stage's value must not be changed by whoever reads it: later builds read the same value. The
 * stages hand out aggregates and parsed inputs; every build computes its figures from them anew.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface StageCache {
  /** Per stage name: the key of its inputs when it ran, and its value. */
  readonly entries: Map<string, { key: string; value: unknown }>;
  /** Stages run and reused since the cache was made (for tests and the dev server's log). */
  readonly stats: { ran: string[]; reused: string[] };
}

export function createStageCache(): StageCache {
  return { entries: new Map(), stats: { ran: [], reused: [] } };
}

/** Size, times and inode of each path, and of everything below a folder, as one string. */
export async function fingerprint(paths: readonly string[]): Promise<string> {
  const parts: string[] = [];
  const visit = async (path: string, depth: number): Promise<void> => {
    let info: Stats;
    try {
      info = await lstat(path);
    } catch {
      parts.push(`${path}:absent`);
      return;
    }
    parts.push(`${path}:${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`);
    if (info.isDirectory() && depth < 4) {
      const names = (await readdir(path).catch(() => [] as string[])).sort();
      for (const name of names) await visit(join(path, name), depth + 1);
    }
  };
  for (const path of paths) await visit(path, 0);
  return parts.join('\n');
}

/** Whether `stage` would reuse the value held for this key. */
export function isCached(cache: StageCache | undefined, name: string, key: string): boolean {
  return cache?.entries.get(name)?.key === key;
}

/**
 * The stage's value: reused when the cache holds one for the same key, computed (and kept)
 * otherwise. Without a cache it is simply computed.
 */
export async function stage<T>(cache: StageCache | undefined, name: string, key: string, compute: () => Promise<T>): Promise<T> {
  if (!cache) return compute();
  const held = cache.entries.get(name);
  if (held && held.key === key) {
    cache.stats.reused.push(name);
    return held.value as T;
  }
  const value = await compute();
  cache.entries.set(name, { key, value });
  cache.stats.ran.push(name);
  return value;
}
