/**
 * Runs one Node script as a child process and measures it as a whole: wall time from spawn to
 * exit, peak RSS and CPU time (reported by usage-reporter.ts from inside the child), with a
 * timeout that stops the child and its process group instead of hanging.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPORTER = pathToFileURL(join(import.meta.dirname, 'usage-reporter.ts')).href;

export interface Measurement {
  /** Exit code 0 within the time allowed. */
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  wallSeconds: number;
  /** Peak RSS of the Node process in MiB; null when it could not report (killed). */
  peakMiB: number | null;
  cpuSeconds: number | null;
  /** One-minute load average when the run started. */
  load: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Seconds before the child is stopped (SIGTERM, then SIGKILL 15 s later). */
  timeoutSeconds: number;
  /** Echo the child's output as it comes. */
  echo?: boolean;
}

/** Keeps the last `limit` characters of a stream. */
function tail(limit: number) {
  let text = '';
  return {
    add(chunk: Buffer) {
      text += chunk.toString();
      if (text.length > 2 * limit) text = text.slice(-limit);
    },
    get: () => text.slice(-limit),
  };
}

/** `node [args]` with the current Node binary (the project's Node 24 under npm). */
export async function measureNode(args: readonly string[], options: RunOptions): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'trust-bench-usage-'));
  const usageFile = join(dir, 'usage.json');
  const load = loadavg()[0]!;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORTER, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, TRUST_BENCH_USAGE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a timeout stops whatever it started as well
  });
  const stdout = tail(20_000);
  const stderr = tail(20_000);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout.add(chunk);
    if (options.echo) process.stdout.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.add(chunk);
    if (options.echo) process.stderr.write(chunk);
  });
  let timedOut = false;
  const stop = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  let killer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    stop('SIGTERM');
    killer = setTimeout(() => stop('SIGKILL'), 15_000);
  }, options.timeoutSeconds * 1000);
  // Ctrl-C on the bench stops the child too.
  const onSignal = () => stop('SIGTERM');
  process.once('SIGINT', onSignal);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallSeconds = (performance.now() - started) / 1000;
  clearTimeout(timer);
  clearTimeout(killer);
  process.removeListener('SIGINT', onSignal);
  let peakMiB: number | null = null;
  let cpuSeconds: number | null = null;
  try {
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKiB: number; cpuSeconds: number };
    peakMiB = usage.maxRssKiB / 1024;
    cpuSeconds = usage.cpuSeconds;
  } catch {
    // killed before it could report
  }
  rmSync(dir, { recursive: true, force: true });
  return { ok: exitCode === 0 && !timedOut, exitCode, timedOut, wallSeconds, peakMiB, cpuSeconds, load, stdout: stdout.get(), stderr: stderr.get() };
}

/** Median of numbers (the middle one, or the mean of the two middle ones). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The last lines of a child's output, on one line, for a failure message. */
export const lastLines = (text: string, lines = 3) => text.trim().split('\n').slice(-lines).join(' | ');

/** One run in a progress line: time, CPU, memory and load, or how it failed. */
export function describe(m: Measurement): string {
  if (m.timedOut) return `TIMEOUT after ${m.wallSeconds.toFixed(0)} s`;
  if (!m.ok) return `FAILED (exit ${m.exitCode}) after ${m.wallSeconds.toFixed(1)} s: ${lastLines(m.stderr || m.stdout)}`;
  return `${m.wallSeconds.toFixed(1)} s, CPU ${m.cpuSeconds?.toFixed(1) ?? '?'} s, ${m.peakMiB?.toFixed(0) ?? '?'} MiB (load ${m.load.toFixed(1)})`;
}

/** Median of a field over the successful runs, or null when none succeeded. */
export function medianOf(runs: readonly Measurement[], field: 'wallSeconds' | 'peakMiB' | 'cpuSeconds'): number | null {
  const values = runs.filter((m) => m.ok && m[field] !== null).map((m) => m[field]!);
  return values.length ? median(values) : null;
}
