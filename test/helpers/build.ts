/**
 * Runs the real build command (`node scripts/build.ts`) as a child process, as CI and analysts do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunningScript {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has ended. */
  done: Promise<CommandResult & { signal: NodeJS.Signals | null }>;
}

/** Starts `node scripts/<script>` with the project's Node, without waiting for it. */
export function startScript(script: string, args: string[], env: Record<string, string> = {}): RunningScript {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, TRUST_TODAY: '2026-11-23', ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<CommandResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/** Runs `node scripts/<script>` as CI and analysts do, and waits for it. */
export async function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  const { code, stdout, stderr } = await startScript(script, args, env).done;
  return { code, stdout, stderr };
}

/** Every file under a folder with the SHA-256 of its bytes, for "left untouched" checks. */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(current: string) {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  }
  await walk(dir);
  return out;
}
