/**
 * One Astro render at a time per project (src/build/render-lock.ts): concurrent holders never
 * overlap, a waiting build is told once, the lock goes when the work ends or throws, and a lock
 * left by a process that has ended is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockIsStale, releaseIfHeld, renderLockPath, withLock } from '../src/build/render-lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'render-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the render lock', () => {
  it('lives in the project, beside Astro’s own cache', () => {
    expect(renderLockPath('/p')).toBe('/p/node_modules/.cache/trust-benchmarks/render.lock');
  });

  it('lets one holder work at a time, tells a waiting one once, and is gone afterwards', async () => {
    const lock = join(dir, 'a', 'render.lock');
    const events: string[] = [];
    let waits = 0;
    const job = (name: string) => async () => {
      events.push(`${name} start`);
      expect(existsSync(join(lock, 'pid'))).toBe(true);
      await sleep(60);
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([withLock(lock, job('first'), () => waits++, 10), sleep(5).then(() => withLock(lock, job('second'), () => waits++, 10))]);
    expect(results).toEqual(['first', 'second']);
    expect(events).toEqual(['first start', 'first end', 'second start', 'second end']);
    expect(waits).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('is released when the work throws', async () => {
    const lock = join(dir, 'render.lock');
    await expect(withLock(lock, async () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose process has ended', async () => {
    const lock = join(dir, 'render.lock');
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(ended));
    expect(lockIsStale(lock)).toBe(true);
    let waited = false;
    expect(await withLock(lock, async () => 'done', () => (waited = true), 10)).toBe('done');
    expect(waited).toBe(false);
  });

  it('keeps a lock whose process runs, and one without a pid for a minute', () => {
    const lock = join(dir, 'render.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    expect(lockIsStale(lock)).toBe(false);
    const bare = join(dir, 'bare.lock');
    mkdirSync(bare);
    expect(lockIsStale(bare)).toBe(false);
    expect(lockIsStale(bare, Date.now() + 61_000)).toBe(true);
  });

  it('is removed by its holder after a kill, and left alone by anyone else', () => {
    const mine = join(dir, 'mine.lock');
    mkdirSync(mine);
    writeFileSync(join(mine, 'pid'), String(process.pid));
    releaseIfHeld(mine);
    expect(existsSync(mine)).toBe(false);
    const theirs = join(dir, 'theirs.lock');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'pid'), String(process.pid + 1));
    releaseIfHeld(theirs);
    expect(existsSync(theirs)).toBe(true);
    releaseIfHeld(join(dir, 'absent.lock'));
  });
});
