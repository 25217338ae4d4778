/**
 * Helpers for the command-line tests: waiting for a started script (startScript in build.ts) to
 * reach a state, and the pid of a process that has certainly ended.
 */
import { spawnSync } from 'node:child_process';

/** Polls until the condition holds; fails after the timeout. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pid of a process that has ended, as a killed build's staging folder would carry. */
export function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

/** A line of stderr that looks like a stack frame. */
export const STACK_FRAME = /^\s+at /m;
